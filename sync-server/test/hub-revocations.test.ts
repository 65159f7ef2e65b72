import { afterEach, describe, expect, it } from 'vitest';
import { upgradeStatus } from './helpers/auth.js';
import { startRelay } from './helpers/relay.js';
import { tokenFor } from './helpers/tokens.js';
import { waitFor } from './helpers/wait.js';

const NB = 'maasburen';

describe('a hub learns the revocations of its upstream', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('refuses a resident on the hub once the upstream revoked them', async () => {
    const upstream = await startRelay();
    cleanups.push(() => upstream.dispose());
    const deviceToken = await tokenFor(upstream.storage, NB, 'kiosk', { sub: 'buurthuis' });
    const hub = await startRelay({
      upstream: { url: `${upstream.url.replace('http', 'ws')}/sync`, token: deviceToken },
      revocationPollMs: 100,
    });
    cleanups.push(() => hub.dispose());
    const anna = await tokenFor(upstream.storage, NB, 'resident', { sub: 'anna' });
    const bram = await tokenFor(upstream.storage, NB, 'resident', { sub: 'bram' });
    expect(await upgradeStatus(hub.url, `${NB}/public`, anna)).toBe(101);

    await upstream.storage.revoke('anna', Math.floor(Date.now() / 1000));
    await waitFor(
      async () => (await upgradeStatus(hub.url, `${NB}/public`, anna)) === 401,
      'anna refused on the hub',
    );
    // Only the revoked member.
    expect(await upgradeStatus(hub.url, `${NB}/public`, bram)).toBe(101);
  });

  it('lists revocations only to a device token of the neighbourhood', async () => {
    const relay = await startRelay();
    cleanups.push(() => relay.dispose());
    const list = (token?: string) =>
      fetch(`${relay.url}/api/revocations`, {
        headers: token ? { Authorization: `Bearer ${token}` } : {},
      });
    expect((await list()).status).toBe(401);
    expect((await list(await tokenFor(relay.storage, NB, 'resident'))).status).toBe(403);
    await relay.storage.revoke('someone', 1_700_000_000);
    // A suspension travels with its end, and one that ended is not listed.
    const now = Math.floor(Date.now() / 1000);
    await relay.storage.revoke('suspended', now, now + 3600);
    await relay.storage.revoke('served', now - 7200, now - 3600);
    const answer = await list(await tokenFor(relay.storage, NB, 'kiosk'));
    expect(answer.status).toBe(200);
    const { revocations } = (await answer.json()) as { revocations: { sub: string }[] };
    expect(revocations.sort((a, b) => a.sub.localeCompare(b.sub))).toEqual([
      { sub: 'someone', revokedAt: 1_700_000_000, endsAt: null },
      { sub: 'suspended', revokedAt: now, endsAt: now + 3600 },
    ]);
  });
});
