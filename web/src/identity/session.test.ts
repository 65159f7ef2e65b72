import { describe, expect, it } from 'vitest';
import type { DeviceKey } from './device-key.js';
import { DeviceKeyUnsupportedError } from './device-key.js';
import {
  JoinError,
  REFRESH_SIGNING_PREFIX,
  type SessionStorage,
  Sessions,
  authorOf,
  normaliseInviteCode,
} from './session.js';

const NOW = Date.UTC(2025, 0, 10, 12) / 1000;
const DAY = 24 * 3600;
const PK = 'A'.repeat(43);

function b64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

/** A JWT-shaped token with these claims (the relay's signature is not checked client-side). */
function jwt(claims: Record<string, unknown>): string {
  return `${b64url('{"alg":"EdDSA","typ":"JWT"}')}.${b64url(JSON.stringify(claims))}.c2ln`;
}

function memoryStore(): SessionStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get: (k) => data.get(k) ?? null,
    set: (k, v) => void data.set(k, v),
    remove: (k) => void data.delete(k),
  };
}

interface Call {
  url: string;
  method: string;
  body: unknown;
}

type Route = (call: Call) => Response | Promise<Response>;

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

function setup(routes: Record<string, Route>, options: { online?: boolean } = {}) {
  const calls: Call[] = [];
  let now = NOW * 1000;
  let online = options.online ?? true;
  const store = memoryStore();
  const key: DeviceKey = { publicKey: PK, sign: async (m) => `signed(${m})` };
  const fetchFake = (async (input: string, init?: RequestInit) => {
    const call = {
      url: input,
      method: init?.method ?? 'GET',
      body: init?.body ? JSON.parse(init.body as string) : undefined,
    };
    calls.push(call);
    const route = routes[`${call.method} ${call.url}`];
    if (!route) throw new TypeError('Failed to fetch');
    return route(call);
  }) as typeof fetch;
  const sessions = new Sessions({
    fetch: fetchFake,
    store,
    now: () => now,
    online: () => online,
    deviceKey: async () => key,
  });
  return {
    sessions,
    calls,
    store,
    advance: (seconds: number) => (now += seconds * 1000),
    setOnline: (value: boolean) => (online = value),
  };
}

function joined(nb = 'dijkstraat', role = 'resident', name = 'Anna de Vries'): Route {
  return () =>
    json(200, {
      token: jwt({ sub: 'm-1', nb, role, name, pk: PK, exp: NOW + 7 * DAY }),
      expiresAt: NOW + 7 * DAY,
      nb,
      role,
      sub: 'm-1',
    });
}

