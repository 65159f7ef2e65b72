import { generateKeyPairSync, sign } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Invite } from '../src/index.js';
import { upgradeStatus } from './helpers/auth.js';
import { postJson } from './helpers/http.js';
import { claimInvite } from './helpers/members.js';
import { startRelay, type TestRelay } from './helpers/relay.js';

const NB = 'maasburen';

/** A device key pair as the PWA makes it: Ed25519, public key as raw base64url. */
function deviceKey() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const pk = publicKey.export({ format: 'jwk' }).x as string;
  return {
    pk,
    sign: (text: string) => sign(null, Buffer.from(text), privateKey).toString('base64url'),
  };
}

async function invite(relay: TestRelay, overrides: Partial<Invite> = {}): Promise<Invite> {
  const now = Math.floor(Date.now() / 1000);
  const value: Invite = {
    code: `K${Math.random().toString(36).slice(2, 9).toUpperCase()}`,
    nb: NB,
    role: 'resident',
    usesLeft: 1,
    expiresAt: now + 3600,
    createdAt: now,
    ...overrides,
  };
  await relay.storage.createInvite(value);
  return value;
}

describe('joining with an invite', () => {
  let relay: TestRelay;
  afterEach(() => relay?.dispose());

  it('returns a working token for a valid invite, typed in any case with a dash', async () => {
    relay = await startRelay();
    const { code } = await invite(relay, { code: 'ABCDEFGH', role: 'moderator' });
    const device = deviceKey();
    const { status, body } = await claimInvite(relay.url, 'abcd-efgh', 'Anja Verhoeven', device.pk);
    expect(status).toBe(200);
    expect(body).toMatchObject({ nb: NB, role: 'moderator' });
    expect(body.expiresAt).toBeGreaterThan(Date.now() / 1000);
    const claims = JSON.parse(
      Buffer.from((body.token as string).split('.')[1] as string, 'base64url').toString(),
    ) as Record<string, unknown>;
    expect(claims).toMatchObject({
      nb: NB,
      role: 'moderator',
      name: 'Anja Verhoeven',
      pk: device.pk,
    });
    expect(claims.sub).toBe(body.sub);
    expect(code).toBe('ABCDEFGH');
    expect(await upgradeStatus(relay.url, `${NB}/moderation`, body.token as string)).toBe(101);
  });

  it('refuses an invite that is used up or expired, and an unknown code', async () => {
    relay = await startRelay();
    const once = await invite(relay);
    const join = (code: string) => claimInvite(relay.url, code, 'Bert', deviceKey().pk);
    expect((await join(once.code)).status).toBe(200);
    const again = await join(once.code);
    expect(again.status).toBe(410);
    expect(again.body.error).toBe('invite-used-up');
    const old = await invite(relay, { expiresAt: Math.floor(Date.now() / 1000) - 1 });
    const expired = await join(old.code);
    expect(expired.status).toBe(410);
    expect(expired.body.error).toBe('invite-expired');
    expect((await join('ZZZZZZZZ')).status).toBe(404);
  });

  it('refuses a malformed request with 400 and says which field is wrong', async () => {
    relay = await startRelay();
    const { code } = await invite(relay);
    const bad = await claimInvite(relay.url, code, 'Bert', 'kort');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('publicKey');
    const empty = await claimInvite(relay.url, code, '   ', deviceKey().pk);
    expect(empty.status).toBe(400);
    // The invite was not used up by the bad attempts.
    expect((await relay.storage.invites(NB))[0]?.usesLeft).toBe(1);
  });

  it('stops guessing codes: too many attempts from one address get 429', async () => {
    relay = await startRelay();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await claimInvite(relay.url, `GUESS${i}AA`, 'Gok', deviceKey().pk);
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    // Even a valid code waits now.
    const { code } = await invite(relay);
    const res = await claimInvite(relay.url, code, 'Echt', deviceKey().pk);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('refreshing a token with the device key', () => {
  let relay: TestRelay;
  afterEach(() => relay?.dispose());

  async function joined() {
    const { code } = await invite(relay);
    const device = deviceKey();
    const { body } = await claimInvite(relay.url, code, 'Cor', device.pk);
    return { device, token: body.token as string, sub: body.sub as string };
  }
  async function challenge(): Promise<string> {
    const res = await fetch(`${relay.url}/api/challenge`);
    return ((await res.json()) as { challenge: string }).challenge;
  }

  it('gives a new working token for a signed challenge, once per challenge', async () => {
    relay = await startRelay();
    const { device, token } = await joined();
    const c = await challenge();
    const signature = device.sign(`buurthub-refresh:${c}`);
    const first = await postJson(relay.url, '/api/refresh', { token, challenge: c, signature });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ nb: NB, role: 'resident' });
    expect(await upgradeStatus(relay.url, `${NB}/community`, first.body.token as string)).toBe(101);
    const replay = await postJson(relay.url, '/api/refresh', { token, challenge: c, signature });
    expect(replay.status).toBe(401);
  });

  it('refuses a signature by another key, and a revoked member', async () => {
    relay = await startRelay();
    const { token, sub, device } = await joined();
    const c1 = await challenge();
    const stranger = await postJson(relay.url, '/api/refresh', {
      token,
      challenge: c1,
      signature: deviceKey().sign(`buurthub-refresh:${c1}`),
    });
    expect(stranger.status).toBe(401);
    expect(stranger.body.error).toBe('signature-invalid');
    await relay.storage.revoke(sub, Math.floor(Date.now() / 1000));
    const c2 = await challenge();
    const revoked = await postJson(relay.url, '/api/refresh', {
      token,
      challenge: c2,
      signature: device.sign(`buurthub-refresh:${c2}`),
    });
    expect(revoked.status).toBe(401);
    expect(revoked.body.error).toBe('token-revoked');
  });
});
