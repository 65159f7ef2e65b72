import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CommunitySpace } from '@buurthub/shared';
import {
  allowEveryone,
  createRelay,
  type Relay,
  silentLogger,
  SqliteStorage,
} from '../src/index.js';
import { rawClient, stockClient, synced, type TestClient } from './helpers/clients.js';
import { updateFrame } from './helpers/frames.js';
import { getText, metric } from './helpers/http.js';
import { startRelay, type TestRelay } from './helpers/relay.js';
import { tempDir } from './helpers/temp.js';
import { waitFor } from './helpers/wait.js';

const ROOM = 'maasburen/community';
const author = { id: 'f', name: 'Fatima El Amrani', role: 'resident' as const };

describe('what an operator can see', () => {
  let relay: TestRelay;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await relay?.dispose();
  });

  it('counts connections, rooms, messages, commits and document sizes in /metrics', async () => {
    relay = await startRelay({ authorize: allowEveryone });
    const alice = stockClient(relay.url, ROOM);
    const bob = stockClient(relay.url, ROOM);
    clients.push(alice, bob);
    await Promise.all([synced(alice), synced(bob)]);
    const post = new CommunitySpace(alice.doc).posts.create(
      { title: 'Gemeten', body: 'Eén bericht.', category: 'nieuws' },
      author,
    );
    await waitFor(() => new CommunitySpace(bob.doc).posts.get(post.id), 'the post at bob');

    const reply = await getText(relay.url, '/metrics');
    expect(reply.status).toBe(200);
    const text = reply.body;
    expect(metric(text, 'buurthub_connections')).toBe(2);
    expect(metric(text, 'buurthub_rooms')).toBe(1);
    expect(metric(text, 'buurthub_messages_received_total{type="update"}')).toBeGreaterThanOrEqual(
      1,
    );
    expect(metric(text, 'buurthub_received_bytes_total')).toBeGreaterThan(0);
    expect(metric(text, 'buurthub_sent_bytes_total')).toBeGreaterThan(0);
    expect(metric(text, 'buurthub_update_commit_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(
      metric(text, 'buurthub_document_bytes{nb="maasburen",space="community"}'),
    ).toBeGreaterThan(0);
    expect(metric(text, 'buurthub_limit{limit="maxMessageBytes"}')).toBe(1024 * 1024);
  });

  it('reports not ready when storage stops answering', async () => {
    const dir = tempDir();
    const storage = new SqliteStorage(dir.path);
    const own: Relay = await createRelay({
      port: 0,
      host: '127.0.0.1',
      storage,
      log: silentLogger,
      authorize: allowEveryone,
    });
    try {
      expect((await getText(own.url, '/readyz')).status).toBe(200);
      await storage.close();
      expect((await getText(own.url, '/readyz')).status).toBe(503);
      expect((await getText(own.url, '/healthz')).status).toBe(200);
    } finally {
      await own.close();
      dir.remove();
    }
  });

  it('while draining: not ready, refuses new clients with 503, closes the others with 1012', async () => {
    relay = await startRelay({ authorize: allowEveryone, shutdownSpreadMs: 1500 });
    const doc = new Y.Doc();
    const sockets = await Promise.all([1, 2, 3, 4].map(() => rawClient(relay.url, ROOM, '?ack=1')));
    const before = Y.encodeStateVector(doc);
    new CommunitySpace(doc).posts.create(
      { title: 'Net voor het afsluiten', body: 'Opgeslagen?', category: 'nieuws' },
      author,
    );
    sockets[0]?.socket.send(updateFrame(Y.encodeStateAsUpdate(doc, before)));
    await waitFor(() => sockets[0]?.acks()[0], 'the ack');

    const closing = relay.close();
    expect((await getText(relay.url, '/readyz')).status).toBe(503);
    await expect(rawClient(relay.url, ROOM)).rejects.toThrow('503');
    const codes = await Promise.all(sockets.map(async (s) => (await s.closed).code));
    expect(codes).toEqual([1012, 1012, 1012, 1012]);
    await closing;
    doc.destroy();
  });
});
