/**
 * The three servers under test. Each `start()` spawns the server in its own process (with
 * the stats preload) on 127.0.0.1 and returns a target the clients understand:
 * { protocol, wsBase, proc, token(room, subject) }.
 *
 *  - buurthub: `buurthub serve` from sync-server/dist with a SQLite data directory
 *    (durable: every update committed before fan-out) and, when the CLI has the `token`
 *    command, authentication with resident tokens minted by `buurthub token`.
 *  - y-websocket-server: the reference @y/websocket-server 0.1.1, its own bin script with
 *    its defaults (in memory: it persists only with YPERSISTENCE set, which we do not set).
 *  - hocuspocus: @hocuspocus/server with its defaults (no extensions: in memory only).
 */
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { freePort, ServerProcess } from './util.mjs';

const run = promisify(execFile);
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const BUURTHUB_CLI = join(ROOT, 'sync-server', 'dist', 'cli.js');
const require = createRequire(import.meta.url);

/** What the installed `buurthub` CLI offers: token command, its --sub and --ttl flags. */
export async function probeBuurthubCli() {
  const { stdout: help } = await run(process.execPath, [BUURTHUB_CLI, '--help']);
  const hasToken = /^\s+token\b/m.test(help);
  let tokenHelp = '';
  if (hasToken) {
    const result = await run(process.execPath, [BUURTHUB_CLI, 'token', '--help']).catch(
      (error) => error,
    );
    tokenHelp = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  }
  return {
    hasToken,
    hasSub: /--sub\b/.test(tokenHelp),
    hasTtl: /--ttl\b/.test(tokenHelp),
  };
}

/**
 * Mints resident tokens for a relay's storage, cached by (nb, subject). `storageArgs` are
 * the CLI flags that name it (`--data DIR` or `--postgres URL`); `openStorage(library)`
 * opens the same storage in this process.
 * Preferred: the library's exported `mintTokenFor` with the relay's own keys (what
 * `buurthub token` does, without a Node start-up per token — a run needs a few hundred).
 * Fallback: the `buurthub token` CLI, two at a time.
 */
export class TokenMinter {
  constructor({ storageArgs, openStorage }, cli, library, parallel = 2) {
    this.storageArgs = storageArgs;
    this.openStorage = openStorage;
    this.cli = cli;
    this.library = library;
    this.storage = null;
    this.cache = new Map();
    this.queue = [];
    this.active = 0;
    this.parallel = parallel;
    this.minted = 0;
    this.mintSeconds = 0;
    this.via = library
      ? 'the exported mintTokenFor helper (same keys as `buurthub token`)'
      : '`buurthub token`';
  }

  token(nb, subject) {
    const key = `${nb}|${subject}`;
    let promise = this.cache.get(key);
    if (!promise) {
      promise = this.library ? this.mintInProcess(nb, subject) : this.mintWithCli(nb, subject);
      this.cache.set(key, promise);
    }
    return promise;
  }

  mintInProcess(nb, subject) {
    // One at a time: each mint loads the signing key from SQLite.
    const job = (this.chain ?? Promise.resolve()).then(async () => {
      const started = performance.now();
      this.storage ??= await this.openStorage(this.library);
      const minted = await this.library.mintTokenFor(
        this.storage,
        { sub: `bench-${nb}-${subject}`, nb, role: 'resident' },
        2 * 3600,
      );
      this.minted++;
      this.mintSeconds += (performance.now() - started) / 1000;
      return minted.token;
    });
    this.chain = job.catch(() => {});
    return job;
  }

  mintWithCli(nb, subject) {
    return new Promise((resolve, reject) => {
      this.queue.push({ nb, subject, resolve, reject });
      this.pump();
    });
  }

  pump() {
    while (this.active < this.parallel && this.queue.length > 0) {
      const job = this.queue.shift();
      this.active++;
      const started = performance.now();
      const args = [BUURTHUB_CLI, 'token', job.nb, '--role', 'resident', ...this.storageArgs];
      if (this.cli.hasSub) args.push('--sub', `bench-${job.nb}-${job.subject}`);
      if (this.cli.hasTtl) args.push('--ttl', '2h');
      run(process.execPath, args, { cwd: ROOT })
        .then(({ stdout }) => {
          const lines = stdout.trim().split('\n');
          const token = lines[lines.length - 1].trim();
          if (!token) throw new Error(`buurthub token printed nothing for ${job.nb}`);
          this.minted++;
          job.resolve(token);
        })
        .catch((error) => job.reject(new Error(`buurthub token ${job.nb}: ${error.message}`)))
        .finally(() => {
          this.mintSeconds += (performance.now() - started) / 1000;
          this.active--;
          this.pump();
        });
    }
  }

  async close() {
    await this.storage?.close();
    this.storage = null;
  }
}

/**
 * A few numbers from the relay's Prometheus endpoint: how long storage commits took, what
 * was rejected (so a limit that bit during a run is visible) and, when the relay runs with
 * `BUURTHUB_STAGE_TIMING=1`, the summed time per stage of an update. Null if unavailable.
 */
/** The relay's update stages (sync-server/src/metrics.ts, UPDATE_STAGES), in order. */
export const STAGES = ['validate', 'queued', 'write', 'settle', 'apply', 'fanout'];

