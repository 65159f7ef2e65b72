/**
 * Small helpers shared by the workloads: timing, percentiles, ports, and the server child
 * process (spawned with the stats preload, asked for memory/CPU over IPC, stopped by signal).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Wall clock in ms with sub-ms resolution (one process, so performance.now is enough). */
export const now = () => performance.now();

/** Rejects after `ms` with a message naming what we waited for. */
export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Polls `check` until it returns truthy or `ms` pass. */
export async function waitFor(check, ms, what, every = 50) {
  const deadline = now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (now() > deadline) throw new Error(`timed out after ${ms} ms: ${what}`);
    await sleep(every);
  }
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export function summarize(values) {
  const sorted = Float64Array.from(values).sort();
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
  };
}

export function median(values) {
  return summarize(values).p50;
}

/** A free TCP port on 127.0.0.1 (for servers that cannot report the one they picked). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** RSS of any process from /proc (kB → bytes), independent of the IPC stats. */
export function procRss(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

export const PRELOAD = fileURLToPath(new URL('./stats-preload.mjs', import.meta.url));

/**
 * Extra Node.js flags for the servers under test, for profiling (Node does not take
 * --cpu-prof from NODE_OPTIONS): `BUURTHUB_BENCH_SERVER_NODE_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof"`.
 */
const SERVER_NODE_FLAGS = (process.env.BUURTHUB_BENCH_SERVER_NODE_FLAGS ?? '')
  .split(' ')
  .filter(Boolean);

/**
 * One server under test in its own process. `ready` is a regexp on its stdout; the process
 * gets the stats preload, and is stopped with SIGTERM (SIGKILL after `stopTimeoutMs`).
 */
export class ServerProcess {
  constructor({ name, args, env = {}, cwd, ready }) {
    this.name = name;
    this.output = '';
    this.exited = false;
    this.child = spawn(
      process.execPath,
      ['--expose-gc', ...SERVER_NODE_FLAGS, '--import', PRELOAD, ...args],
      {
        cwd,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      },
    );
    this.pid = this.child.pid;
    this.pending = new Map();
    this.nextId = 1;
    this.child.on('message', (message) => {
      const resolve = this.pending.get(message?.id);
      if (resolve) {
        this.pending.delete(message.id);
        resolve(message);
      }
    });
    this.exitedPromise = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => {
        this.exited = true;
        this.exitCode = code;
        this.exitSignal = signal;
        for (const resolvePending of this.pending.values()) resolvePending(null);
        this.pending.clear();
        resolve();
      });
    });
    const keep = (chunk) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    this.child.stdout.on('data', keep);
    this.child.stderr.on('data', keep);
    this.readyPromise = withTimeout(
      new Promise((resolve, reject) => {
        const onData = () => {
          const match = ready.exec(this.output);
          if (match) {
            this.child.stdout.off('data', onData);
            resolve(match);
          }
        };
        this.child.stdout.on('data', onData);
        this.exitedPromise.then(() =>
          reject(new Error(`${name} exited before it was ready:\n${this.output}`)),
        );
      }),
      30_000,
      `${name} to start`,
    );
  }

  ready() {
    return this.readyPromise;
  }

  /** { memory: process.memoryUsage(), cpu: process.cpuUsage() } of the server. */
  async stats({ gc = false } = {}) {
    if (this.exited) throw new Error(`${this.name} is not running:\n${this.output}`);
    const id = this.nextId++;
    const reply = new Promise((resolve) => this.pending.set(id, resolve));
    this.child.send({ type: 'bench-stats', id, gc });
    const message = await withTimeout(reply, 30_000, `${this.name} stats`);
    if (!message) throw new Error(`${this.name} exited:\n${this.output}`);
    return { ...message, procRss: procRss(this.pid) };
  }

  async stop(stopTimeoutMs = 20_000) {
    if (this.exited) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => {
      if (!this.exited) this.child.kill('SIGKILL');
    }, stopTimeoutMs);
    await this.exitedPromise;
    clearTimeout(timer);
  }
}

/** CPU seconds used by this process between two process.cpuUsage() readings. */
export function cpuSeconds(before, after) {
  return (after.user - before.user + after.system - before.system) / 1e6;
}

/** Busy CPU seconds of the whole machine so far (all cores), from /proc/stat. */
export function machineBusySeconds() {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
    // user nice system idle iowait irq softirq steal; idle and iowait are not busy.
    const [user, nice, system, _idle, _iowait, irq, softirq, steal] = line
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    return (user + nice + system + irq + softirq + steal) / 100; // USER_HZ = 100 on Linux
  } catch {
    return NaN;
  }
}

/**
 * Measures CPU use over a phase: the server process (IPC), this client process, the
 * services the server depends on (if `proc.serviceCpuSeconds()` reads them: Redis and
 * PostgreSQL of a scaled-out relay) and the rest of the machine (other engineers' tests
 * share it) — in CPU seconds.
 */
export async function cpuMeter(proc) {
  const servicesNow = () => proc.serviceCpuSeconds?.() ?? 0;
  const server0 = (await proc.stats()).cpu;
  const client0 = process.cpuUsage();
  const services0 = servicesNow();
  const machine0 = machineBusySeconds();
  const started = performance.now();
  return async () => {
    const server = cpuSeconds(server0, (await proc.stats()).cpu);
    const client = cpuSeconds(client0, process.cpuUsage());
    const services = servicesNow() - services0;
    const machine = machineBusySeconds() - machine0;
    const seconds = (performance.now() - started) / 1000;
    return {
      seconds,
      server,
      client,
      services,
      others: Math.max(0, machine - server - client - services),
    };
  };
}

/**
 * The machine is shared (other engineers' builds and tests): before a measurement, wait
 * until the rest of the machine uses less than `maxCores` for a 1-second sample, at most
 * `maxWaitMs`. Returns the last sample (cores busy) so the report can show it.
 */
export async function waitForQuiet({ maxCores = 0.5, maxWaitMs = 45_000 } = {}) {
  const deadline = performance.now() + maxWaitMs;
  for (;;) {
    const m0 = machineBusySeconds();
    const c0 = process.cpuUsage();
    await sleep(1000);
    const busy = machineBusySeconds() - m0 - cpuSeconds(c0, process.cpuUsage());
    if (!(busy >= maxCores) || performance.now() > deadline) return busy;
  }
}