describe('joining a neighbourhood', () => {
  it('sends the code, the name and the device key, and keeps the session the relay gives', async () => {
    const { sessions, calls } = setup({ 'POST /api/join': joined() });
    const session = await sessions.join(' abcd-efgh ', '  Anna de Vries ');
    expect(calls[0]?.body).toEqual({
      code: 'ABCDEFGH',
      displayName: 'Anna de Vries',
      publicKey: PK,
    });
    expect(session).toMatchObject({ nb: 'dijkstraat', role: 'resident', sub: 'm-1' });
    expect(sessions.get('dijkstraat')?.name).toBe('Anna de Vries');
    expect(sessions.usableToken('dijkstraat')).toBe(session.token);
    expect(sessions.lastNeighbourhood()).toBe('dijkstraat');
  });

  it('writes new content as the member id, name and role from the token', async () => {
    const { sessions } = setup({ 'POST /api/join': joined('dijkstraat', 'moderator', 'Mieke') });
    const session = await sessions.join('ABCDEFGH', 'Typed name');
    expect(authorOf(session)).toEqual({ id: 'm-1', name: 'Mieke', role: 'moderator' });
  });

  it('tells listeners which neighbourhood got a session', async () => {
    const { sessions } = setup({ 'POST /api/join': joined() });
    const seen: string[] = [];
    sessions.onChange((nb) => seen.push(nb));
    await sessions.join('ABCDEFGH', 'Anna');
    expect(seen).toEqual(['dijkstraat']);
  });

  it.each([
    [404, { error: 'invite-unknown' }, 'invalid-code'],
    [410, { error: 'invite-used-up' }, 'used-up'],
    [410, { error: 'invite-expired' }, 'expired'],
    [400, { error: 'invalid', message: 'displayName: Too small' }, 'invalid-name'],
    [400, { error: 'invalid', message: 'code: Too small' }, 'invalid-code'],
    [500, { error: 'internal' }, 'server'],
  ])('explains a %i %j from the relay as %s', async (status, body, reason) => {
    const { sessions } = setup({ 'POST /api/join': () => json(status, body) });
    await expect(sessions.join('ABCDEFGH', 'Anna')).rejects.toMatchObject({ reason });
    expect(sessions.get('dijkstraat')).toBeNull();
  });

  it('says how long to wait when the relay rate-limits', async () => {
    const { sessions } = setup({
      'POST /api/join': () => json(429, { error: 'rate-limited' }, { 'retry-after': '42' }),
    });
    await expect(sessions.join('ABCDEFGH', 'Anna')).rejects.toMatchObject({
      reason: 'rate-limited',
      retryAfterSeconds: 42,
    });
  });

  it('says "offline" without knocking when the device has no network, and when the relay is unreachable', async () => {
    const offline = setup({ 'POST /api/join': joined() }, { online: false });
    await expect(offline.sessions.join('ABCDEFGH', 'Anna')).rejects.toMatchObject({
      reason: 'offline',
    });
    expect(offline.calls).toEqual([]);
    const unreachable = setup({});
    await expect(unreachable.sessions.join('ABCDEFGH', 'Anna')).rejects.toMatchObject({
      reason: 'offline',
    });
  });

  it('refuses an empty name or a code that cannot be one before asking the relay', async () => {
    const { sessions, calls } = setup({ 'POST /api/join': joined() });
    await expect(sessions.join('ABCDEFGH', '   ')).rejects.toMatchObject({
      reason: 'invalid-name',
    });
    await expect(sessions.join('ab!', 'Anna')).rejects.toMatchObject({ reason: 'invalid-code' });
    expect(calls).toEqual([]);
  });

  it('reports a browser without Ed25519 as unsupported', async () => {
    const sessions = new Sessions({
      fetch: (() => Promise.reject(new Error('not called'))) as typeof fetch,
      store: memoryStore(),
      now: () => NOW * 1000,
      online: () => true,
      deviceKey: () => Promise.reject(new DeviceKeyUnsupportedError()),
    });
    const error = await sessions.join('ABCDEFGH', 'Anna').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JoinError);
    expect((error as JoinError).reason).toBe('unsupported');
  });
});

