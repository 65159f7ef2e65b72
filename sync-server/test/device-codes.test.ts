/**
 * Moderator sign-in on the kiosk (auth/device-codes.ts) against real relays on 127.0.0.1:
 * the kiosk asks for a code with its kiosk token, a moderator of the same neighbourhood
 * approves it from the app, and the kiosk's next poll brings a 30-minute moderator token
 * that opens the kiosk's connections. On a hub: hub-device-codes.test.ts; expiry and the
 * open-code limit in every storage: storage-device-codes.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { upgradeStatus } from './helpers/auth.js';
import { postJson } from './helpers/http.js';
import { startRelay, type TestRelay } from './helpers/relay.js';
import { tokenFor } from './helpers/tokens.js';

const NB = 'maasburen';

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
}

describe('signing a moderator in on the kiosk with a code from the screen', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function relay(): Promise<TestRelay> {
    const started = await startRelay();
    cleanups.push(() => started.dispose());
    return started;
  }

  async function askCode(r: TestRelay, kioskName = 'Buurthuis De Linde') {
    const kiosk = await tokenFor(r.storage, NB, 'kiosk', { sub: 'kiosk-1', name: kioskName });
    const created = await postJson(r.url, '/api/device-codes', {}, kiosk);
    expect(created.status).toBe(200);
    return created.body as { deviceCode: string; userCode: string; expiresAt: number };
  }

  it('gives the kiosk a 30-minute token with the approving moderator in it, once', async () => {
    const r = await relay();
    const code = await askCode(r);
    expect(code.userCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    const before = await postJson(r.url, '/api/device-codes/token', {
      deviceCode: code.deviceCode,
    });
    expect(before).toEqual({ status: 200, body: { status: 'pending' } });

    const moderator = await tokenFor(r.storage, NB, 'moderator', { sub: 'm-anna', name: 'Anna' });
    // Typed on a phone: lower case, no dash.
    const typed = code.userCode.replace('-', '').toLowerCase();
    const seen = await postJson(r.url, '/api/device-codes/lookup', { userCode: typed }, moderator);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ kiosk: 'Buurthuis De Linde', nb: NB });
    const approved = await postJson(
      r.url,
      '/api/device-codes/approve',
      { userCode: typed },
      moderator,
    );
    expect(approved.status).toBe(200);

    const after = await postJson(r.url, '/api/device-codes/token', { deviceCode: code.deviceCode });
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ status: 'approved', nb: NB, role: 'moderator' });
    const token = after.body.token as string;
    const claims = claimsOf(token);
    expect(claims).toMatchObject({
      sub: 'm-anna',
      name: 'Anna',
      role: 'moderator',
      nb: NB,
      kiosk: 'Buurthuis De Linde',
    });
    expect(claims.pk).toBeUndefined();
    expect((claims.exp as number) - (claims.iat as number)).toBe(30 * 60);
    // The kiosk's connection to the moderation room opens with it.
    expect(await upgradeStatus(r.url, `${NB}/moderation`, token)).toBe(101);

    // One use: the device code and the user code are gone.
    const again = await postJson(r.url, '/api/device-codes/token', { deviceCode: code.deviceCode });
    expect(again.status).toBe(404);
    const reuse = await postJson(
      r.url,
      '/api/device-codes/approve',
      { userCode: typed },
      moderator,
    );
    expect(reuse.status).toBe(404);
  });

  it('refuses wrong codes, residents, another neighbourhood and a kiosk session', async () => {
    const r = await relay();
    const code = await askCode(r);
    const body = { userCode: code.userCode };
    const resident = await tokenFor(r.storage, NB, 'resident');
    expect((await postJson(r.url, '/api/device-codes/approve', body, resident)).status).toBe(403);
    const elsewhere = await tokenFor(r.storage, 'heumen', 'moderator');
    const other = await postJson(r.url, '/api/device-codes/approve', body, elsewhere);
    expect(other).toMatchObject({ status: 404, body: { error: 'code-unknown' } });
    expect((await postJson(r.url, '/api/device-codes/approve', body)).status).toBe(401);
    const moderator = await tokenFor(r.storage, NB, 'moderator');
    const wrong = await postJson(
      r.url,
      '/api/device-codes/approve',
      { userCode: 'ABCD-EFGH' },
      moderator,
    );
    expect(wrong.status).toBe(404);

    // A token from a kiosk sign-in does not sign in another kiosk.
    await postJson(r.url, '/api/device-codes/approve', body, moderator);
    const session = await postJson(r.url, '/api/device-codes/token', {
      deviceCode: code.deviceCode,
    });
    const second = await askCode(r);
    const chained = await postJson(
      r.url,
      '/api/device-codes/approve',
      { userCode: second.userCode },
      session.body.token as string,
    );
    expect(chained.status).toBe(403);
    // Nothing was approved: the second kiosk still waits.
    const waiting = await postJson(r.url, '/api/device-codes/token', {
      deviceCode: second.deviceCode,
    });
    expect(waiting.body).toEqual({ status: 'pending' });

    // Only a kiosk asks for a code; a made-up device code gets nothing.
    expect((await postJson(r.url, '/api/device-codes', {}, resident)).status).toBe(403);
    expect((await postJson(r.url, '/api/device-codes', {})).status).toBe(401);
    const madeUp = await postJson(r.url, '/api/device-codes/token', { deviceCode: 'x'.repeat(43) });
    expect(madeUp.status).toBe(404);
    const malformed = await postJson(r.url, '/api/device-codes/token', { deviceCode: '../../etc' });
    expect(malformed.status).toBe(400);
  });
});
