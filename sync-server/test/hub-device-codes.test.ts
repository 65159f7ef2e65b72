/**
 * Moderator sign-in on a kiosk whose relay is a hub (hub/device-codes-upstream.ts): the
 * code is made and polled at the upstream relay, where the moderators' phones are signed
 * in, and the hub says so when the upstream cannot be reached. Two relays on 127.0.0.1.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { upgradeStatus } from './helpers/auth.js';
import { postJson } from './helpers/http.js';
import { tcpProxy } from './helpers/proxy.js';
import { startRelay } from './helpers/relay.js';
import { tokenFor } from './helpers/tokens.js';
import { waitFor } from './helpers/wait.js';

const NB = 'maasburen';

describe('kiosk sign-in through a hub', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function relay() {
    const started = await startRelay();
    cleanups.push(() => started.dispose());
    return started;
  }

  it('on a hub, passes the code to the upstream where the moderators are signed in', async () => {
    const upstream = await relay();
    const proxy = await tcpProxy(upstream.port);
    cleanups.push(() => proxy.close());
    const device = await tokenFor(upstream.storage, NB, 'kiosk', {
      sub: 'buurthuis-hub',
      name: 'Buurthuis De Linde',
    });
    const hub = await startRelay({
      upstream: { url: `ws://127.0.0.1:${proxy.port}/sync`, token: device },
    });
    cleanups.push(() => hub.dispose());
    // The hub signs its own window's kiosk token (desktop window-token.ts).
    const window = await tokenFor(hub.storage, NB, 'kiosk', { sub: 'kiosk-window' });

    const created = await postJson(hub.url, '/api/device-codes', {}, window);
    expect(created.status).toBe(200);
    const { deviceCode, userCode } = created.body as { deviceCode: string; userCode: string };
    // The code lives at the upstream, named after the hub's device token.
    const moderator = await tokenFor(upstream.storage, NB, 'moderator', { sub: 'm-bram' });
    const seen = await postJson(upstream.url, '/api/device-codes/lookup', { userCode }, moderator);
    expect(seen.body).toMatchObject({ kiosk: 'Buurthuis De Linde' });
    await postJson(upstream.url, '/api/device-codes/approve', { userCode }, moderator);

    const polled = await postJson(hub.url, '/api/device-codes/token', { deviceCode });
    expect(polled.body).toMatchObject({ status: 'approved', role: 'moderator', sub: 'm-bram' });
    // Signed by the upstream; the hub accepts it for the kiosk's own connection.
    expect(await upgradeStatus(hub.url, `${NB}/moderation`, polled.body.token as string)).toBe(101);

    // Another neighbourhood's kiosk token gets no code from this hub.
    const stranger = await tokenFor(hub.storage, 'heumen', 'kiosk');
    expect((await postJson(hub.url, '/api/device-codes', {}, stranger)).status).toBe(403);

    // Cut off from the upstream, the kiosk hears why it cannot sign anyone in.
    proxy.cut();
    await waitFor(async () => {
      const cut = await postJson(hub.url, '/api/device-codes', {}, window);
      return cut.status === 503 && cut.body.error === 'upstream-unreachable';
    }, 'unreachable');
  });
});
