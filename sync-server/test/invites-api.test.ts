import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '@buurthub/shared';
import { postJson } from './helpers/http.js';
import { claimInvite } from './helpers/members.js';
import { startRelay, type TestRelay } from './helpers/relay.js';
import { tokenFor } from './helpers/tokens.js';

const NB = 'maasburen';

const createInvite = (relay: TestRelay, token: string | null, body: unknown) =>
  postJson(relay.url, '/api/invites', body, token ?? undefined);

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
    const joined = await claimInvite(relay.url, body.code as string, 'Nieuwe buur');
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
