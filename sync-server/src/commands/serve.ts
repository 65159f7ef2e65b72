/**
 * `buurthub serve`: runs the relay on one port (the PWA, health endpoints and sync).
 */
import { parseArgs } from 'node:util';
import { seedDemo, DEMO_NEIGHBOURHOOD, DEMO_VILLAGES } from '../demo.js';
import {
  LIMIT_FLAG_OPTIONS,
  limitsFromConfig,
  limitsHelp,
  parseCount,
  resolveLimits,
} from '../limits.js';
import { createPinoLogger, DEFAULT_LOG_LEVEL, fromPino, isLogLevel, LOG_LEVELS } from '../log.js';
import type { BlobStore } from '../blobs/blob-store.js';
import {
  createRelay,
  defaultBlobStore,
  DEFAULT_HEARTBEAT_MS,
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_PUBLIC_URL,
  DEFAULT_SHUTDOWN_SPREAD_MS,
} from '../server.js';
import {
  DEFAULT_HEARTBEAT_MS as DEFAULT_NODE_HEARTBEAT_MS,
  DEFAULT_REDIS_PREFIX,
  RedisBus,
} from '../bus/redis.js';
import { redactUrl } from '../storage/postgres.js';
import { deviceTokenClaims } from '../hub/upstream.js';
import { DEFAULT_DATA_DIR, describeStorage, openStorage } from './data-dir.js';
import { type Command, parseFlags, UsageError } from './usage.js';

export const SERVE_HELP = `Options for serve:
  --port <n>     Port to listen on (default ${DEFAULT_PORT}; 0 picks a free one).
  --host <h>     Address to bind (default ${DEFAULT_HOST}, all interfaces;
                 use 127.0.0.1 to serve only this machine).
  --data <dir>   Data directory; holds buurthub.sqlite (default ./data).
  --postgres <url>  Scaled out: keep rooms, identity and blobs in PostgreSQL instead of
                 --data (postgres://user@host/db[?schema=name]; env BUURTHUB_POSTGRES_URL).
  --redis <url>  Scaled out: fan updates and presence out to the other relay processes
                 through Redis (redis://host:6379; env BUURTHUB_REDIS_URL). Needs --postgres.
  --redis-prefix <p>  Prefix of Redis keys and channels (default ${DEFAULT_REDIS_PREFIX};
                 env BUURTHUB_REDIS_PREFIX).
  --heartbeat-ms <n>  How often the relay pings each connection; one that does not answer
                 by the next ping is closed and its presence removed (default
                 ${DEFAULT_HEARTBEAT_MS}; env BUURTHUB_HEARTBEAT_MS).
  --node-heartbeat-ms <n>  How often a relay tells the others it is alive; one silent for
                 3 beats loses its clients' presence (default ${DEFAULT_NODE_HEARTBEAT_MS};
                 env BUURTHUB_NODE_HEARTBEAT_MS).
  --demo         Seed the demo neighbourhood "${DEMO_NEIGHBOURHOOD}" if it is empty, and
                 DEMO ONLY: treat connections without a token to it as residents.
  --log-level <l>  ${LOG_LEVELS.join('|')} (default ${DEFAULT_LOG_LEVEL}; env BUURTHUB_LOG_LEVEL).
  --shutdown-spread-ms <n>  On SIGTERM, close sockets (1012) spread over this long
                 (default ${DEFAULT_SHUTDOWN_SPREAD_MS}; env BUURTHUB_SHUTDOWN_SPREAD_MS).
  --trust-proxy  Read the client address from X-Forwarded-For (behind a reverse proxy;
                 env BUURTHUB_TRUST_PROXY=1).
  --public-url <url>  Where people reach this relay, for links in feeds and personal
                 calendar addresses (default ${DEFAULT_PUBLIC_URL}; env BUURTHUB_PUBLIC_URL).
  --upstream <url>  Hub mode: keep this relay's rooms of the device token's neighbourhood in
                 sync with the relay at this sync base URL (wss://buurt.example.nl/sync;
                 env BUURTHUB_UPSTREAM). Needs --token.
  --token <jwt>  Hub mode: the device token the upstream issued (env BUURTHUB_UPSTREAM_TOKEN);
                 the upstream decides what it may read and write.
  -h, --help     Show this help.

${limitsHelp()}
Sync URL: ws://HOST:PORT/sync/<neighbourhood>/<public|community|moderation|directory>
`;

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new UsageError(`--port must be a number from 0 to 65535, got "${value}"`);
  }
  return port;
}

