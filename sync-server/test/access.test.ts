import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CommunitySpace } from '@buurthub/shared';
import type { Authorize } from '../src/index.js';
import { upgradeStatusAt } from './helpers/auth.js';
import { rawClient, stockClient, synced, type TestClient } from './helpers/clients.js';
import { syncPayloads, updateFrame } from './helpers/frames.js';
import { startRelay, type TestRelay } from './helpers/relay.js';
import { waitFor } from './helpers/wait.js';

const ROOM = 'maasburen/community';

describe('who may connect and write', () => {
  let relay: TestRelay;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await relay?.dispose();
  });

  it('refuses sync URLs that name no room before upgrading', async () => {
    relay = await startRelay();
    expect(await upgradeStatusAt(relay.url, '/sync/maasburen/public')).toBe(101);
    expect(await upgradeStatusAt(relay.url, '/sync/maasburen/kelder')).toBe(404);
    expect(await upgradeStatusAt(relay.url, '/sync/Maas_Buren/public')).toBe(400);
    expect(await upgradeStatusAt(relay.url, '/sync/maasburen')).toBe(400);
    expect(await upgradeStatusAt(relay.url, '/sync/maasburen/public/extra')).toBe(400);
    expect(await upgradeStatusAt(relay.url, '/elders/maasburen/public')).toBe(400);
  });

  it('refuses a connection the authorize hook turns down', async () => {
    const authorize: Authorize = () => null;
    relay = await startRelay({ authorize });
    expect(await upgradeStatusAt(relay.url, '/sync/maasburen/community')).toBe(403);
  });

  it('lets a read-only visitor read but drops what it writes, and says so', async () => {
    const authorize: Authorize = (request) =>
      request.url?.includes('token=schrijver')
        ? { role: 'resident', canWrite: true }
        : { role: 'guest', canWrite: false };
    relay = await startRelay({ authorize });
    const writer = stockClient(relay.url, ROOM, { token: 'schrijver' });
    clients.push(writer);
    await synced(writer);

    const visitor = await rawClient(relay.url, ROOM);
    const doc = new Y.Doc();
    new CommunitySpace(doc).posts.create(
      { title: 'Ongevraagd', body: 'Mag dit?', category: 'nieuws' },
      { id: 'g', name: 'Gast', role: 'resident' },
    );
    visitor.socket.send(updateFrame(Y.encodeStateAsUpdate(doc)));
    // y-protocols auth message: type 2, permission denied (0).
    await waitFor(() => visitor.messages.find((m) => m[0] === 2 && m[1] === 0), 'denial');

    const post = new CommunitySpace(writer.doc).posts.create(
      { title: 'Van de schrijver', body: 'Dit mag wel.', category: 'nieuws' },
      { id: 'w', name: 'Schrijver', role: 'resident' },
    );
    // The visitor still reads: the writer's update reaches it.
    const reader = new Y.Doc();
    await waitFor(() => {
      for (const update of syncPayloads(visitor.messages, 2)) Y.applyUpdate(reader, update);
      return new CommunitySpace(reader).posts.get(post.id);
    }, 'the writer post at the visitor');

    expect(new CommunitySpace(writer.doc).posts.list().map((p) => p.title)).toEqual([
      'Van de schrijver',
    ]);
    expect((await relay.storage.stats(ROOM)).logLength).toBe(1);
    visitor.close();
    doc.destroy();
    reader.destroy();
  });
});
