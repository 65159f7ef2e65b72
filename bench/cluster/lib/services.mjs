/**
 * The scaled-out relay's services for the cluster benchmark: a private redis-server laid
 * out as docs/operations.md recommends (AOF, fsync every second), a fresh schema in the
 * machine's PostgreSQL per setup (dropped afterwards), and the CPU those services use.
 * The relay's tests start theirs with the same two pieces (`freshSchema`, `spawnRedis`;
 * sync-server/test/helpers/scaleout.ts).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { freePort, waitFor } from '../../relay/lib/util.mjs';

export const POSTGRES_URL =
  process.env.BUURTHUB_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/**
 * A fresh schema named `<prefix><unique>` in the database at `base`, and its URL for the
 * relays (`?schema=`); `drop()` removes it with everything in it.
 * @param {string} base
 * @param {string} prefix
 */
export function freshSchema(base, prefix) {
  const schema = `${prefix}${unique()}`;
  const url = new URL(base);
  url.searchParams.set('schema', schema);
  return {
    schema,
    url: url.href,
    async drop() {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A fresh schema's URL for the benchmark's relays. */
export const postgresSchema = () => freshSchema(POSTGRES_URL, 'bh_bench_');

/** PostgreSQL's server version, for the report. */
export async function postgresVersion() {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    const { rows } = await client.query('SHOW server_version');
    return rows[0].server_version;
  } finally {
    await client.end();
  }
}

/**
 * Starts redis-server on 127.0.0.1:`port` with its append-only file in `dir`, fsync'd
 * `always` or `everysec`, and resolves with the process once it answers PING.
 * @param {{ port: number, dir: string, appendfsync: 'always' | 'everysec' }} options
 * @returns {Promise<import('node:child_process').ChildProcess>}
 */
export async function spawnRedis({ port, dir, appendfsync }) {
  const child = spawn(
    'redis-server',
    [
      '--bind',
      '127.0.0.1',
      '--port',
      String(port),
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--appendfsync',
      appendfsync,
      '--save',
      '',
    ],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  await waitFor(
    async () => {
      const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0 });
      probe.on('error', () => {});
      try {
        await probe.connect();
        return (await probe.ping()) === 'PONG';
      } catch {
        return false;
      } finally {
        probe.disconnect();
      }
    },
    10_000,
    `redis-server on ${port}`,
  );
  return child;
}

/**
 * A private redis-server on a free port with `appendonly yes`, `appendfsync everysec` (the
 * production layout) in a temp directory; `stop()` kills it and removes the directory.
 */
export async function startRedis() {
  const dir = mkdtempSync(join(tmpdir(), 'buurthub-bench-redis-'));
  const port = await freePort();
  const child = await spawnRedis({ port, dir, appendfsync: 'everysec' });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const version = await new Promise((resolve) => {
    const info = spawn('redis-server', ['--version']);
    let out = '';
    info.stdout.on('data', (chunk) => (out += chunk));
    info.on('close', () => resolve(/v=(\S+)/.exec(out)?.[1] ?? 'unknown'));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    pid: child.pid,
    version,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** utime + stime of one process from /proc (clock ticks → seconds); 0 once it is gone. */
function processCpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces; the fields after its closing parenthesis do not.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ = 100 on Linux
  } catch {
    return 0;
  }
}

function processName(pid) {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

/**
 * CPU seconds so far of our redis-server and of every PostgreSQL process on the machine.
 * PostgreSQL is the machine's shared server: other engineers' tests that use it during a
 * run count here too (the benchmark reports it as service CPU, not as the relays').
 */
export function serviceCpuSeconds(redisPid) {
  let seconds = processCpuSeconds(redisPid);
  for (const entry of readdirSync('/proc')) {
    if (/^\d+$/.test(entry) && processName(entry) === 'postgres') {
      seconds += processCpuSeconds(entry);
    }
  }
  return seconds;
}
