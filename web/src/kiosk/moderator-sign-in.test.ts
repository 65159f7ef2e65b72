import { describe, expect, it } from 'vitest';
import {
  KioskSessions,
  approvalUrl,
  askSignInCode,
  countdown,
  pollSignIn,
  secondsLeft,
} from './moderator-sign-in.js';

const DEVICE = 'd'.repeat(43);

function relay(status: number, body: unknown) {
  const calls: { url: string; auth: string | null }[] = [];
  const fetch = async (url: RequestInfo | URL, init?: RequestInit) => {
    calls.push({
      url: String(url),
      auth: new Headers(init?.headers).get('authorization'),
    });
    return new Response(JSON.stringify(body), { status });
  };
  return { calls, deps: { token: () => 'window.token.x', online: () => true, fetch } };
}

function tokenWith(claims: Record<string, unknown>): string {
  const payload = btoa(JSON.stringify(claims)).replace(/=+$/, '');
  return `e30.${payload}.c2ln`;
}

describe('moderator sign-in on the kiosk', () => {
  it('asks the hub for a code with the window token and keeps only a well-formed answer', async () => {
    const good = relay(200, {
      deviceCode: DEVICE,
      userCode: 'ABCD-EFGH',
      expiresAt: 10,
      interval: 3,
    });
    expect(await askSignInCode(good.deps)).toEqual({
      deviceCode: DEVICE,
      userCode: 'ABCD-EFGH',
      expiresAt: 10,
      interval: 3,
    });
    expect(good.calls).toEqual([{ url: '/api/device-codes', auth: 'Bearer window.token.x' }]);
    const odd = relay(200, { deviceCode: '<b>', userCode: 'ABCD-EFGH', expiresAt: 1, interval: 3 });
    expect(await askSignInCode(odd.deps)).toEqual({ failure: 'refused' });
  });

  it('says the internet is needed when the hub cannot reach its upstream', async () => {
    const cut = relay(503, { error: 'upstream-unreachable', message: '…' });
    expect(await askSignInCode(cut.deps)).toEqual({ failure: 'needs-internet' });
    const busy = relay(429, { error: 'rate-limited', message: '…' });
    expect(await askSignInCode(busy.deps)).toEqual({ failure: 'busy' });
  });

  it('waits while pending, and takes only a moderator or official session', async () => {
    expect(await pollSignIn(relay(200, { status: 'pending' }).deps, DEVICE)).toEqual({
      state: 'pending',
    });
    const token = tokenWith({ sub: 'm-anna', nb: 'maasburen', role: 'moderator', name: 'Anna' });
    const approved = {
      status: 'approved',
      token,
      expiresAt: 99,
      nb: 'maasburen',
      role: 'moderator',
      sub: 'm-anna',
    };
    const result = await pollSignIn(relay(200, approved).deps, DEVICE);
    expect(result).toMatchObject({
      state: 'approved',
      session: { name: 'Anna', role: 'moderator' },
    });
    const resident = { ...approved, role: 'resident' };
    expect(await pollSignIn(relay(200, resident).deps, DEVICE)).toEqual({
      state: 'failed',
      failure: 'refused',
    });
    expect(await pollSignIn(relay(410, { error: 'code-expired' }).deps, DEVICE)).toEqual({
      state: 'expired',
    });
  });

  it('keeps the session in memory only, and never asks to refresh it', async () => {
    let now = 1_000_000;
    const sessions = new KioskSessions(() => now);
    const changes: string[] = [];
    sessions.onChange((nb) => changes.push(nb));
    const session = {
      nb: 'maasburen',
      token: 'a.b.c',
      expiresAt: 1000 + 1800,
      role: 'moderator' as const,
      name: 'Anna',
      sub: 'm-anna',
      needsInvite: false,
    };
    sessions.signIn(session);
    expect(sessions.usableToken('maasburen')).toBe('a.b.c');
    expect(await sessions.refreshIfDue('maasburen')).toBe('not-due');
    expect(await sessions.refresh()).toBe('no-session');
    // After 30 minutes the token is no longer used.
    now += 1801 * 1000;
    expect(sessions.usableToken('maasburen')).toBeNull();
    sessions.signOut('maasburen');
    expect(sessions.get('maasburen')).toBeNull();
    expect(changes).toEqual(['maasburen', 'maasburen']);
    // A second sessions object (a reload) knows nothing of it.
    expect(new KioskSessions().get('maasburen')).toBeNull();
  });

  it('links the QR code to the approval view with the code filled in', () => {
    expect(approvalUrl('https://buurt.example', 'maasburen', 'ABCD-EFGH')).toBe(
      'https://buurt.example/nb/maasburen/#kiosk-koppelen/ABCD-EFGH',
    );
    expect(secondsLeft(100, 40_500)).toBe(60);
    expect(secondsLeft(100, 200_000)).toBe(0);
    expect(countdown(245)).toBe('4:05');
  });
});
