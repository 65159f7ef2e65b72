/**
 * Runs the built `buurthub` CLI as a child process, the way an operator does, and waits
 * for its "listening on" line. Every started process is stopped by `stop()`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export interface CliRelay {
  url: string;
  port: number;
  child: ChildProcess;
  output(): string;
  /** Sends `signal` and resolves with the exit code once the process is gone. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function startCli(args: string[], timeoutMs = 60_000): Promise<CliRelay> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`relay did not start in time:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`relay exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    port: Number(new URL(url).port),
    child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Runs the CLI to completion (for --help and usage errors). */
export async function runCli(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, stdout, stderr };
}

/** `buurthub serve` on 127.0.0.1 and a free port, with `data` as its data directory. */
export function serveCli(data: string, ...extra: string[]): Promise<CliRelay> {
  return startCli(['serve', '--port', '0', '--host', '127.0.0.1', '--data', data, ...extra]);
}

/** The last line a command printed: what `buurthub token` prints for scripts to take. */
export const lastLine = (text: string) => text.trim().split('\n').at(-1) as string;

/** Runs `buurthub token` on a data directory as an operator does; its result and the token. */
export async function mintWithCli(nb: string, role: string, data: string, ...extra: string[]) {
  const result = await runCli(['token', nb, '--role', role, '--data', data, ...extra]);
  return { ...result, token: lastLine(result.stdout) };
}
