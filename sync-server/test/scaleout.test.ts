/**
 * Scaled-out relays: several `buurthub serve --postgres … --redis …` processes on real
 * PostgreSQL and Redis, any of which serves any room. Each test has its own PostgreSQL
 * schema and Redis key prefix (or its own redis-server) and removes them afterwards.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PostgresStorage } from '../src/index.js';
import { type CliRelay, runCli } from './helpers/cli.js';
import {
  type RawClient,
  rawClient,
  stockClient,
  synced,
  type TestClient,
} from './helpers/clients.js';
import { updateFrame } from './helpers/frames.js';
import {
  type CuttableProxy,
  type OwnRedis,
  ownRedis,
  postgresProxy,
  postgresSchema,
  redisPrefix,
  startClusterRelay,
} from './helpers/scaleout.js';
import { tokenFor } from './helpers/tokens.js';
import { waitFor } from './helpers/wait.js';

const NB = 'maasburen';
const ROOM = `${NB}/community`;

/** A writer speaking the wire protocol with acks, so a test knows what was acknowledged. */
class Writer {
  readonly doc = new Y.Doc();
  client: RawClient | null = null;
  written = 0;

  constructor(readonly name: string) {
    this.doc.on('update', (update: Uint8Array) => {
      if (this.client?.socket.readyState === this.client?.socket.OPEN) {
        this.client?.socket.send(updateFrame(update));
      }
    });
  }

  async connect(relay: CliRelay, token: string): Promise<void> {
    this.client = await rawClient(relay.url, ROOM, `?ack=1&token=${token}`);
  }

  write(): void {
    this.doc.getArray<string>('log').push([`${this.name}-${this.written++}`]);
  }

  /** The highest clock of this writer the relays acknowledged as stored. */
  acked(): number {
    let clock = 0;
    for (const ack of this.client?.acks() ?? []) {
      clock = Math.max(clock, ack.get(this.doc.clientID) ?? 0);
    }
    return clock;
  }

  entries(): string[] {
    return this.doc.getArray<string>('log').toArray();
  }
}

/** The room as stored in PostgreSQL. */
async function storedDoc(storage: PostgresStorage): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const update of (await storage.loadRoom(ROOM)).updates) Y.applyUpdate(doc, update);
  return doc;
}

async function readyStatus(relay: CliRelay): Promise<number> {
  try {
    return (await fetch(`${relay.url}/readyz`)).status;
  } catch {
    return 0;
  }
}

const sorted = (items: string[]) => [...items].sort();

