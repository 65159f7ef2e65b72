/**
 * The PWA's revocation queue (web/src/moderation/revocations.ts) against a real relay on
 * 127.0.0.1: a moderator removing a member revokes their tokens at once when online; offline,
 * or with the relay unreachable, the revocation waits on the device (surviving a reload) and
 * goes out when the moderator is back; a refusal is reported and never retried.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { newInviteCode } from '../../sync-server/src/auth/invites.js';
import { upgradeStatus } from '../../sync-server/test/helpers/auth.js';
import { type TestRelay, startRelay } from '../../sync-server/test/helpers/relay.js';
import { Revocations } from '../src/moderation/revocations.js';
import { freePort } from './support/relay.js';

const NB = 'maasburen';

/** A KeyValueStore in memory, standing in for localStorage across "reloads". */
function memoryStore() {
  const data = new Map<string, string>();
  return {
    get: (k: string) => data.get(k) ?? null,
    set: (k: string, v: string) => void data.set(k, v),
  };
}

describe('revoking a removed member from the PWA', () => {
  let relay: TestRelay;
  afterEach(() => relay?.dispose());

  async function join(role: 'resident' | 'moderator', name: string) {
    const now = Math.floor(Date.now() / 1000);
    const code = newInviteCode();
    await relay.storage.createInvite({
      code,
      nb: NB,
      role,
      usesLeft: 1,
      expiresAt: now + 3600,
      createdAt: now,
    });
    const res = await fetch(`${relay.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, displayName: name, publicKey: 'A'.repeat(43) }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { token: string; sub: string };
  }

  function revocations(moderatorToken: string, store = memoryStore(), online = () => true) {
    return new Revocations({
      nb: NB,
      token: () => moderatorToken,
      online,
      fetch: (input, init) => fetch(input, init),
      store,
      apiBase: relay.url,
    });
  }

  it('revokes at once when the relay is reachable', async () => {
    relay = await startRelay();
    const bram = await join('resident', 'Bram');
    const mieke = await join('moderator', 'Mieke');
    const result = await revocations(mieke.token).revoke({
      memberId: bram.sub,
      reason: 'Bedreigde een buurman',
    });
    expect(result).toEqual({ state: 'revoked' });
    expect(await upgradeStatus(relay.url, `${NB}/community`, bram.token)).toBe(401);
  });

  it('keeps a revocation made offline, also across a reload, and sends it once back online', async () => {
    relay = await startRelay();
    const bram = await join('resident', 'Bram');
    const mieke = await join('moderator', 'Mieke');
    const store = memoryStore();
    let online = false;
    const offline = revocations(mieke.token, store, () => online);
    expect(await offline.revoke({ memberId: bram.sub, reason: 'Spam' })).toEqual({
      state: 'waiting',
    });
    expect(await upgradeStatus(relay.url, `${NB}/community`, bram.token)).toBe(101);

    const reloaded = revocations(mieke.token, store, () => online);
    expect(reloaded.waiting()).toEqual([{ memberId: bram.sub, reason: 'Spam' }]);
    await reloaded.flush();
    expect(reloaded.waiting()).toHaveLength(1);
    online = true;
    await reloaded.flush();
    expect(reloaded.waiting()).toEqual([]);
    expect(await upgradeStatus(relay.url, `${NB}/community`, bram.token)).toBe(401);
  });

  it('waits when the relay cannot be reached at all', async () => {
    relay = await startRelay();
    const bram = await join('resident', 'Bram');
    const mieke = await join('moderator', 'Mieke');
    const nowhere = new Revocations({
      nb: NB,
      token: () => mieke.token,
      online: () => true,
      fetch: (input, init) => fetch(input, init),
      store: memoryStore(),
      apiBase: `http://127.0.0.1:${await freePort()}`,
    });
    expect(await nowhere.revoke({ memberId: bram.sub, reason: 'Spam' })).toEqual({
      state: 'waiting',
    });
    expect(nowhere.waiting()).toHaveLength(1);
  });

  it('reports a refusal (a fellow moderator) and does not keep it', async () => {
    relay = await startRelay();
    const karin = await join('moderator', 'Karin');
    const mieke = await join('moderator', 'Mieke');
    const queue = revocations(mieke.token);
    expect(await queue.revoke({ memberId: karin.sub, reason: 'Oneens' })).toEqual({
      state: 'refused',
      status: 403,
    });
    expect(queue.waiting()).toEqual([]);
  });
});
