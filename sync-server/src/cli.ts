#!/usr/bin/env node
/**
 * The `buurthub` command line. `serve` runs the relay on one port (HTTP + sync); the other
 * commands of DESIGN.md §5 are listed in the help once they exist.
 */
import { parseArgs } from 'node:util';
import { seedDemo, DEMO_NEIGHBOURHOOD } from './demo.js';
import { consoleLogger } from './log.js';
import { createRelay, DEFAULT_HOST, DEFAULT_PORT } from './server.js';
import { SqliteStorage } from './storage/sqlite.js';

const HELP = `Usage: buurthub <command> [options]

Commands:
  serve          Run the relay: the PWA, health endpoints and sync on one port.
  help           Show this help.

Options for serve:
  --port <n>     Port to listen on (default ${DEFAULT_PORT}; 0 picks a free one).
  --host <h>     Address to bind (default ${DEFAULT_HOST}, all interfaces;
                 use 127.0.0.1 to serve only this machine).
  --data <dir>   Data directory; holds buurthub.sqlite (default ./data).
  --demo         Seed the demo neighbourhood "${DEMO_NEIGHBOURHOOD}" if it is empty.
  -h, --help     Show this help.

Sync URL: ws://HOST:PORT/sync/<neighbourhood>/<public|community|moderation>
`;

class UsageError extends Error {}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new UsageError(`--port must be a number from 0 to 65535, got "${value}"`);
  }
  return port;
}

async function serve(args: string[]): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string', default: String(DEFAULT_PORT) },
        host: { type: 'string', default: DEFAULT_HOST },
        data: { type: 'string', default: './data' },
        demo: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const port = parsePort(values.port);
  const storage = new SqliteStorage(values.data);
  if (values.demo) {
    const seeded = await seedDemo(storage);
    consoleLogger.info(
      seeded
        ? `demo neighbourhood "${DEMO_NEIGHBOURHOOD}" seeded`
        : `demo neighbourhood "${DEMO_NEIGHBOURHOOD}" already has content, not seeded again`,
    );
  }
  let relay;
  try {
    relay = await createRelay({ port, host: values.host, storage });
  } catch (error) {
    await storage.close();
    throw error;
  }
  const wsUrl = relay.url.replace(/^http/, 'ws');
  // Tests and scripts wait for this line; keep "listening on <url>" in it.
  process.stdout.write(`buurthub relay listening on ${relay.url} (sync: ${wsUrl}/sync)\n`);
  process.stdout.write(`data: ${storage.file}\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    consoleLogger.info(`${signal}: closing connections, compacting rooms`);
    relay
      .close()
      .then(() => storage.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          consoleLogger.error(`shutdown failed: ${String(error)}`);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(HELP);
      return;
    case 'serve':
      return serve(rest);
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

// A relay keeps running after one bad request; log anything that escaped instead of dying.
process.on('uncaughtException', (error) =>
  consoleLogger.error(`uncaught: ${error.stack ?? error}`),
);
process.on('unhandledRejection', (error) => consoleLogger.error(`unhandled: ${String(error)}`));

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`buurthub: ${error.message}\nRun "buurthub --help" for usage.\n`);
    process.exit(2);
  }
  process.stderr.write(`buurthub: ${(error as Error).message ?? String(error)}\n`);
  process.exit(1);
});
