import { describe, expect, it } from 'vitest';
import { CalendarKeyFailure, CalendarKeys } from './calendar-key.js';

function memory() {
  const map = new Map<string, string>();
  return {
    get: (k: string) => map.get(k) ?? null,
    set: (k: string, v: string) => void map.set(k, v),
    remove: (k: string) => void map.delete(k),
  };
}

describe('the personal calendar address', () => {
  it('asks the relay with the member token and remembers the address', async () => {
    const calls: [string, RequestInit | undefined][] = [];
    const keys = new CalendarKeys(memory(), async (url, init) => {
      calls.push([String(url), init]);
      return new Response(JSON.stringify({ url: 'https://b.example/nb/x/events.ics?key=k1' }));
    });
    expect(keys.remembered('x')).toBeNull();
    expect(await keys.renew('x', 'tok')).toBe('https://b.example/nb/x/events.ics?key=k1');
    expect(calls[0]?.[0]).toBe('/api/calendar-key');
    expect(calls[0]?.[1]?.method).toBe('POST');
    expect((calls[0]?.[1]?.headers as Record<string, string>).authorization).toBe('Bearer tok');
    expect(keys.remembered('x')).toBe('https://b.example/nb/x/events.ics?key=k1');
    expect(keys.remembered('y')).toBeNull();
  });

  it('says why it failed: no token, offline, refused or a broken answer', async () => {
    const reason = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: unknown) => (e instanceof CalendarKeyFailure ? e.reason : 'other'),
      );
    const answer = (status: number, body = '{}') =>
      new CalendarKeys(memory(), async () => new Response(body, { status }));
    expect(await reason(answer(200).renew('x', null))).toBe('unauthorized');
    const offline = new CalendarKeys(memory(), async () => {
      throw new TypeError('network');
    });
    expect(await reason(offline.renew('x', 't'))).toBe('offline');
    expect(await reason(answer(401).renew('x', 't'))).toBe('unauthorized');
    expect(await reason(answer(403).renew('x', 't'))).toBe('forbidden');
    expect(await reason(answer(200, '{"url":"javascript:alert(1)"}').renew('x', 't'))).toBe(
      'server',
    );
    expect(await reason(answer(500).renew('x', 't'))).toBe('server');
  });
});
