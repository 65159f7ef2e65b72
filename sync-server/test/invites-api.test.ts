import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '@buurthub/shared';
import { startRelay, type TestRelay } from './helpers/relay.js';
import { tokenFor } from './helpers/tokens.js';

const NB = 'maasburen';

async function createInvite(relay: TestRelay, token: string | null, body: unknown) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${relay.url}/api/invites`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('moderators inviting neighbours from the app', () => {
  let relay: TestRelay;
  afterEach(() => relay?.dispose());

  const as = (role: Role) => tokenFor(relay.storage, NB, role);

  it('gives a moderator an invite code for their own neighbourhood that a neighbour can use', async () => {
    relay = await startRelay();
    const { status, body } = await createInvite(relay, await as('moderator'), {
      role: 'resident',
      uses: 5,
      expiresInDays: 3,
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ nb: NB, role: 'resident', usesLeft: 5 });
    expect(body.code).toMatch(/^[A-Z2-9]{8}$/);
    const stored = (await relay.storage.invites(NB)).find((i) => i.code === body.code);
    expect(stored?.usesLeft).toBe(5);
    const joined = await fetch(`${relay.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        code: body.code,
        displayName: 'Nieuwe buur',
        publicKey: 'A'.repeat(43),
      }),
    });
    expect(joined.status).toBe(200);
  });

  it.each([
    ['moderator', 'official'],
    ['official', 'moderator'],
    ['resident', 'resident'],
    ['kiosk', 'resident'],
  ] as const)('refuses a %s inviting a %s', async (inviter, role) => {
    relay = await startRelay();
    const { status } = await createInvite(relay, await as(inviter), { role });
    expect(status).toBe(403);
    expect(await relay.storage.invites(NB)).toEqual([]);
  });

  it('refuses without a valid token and with nonsense input', async () => {
    relay = await startRelay();
    expect((await createInvite(relay, null, { role: 'resident' })).status).toBe(401);
    expect((await createInvite(relay, 'not.a.token', { role: 'resident' })).status).toBe(401);
    const tooMany = await createInvite(relay, await as('moderator'), {
      role: 'resident',
      uses: 10_000,
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.message).toContain('uses');
    expect(await relay.storage.invites(NB)).toEqual([]);
  });
});