describe('keeping the token fresh', () => {
  function withRefresh(refresh: Route) {
    return setup({
      'POST /api/join': joined(),
      'GET /api/challenge': () => json(200, { challenge: 'ch-1', expiresAt: NOW + 120 }),
      'POST /api/refresh': refresh,
    });
  }

  const renewed: Route = () =>
    json(200, {
      token: jwt({ sub: 'm-1', nb: 'dijkstraat', role: 'resident', name: 'Anna de Vries' }),
      expiresAt: NOW + 14 * DAY,
      nb: 'dijkstraat',
      role: 'resident',
      sub: 'm-1',
    });

  it('does not refresh a token with more than a day left', async () => {
    const { sessions, calls } = withRefresh(renewed);
    await sessions.join('ABCDEFGH', 'Anna');
    expect(await sessions.refreshIfDue('dijkstraat')).toBe('not-due');
    expect(calls).toHaveLength(1);
  });

  it('refreshes within a day of expiry, signing the challenge with the device key', async () => {
    const { sessions, calls, advance } = withRefresh(renewed);
    const first = await sessions.join('ABCDEFGH', 'Anna');
    advance(6.5 * DAY);
    expect(await sessions.refreshIfDue('dijkstraat')).toBe('refreshed');
    expect(calls.at(-1)?.body).toEqual({
      token: first.token,
      challenge: 'ch-1',
      signature: `signed(${REFRESH_SIGNING_PREFIX}ch-1)`,
    });
    expect(sessions.get('dijkstraat')?.expiresAt).toBe(NOW + 14 * DAY);
    expect(sessions.usableToken('dijkstraat')).not.toBe(first.token);
  });

  it('waits while offline and keeps the member session; an expired token is just not sent', async () => {
    const { sessions, calls, advance, setOnline } = withRefresh(renewed);
    await sessions.join('ABCDEFGH', 'Anna');
    setOnline(false);
    advance(8 * DAY);
    expect(await sessions.refreshIfDue('dijkstraat')).toBe('not-due');
    expect(calls).toHaveLength(1);
    expect(sessions.get('dijkstraat')?.needsInvite).toBe(false);
    expect(sessions.usableToken('dijkstraat')).toBeNull();
    setOnline(true);
    expect(await sessions.refreshIfDue('dijkstraat')).toBe('refreshed');
    expect(sessions.usableToken('dijkstraat')).not.toBeNull();
  });

  it('marks the session as needing a new invite when the relay refuses the token', async () => {
    const { sessions, calls, advance } = withRefresh(() =>
      json(401, { error: 'token-revoked', message: 'token revoked' }),
    );
    await sessions.join('ABCDEFGH', 'Anna');
    advance(6.5 * DAY);
    expect(await sessions.refresh('dijkstraat')).toBe('refused');
    expect(sessions.get('dijkstraat')?.needsInvite).toBe(true);
    expect(sessions.usableToken('dijkstraat')).toBeNull();
    // No loop: a refused session is not refreshed again until the member joins anew.
    const before = calls.length;
    expect(await sessions.refreshIfDue('dijkstraat')).toBe('not-due');
    expect(await sessions.refresh('dijkstraat')).toBe('no-session');
    expect(calls).toHaveLength(before);
  });

  it('tries once more with a fresh challenge when the first one timed out', async () => {
    let attempts = 0;
    const { sessions } = withRefresh(() =>
      ++attempts === 1 ? json(401, { error: 'challenge-invalid' }) : renewed({} as Call),
    );
    await sessions.join('ABCDEFGH', 'Anna');
    expect(await sessions.refresh('dijkstraat')).toBe('refreshed');
    expect(attempts).toBe(2);
  });

  it('keeps the token when the relay is unreachable or busy', async () => {
    const { sessions } = withRefresh(() => json(503, { error: 'busy' }));
    const session = await sessions.join('ABCDEFGH', 'Anna');
    expect(await sessions.refresh('dijkstraat')).toBe('unavailable');
    expect(sessions.get('dijkstraat')).toEqual(session);
  });

  it('runs one refresh at a time per neighbourhood', async () => {
    let refreshes = 0;
    const { sessions } = withRefresh((call) => {
      refreshes++;
      return renewed(call);
    });
    await sessions.join('ABCDEFGH', 'Anna');
    await Promise.all([sessions.refresh('dijkstraat'), sessions.refresh('dijkstraat')]);
    expect(refreshes).toBe(1);
  });
});

describe('stored sessions', () => {
  it('ignores a corrupt entry and one stored under another neighbourhood', () => {
    const { sessions, store } = setup({});
    store.set('buurthub:session:dijkstraat', '{not json');
    expect(sessions.get('dijkstraat')).toBeNull();
    store.set(
      'buurthub:session:maasburen',
      JSON.stringify({
        nb: 'elders',
        token: 't',
        expiresAt: NOW + DAY,
        role: 'resident',
        name: 'A',
        sub: 's',
      }),
    );
    expect(sessions.get('maasburen')).toBeNull();
  });

  it('normalises codes the way they are printed and read aloud', () => {
    expect(normaliseInviteCode('abcd-efgh')).toBe('ABCDEFGH');
    expect(normaliseInviteCode('AB CD EF GH')).toBe('ABCDEFGH');
  });

  it('forgets a session', async () => {
    const { sessions } = setup({ 'POST /api/join': joined() });
    await sessions.join('ABCDEFGH', 'Anna');
    sessions.forget('dijkstraat');
    expect(sessions.get('dijkstraat')).toBeNull();
  });
});
