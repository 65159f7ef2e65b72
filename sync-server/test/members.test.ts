import { afterEach, describe, expect, it } from 'vitest';
import { upgradeStatus } from './helpers/auth.js';
import { rawClient } from './helpers/clients.js';
import { joinWithInvite } from './helpers/members.js';
import { startRelay, type TestRelay } from './helpers/relay.js';
import { tokenFor } from './helpers/tokens.js';

const NB = 'maasburen';

describe('moderators revoking members of their neighbourhood', () => {
  let relay: TestRelay;
  afterEach(() => relay?.dispose());

  const join = (nb: string, role: 'resident' | 'moderator', name: string) =>
    joinWithInvite(relay, nb, role, name);

  const revoke = (token: string, sub: string, reason = 'Bedreigde een buurman', endsAt?: number) =>
    fetch(`${relay.url}/api/members/${sub}/revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason, endsAt }),
    });

  it('lets a suspended resident back in by themselves when the suspension ends, with the token they had', async () => {
    relay = await startRelay({ revocationPollMs: 100 });
    const resident = await join(NB, 'resident', 'Bram');
    const mieke = await join(NB, 'moderator', 'Mieke');
    const now = Math.floor(Date.now() / 1000);
    // A suspension ends after now and within a year; anything else is refused.
    expect((await revoke(mieke.token, resident.sub, 'Schelden', now)).status).toBe(400);
    expect((await revoke(mieke.token, resident.sub, 'Schelden', now + 400 * 86_400)).status).toBe(
      400,
    );
    const open = await rawClient(relay.url, `${NB}/community`, `?token=${resident.token}`);
    const res = await revoke(mieke.token, resident.sub, 'Schelden', now + 3);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ sub: resident.sub, endsAt: now + 3 });
    expect((await open.closed).code).toBe(4401);
    expect(await upgradeStatus(relay.url, `${NB}/community`, resident.token)).toBe(401);
    // After the end: the same token works again, without a new invite.
    await new Promise((resolve) => setTimeout(resolve, (now + 4) * 1000 - Date.now()));
    expect(await upgradeStatus(relay.url, `${NB}/community`, resident.token)).toBe(101);
  });

  it('closes a removed resident’s connections and refuses their token from then on', async () => {
    relay = await startRelay({ revocationPollMs: 100 });
    const resident = await join(NB, 'resident', 'Bram');
    const mieke = await join(NB, 'moderator', 'Mieke');
    const open = await rawClient(relay.url, `${NB}/community`, `?token=${resident.token}`);

    const res = await revoke(mieke.token, resident.sub);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ sub: resident.sub });
    expect((await open.closed).code).toBe(4401);
    expect(await upgradeStatus(relay.url, `${NB}/community`, resident.token)).toBe(401);
  });

  it('keeps moderators to residents of their own neighbourhood', async () => {
    relay = await startRelay();
    const elsewhere = await join('heumen', 'resident', 'Dirk');
    const colleague = await join(NB, 'moderator', 'Karin');
    const mieke = await join(NB, 'moderator', 'Mieke');
    const bram = await join(NB, 'resident', 'Bram');
    const official = await tokenFor(relay.storage, NB, 'official');

    expect((await revoke(mieke.token, elsewhere.sub)).status).toBe(404);
    expect((await revoke(mieke.token, 'm-nobody')).status).toBe(404);
    expect((await revoke(mieke.token, colleague.sub)).status).toBe(403);
    expect((await revoke(bram.token, mieke.sub)).status).toBe(403);
    expect((await revoke(official, bram.sub)).status).toBe(403);
    expect((await revoke(mieke.token, bram.sub, '')).status).toBe(400);
    // Nobody was revoked by any of that.
    expect(await relay.storage.revocations()).toEqual(new Map());
  });
});
