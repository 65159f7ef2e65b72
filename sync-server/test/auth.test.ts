import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, SPACE_NAMES, type Role } from '@buurthub/shared';
import {
  AUDIENCE,
  ISSUER,
  KeyStore,
  MemoryStorage,
  mintToken,
  permissions,
  SqliteStorage,
} from '../src/index.js';
import { tryWrite, upgradeStatus } from './helpers/auth.js';
import { rawClient, stockClient, synced, type TestClient } from './helpers/clients.js';
import { awarenessFrame } from './helpers/frames.js';
import { getText } from './helpers/http.js';
import { startRelay, type TestRelay } from './helpers/relay.js';
import { tempDir } from './helpers/temp.js';
import { tokenFor } from './helpers/tokens.js';
import { waitFor } from './helpers/wait.js';

const NB = 'maasburen';

describe('permissions over real WebSockets', () => {
  let relay: TestRelay;
  const tokens = new Map<Role, string>();
  beforeAll(async () => {
    relay = await startRelay();
    for (const role of ROLES) {
      if (role !== 'guest') tokens.set(role, await tokenFor(relay.storage, NB, role));
    }
  });
  afterAll(() => relay.dispose());

  for (const role of ROLES) {
    for (const space of SPACE_NAMES) {
      const { read, write } = permissions(role, space);
      const what = !read ? 'is refused' : write ? 'reads and writes' : 'reads but may not write';
      it(`${role}: ${what} ${NB}/${space}`, async () => {
        const token = tokens.get(role) ?? '';
        const room = `${NB}/${space}`;
        const status = await upgradeStatus(relay.url, room, token);
        if (!read) {
          expect(status).toBe(403);
          return;
        }
        expect(status).toBe(101);
        const before = (await relay.storage.stats(room)).logLength;
        const { result } = await tryWrite(relay.url, room, token);
        expect(result).toBe(write ? 'stored' : 'denied');
        expect((await relay.storage.stats(room)).logLength).toBe(before + (write ? 1 : 0));
      });
    }
  }

  it('tells a resident once that its writes to public are dropped, and stores none', async () => {
    const resident = tokens.get('resident') as string;
    const watcher = await rawClient(relay.url, `${NB}/public`, `?token=`);
    const before = (await relay.storage.stats(`${NB}/public`)).logLength;
    const { result, denials } = await tryWrite(relay.url, `${NB}/public`, resident, 3);
    expect(result).toBe('denied');
    expect(denials).toBe(1);
    expect((await relay.storage.stats(`${NB}/public`)).logLength).toBe(before);
    // The watcher got the handshake only: sync step 1 (and maybe awareness), no update.
    expect(watcher.messages.filter((m) => m[0] === 0 && m[1] === 2)).toEqual([]);
    watcher.close();
  });

  it('lets a kiosk read community only when the neighbourhood allows it', async () => {
    const kiosk = tokens.get('kiosk') as string;
    expect(await upgradeStatus(relay.url, `${NB}/community`, kiosk)).toBe(403);
    await relay.storage.putNeighbourhood({
      slug: NB,
      name: 'Maasburen',
      villages: [],
      kioskReadsCommunity: true,
      createdAt: 0,
    });
    expect(await upgradeStatus(relay.url, `${NB}/community`, kiosk)).toBe(101);
    expect((await tryWrite(relay.url, `${NB}/community`, kiosk)).result).toBe('denied');
    await relay.storage.putNeighbourhood({
      slug: NB,
      name: 'Maasburen',
      villages: [],
      kioskReadsCommunity: false,
      createdAt: 0,
    });
  });
});

