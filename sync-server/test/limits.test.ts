import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CommunitySpace } from '@buurthub/shared';
import { allowEveryone, DEFAULT_LIMITS, type Limits, TokenBucket } from '../src/index.js';
import { limitsFromConfig, parseCount } from '../src/limits.js';
import {
  rawClient,
  type RawClient,
  stockClient,
  synced,
  type TestClient,
} from './helpers/clients.js';
import { awarenessFrame, queryAwarenessFrame, updateFrame } from './helpers/frames.js';
import { getText, metric } from './helpers/http.js';
import { collectingLogger } from './helpers/log.js';
import { startRelay, type TestRelay } from './helpers/relay.js';
import { waitFor } from './helpers/wait.js';

const ROOM = 'maasburen/community';
const author = { id: 'h', name: 'Henk Peters', role: 'resident' as const };

function postUpdate(doc: Y.Doc, title: string, body = 'Tekst.'): Uint8Array {
  const before = Y.encodeStateVector(doc);
  new CommunitySpace(doc).posts.create({ title, body, category: 'nieuws' }, author);
  return Y.encodeStateAsUpdate(doc, before);
}

describe('limits on what one client may send', () => {
  let relay: TestRelay;
  const clients: TestClient[] = [];
  const raws: RawClient[] = [];
  let log = collectingLogger();
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const raw of raws.splice(0)) raw.close();
    await relay?.dispose();
  });

  async function relayWith(limits: Partial<Limits>): Promise<void> {
    log = collectingLogger();
    relay = await startRelay({ limits, log, authorize: allowEveryone });
  }

  /** Alice and Bob, synced; returns a check that they still sync both ways. */
  async function neighbours(): Promise<() => Promise<void>> {
    const alice = stockClient(relay.url, ROOM);
    const bob = stockClient(relay.url, ROOM);
    clients.push(alice, bob);
    await Promise.all([synced(alice), synced(bob)]);
    let n = 0;
    return async () => {
      n++;
      const fromBob = new CommunitySpace(bob.doc).posts.create(
        { title: `Van Bob ${n}`, body: 'Nog steeds verbonden.', category: 'nieuws' },
        author,
      );
      await waitFor(() => new CommunitySpace(alice.doc).posts.get(fromBob.id), 'post to alice');
      const fromAlice = new CommunitySpace(alice.doc).posts.create(
        { title: `Van Alice ${n}`, body: 'Ik ook.', category: 'nieuws' },
        author,
      );
      await waitFor(() => new CommunitySpace(bob.doc).posts.get(fromAlice.id), 'post to bob');
      expect(alice.provider.wsconnected && bob.provider.wsconnected).toBe(true);
    };
  }

  async function attacker(query = ''): Promise<RawClient> {
    const raw = await rawClient(relay.url, ROOM, query);
    raws.push(raw);
    return raw;
  }

  async function rejected(reason: string): Promise<number | undefined> {
    const { body } = await getText(relay.url, '/metrics');
    return metric(body, `buurthub_rejected_messages_total{reason="${reason}"}`);
  }

  function loggedReason(reason: string) {
    return log.lines.find((line) => line.level === 'warn' && line.fields.reason === reason);
  }

  it('closes a client that sends too many messages per second with 1008; others keep syncing', async () => {
    await relayWith({ messagesPerSecond: 5, messageBurst: 10 });
    const stillSyncing = await neighbours();
    const flood = await attacker();
    for (let i = 0; i < 50; i++) flood.socket.send(queryAwarenessFrame());
    expect((await flood.closed).code).toBe(1008);
    await stillSyncing();
    expect(await rejected('message-rate')).toBe(1);
    expect(loggedReason('message-rate')?.fields.code).toBe(1008);
  });

  it('closes a client that sends too many bytes per second with 1008; others keep syncing', async () => {
    await relayWith({ bytesPerSecond: 1000, byteBurst: 2000, maxMessageBytes: 1500 });
    const stillSyncing = await neighbours();
    const flood = await attacker();
    const big = awarenessFrame(4242, 1, JSON.stringify({ note: 'x'.repeat(900) }));
    for (let i = 0; i < 3; i++) flood.socket.send(big);
    expect((await flood.closed).code).toBe(1008);
    await stillSyncing();
    expect(await rejected('byte-rate')).toBe(1);
    expect(loggedReason('byte-rate')).toBeDefined();
  });

  it('closes a client whose awareness updates come too fast', async () => {
    await relayWith({ awarenessPerSecond: 2, awarenessBurst: 3 });
    const stillSyncing = await neighbours();
    const flood = await attacker();
    for (let clock = 1; clock <= 10; clock++) {
      flood.socket.send(awarenessFrame(4242, clock, '{"cursor":1}'));
    }
    expect((await flood.closed).code).toBe(1008);
    await stillSyncing();
    expect(await rejected('awareness-rate')).toBe(1);
  });

  it('refuses an awareness state larger than the limit', async () => {
    await relayWith({ maxAwarenessStateBytes: 256 });
    const stillSyncing = await neighbours();
    const sender = await attacker();
    sender.socket.send(awarenessFrame(4242, 1, JSON.stringify({ name: 'x'.repeat(1000) })));
    expect((await sender.closed).code).toBe(1008);
    await stillSyncing();
    expect(await rejected('awareness-state-too-large')).toBe(1);
    expect(loggedReason('awareness-state-too-large')).toBeDefined();
  });

  it('refuses an update that would grow the document past its size limit, and stores none of it', async () => {
    await relayWith({ maxDocumentBytes: 4000 });
    const stillSyncing = await neighbours();
    const storedBefore = await relay.storage.loadRoom(ROOM);

    const doc = new Y.Doc();
    const writer = await attacker('?ack=1');
    writer.socket.send(updateFrame(postUpdate(doc, 'Te lang', 'bla '.repeat(2000))));
    expect((await writer.closed).code).toBe(1008);
    expect((await relay.storage.loadRoom(ROOM)).updates).toEqual(storedBefore.updates);
    expect(writer.acks()).toEqual([]);

    // Small posts still fit.
    await stillSyncing();
    expect(await rejected('document-too-large')).toBe(1);
    expect(loggedReason('document-too-large')?.fields.code).toBe(1008);
    doc.destroy();
  });

  it('bounds the root types one document collects, across updates', async () => {
    await relayWith({ maxNewRootTypesPerUpdate: 16, maxRootTypesPerDocument: 40 });
    const doc = new Y.Doc();
    const writer = await attacker('?ack=1');
    let next = 0;
    const fifteenRoots = () => {
      const before = Y.encodeStateVector(doc);
      for (let i = 0; i < 15; i++) doc.getMap(`wortel-${next++}`).set('k', 1);
      return Y.encodeStateAsUpdate(doc, before);
    };
    writer.socket.send(updateFrame(fifteenRoots()));
    writer.socket.send(updateFrame(fifteenRoots()));
    await waitFor(() => writer.acks().length === 2, 'two acks');
    writer.socket.send(updateFrame(fifteenRoots()));
    expect((await writer.closed).code).toBe(1008);
    expect(await rejected('too-many-root-types')).toBe(1);
    doc.destroy();
  });
});

