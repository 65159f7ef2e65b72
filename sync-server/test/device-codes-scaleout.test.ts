/**
 * Kiosk sign-in when scaled out: two `buurthub serve --postgres … --redis …` processes
 * behind a load balancer without sticky sessions. The kiosk's code is asked from one
 * process, the moderator's phone approves it on the other, and the kiosk's poll (back on
 * the first) brings the session token, which opens the moderation room on either.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { upgradeStatus } from './helpers/auth.js';
import type { CliRelay } from './helpers/cli.js';
import { postJson } from './helpers/http.js';
import { startCluster } from './helpers/scaleout.js';
import { tokenFor } from './helpers/tokens.js';

const NB = 'maasburen';

describe('kiosk sign-in across relay processes', { timeout: 60_000 }, () => {
  const cleanups: (() => Promise<void>)[] = [];

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('signs the moderator in when the kiosk and the phone reach different processes', async () => {
    const cluster = await startCluster(2);
    cleanups.push(() => cluster.remove());
    const [a, b] = cluster.relays as [CliRelay, CliRelay];
    const kiosk = await tokenFor(cluster.storage, NB, 'kiosk', {
      sub: 'kiosk-1',
      name: 'De Linde',
    });
    const moderator = await tokenFor(cluster.storage, NB, 'moderator', {
      sub: 'mirjam',
      name: 'Mirjam',
    });

    const created = await postJson(a.url, '/api/device-codes', {}, kiosk);
    expect(created.status).toBe(200);
    const { deviceCode, userCode } = created.body as { deviceCode: string; userCode: string };
    expect((await postJson(a.url, '/api/device-codes/token', { deviceCode })).body).toEqual({
      status: 'pending',
    });

    const seen = await postJson(b.url, '/api/device-codes/lookup', { userCode }, moderator);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ kiosk: 'De Linde', nb: NB });
    const approved = await postJson(b.url, '/api/device-codes/approve', { userCode }, moderator);
    expect(approved.status).toBe(200);

    const session = await postJson(a.url, '/api/device-codes/token', { deviceCode });
    expect(session.body).toMatchObject({ status: 'approved', role: 'moderator', sub: 'mirjam' });
    const token = session.body.token as string;
    expect(await upgradeStatus(a.url, `${NB}/moderation`, token)).toBe(101);
    expect(await upgradeStatus(b.url, `${NB}/moderation`, token)).toBe(101);
    // Used once, on every process.
    const again = await postJson(b.url, '/api/device-codes/token', { deviceCode });
    expect(again.status).toBe(404);
  });
});
