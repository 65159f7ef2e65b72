/**
 * The scaled-out mode's real services for tests: PostgreSQL (one schema per test, dropped
 * afterwards), Redis (one key prefix per test, deleted afterwards, or a private
 * redis-server with AOF for restart tests) and relay processes started with the CLI.
 * `.ci/run` starts the shared PostgreSQL and Redis; override them with
 * BUURTHUB_TEST_POSTGRES_URL / BUURTHUB_TEST_REDIS_URL. Schemas and private redis-servers
 * are made as the cluster benchmark makes its own (bench/cluster/lib/services.mjs).
 */
import type { ChildProcess } from 'node:child_process';
import { createServer, type Server, type Socket, connect } from 'node:net';
import { Redis } from 'ioredis';
import { freshSchema, spawnRedis } from '../../../bench/cluster/lib/services.mjs';
import { PostgresStorage } from '../../src/index.js';
import { type CliRelay, startCli } from './cli.js';
import { tempDir } from './temp.js';

export const POSTGRES_URL =
  process.env.BUURTHUB_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.BUURTHUB_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** A fresh schema name and its URL; `drop()` removes the schema and all in it. */
export function postgresSchema(base = POSTGRES_URL): {
  schema: string;
  url: string;
  drop(): Promise<void>;
} {
  return freshSchema(base, 'bh_test_');
}

/** A fresh key prefix; `drop()` deletes every key under it. */
export function redisPrefix(url = REDIS_URL): { prefix: string; drop(): Promise<void> } {
  const prefix = `bhtest:${unique()}:`;
  return {
    prefix,
    async drop() {
      const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
      try {
        await redis.connect();
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
          if (keys.length > 0) await redis.del(...keys);
          cursor = next;
        } while (cursor !== '0');
      } catch {
        // A private redis-server that is already gone has nothing left to clean.
      } finally {
        redis.disconnect();
      }
    },
  };
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A private redis-server with AOF (appendfsync always) in a temp dir, restartable. */
export interface OwnRedis {
  url: string;
  /** SIGKILL: what a crash does; the AOF holds every write it acknowledged. */
  kill(): Promise<void>;
  start(): Promise<void>;
  remove(): Promise<void>;
}

export async function ownRedis(): Promise<OwnRedis> {
  const dir = tempDir('buurthub-redis-');
  const port = await freePort();
  let child: ChildProcess | null = null;
  const url = `redis://127.0.0.1:${port}`;
  async function start(): Promise<void> {
    child = await spawnRedis({ port, dir: dir.path, appendfsync: 'always' });
  }
  async function kill(): Promise<void> {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  }
  await start();
  return {
    url,
    kill,
    start,
    async remove() {
      await kill();
      dir.remove();
    },
  };
}

/**
 * A TCP proxy between the relays and PostgreSQL that a test can cut (every connection
 * dropped, new ones refused) and restore: a PostgreSQL outage the test controls, without
 * touching the machine's database server.
 */
export interface CuttableProxy {
  url: string;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function postgresProxy(target = POSTGRES_URL): Promise<CuttableProxy> {
  const upstream = new URL(target);
  const sockets = new Set<Socket>();
  let open = true;
  const server: Server = createServer((client) => {
    if (!open) {
      client.destroy();
      return;
    }
    const server = connect(Number(upstream.port || 5432), upstream.hostname);
    sockets.add(client);
    sockets.add(server);
    const drop = () => {
      client.destroy();
      server.destroy();
      sockets.delete(client);
      sockets.delete(server);
    };
    client.on('error', drop).on('close', drop);
    server.on('error', drop).on('close', drop);
    client.pipe(server);
    server.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const url = new URL(target);
  url.host = `127.0.0.1:${port}`;
  return {
    url: url.href,
    cut() {
      open = false;
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
    restore() {
      open = true;
    },
    async close() {
      open = false;
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export interface ClusterOptions {
  postgresUrl: string;
  redisUrl?: string;
  prefix: string;
  extra?: string[];
}

/** One relay process of a cluster, from the CLI, on its own port. */
export function startClusterRelay(options: ClusterOptions): Promise<CliRelay> {
  return startCli([
    'serve',
    '--port',
    '0',
    '--host',
    '127.0.0.1',
    '--postgres',
    options.postgresUrl,
    '--redis',
    options.redisUrl ?? REDIS_URL,
    '--redis-prefix',
    options.prefix,
    '--node-heartbeat-ms',
    '250',
    '--shutdown-spread-ms',
    '0',
    ...(options.extra ?? []),
  ]);
}

/**
 * `count` relay processes on a fresh schema and key prefix, one after the other, with
 * `storage` on the same schema to mint tokens with the relays' keys; `remove()` kills the
 * relays and drops everything. `schema` and `prefix` name where they keep their rows and
 * Redis keys, for tests that look there.
 */
export async function startCluster(count: number): Promise<{
  relays: CliRelay[];
  storage: PostgresStorage;
  schema: string;
  prefix: string;
  remove(): Promise<void>;
}> {
  const schema = postgresSchema();
  const keys = redisPrefix();
  const storage = await PostgresStorage.open(schema.url);
  const relays: CliRelay[] = [];
  const remove = async () => {
    await Promise.all(relays.map((relay) => relay.stop('SIGKILL')));
    await storage.close();
    await schema.drop();
    await keys.drop();
  };
  try {
    for (let i = 0; i < count; i++) {
      relays.push(await startClusterRelay({ postgresUrl: schema.url, prefix: keys.prefix }));
    }
  } catch (error) {
    await remove();
    throw error;
  }
  return { relays, storage, schema: schema.schema, prefix: keys.prefix, remove };
}
