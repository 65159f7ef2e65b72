import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { stockClient, synced, type TestClient } from './helpers/clients.js';
import { startRelay, type TestRelay } from './helpers/relay.js';

describe('dead connections', () => {
  let relay: TestRelay;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await relay?.dispose();
  });

  it('drops a peer that stops answering pings, and keeps the live ones', async () => {
    relay = await startRelay({ heartbeatMs: 100 });
    const live = stockClient(relay.url, 'maasburen/public');
    clients.push(live);
    await synced(live);

    // A laptop whose lid closed: the socket is open but nothing answers.
    const dead = new WebSocket(`${relay.url.replace(/^http/, 'ws')}/sync/maasburen/public`, {
      autoPong: false,
    });
    dead.on('error', () => {});
    const code = await new Promise<number>((resolve) => dead.on('close', (c) => resolve(c)));
    expect(code).toBe(1006);
    expect(live.provider.wsconnected).toBe(true);
  });
});