describe('tokens the relay refuses before the upgrade', () => {
  let relay: TestRelay;
  let keys: KeyStore;
  beforeAll(async () => {
    relay = await startRelay();
    keys = new KeyStore(relay.storage);
  });
  afterAll(() => relay.dispose());

  const room = `${NB}/public`;
  const claims = { nb: NB, role: 'moderator' };

  async function signedByRelay(build: (jwt: SignJWT) => SignJWT): Promise<string> {
    const { kid, crypto } = await keys.signingKey();
    return build(
      new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid }).setSubject('x'),
    ).sign(crypto);
  }
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = () => Math.floor(Date.now() / 1000);

  it('accepts a proper token (the baseline for the cases below)', async () => {
    const token = await signedByRelay((jwt) =>
      jwt.setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt().setExpirationTime('1h'),
    );
    expect(await upgradeStatus(relay.url, room, token)).toBe(101);
  });

  it('refuses a token with alg "none" with 401', async () => {
    const { kid } = await keys.current();
    const payload = {
      ...claims,
      sub: 'x',
      iss: ISSUER,
      aud: AUDIENCE,
      iat: now(),
      exp: now() + 600,
    };
    const token = `${b64({ alg: 'none', typ: 'JWT', kid })}.${b64(payload)}.`;
    expect(await upgradeStatus(relay.url, room, token)).toBe(401);
  });

  it('refuses an HS256 token whose secret is the public key with 401', async () => {
    const { kid, publicJwk } = await keys.current();
    for (const secret of [
      Buffer.from(publicJwk.x as string, 'base64url'),
      Buffer.from(JSON.stringify(publicJwk)),
    ]) {
      const token = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid })
        .setSubject('x')
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(new Uint8Array(secret));
      expect(await upgradeStatus(relay.url, room, token)).toBe(401);
    }
  });

  it('refuses a token signed with another algorithm or by another key with 401', async () => {
    const { kid } = await keys.current();
    const es = await generateKeyPair('ES256');
    const es256 = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid })
      .setSubject('x')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(es.privateKey);
    expect(await upgradeStatus(relay.url, room, es256)).toBe(401);
    // A real EdDSA token from a different relay (its own keys).
    const foreign = await mintToken(
      new KeyStore(new MemoryStorage()),
      { sub: 'x', nb: NB, role: 'moderator' },
      600,
    );
    expect(await upgradeStatus(relay.url, room, foreign.token)).toBe(401);
  });

  it('refuses a token without exp, or expired, with 401', async () => {
    const noExp = await signedByRelay((jwt) =>
      jwt.setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt(),
    );
    expect(await upgradeStatus(relay.url, room, noExp)).toBe(401);
    const expired = await mintToken(
      keys,
      { sub: 'x', nb: NB, role: 'moderator' },
      60,
      now() - 3600,
    );
    expect(await upgradeStatus(relay.url, room, expired.token)).toBe(401);
  });

  it('refuses a token with the wrong issuer or audience with 401', async () => {
    const wrongIss = await signedByRelay((jwt) =>
      jwt.setIssuer('someone-else').setAudience(AUDIENCE).setIssuedAt().setExpirationTime('1h'),
    );
    const wrongAud = await signedByRelay((jwt) =>
      jwt.setIssuer(ISSUER).setAudience('other-app').setIssuedAt().setExpirationTime('1h'),
    );
    expect(await upgradeStatus(relay.url, room, wrongIss)).toBe(401);
    expect(await upgradeStatus(relay.url, room, wrongAud)).toBe(401);
  });

  it('refuses garbage and an altered payload with 401', async () => {
    expect(await upgradeStatus(relay.url, room, 'not-a-token')).toBe(401);
    expect(await upgradeStatus(relay.url, room, 'a.b.c')).toBe(401);
    const resident = await tokenFor(relay.storage, NB, 'resident');
    const [header, , signature] = resident.split('.');
    const forged = `${header}.${b64({ ...claims, sub: 'x', iss: ISSUER, aud: AUDIENCE, iat: now(), exp: now() + 600 })}.${signature}`;
    expect(await upgradeStatus(relay.url, room, forged)).toBe(401);
  });

  it('refuses a valid token for another neighbourhood with 403', async () => {
    const heumen = await tokenFor(relay.storage, 'heumen', 'moderator');
    expect(await upgradeStatus(relay.url, room, heumen)).toBe(403);
    expect(await upgradeStatus(relay.url, 'heumen/public', heumen)).toBe(101);
  });
});