describe('relay processes sharing PostgreSQL and Redis', { timeout: 60_000 }, () => {
  const relays: CliRelay[] = [];
  const clients: TestClient[] = [];
  const writers: Writer[] = [];
  const cleanups: (() => Promise<void> | void)[] = [];
  let storage: PostgresStorage;
  let postgresUrl: string;
  let prefix: string;

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const writer of writers.splice(0)) writer.client?.close();
    await Promise.all(relays.splice(0).map((relay) => relay.stop('SIGKILL')));
    await storage?.close();
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** A fresh schema and prefix, and a token signed with the keys the relays will use. */
  async function setUp(): Promise<string> {
    const schema = postgresSchema();
    const keys = redisPrefix();
    cleanups.push(
      () => schema.drop(),
      () => keys.drop(),
    );
    postgresUrl = schema.url;
    prefix = keys.prefix;
    storage = await PostgresStorage.open(postgresUrl);
    return tokenFor(storage, NB, 'moderator', { sub: 'tester', name: 'Tester' });
  }

  async function relay(
    options: { redisUrl?: string; postgresUrl?: string; extra?: string[] } = {},
  ): Promise<CliRelay> {
    const started = await startClusterRelay({
      postgresUrl: options.postgresUrl ?? postgresUrl,
      redisUrl: options.redisUrl,
      prefix,
      extra: options.extra,
    });
    relays.push(started);
    return started;
  }

  function client(on: CliRelay, token: string): TestClient {
    const made = stockClient(on.url, ROOM, { token });
    clients.push(made);
    return made;
  }

  it('lets clients on three processes edit together and converge', async () => {
    const token = await setUp();
    const processes = [await relay(), await relay(), await relay()];
    const editors = processes.map((on) => client(on, token));
    await Promise.all(editors.map(synced));
    for (let round = 0; round < 10; round++) {
      editors.forEach((editor, i) => editor.doc.getArray<string>('log').push([`p${i}-${round}`]));
    }
    const expected = editors.flatMap((_, i) => Array.from({ length: 10 }, (__, r) => `p${i}-${r}`));
    for (const editor of editors) {
      await waitFor(
        () => editor.doc.getArray<string>('log').length === expected.length,
        'every edit on every process',
      );
      expect(sorted(editor.doc.getArray<string>('log').toArray())).toEqual(sorted(expected));
    }
    const first = editors[0]?.doc.getArray<string>('log').toArray();
    for (const editor of editors)
      expect(editor.doc.getArray<string>('log').toArray()).toEqual(first);
    // Stored once each in PostgreSQL, by whichever process took the edit.
    expect(sorted((await storedDoc(storage)).getArray<string>('log').toArray())).toEqual(
      sorted(expected),
    );
  });

  it('serves identical state from a process that starts after the writing', async () => {
    const token = await setUp();
    const early = await relay();
    const writer = client(early, token);
    await synced(writer);
    for (let i = 0; i < 8; i++) writer.doc.getArray<string>('log').push([`vroeg-${i}`]);
    await waitFor(
      async () => (await storedDoc(storage)).getArray('log').length === 8,
      'the first edits stored',
    );
    const compacted = await runCli(['compact', NB, '--postgres', postgresUrl]);
    expect(compacted.stdout).toContain(`${ROOM}: folded 8 updates`);
    for (let i = 8; i < 12; i++) writer.doc.getArray<string>('log').push([`vroeg-${i}`]);
    await waitFor(
      async () => (await storedDoc(storage)).getArray('log').length === 12,
      'all edits stored',
    );
    expect(await storage.stats(ROOM)).toEqual({ logLength: 4, hasSnapshot: true });
    // The late process loads snapshot + log from PostgreSQL; later edits come by stream.
    const late = await relay();
    const reader = client(late, token);
    await synced(reader);
    writer.doc.getArray<string>('log').push(['laat']);
    await waitFor(() => reader.doc.getArray('log').length === 13, 'the late process catches up');
    expect(reader.doc.getArray('log').toArray()).toEqual(writer.doc.getArray('log').toArray());
    expect(Y.encodeStateVector(reader.doc)).toEqual(Y.encodeStateVector(writer.doc));
  });

  it('shares presence across processes and drops a killed process’s presence', async () => {
    const token = await setUp();
    const [one, two] = [await relay(), await relay()];
    const alice = client(one, token);
    const bob = client(two, token);
    await Promise.all([synced(alice), synced(bob)]);
    alice.provider.awareness.setLocalStateField('cursor', { index: 3 });
    await waitFor(
      () => bob.provider.awareness.getStates().get(alice.doc.clientID)?.cursor,
      'alice’s presence on the other process',
    );
    await one.stop('SIGKILL');
    // Well before the 30 s awareness timeout: the heartbeats (250 ms here) say she is gone.
    await waitFor(
      () => !bob.provider.awareness.getStates().has(alice.doc.clientID),
      'alice’s presence to disappear',
      5000,
    );
  });

  it('keeps every acknowledged update when a process is killed mid-write', async () => {
    const token = await setUp();
    const [one, two, three] = [await relay(), await relay(), await relay()];
    const onOne = [new Writer('a'), new Writer('b')];
    const onTwo = new Writer('c');
    writers.push(...onOne, onTwo);
    for (const writer of onOne) await writer.connect(one, token);
    await onTwo.connect(two, token);
    const watcher = client(three, token);
    await synced(watcher);

    for (let i = 0; i < 60; i++) {
      for (const writer of writers) writer.write();
      if (i === 30) await one.stop('SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // Everything the dead process acknowledged is in PostgreSQL.
    const stored = await storedDoc(storage);
    for (const writer of onOne) {
      expect(writer.acked()).toBeGreaterThan(0);
      expect(Y.getState(stored.store, writer.doc.clientID)).toBeGreaterThanOrEqual(writer.acked());
    }
    // Its clients reconnect to another process with what they have, and all converge.
    for (const writer of onOne) {
      const again = client(two, token);
      Y.applyUpdate(again.doc, Y.encodeStateAsUpdate(writer.doc));
      await synced(again);
    }
    const expected = sorted(writers.flatMap((writer) => writer.entries()));
    expect(expected).toHaveLength(180);
    for (const reader of clients) {
      await waitFor(() => reader.doc.getArray('log').length === 180, 'all writes everywhere');
      expect(sorted(reader.doc.getArray<string>('log').toArray())).toEqual(expected);
    }
  });

  it('recovers on its own from a Redis crash during writes, losing nothing acknowledged', async () => {
    const token = await setUp();
    const redis: OwnRedis = await ownRedis();
    cleanups.push(() => redis.remove());
    const [one, two] = [await relay({ redisUrl: redis.url }), await relay({ redisUrl: redis.url })];
    const left = new Writer('links');
    const right = new Writer('rechts');
    writers.push(left, right);
    await left.connect(one, token);
    await right.connect(two, token);
    const watchers = [client(one, token), client(two, token)];
    await Promise.all(watchers.map(synced));

    const burst = async (count: number) => {
      for (let i = 0; i < count; i++) {
        left.write();
        right.write();
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    await burst(20);
    await redis.kill();
    await waitFor(
      async () => (await readyStatus(one)) === 503 && (await readyStatus(two)) === 503,
      'both relays to report Redis missing',
    );
    await burst(20); // still committed to PostgreSQL and acknowledged
    await redis.start();
    await waitFor(
      async () => (await readyStatus(one)) === 200 && (await readyStatus(two)) === 200,
      'both relays ready again',
    );
    await burst(20);

    // Every write is acknowledged in the end (none was refused during the outage) ...
    for (const writer of writers) {
      await waitFor(
        () => writer.acked() === Y.getState(writer.doc.store, writer.doc.clientID),
        `acks for ${writer.name}`,
      );
    }
    // ... and every acknowledged write is in PostgreSQL.
    const stored = await storedDoc(storage);
    for (const writer of writers) {
      expect(Y.getState(stored.store, writer.doc.clientID)).toBeGreaterThanOrEqual(writer.acked());
    }
    const expected = sorted(writers.flatMap((writer) => writer.entries()));
    for (const watcher of watchers) {
      await waitFor(() => watcher.doc.getArray('log').length === expected.length, 'convergence');
      expect(sorted(watcher.doc.getArray<string>('log').toArray())).toEqual(expected);
    }
  });

  it('reports a PostgreSQL outage on /readyz and recovers without losing acknowledged edits', async () => {
    const token = await setUp();
    const proxy: CuttableProxy = await postgresProxy();
    cleanups.push(() => proxy.close());
    const viaProxy = new URL(postgresUrl);
    const proxied = new URL(proxy.url);
    viaProxy.host = proxied.host;
    const [one, two] = [
      await relay({ postgresUrl: viaProxy.href }),
      await relay({ postgresUrl: viaProxy.href }),
    ];
    const acked = new Writer('bevestigd');
    writers.push(acked);
    await acked.connect(one, token);
    const editors = [client(one, token), client(two, token)];
    await Promise.all(editors.map(synced));
    for (let i = 0; i < 10; i++) acked.write();
    await waitFor(() => acked.acked() === Y.getState(acked.doc.store, acked.doc.clientID), 'acks');

    proxy.cut();
    await waitFor(
      async () => (await readyStatus(one)) === 503 && (await readyStatus(two)) === 503,
      'both relays to report PostgreSQL missing',
    );
    // Edits made meanwhile stay on the devices until the relays can store them again.
    editors.forEach((editor, i) => editor.doc.getArray<string>('log').push([`tijdens-${i}`]));
    proxy.restore();
    await waitFor(
      async () => (await readyStatus(one)) === 200 && (await readyStatus(two)) === 200,
      'both relays ready again',
    );
    editors.forEach((editor, i) => editor.doc.getArray<string>('log').push([`na-${i}`]));

    const expected = sorted([
      ...acked.entries(),
      ...editors.flatMap((_, i) => [`tijdens-${i}`, `na-${i}`]),
    ]);
    for (const editor of editors) {
      await waitFor(
        () => editor.doc.getArray('log').length === expected.length,
        'convergence after the outage',
        20_000,
      );
      expect(sorted(editor.doc.getArray<string>('log').toArray())).toEqual(expected);
    }
    await waitFor(
      async () => (await storedDoc(storage)).getArray('log').length === expected.length,
      'everything stored',
    );
  });

  it('closes a revoked member’s connections on every process within seconds', async () => {
    await setUp();
    const [one, two] = [await relay(), await relay()];
    const member = await tokenFor(storage, NB, 'resident', { sub: 'bert' });
    const onOne = await rawClient(one.url, `${NB}/public`, `?token=${member}`);
    const onTwo = await rawClient(two.url, `${NB}/public`, `?token=${member}`);
    const revoked = await runCli(['revoke', 'bert', '--postgres', postgresUrl]);
    expect(revoked.code).toBe(0);
    expect((await onOne.closed).code).toBe(4401);
    expect((await onTwo.closed).code).toBe(4401);
  });
});
