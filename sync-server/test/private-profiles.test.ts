import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { storageBackends } from './helpers/backends.js';
import { startRelay, type TestRelay } from './helpers/relay.js';
import { tokenFor } from './helpers/tokens.js';

const NB = 'maasburen';

describe('profile fields shown to moderators only', () => {
  let relay: TestRelay;
  const token = new Map<string, string>();
  beforeAll(async () => {
    relay = await startRelay();
    for (const [sub, role] of [
      ['anna', 'resident'],
      ['bert', 'resident'],
      ['mo', 'moderator'],
      ['gem', 'official'],
      ['kiosk', 'kiosk'],
    ] as const) {
      token.set(sub, await tokenFor(relay.storage, NB, role, { sub }));
    }
    token.set('elders', await tokenFor(relay.storage, 'heumen', 'moderator', { sub: 'elders' }));
  });
  afterAll(() => relay.dispose());

  async function call(who: string, path: string, method = 'GET', body?: unknown) {
    const res = await fetch(`${relay.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token.get(who)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  it('lets moderators and officials of the neighbourhood read them, and nobody else', async () => {
    const fields = {
      about: 'Ik ben slechtziend; bel liever dan te appen.',
      availability: ['evenings'],
    };
    expect((await call('anna', '/api/private-profile', 'PUT', { fields })).status).toBe(200);

    for (const who of ['mo', 'gem']) {
      const all = await call(who, '/api/private-profiles');
      expect(all.status, who).toBe(200);
      expect(all.body.profiles).toEqual([
        { memberId: 'anna', fields, updatedAt: expect.any(Number) },
      ]);
    }
    // Another resident, a kiosk, and a moderator of another neighbourhood do not see them.
    expect((await call('bert', '/api/private-profiles')).status).toBe(403);
    expect((await call('kiosk', '/api/private-profiles')).status).toBe(403);
    expect((await call('elders', '/api/private-profiles')).body.profiles).toEqual([]);
    // The member reads back their own; another member reading "own" gets nothing of Anna's.
    expect((await call('anna', '/api/private-profile')).body.fields).toEqual(fields);
    expect((await call('bert', '/api/private-profile')).body.fields).toEqual({});
  });

  it('forgets the fields when the member shows them to nobody any more', async () => {
    await call('bert', '/api/private-profile', 'PUT', { fields: { area: 'Plasmolen' } });
    expect((await call('bert', '/api/private-profile', 'PUT', { fields: {} })).status).toBe(200);
    const all = await call('mo', '/api/private-profiles');
    expect((all.body.profiles as { memberId: string }[]).map((p) => p.memberId)).not.toContain(
      'bert',
    );
  });

  it('refuses fields that are not profile fields, an address, or no token', async () => {
    const extra = await call('anna', '/api/private-profile', 'PUT', {
      fields: { phone: '06 1234 5678' },
    });
    expect(extra.status).toBe(400);
    const address = await call('anna', '/api/private-profile', 'PUT', {
      fields: { area: 'Kerkstraat 12' },
    });
    expect(address.status).toBe(400);
    const anonymous = await fetch(`${relay.url}/api/private-profiles`);
    expect(anonymous.status).toBe(401);
    expect((await call('anna', '/api/private-profiles', 'POST', {})).status).toBe(405);
  });
});

const dirs: { remove(): Promise<void> | void }[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await dir.remove();
});

const backends = storageBackends(dirs);

describe.each(backends)('moderator-only profile fields in %s storage', (_name, open) => {
  it('keeps one row per member and neighbourhood, replaced on update and removed when empty', async () => {
    const storage = await open();
    await storage.putPrivateProfile({ nb: NB, sub: 'anna', fields: { about: 'a' }, updatedAt: 1 });
    await storage.putPrivateProfile({
      nb: NB,
      sub: 'anna',
      fields: { area: 'Mook' },
      updatedAt: 2,
    });
    await storage.putPrivateProfile({
      nb: 'heumen',
      sub: 'anna',
      fields: { about: 'h' },
      updatedAt: 3,
    });
    await storage.putPrivateProfile({ nb: NB, sub: 'bert', fields: { about: 'b' }, updatedAt: 4 });
    expect(await storage.privateProfiles(NB, 'anna')).toEqual([
      { nb: NB, sub: 'anna', fields: { area: 'Mook' }, updatedAt: 2 },
    ]);
    expect((await storage.privateProfiles(NB)).map((p) => p.sub).sort()).toEqual(['anna', 'bert']);
    await storage.putPrivateProfile({ nb: NB, sub: 'bert', fields: {}, updatedAt: 5 });
    expect((await storage.privateProfiles(NB)).map((p) => p.sub)).toEqual(['anna']);
    expect(await storage.privateProfiles('heumen')).toHaveLength(1);
    await storage.close();
  });
});