export async function relayMetrics(port) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    if (!response.ok) return null;
    const text = await response.text();
    const sum = (name) =>
      text
        .split('\n')
        .filter((line) => line.startsWith(name) && !line.startsWith('#'))
        .reduce((total, line) => total + Number(line.split(' ').pop()), 0);
    return {
      commitSeconds: sum('buurthub_update_commit_seconds_sum'),
      commits: sum('buurthub_update_commit_seconds_count'),
      rejectedMessages: sum('buurthub_rejected_messages_total'),
      rejectedConnections: sum('buurthub_rejected_connections_total'),
      stages: Object.fromEntries(
        STAGES.map((stage) => [
          stage,
          {
            seconds: sum(`buurthub_update_stage_seconds_sum{stage="${stage}"}`),
            count: sum(`buurthub_update_stage_seconds_count{stage="${stage}"}`),
          },
        ]),
      ),
    };
  } catch {
    return null;
  }
}

/**
 * Connections one token may hold is limited in Buurthub (per subject); spread a room's
 * clients over subjects of at most this many connections each.
 */
export const CLIENTS_PER_SUBJECT = 40;

/**
 * What every Buurthub relay setup needs once per run: the CLI's abilities and a token
 * minter for its storage (see TokenMinter for `storage`).
 */
export async function prepareRelay(storage) {
  const cli = await probeBuurthubCli();
  let library = null;
  try {
    const exports = await import(pathToFileURL(join(ROOT, 'sync-server', 'dist', 'index.js')).href);
    if (typeof exports.mintTokenFor === 'function') library = exports;
  } catch {
    // an older build without the helper: use the CLI
  }
  const minter = cli.hasToken ? new TokenMinter(storage, cli, library) : null;
  return { cli, storageArgs: storage.storageArgs, minter };
}

/**
 * Starts one `buurthub serve` process on 127.0.0.1 with the storage (and any other) flags
 * in `args`, and returns a target for the clients.
 */
export async function startRelay(state, args, name = 'buurthub') {
  const proc = new ServerProcess({
    name,
    cwd: ROOT,
    args: [BUURTHUB_CLI, 'serve', '--port', '0', '--host', '127.0.0.1', ...args],
    ready: /listening on http:\/\/127\.0\.0\.1:(\d+)/,
  });
  const match = await proc.ready();
  const port = Number(match[1]);
  return {
    protocol: 'y-websocket',
    wsBase: `ws://127.0.0.1:${port}/sync`,
    port,
    proc,
    metrics: () => relayMetrics(port),
    token: (room, subject = 0) =>
      state.minter ? state.minter.token(room.split('/')[0], subject) : Promise.resolve(null),
  };
}

export const SERVERS = {
  buurthub: {
    label: 'Buurthub relay',
    protocol: 'y-websocket',
    /** Prepared once per benchmark run: one data directory, tokens cached across restarts. */
    async prepare({ workDir }) {
      const dataDir = join(workDir, 'buurthub-data');
      mkdirSync(dataDir, { recursive: true });
      return prepareRelay({
        storageArgs: ['--data', dataDir],
        openStorage: (library) => new library.SqliteStorage(dataDir),
      });
    },
    describe(state) {
      return state.cli.hasToken
        ? `auth on (resident tokens minted with ${state.minter.via}; a room's clients share a token per ${CLIENTS_PER_SUBJECT} connections, under the default of 50 connections per subject), SQLite data directory (durable: each update committed before fan-out), all other settings default`
        : 'auth NOT available yet (the CLI has no `token` command), SQLite in WAL mode (durable: commit before fan-out)';
    },
    async start(state) {
      return startRelay(state, state.storageArgs);
    },
  },

  'y-websocket-server': {
    label: '@y/websocket-server 0.1.1',
    protocol: 'y-websocket',
    async prepare() {
      return {};
    },
    describe() {
      return 'defaults: no auth, in memory (persists only with YPERSISTENCE/y-leveldb, not set)';
    },
    async start() {
      const port = await freePort();
      const bin = join(
        dirname(require.resolve('@y/websocket-server/package.json')),
        'src',
        'server.js',
      );
      const proc = new ServerProcess({
        name: 'y-websocket-server',
        cwd: ROOT,
        args: [bin],
        env: { HOST: '127.0.0.1', PORT: String(port) },
        ready: /running at/,
      });
      await proc.ready();
      return {
        protocol: 'y-websocket',
        wsBase: `ws://127.0.0.1:${port}`,
        proc,
        token: () => Promise.resolve(null),
      };
    },
  },

  hocuspocus: {
    label: '@hocuspocus/server 3.4.4',
    protocol: 'hocuspocus',
    async prepare() {
      return {};
    },
    describe() {
      return 'defaults: no auth hook, no extensions (in memory, no persistence), its own provider';
    },
    async start() {
      const proc = new ServerProcess({
        name: 'hocuspocus',
        cwd: ROOT,
        args: [fileURLToPath(new URL('./hocuspocus-server.mjs', import.meta.url)), '0'],
        ready: /listening on ws:\/\/127\.0\.0\.1:(\d+)/,
      });
      const match = await proc.ready();
      return {
        protocol: 'hocuspocus',
        wsBase: `ws://127.0.0.1:${match[1]}`,
        proc,
        token: () => Promise.resolve(null),
      };
    },
  },
};