describe('relay signing keys', () => {
  let relay: TestRelay;
  afterEach(() => relay?.dispose());

  it('publishes its public keys, without private parts, at /.well-known/jwks.json', async () => {
    relay = await startRelay();
    const { status, body } = await getText(relay.url, '/.well-known/jwks.json');
    expect(status).toBe(200);
    const { keys } = JSON.parse(body) as { keys: Record<string, string>[] };
    expect(keys.length).toBe(1);
    expect(keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
    expect(keys[0]).not.toHaveProperty('d');
    expect(keys[0]?.kid).toBe((await new KeyStore(relay.storage).current()).kid);
  });

  it('keeps accepting tokens signed before a rotation, and lists both keys', async () => {
    relay = await startRelay();
    const before = await tokenFor(relay.storage, NB, 'resident');
    const rotated = await new KeyStore(relay.storage).rotate();
    const after = await tokenFor(relay.storage, NB, 'resident');
    expect(JSON.parse(Buffer.from(after.split('.')[0] as string, 'base64url').toString()).kid).toBe(
      rotated.kid,
    );
    expect(await upgradeStatus(relay.url, `${NB}/community`, before)).toBe(101);
    expect(await upgradeStatus(relay.url, `${NB}/community`, after)).toBe(101);
    const { keys } = JSON.parse((await getText(relay.url, '/.well-known/jwks.json')).body) as {
      keys: { kid: string }[];
    };
    expect(keys.map((k) => k.kid)).toContain(rotated.kid);
    expect(keys.length).toBe(2);
  });

  it('creates exactly one key when two processes start on the same data at once', async () => {
    const fresh = tempDir();
    const racers = [new SqliteStorage(fresh.path), new SqliteStorage(fresh.path)];
    const kids = await Promise.all(racers.map((s) => new KeyStore(s).current().then((k) => k.kid)));
    expect(kids[0]).toBe(kids[1]);
    expect((await racers[0]?.signingKeys())?.length).toBe(1);
    for (const storage of racers) await storage.close();
    fresh.remove();
  });
});

describe('awareness bound to the connection', () => {
  let relay: TestRelay;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await relay?.dispose();
  });

  it('takes the name from the token and drops states set for another client id', async () => {
    relay = await startRelay();
    const room = `${NB}/community`;
    const anja = stockClient(relay.url, room, {
      token: await tokenFor(relay.storage, NB, 'resident', { name: 'Anja Verhoeven' }),
    });
    const observer = stockClient(relay.url, room);
    clients.push(anja, observer);
    await Promise.all([synced(anja), synced(observer)]);
    anja.provider.awareness.setLocalStateField('user', { name: 'De Burgemeester', colour: '#c00' });

    const anjaId = anja.doc.clientID;
    const seen = () =>
      observer.provider.awareness.getStates().get(anjaId) as
        { user?: { name?: string; colour?: string } } | undefined;
    await waitFor(() => seen()?.user?.colour === '#c00', "Anja's awareness state");
    expect(seen()?.user?.name).toBe('Anja Verhoeven');

    // Mallory introduces her own id first, then tries to overwrite Anja's state.
    const mallory = await rawClient(
      relay.url,
      room,
      `?token=${await tokenFor(relay.storage, NB, 'resident', { name: 'Mallory' })}`,
    );
    mallory.socket.send(
      awarenessFrame(424242, 1, JSON.stringify({ user: { name: 'Echte Mallory' } })),
    );
    await waitFor(
      () =>
        (observer.provider.awareness.getStates().get(424242) as { user?: { name?: string } })?.user,
      "Mallory's own state",
    );
    expect(
      (observer.provider.awareness.getStates().get(424242) as { user: { name: string } }).user.name,
    ).toBe('Mallory');
    mallory.socket.send(
      awarenessFrame(
        anjaId,
        999,
        JSON.stringify({ user: { name: 'Anja (echt!)', colour: '#000' } }),
      ),
    );
    // A later change of Mallory's own state arrives, so the spoof was processed before it.
    mallory.socket.send(
      awarenessFrame(424242, 2, JSON.stringify({ user: { name: 'x' }, typing: true })),
    );
    await waitFor(
      () => (observer.provider.awareness.getStates().get(424242) as { typing?: boolean })?.typing,
      "Mallory's second state",
    );
    expect(seen()?.user).toEqual({ name: 'Anja Verhoeven', colour: '#c00' });
    mallory.close();
  });

  it('gives a guest no name at all', async () => {
    relay = await startRelay();
    const room = `${NB}/public`;
    const guest = stockClient(relay.url, room, { token: '' });
    const observer = stockClient(relay.url, room);
    clients.push(guest, observer);
    await Promise.all([synced(guest), synced(observer)]);
    guest.provider.awareness.setLocalStateField('user', { name: 'Gemeente Mook', colour: '#0c0' });
    const state = await waitFor(
      () =>
        (
          observer.provider.awareness.getStates().get(guest.doc.clientID) as {
            user?: { colour?: string; name?: string };
          }
        )?.user,
      "the guest's state",
    );
    expect(state).toEqual({ colour: '#0c0' });
  });
});

describe('demo mode (serve --demo only)', () => {
  let relay: TestRelay;
  afterEach(() => relay?.dispose());

  it('treats tokenless visitors of the demo neighbourhood as residents, nowhere else', async () => {
    relay = await startRelay({ demoNeighbourhood: NB });
    expect((await tryWrite(relay.url, `${NB}/community`, '')).result).toBe('stored');
    expect((await tryWrite(relay.url, `${NB}/public`, '')).result).toBe('denied');
    expect(await upgradeStatus(relay.url, 'heumen/community')).toBe(403);
    // A bad token is still refused, not turned into a demo resident.
    expect(await upgradeStatus(relay.url, `${NB}/community`, 'garbage')).toBe(401);
  });

  it('is off by default: a tokenless visitor is a guest', async () => {
    relay = await startRelay();
    expect(await upgradeStatus(relay.url, `${NB}/community`)).toBe(403);
    expect(await upgradeStatus(relay.url, `${NB}/public`)).toBe(101);
  });
});
