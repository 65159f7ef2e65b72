import { describe, expect, it } from 'vitest';
import type { LocalIdentity } from '../app/identity.js';
import { MemberIdentity } from './member-identity.js';
import { type Session, type SessionStorage, Sessions } from './session.js';

const NOW = Date.UTC(2025, 0, 10, 12);

function sessionsWith(stored: Session[]): Sessions {
  const data = new Map(stored.map((s) => [`buurthub:session:${s.nb}`, JSON.stringify(s)]));
  const store: SessionStorage = {
    get: (k) => data.get(k) ?? null,
    set: (k, v) => void data.set(k, v),
    remove: (k) => void data.delete(k),
  };
  return new Sessions({
    fetch: (() => Promise.reject(new Error('no network in this test'))) as typeof fetch,
    store,
    now: () => NOW,
    online: () => false,
    deviceKey: () => Promise.reject(new Error('unused')),
  });
}

/** A stand-in for the demo's local identity that always "asks" and gets "Demo Dirk". */
function demoIdentity(): LocalIdentity {
  let current: { id: string; name: string; role: 'resident' } | null = null;
  return {
    verified: false,
    editable: true,
    get current() {
      return current;
    },
    ensure: async () => (current ??= { id: 'local-1', name: 'Demo Dirk', role: 'resident' }),
    edit: async () => current,
    onChange: () => () => undefined,
  } as unknown as LocalIdentity;
}

const anna: Session = {
  nb: 'dijkstraat',
  token: 'x.y.z',
  expiresAt: NOW / 1000 - 10,
  role: 'moderator',
  name: 'Anna',
  sub: 'm-anna',
  needsInvite: false,
};

describe('who writes new content', () => {
  it('is the member from the session, also offline with an expired token', async () => {
    const identity = new MemberIdentity(sessionsWith([anna]), demoIdentity());
    identity.open('dijkstraat', 'member');
    expect(await identity.ensure()).toEqual({ id: 'm-anna', name: 'Anna', role: 'moderator' });
    expect(identity.verified).toBe(true);
    expect(identity.editable).toBe(false);
  });

  it('is nobody for a guest, without asking for a name', async () => {
    const identity = new MemberIdentity(sessionsWith([anna]), demoIdentity());
    identity.open('elders', 'guest');
    expect(await identity.ensure()).toBeNull();
    expect(identity.current).toBeNull();
  });

  it('is an unverified local name only in the demo neighbourhood', async () => {
    const identity = new MemberIdentity(sessionsWith([]), demoIdentity());
    identity.open('maasburen', 'demo');
    expect(await identity.ensure()).toMatchObject({ name: 'Demo Dirk' });
    expect(identity.verified).toBe(false);
    expect(identity.editable).toBe(true);
  });
});
