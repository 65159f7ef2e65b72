/**
 * The room bus contract with the in-process twin (`LocalBusHub`): two relays in this
 * process on one storage behave like two relay processes on PostgreSQL and Redis
 * (scaleout.test.ts does that with the real services).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LocalBusHub, MemoryStorage, type RoomBus } from '../src/index.js';
import { stockClient, synced, type TestClient } from './helpers/clients.js';
import { startRelay, type TestRelay } from './helpers/relay.js';
import { waitFor } from './helpers/wait.js';

const ROOM = 'maasburen/public';

describe('relays joined by the in-process bus', () => {
  const relays: TestRelay[] = [];
  const buses: RoomBus[] = [];
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const relay of relays.splice(0)) await relay.dispose();
    for (const bus of buses.splice(0)) await bus.close();
  });

  async function pair(): Promise<[TestRelay, TestRelay, RoomBus, RoomBus]> {
    const hub = new LocalBusHub();
    const storage = new MemoryStorage();
    const [busA, busB] = [hub.connect('a'), hub.connect('b')];
    buses.push(busA, busB);
    const a = await startRelay({ storage, bus: busA });
    const b = await startRelay({ storage, bus: busB });
    relays.push(a, b);
    return [a, b, busA, busB];
  }

  const client = (relay: TestRelay) => {
    const made = stockClient(relay.url, ROOM);
    clients.push(made);
    return made;
  };

  it('relays edits between clients of different relays', async () => {
    const [a, b] = await pair();
    const [left, right] = [client(a), client(b)];
    await Promise.all([synced(left), synced(right)]);
    left.doc.getText('prikbord').insert(0, 'links ');
    right.doc.getText('prikbord').insert(0, 'rechts ');
    await waitFor(
      () =>
        left.doc.getText('prikbord').length === 13 && right.doc.getText('prikbord').length === 13,
      'both edits on both sides',
    );
    expect(left.doc.getText('prikbord').toString()).toBe(right.doc.getText('prikbord').toString());
  });

  it('shares presence and removes it when the other relay leaves the bus', async () => {
    const [a, b, busA] = await pair();
    const [left, right] = [client(a), client(b)];
    await Promise.all([synced(left), synced(right)]);
    left.provider.awareness.setLocalStateField('cursor', 1);
    await waitFor(
      () => right.provider.awareness.getStates().get(left.doc.clientID)?.cursor === 1,
      'presence across relays',
    );
    await busA.close();
    await waitFor(
      () => !right.provider.awareness.getStates().has(left.doc.clientID),
      'presence gone with its relay',
    );
  });
});
