import * as prng from 'lib0/prng';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CommunitySpace } from '@buurthub/shared';
import { allowEveryone } from '../src/index.js';
import { rawClient, stockClient, synced, type TestClient } from './helpers/clients.js';
import { awarenessFrame, updateFrame } from './helpers/frames.js';
import { getText, metric } from './helpers/http.js';
import { startRelay, type TestRelay } from './helpers/relay.js';
import { waitFor } from './helpers/wait.js';

const ROOM = 'maasburen/community';
const SEED = 20210715;

/** Random bytes from a fixed seed (printed on failure through the test name). */
function randomBytes(length: number): Uint8Array {
  const gen = prng.create(SEED);
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = prng.uint32(gen, 0, 255);
  return bytes;
}

type Send = (socket: import('ws').WebSocket) => void;
/** Unknown message types close with 1003, undecodable data with 1007 (docs/protocol.md). */
const garbage: [name: string, send: Send, codes: number[]][] = [
  ['a text frame', (s) => s.send('hallo buren'), [1003]],
  ['a truncated update', (s) => s.send(new Uint8Array([0, 2, 50, 1, 2, 3])), [1007]],
  [`random bytes (seed ${SEED})`, (s) => s.send(randomBytes(64)), [1003, 1007]],
  [
    `a sync update full of random bytes (seed ${SEED})`,
    (s) => s.send(updateFrame(randomBytes(64))),
    [1007],
  ],
  ['an unknown message type', (s) => s.send(new Uint8Array([7, 1, 2])), [1003]],
  [
    // Found by fuzz.test.ts: it decodes, but applying it throws ("Unexpected case").
    'a delete set that decodes but that no document can apply',
    (s) =>
      s.send(
        updateFrame(
          new Uint8Array([
            0, 1, 133, 210, 227, 227, 9, 1, 136, 133, 210, 227, 227, 9, 0, 1, 125, 0, 0,
          ]),
        ),
      ),
    [1007],
  ],
  [
    // Found by fuzz.test.ts under load: an update with a struct of length 0 (a map entry with
    // no value) decodes and integrates, and the next update from that client then threw in
    // the room's document, which reset the room for everyone in it.
    'an update with an empty struct, which no client writes',
    (s) =>
      s.send(
        updateFrame(new Uint8Array([1, 1, 150, 209, 128, 180, 7, 0, 40, 1, 1, 109, 1, 118, 0, 0])),
      ),
    [1007],
  ],
  ['an ack sent by a client', (s) => s.send(new Uint8Array([100, 0])), [1003]],
  [
    'a sync update whose payload Yjs cannot read',
    (s) => s.send(updateFrame(new Uint8Array([1, 1, 5, 0, 31, 1, 3, 102, 111, 111, 0]))),
    [1007],
  ],
  [
    'a sync update whose payload is cut short',
    (s) => s.send(updateFrame(new Uint8Array([1, 1, 5, 0, 1, 0xff, 0xff, 0xff, 0x7f, 0]))),
    [1007],
  ],
  [
    'a message type written as a non-canonical varint (0x80 0x00 for 0)',
    (s) => s.send(new Uint8Array([0x80, 0x00, 0x00, 0x00])),
    [1007],
  ],
  [
    'a payload length written as a non-canonical varint',
    (s) => s.send(new Uint8Array([0x00, 0x02, 0x81, 0x00, 0x00])),
    [1007],
  ],
  [
    'a varint too long for a number',
    (s) => s.send(new Uint8Array([0, 2, ...new Array<number>(10).fill(0xff), 0x01])),
    [1007],
  ],
  [
    'a length that points past the end of the frame',
    (s) => s.send(new Uint8Array([0, 2, 100, 1, 2])),
    [1007],
  ],
  [
    'an awareness message with garbage inside',
    (s) => s.send(new Uint8Array([1, 3, 9, 9, 9])),
    [1007],
  ],
];

