import { afterEach, describe, expect, it } from 'vitest';
import { tcpProxy } from './helpers/proxy.js';
import { startRelay } from './helpers/relay.js';
import { tokenFor } from './helpers/tokens.js';
import { waitFor } from './helpers/wait.js';

const NB = 'maasburen';

async function status(url: string) {
  const res = await fetch(`${url}/api/hub`);
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('no-store');
  return (await res.json()) as {
    upstream: null | {
      state: string;
      lastSyncedAt: number | null;
      revocationsFetchedAt: number | null;
    };
  };
}

describe('the hub tells whether it reaches its upstream (GET /api/hub)', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('says online after a sync, offline while the link is cut, and online again when it heals', async () => {
    const upstream = await startRelay();
    cleanups.push(() => upstream.dispose());
    const proxy = await tcpProxy(upstream.port);
    cleanups.push(() => proxy.close());
    const token = await tokenFor(upstream.storage, NB, 'kiosk', { sub: 'buurthuis' });
    const hub = await startRelay({
      upstream: { url: `ws://127.0.0.1:${proxy.port}/sync`, token },
    });
    cleanups.push(() => hub.dispose());

    let seen = await status(hub.url);
    await waitFor(async () => {
      seen = await status(hub.url);
      return seen.upstream?.state === 'online' && seen.upstream.lastSyncedAt !== null;
    }, 'online and synced');
    const syncedAt = seen.upstream?.lastSyncedAt;
    // It also says when it last learnt whom the upstream removed (fetched at start).
    await waitFor(
      async () => typeof (await status(hub.url)).upstream?.revocationsFetchedAt === 'number',
      'the revocation list fetched',
    );

    proxy.cut();
    await waitFor(async () => (await status(hub.url)).upstream?.state === 'offline', 'offline');
    // The last sync stays known while cut off, so the kiosk can say how old its data is.
    expect((await status(hub.url)).upstream?.lastSyncedAt).toBe(syncedAt);

    proxy.heal();
    await waitFor(async () => (await status(hub.url)).upstream?.state === 'online', 'online');
  });

  it('has no upstream state on a relay that is not a hub', async () => {
    const relay = await startRelay();
    cleanups.push(() => relay.dispose());
    expect(await status(relay.url)).toEqual({ upstream: null });
  });
});