/** An http(s) origin, optionally with a path prefix; no query or fragment. */
function parsePublicUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(
      `--public-url must be a URL such as https://buurt.example.nl, got "${value}"`,
    );
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) {
    throw new UsageError(`--public-url must be an http(s) URL without query, got "${value}"`);
  }
  return url.href.replace(/\/+$/, '');
}

/** `--upstream` and `--token` together, checked: a ws(s) sync base URL and a token of ours. */
function hubUpstream(
  url: string | undefined,
  token: string | undefined,
): { url: string; token: string } | undefined {
  if (url === undefined && token === undefined) return undefined;
  if (url === undefined || token === undefined) {
    throw new UsageError('hub mode needs both --upstream <url> and --token <device token>');
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(
      `--upstream must be a URL such as wss://buurt.example.nl/sync, got "${url}"`,
    );
  }
  if ((parsed.protocol !== 'wss:' && parsed.protocol !== 'ws:') || parsed.search || parsed.hash) {
    throw new UsageError(`--upstream must be a ws(s) URL without query, got "${url}"`);
  }
  try {
    deviceTokenClaims(token);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return { url: parsed.href.replace(/\/+$/, ''), token };
}

async function serve(args: string[]): Promise<void> {
  const { values } = parseFlags(() =>
    parseArgs({
      args,
      strict: true,
      options: {
        port: { type: 'string', default: String(DEFAULT_PORT) },
        host: { type: 'string', default: DEFAULT_HOST },
        data: { type: 'string', default: DEFAULT_DATA_DIR },
        postgres: { type: 'string' },
        redis: { type: 'string' },
        'redis-prefix': { type: 'string' },
        'heartbeat-ms': { type: 'string' },
        'node-heartbeat-ms': { type: 'string' },
        demo: { type: 'boolean', default: false },
        'log-level': { type: 'string' },
        'shutdown-spread-ms': { type: 'string' },
        'trust-proxy': { type: 'boolean', default: false },
        'public-url': { type: 'string' },
        upstream: { type: 'string' },
        token: { type: 'string' },
        ...LIMIT_FLAG_OPTIONS,
        help: { type: 'boolean', short: 'h', default: false },
      },
    }),
  );
  if (values.help) {
    process.stdout.write(SERVE_HELP);
    return;
  }
  const port = parsePort(values.port);
  const env = process.env;
  const level = String(values['log-level'] ?? env.BUURTHUB_LOG_LEVEL ?? DEFAULT_LOG_LEVEL);
  if (!isLogLevel(level)) {
    throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}, got "${level}"`);
  }
  let limits;
  let shutdownSpreadMs;
  let heartbeatMs;
  let nodeHeartbeatMs;
  try {
    const ping = values['heartbeat-ms'] ?? env.BUURTHUB_HEARTBEAT_MS;
    heartbeatMs =
      ping === undefined ? DEFAULT_HEARTBEAT_MS : parseCount(String(ping), '--heartbeat-ms');
    if (heartbeatMs === 0) throw new RangeError('--heartbeat-ms must be at least 1');
    const beat = values['node-heartbeat-ms'] ?? env.BUURTHUB_NODE_HEARTBEAT_MS;
    nodeHeartbeatMs =
      beat === undefined
        ? DEFAULT_NODE_HEARTBEAT_MS
        : parseCount(String(beat), '--node-heartbeat-ms');
    limits = limitsFromConfig(values, env);
    const spread = values['shutdown-spread-ms'] ?? env.BUURTHUB_SHUTDOWN_SPREAD_MS;
    shutdownSpreadMs =
      spread === undefined
        ? DEFAULT_SHUTDOWN_SPREAD_MS
        : parseCount(String(spread), '--shutdown-spread-ms');
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const publicUrl = parsePublicUrl(
    String(values['public-url'] ?? env.BUURTHUB_PUBLIC_URL ?? DEFAULT_PUBLIC_URL),
  );
  const postgres = values.postgres ?? (env.BUURTHUB_POSTGRES_URL || undefined);
  const redis = values.redis ?? (env.BUURTHUB_REDIS_URL || undefined);
  if (redis && !postgres) {
    throw new UsageError(
      '--redis needs --postgres: relay processes that share rooms must share their storage',
    );
  }
  const upstream = hubUpstream(
    values.upstream ?? (env.BUURTHUB_UPSTREAM || undefined),
    values.token ?? (env.BUURTHUB_UPSTREAM_TOKEN || undefined),
  );
  const redisPrefix = values['redis-prefix'] ?? env.BUURTHUB_REDIS_PREFIX ?? DEFAULT_REDIS_PREFIX;
  const trustProxy =
    values['trust-proxy'] === true || /^(1|true)$/.test(env.BUURTHUB_TRUST_PROXY ?? '');
  const base = createPinoLogger(level);
  const log = fromPino(base);
  // Start and stop lines are a contract (scripts wait for "listening on"): always printed.
  const lifecycle = fromPino(base.child({}, { level: 'info' }));

  const storage = await openStorage({ data: values.data, postgres }, { create: true });
  if (postgres && !redis) {
    log.warn(
      'PostgreSQL without --redis: fine for one relay process; several would not see each other',
    );
  }
  let bus;
  try {
    bus = redis
      ? await RedisBus.connect({
          url: redis,
          prefix: redisPrefix,
          heartbeatMs: nodeHeartbeatMs,
          log,
        })
      : undefined;
  } catch (error) {
    await storage.close();
    throw error;
  }
  if (bus) log.info(`fan-out through Redis ${redactUrl(redis ?? '')} as node ${bus.node}`);
  let blobs: BlobStore | undefined;
  if (values.demo) {
    if (!(await storage.neighbourhood(DEMO_NEIGHBOURHOOD))) {
      await storage.putNeighbourhood({
        slug: DEMO_NEIGHBOURHOOD,
        name: 'Maasburen',
        villages: DEMO_VILLAGES,
        kioskReadsCommunity: false,
        createdAt: Math.floor(Date.now() / 1000),
      });
    }
    // The demo photos go into the same blob store the relay serves them from.
    blobs = defaultBlobStore(storage);
    const seeded = await seedDemo(storage, Date.now(), { blobs, limits: resolveLimits(limits) });
    log.info(
      seeded
        ? `demo neighbourhood "${DEMO_NEIGHBOURHOOD}" seeded`
        : `demo neighbourhood "${DEMO_NEIGHBOURHOOD}" already has content, not seeded again`,
    );
  }
  let relay;
  try {
    relay = await createRelay({
      port,
      host: values.host,
      storage,
      log,
      limits,
      ...(blobs ? { blobs } : {}),
      // DEMO ONLY: tokenless visitors of the demo neighbourhood are residents (logged).
      demoNeighbourhood: values.demo ? DEMO_NEIGHBOURHOOD : undefined,
      shutdownSpreadMs,
      heartbeatMs,
      trustProxy,
      publicUrl,
      bus,
      ...(upstream ? { upstream } : {}),
    });
  } catch (error) {
    await bus?.close();
    await storage.close();
    throw error;
  }
  const wsUrl = relay.url.replace(/^http/, 'ws');
  // Tests and scripts wait for this line; keep "listening on <url>" in it.
  lifecycle.info(`buurthub relay listening on ${relay.url} (sync: ${wsUrl}/sync)`, {
    url: relay.url,
    data: describeStorage(storage),
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    lifecycle.info(`${signal}: draining, closing connections with 1012, compacting rooms`, {
      signal,
      spreadMs: shutdownSpreadMs,
    });
    // A shutdown that hangs (a stuck disk) must still end, or the orchestrator kills -9.
    setTimeout(() => {
      log.error('shutdown did not finish in time; exiting');
      process.exit(1);
    }, shutdownSpreadMs + 30_000).unref();
    relay
      .close()
      .then(() => bus?.close())
      .then(() => storage.close())
      .then(
        () => {
          lifecycle.info('stopped cleanly');
          process.exit(0);
        },
        (error: unknown) => {
          log.error(`shutdown failed: ${String(error)}`);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

export const serveCommand: Command = {
  summary: 'Run the relay: the PWA, health endpoints and sync on one port.',
  run: serve,
};