describe('a client that sends garbage', () => {
  let relay: TestRelay;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await relay?.dispose();
  });

  it.each(garbage)(
    'is closed on its own for %s, and others keep syncing',
    async (_n, send, codes) => {
      relay = await startRelay({ authorize: allowEveryone });
      const alice = stockClient(relay.url, ROOM);
      const bob = stockClient(relay.url, ROOM);
      clients.push(alice, bob);
      await Promise.all([synced(alice), synced(bob)]);
      const firstPost = new CommunitySpace(alice.doc).posts.create(
        { title: 'Voor de storing', body: 'Eerste bericht.', category: 'nieuws' },
        { id: 'a', name: 'Alice', role: 'resident' },
      );
      await waitFor(() => new CommunitySpace(bob.doc).posts.get(firstPost.id), 'first post');
      const storedBefore = await relay.storage.loadRoom(ROOM);

      const attacker = await rawClient(relay.url, ROOM);
      send(attacker.socket);
      const closed = await attacker.closed;
      expect(codes).toContain(closed.code);

      // The others are still connected and still sync both ways.
      const post = new CommunitySpace(bob.doc).posts.create(
        { title: 'Na de storing', body: 'Alles werkt nog.', category: 'nieuws' },
        { id: 'b', name: 'Bob', role: 'resident' },
      );
      await waitFor(() => new CommunitySpace(alice.doc).posts.get(post.id), 'post after garbage');
      expect(alice.provider.wsconnected && bob.provider.wsconnected).toBe(true);

      // Exactly one update (bob's post) was stored after the garbage, and it is bob's.
      const storedAfter = await relay.storage.loadRoom(ROOM);
      expect(storedAfter.updates.length).toBe(storedBefore.updates.length + 1);
      const check = new Y.Doc();
      for (const update of storedAfter.updates) Y.applyUpdate(check, update);
      expect(
        new CommunitySpace(check).posts
          .list()
          .map((p) => p.title)
          .sort(),
      ).toEqual(['Na de storing', 'Voor de storing']);
      expect([...check.store.clients.keys()].sort()).toEqual(
        [alice.doc.clientID, bob.doc.clientID].sort(),
      );
      check.destroy();
    },
  );

  it('refuses a message larger than the limit without affecting others', async () => {
    relay = await startRelay({ maxPayload: 1024, authorize: allowEveryone });
    const alice = stockClient(relay.url, ROOM);
    clients.push(alice);
    await synced(alice);
    const attacker = await rawClient(relay.url, ROOM);
    attacker.socket.send(new Uint8Array(4096));
    expect((await attacker.closed).code).toBe(1009);
    expect(alice.provider.wsconnected).toBe(true);
  });
});

describe('hostile inputs kept as regression tests', () => {
  let relay: TestRelay;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await relay?.dispose();
  });

  async function twoNeighbours(): Promise<[TestClient, TestClient]> {
    const alice = stockClient(relay.url, ROOM);
    const bob = stockClient(relay.url, ROOM);
    clients.push(alice, bob);
    await Promise.all([synced(alice), synced(bob)]);
    return [alice, bob];
  }

  async function stillSyncing(from: TestClient, to: TestClient, title: string): Promise<void> {
    const post = new CommunitySpace(from.doc).posts.create(
      { title, body: 'Werkt nog.', category: 'nieuws' },
      { id: 'b', name: 'Bob', role: 'resident' },
    );
    await waitFor(() => new CommunitySpace(to.doc).posts.get(post.id), title);
  }

  it('refuses a 2 MiB frame with 1009 under the default limits, and others keep syncing', async () => {
    relay = await startRelay({ authorize: allowEveryone });
    const [alice, bob] = await twoNeighbours();
    const attacker = await rawClient(relay.url, ROOM);
    attacker.socket.send(updateFrame(new Uint8Array(2 * 1024 * 1024)));
    expect((await attacker.closed).code).toBe(1009);
    await stillSyncing(bob, alice, 'Na het grote bericht');
    const { body } = await getText(relay.url, '/metrics');
    expect(metric(body, 'buurthub_rejected_messages_total{reason="message-too-large"}')).toBe(1);
  });

  it('refuses an update creating thousands of root types, and stores none of it', async () => {
    relay = await startRelay({ authorize: allowEveryone });
    const [alice, bob] = await twoNeighbours();
    const before = await relay.storage.loadRoom(ROOM);
    const doc = new Y.Doc();
    for (let i = 0; i < 5000; i++) doc.getMap(`type-${i}`).set('k', i);
    const attacker = await rawClient(relay.url, ROOM);
    attacker.socket.send(updateFrame(Y.encodeStateAsUpdate(doc)));
    expect((await attacker.closed).code).toBe(1008);
    expect((await relay.storage.loadRoom(ROOM)).updates).toEqual(before.updates);
    await stillSyncing(alice, bob, 'Na de vele types');
    doc.destroy();
  });

  it('passes awareness with __proto__ and constructor keys on as plain data, without polluting prototypes', async () => {
    relay = await startRelay({ authorize: allowEveryone });
    const [alice, bob] = await twoNeighbours();
    const sender = await rawClient(relay.url, ROOM);
    const state =
      '{"__proto__":{"polluted":"ja"},"constructor":{"prototype":{"polluted":"ja"}},"user":{"name":"Mallory"}}';
    sender.socket.send(awarenessFrame(777, 1, state));
    const seen = await waitFor(
      () => bob.provider.awareness.getStates().get(777),
      'the awareness state at bob',
    );
    expect((seen as { user?: { name?: string } }).user?.name).toBe('Mallory');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    expect(sender.socket.readyState).toBe(sender.socket.OPEN);
    await stillSyncing(alice, bob, 'Na de vreemde aanwezigheid');
    sender.close();
  });
});