describe('limits on connections', () => {
  let relay: TestRelay;
  const raws: RawClient[] = [];
  afterEach(async () => {
    for (const raw of raws.splice(0)) raw.close();
    await relay?.dispose();
  });

  async function connect(room: string): Promise<RawClient> {
    const raw = await rawClient(relay.url, room);
    raws.push(raw);
    return raw;
  }

  it('tells the next client of a full room to try again later (1013) and keeps the others', async () => {
    const log = collectingLogger();
    relay = await startRelay({
      limits: { maxConnectionsPerRoom: 2 },
      log,
      authorize: allowEveryone,
    });
    const first = await connect(ROOM);
    const second = await connect(ROOM);
    const third = await connect(ROOM);
    expect(await third.closed).toEqual({ code: 1013, reason: 'room-full' });

    // The two inside still talk to each other.
    const doc = new Y.Doc();
    first.socket.send(updateFrame(postUpdate(doc, 'Binnen')));
    await waitFor(() => second.messages.some((m) => m[0] === 0 && m[1] === 2), 'fan-out');
    expect(log.lines.some((line) => line.fields.reason === 'room-full')).toBe(true);
    const { body } = await getText(relay.url, '/metrics');
    expect(metric(body, 'buurthub_rejected_connections_total{reason="room-full"}')).toBe(1);

    // A place frees up when someone leaves.
    first.close();
    await first.closed;
    await waitFor(async () => {
      const metrics = await getText(relay.url, '/metrics');
      return metric(metrics.body, 'buurthub_connections') === 1;
    }, 'the relay to see the first client leave');
    const again = await connect(ROOM);
    await waitFor(() => again.messages.length > 0, 'the relay to greet the new client');
    doc.destroy();
  });

  it('limits the connections of one subject (a guest by address) across rooms', async () => {
    relay = await startRelay({
      limits: { maxConnectionsPerSubject: 2 },
      authorize: allowEveryone,
    });
    await connect('maasburen/public');
    await connect('maasburen/community');
    const third = await connect('molenhoek/public');
    expect(await third.closed).toEqual({ code: 1013, reason: 'too-many-connections' });
  });
});

describe('limit settings', () => {
  it('reads a flag before the environment and accepts k and m suffixes', () => {
    const limits = limitsFromConfig(
      { 'max-message-bytes': '2m' },
      { BUURTHUB_MAX_MESSAGE_BYTES: '64k', BUURTHUB_MESSAGE_RATE: '20' },
    );
    expect(limits).toEqual({ maxMessageBytes: 2 * 1024 * 1024, messagesPerSecond: 20 });
    expect(() => parseCount('veel', '--message-rate')).toThrow(/--message-rate/);
  });

  it('refuses a 2 MiB message by default', () => {
    expect(DEFAULT_LIMITS.maxMessageBytes).toBeLessThan(2 * 1024 * 1024);
  });

  it('lets a token bucket refill with time but never beyond its burst', () => {
    const bucket = new TokenBucket(10, 20, 0);
    for (let i = 0; i < 20; i++) expect(bucket.take(1, 0)).toBe(true);
    expect(bucket.take(1, 0)).toBe(false);
    expect(bucket.take(10, 1000)).toBe(true);
    expect(bucket.take(1, 1000)).toBe(false);
    expect(bucket.take(20, 60_000)).toBe(true);
    expect(bucket.take(1, 60_000)).toBe(false);
  });
});
