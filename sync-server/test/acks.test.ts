import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CommunitySpace, MESSAGE_ACK } from '@buurthub/shared';
import { rawClient, stockClient, synced, type TestClient } from './helpers/clients.js';
import { syncStep1Frame, updateFrame } from './helpers/frames.js';
import { startRelay, type TestRelay } from './helpers/relay.js';
import { waitFor } from './helpers/wait.js';

const ROOM = 'maasburen/community';
const author = { id: 'm', name: 'Marieke Jansen', role: 'resident' as const };

function writePost(doc: Y.Doc, title: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  new CommunitySpace(doc).posts.create({ title, body: 'Tekst.', category: 'nieuws' }, author);
  return Y.encodeStateAsUpdate(doc, before);
}

describe('acknowledgements ("saved on the server")', () => {
  let relay: TestRelay;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await relay?.dispose();
  });

  it('tells a client that asked for acks which of its changes are stored', async () => {
    relay = await startRelay();
    const doc = new Y.Doc();
    const client = await rawClient(relay.url, ROOM, '?ack=1');
    client.socket.send(updateFrame(writePost(doc, 'Opgeslagen?')));

    const ack = await waitFor(() => client.acks()[0], 'an ack');
    expect(ack.get(doc.clientID)).toBe(Y.getState(doc.store, doc.clientID));
    // The ack comes after the commit: the update is in storage.
    expect((await relay.storage.stats(ROOM)).logLength).toBe(1);

    // After a reconnect, a sync step 1 is answered with the relay's clocks for this client.
    client.close();
    await client.closed;
    const again = await rawClient(relay.url, ROOM, '?ack=1');
    again.socket.send(syncStep1Frame(doc));
    const resumed = await waitFor(() => again.acks()[0], 'an ack after sync step 1');
    expect(resumed.get(doc.clientID)).toBe(Y.getState(doc.store, doc.clientID));
    again.close();
    doc.destroy();
  });

  it('never sends an ack to a stock client', async () => {
    relay = await startRelay();
    const watcher = stockClient(relay.url, ROOM);
    clients.push(watcher);
    await synced(watcher);

    const doc = new Y.Doc();
    const stock = await rawClient(relay.url, ROOM);
    stock.socket.send(updateFrame(writePost(doc, 'Zonder ack')));
    stock.socket.send(syncStep1Frame(doc));
    // Messages are handled in order: once the reply to sync step 1 is here, both were handled.
    await waitFor(() => stock.messages.some((m) => m[0] === 0 && m[1] === 1), 'sync step 2');
    await waitFor(() => new CommunitySpace(watcher.doc).posts.list().length === 1, 'fan-out');
    expect(stock.messages.filter((m) => m[0] === MESSAGE_ACK)).toEqual([]);
    stock.close();
    doc.destroy();
  });
});
