import { describe, expect, it } from 'vitest';
import {
  InviteError,
  createInvite,
  formatInviteCode,
  invalidField,
  inviteLink,
  invitableRoles,
  mayInvite,
} from './invites.js';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

function deps(respond: () => Response | Promise<Response>, online = true) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetchFake = (async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return respond();
  }) as unknown as typeof fetch;
  return { calls, deps: { fetch: fetchFake, online: () => online } };
}

const REQUEST = { role: 'resident', uses: 5, expiresInDays: 7 } as const;
const OK = { code: 'ABCDEFGH', nb: 'dijkstraat', role: 'resident', usesLeft: 5, expiresAt: 1 };

describe('invites in the PWA', () => {
  it('offers each role exactly what the relay lets it invite', () => {
    expect(invitableRoles('moderator')).toEqual(['resident', 'moderator']);
    expect(invitableRoles('official')).toEqual(['resident', 'official']);
    expect(invitableRoles('resident')).toEqual([]);
    expect(mayInvite('resident')).toBe(false);
    expect(mayInvite('guest')).toBe(false);
    expect(mayInvite(undefined)).toBe(false);
    expect(mayInvite('moderator')).toBe(true);
  });

  it('sends the role, uses and days with the member token and returns the invite', async () => {
    const { calls, deps: d } = deps(() => json(200, OK));
    const invite = await createInvite(d, 'tok', REQUEST);
    expect(invite).toEqual(OK);
    expect(calls[0]?.url).toBe('/api/invites');
    expect(calls[0]?.init?.method).toBe('POST');
    expect((calls[0]?.init?.headers as Record<string, string>).authorization).toBe('Bearer tok');
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual(REQUEST);
  });

  it.each([
    [400, 'invalid'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [429, 'rate-limited'],
    [500, 'server'],
  ])('turns HTTP %i into "%s"', async (status, reason) => {
    const { deps: d } = deps(() => json(status, { error: 'x', message: 'y' }));
    await expect(createInvite(d, 'tok', REQUEST)).rejects.toEqual(new InviteError(reason as never));
  });

  it('says offline without asking when the device is offline, and on a network error', async () => {
    const offline = deps(() => json(200, OK), false);
    await expect(createInvite(offline.deps, 'tok', REQUEST)).rejects.toMatchObject({
      reason: 'offline',
    });
    expect(offline.calls).toHaveLength(0);
    const broken = deps(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(createInvite(broken.deps, 'tok', REQUEST)).rejects.toMatchObject({
      reason: 'offline',
    });
  });

  it('rejects a malformed answer instead of showing a broken code', async () => {
    const { deps: d } = deps(() => json(200, { ...OK, code: '<img src=x>' }));
    await expect(createInvite(d, 'tok', REQUEST)).rejects.toMatchObject({ reason: 'server' });
  });

  it('checks the ranges before asking the relay', async () => {
    expect(invalidField({ role: 'resident', uses: 0, expiresInDays: 7 })).toBe('uses');
    expect(invalidField({ role: 'resident', uses: 501, expiresInDays: 7 })).toBe('uses');
    expect(invalidField({ role: 'resident', uses: 1.5, expiresInDays: 7 })).toBe('uses');
    expect(invalidField({ role: 'resident', uses: 500, expiresInDays: 91 })).toBe('expiresInDays');
    expect(invalidField({ role: 'resident', uses: 1, expiresInDays: 90 })).toBeNull();
    const { calls, deps: d } = deps(() => json(200, OK));
    await expect(
      createInvite(d, 'tok', { role: 'resident', uses: 0, expiresInDays: 7 }),
    ).rejects.toMatchObject({ reason: 'invalid' });
    expect(calls).toHaveLength(0);
  });

  it('formats the code as ABCD-EFGH and links to /join/<code>', () => {
    expect(formatInviteCode('ABCDEFGH')).toBe('ABCD-EFGH');
    expect(formatInviteCode('ABC')).toBe('ABC');
    expect(inviteLink('https://buurt.example/', 'ABCDEFGH')).toBe(
      'https://buurt.example/join/ABCDEFGH',
    );
  });
});
