import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { base64UrlDecode, base64UrlEncode } from '../../crypto/base64url.js';
import { utf8Encode } from '../../crypto/canonical-json.js';
import type { PinnedJwks } from '../../crypto/certificate.js';
import {
  cryptoKeySigner,
  exportRawPublicKey,
  generateEd25519KeyPair,
} from '../../crypto/ed25519.js';
import { PermissionError } from '../../errors.js';
import type { Author, Role } from '../../roles.js';
import { fixedContext, gemeente, mod } from '../../test-support.js';
import { PublicSpace } from '../public-space.js';
import type { AlertInput } from './alert-schema.js';
import type { DeviceSigner } from './signing.js';
import { verifyAlert } from './verify.js';

const NB = 'maasburen';
const HOUR = 3_600_000;
const START = Date.UTC(2026, 10, 28, 9, 0);
const seconds = (ms: number) => Math.floor(ms / 1000);
const PHOTO_HASH = 'a'.repeat(64);

interface Relay {
  kid: string;
  privateKey: Parameters<SignJWT['sign']>[0];
  jwks: PinnedJwks;
}

async function relay(kid = 'relay-2026'): Promise<Relay> {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' };
  return { kid, privateKey, jwks: { keys: [jwk] } };
}

interface CertOptions {
  sub: string;
  role: Role;
  name?: string;
  nb?: string;
  pk?: string;
  iat?: number;
  exp?: number;
  iss?: string;
  aud?: string;
}

/** A relay token as sync-server/src/auth/tokens.ts mints it. */
function mintCert(by: Relay, o: CertOptions): Promise<string> {
  const claims: Record<string, string> = { nb: o.nb ?? NB, role: o.role };
  if (o.name !== undefined) claims.name = o.name;
  if (o.pk !== undefined) claims.pk = o.pk;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: by.kid })
    .setIssuer(o.iss ?? 'buurthub-relay')
    .setAudience(o.aud ?? 'buurthub')
    .setSubject(o.sub)
    .setIssuedAt(o.iat ?? seconds(START - HOUR))
    .setExpirationTime(o.exp ?? seconds(START + 7 * 24 * HOUR))
    .sign(by.privateKey);
}

async function device() {
  const pair = await generateEd25519KeyPair();
  return {
    pk: base64UrlEncode(await exportRawPublicKey(pair.publicKey)),
    sign: cryptoKeySigner(pair.privateKey),
  };
}

/** The author's device with a certificate from `by` (defaults: this relay, this nb). */
async function signerFor(
  by: Relay,
  author: Author,
  cert: Partial<CertOptions> = {},
): Promise<DeviceSigner> {
  const dev = await device();
  const token = await mintCert(by, {
    sub: author.id,
    role: author.role,
    name: author.name,
    pk: dev.pk,
    ...cert,
  });
  return { sign: dev.sign, token };
}

const highWater = (now: number): AlertInput => ({
  status: 'actual',
  event: 'Hoogwater',
  category: 'Met',
  severity: 'severe',
  urgency: 'expected',
  certainty: 'likely',
  headline: 'Hoogwater Maas: dijken Middelaar onder toezicht',
  description: 'Het waterpeil stijgt. De hoogste stand wordt vrijdag 14:00 verwacht.',
  instruction: 'Zet spullen uit de kelder hoger.',
  villages: ['Middelaar', 'Mook'],
  areaDesc: 'Uiterwaarden langs de Maas',
  effective: now,
  expires: now + 48 * HOUR,
  web: 'https://www.mookenmiddelaar.nl/hoogwater',
  links: [{ url: 'https://waterinfo.rws.nl', title: 'Waterinfo' }],
  media: [{ hash: PHOTO_HASH, type: 'image/jpeg', alt: 'De dijk bij Middelaar', bytes: 1234 }],
});

async function world() {
  const ctx = fixedContext(START);
  const pub = new PublicSpace(new Y.Doc(), ctx);
  const key = await relay();
  const official = await signerFor(key, gemeente);
  const alert = await pub.crisis.createSigned(highWater(ctx.now()), gemeente, official);
  return { ctx, pub, key, official, alert };
}

function alertMap(pub: PublicSpace, id: string): Y.Map<unknown> {
  return pub.doc.getMap('crisis').get(id) as Y.Map<unknown>;
}

function timeline(pub: PublicSpace, id: string): Y.Array<Record<string, unknown>> {
  return alertMap(pub, id).get('updates') as Y.Array<Record<string, unknown>>;
}

/** What a hostile peer could do: rewrite one timeline entry in place. */
function rewriteEntry(pub: PublicSpace, alertId: string, index: number, patch: object): void {
  const entries = timeline(pub, alertId);
  const entry = entries.get(index);
  pub.doc.transact(() => {
    entries.delete(index, 1);
    entries.insert(index, [{ ...entry, ...patch }]);
  });
}

function claimsOf(token: string): Record<string, unknown> {
  const payload = base64UrlDecode(token.split('.')[1]!);
  return JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>;
}

async function verdict(pub: PublicSpace, id: string, pinned: PinnedJwks, nb = NB) {
  return verifyAlert(pub.crisis.get(id)!, pinned, nb);
}

describe('verified crisis alerts', () => {
  it('verifies an official signed alert and names the signer from the certificate', async () => {
    const { pub, key, alert } = await world();
    const result = await verdict(pub, alert.id, key.jwks);
    expect(result.alert).toEqual({
      id: alert.id,
      kind: 'alert',
      status: 'verified',
      signer: { sub: 'gem', name: 'Gemeente Mook en Middelaar', role: 'official' },
    });
    expect(result.official).toBe(true);
    expect(result.verifiedView?.headline).toBe(alert.headline);
  });

  it('verifies signed updates and a signed cancel from a moderator', async () => {
    const { pub, key, ctx, alert, official } = await world();
    const moderator = await signerFor(key, mod);
    ctx.advance(HOUR);
    await pub.crisis.addUpdateSigned(
      alert.id,
      { text: 'Hoogste stand nu vrijdag 18:00.', changes: { severity: 'extreme' } },
      gemeente,
      official,
    );
    ctx.advance(HOUR);
    await pub.crisis.cancelSigned(alert.id, { reason: 'Het water zakt.' }, mod, moderator);
    const result = await verdict(pub, alert.id, key.jwks);
    expect(result.updates.map((u) => [u.kind, u.status, u.signer?.role])).toEqual([
      ['update', 'verified', 'official'],
      ['cancel', 'verified', 'moderator'],
    ]);
    expect(result.official).toBe(true);
    expect(result.verifiedView?.cancelled?.reason).toBe('Het water zakt.');
  });

  it('still verifies after the alert travels to another device by sync', async () => {
    const { pub, key, alert } = await world();
    const elsewhere = new PublicSpace(new Y.Doc());
    Y.applyUpdate(elsewhere.doc, Y.encodeStateAsUpdate(pub.doc));
    const result = await verifyAlert(elsewhere.crisis.get(alert.id)!, key.jwks, NB);
    expect(result.alert.status).toBe('verified');
  });

  it('shows an alert without a signature as unverified', async () => {
    const { pub, key, ctx } = await world();
    const plain = pub.crisis.create(highWater(ctx.now()), gemeente);
    const result = await verdict(pub, plain.id, key.jwks);
    expect(result.alert).toMatchObject({ status: 'unverified', problem: 'no-signature' });
    expect(result.official).toBe(false);
    expect(result.verifiedView).toBeNull();
  });

  const tampering: [string, unknown][] = [
    ['status', 'exercise'],
    ['event', 'Storm'],
    ['category', 'Infra'],
    ['urgency', 'immediate'],
    ['severity', 'minor'],
    ['certainty', 'observed'],
    ['headline', 'Alles veilig, ga naar de dijk'],
    ['description', 'Het water zakt.'],
    ['instruction', 'Ga kijken bij de dijk.'],
    ['villages', ['Middelaar']],
    ['areaDesc', 'Overal'],
    ['effective', START + HOUR],
    ['expires', START + 96 * HOUR],
    ['web', 'https://evil.example/hoogwater'],
    ['links', [{ url: 'https://evil.example', title: 'Waterinfo' }]],
    ['media', [{ hash: 'b'.repeat(64), type: 'image/jpeg', alt: 'De dijk', bytes: 1234 }]],
    ['createdAt', START + 1],
    ['author', { id: 'mieke', name: 'Gemeente Mook en Middelaar', role: 'official' }],
  ];
  for (const [field, value] of tampering) {
    it(`marks the alert invalid when its ${field} is altered`, async () => {
      const { pub, key, alert } = await world();
      alertMap(pub, alert.id).set(field, value);
      const result = await verdict(pub, alert.id, key.jwks);
      expect(result.alert.status).toBe('invalid');
      expect(result.official).toBe(false);
      expect(result.verifiedView).toBeNull();
    });
  }

  it('marks the alert invalid when an optional field is removed or added', async () => {
    const { pub, key, alert, ctx, official } = await world();
    alertMap(pub, alert.id).delete('instruction');
    expect((await verdict(pub, alert.id, key.jwks)).alert.status).toBe('invalid');
    const bare = await pub.crisis.createSigned(
      { ...highWater(ctx.now()), instruction: undefined },
      gemeente,
      official,
    );
    alertMap(pub, bare.id).set('instruction', 'Ga naar de dijk.');
    expect((await verdict(pub, bare.id, key.jwks)).alert.status).toBe('invalid');
  });

  const updateTampering: [string, object][] = [
    ['text', { text: 'Alles is voorbij.' }],
    ['changes', { changes: { severity: 'minor' } }],
    ['media', { media: [{ hash: 'c'.repeat(64), type: 'video/mp4', bytes: 99 }] }],
    ['time', { at: START + 5 * HOUR }],
    ['author', { author: mod }],
    ['kind', { msgType: 'cancel' }],
  ];
  for (const [what, patch] of updateTampering) {
    it(`marks an update invalid when its ${what} is altered`, async () => {
      const { pub, key, ctx, alert, official } = await world();
      ctx.advance(HOUR);
      await pub.crisis.addUpdateSigned(
        alert.id,
        { text: 'Hoogste stand vrijdag 18:00.', changes: { severity: 'extreme' } },
        gemeente,
        official,
      );
      rewriteEntry(pub, alert.id, 0, patch);
      const result = await verdict(pub, alert.id, key.jwks);
      expect(result.alert.status).toBe('verified');
      expect(result.updates[0]?.status).toBe('invalid');
      expect(result.official).toBe(false);
    });
  }

  it('marks an item signed by another device than its certificate names invalid', async () => {
    const { pub, key, ctx } = await world();
    const honest = await signerFor(key, gemeente);
    const thief = await device();
    const forged = { sign: thief.sign, token: honest.token };
    const alert = await pub.crisis.createSigned(highWater(ctx.now()), gemeente, forged);
    const result = await verdict(pub, alert.id, key.jwks);
    expect(result.alert).toMatchObject({ status: 'invalid', problem: 'bad-signature' });
  });

  it('refuses a certificate from a relay whose keys were not pinned', async () => {
    const { pub, key, ctx } = await world();
    const otherRelay = await relay('other-relay');
    const alert = await pub.crisis.createSigned(
      highWater(ctx.now()),
      gemeente,
      await signerFor(otherRelay, gemeente),
    );
    const result = await verdict(pub, alert.id, key.jwks);
    expect(result.alert).toMatchObject({ status: 'invalid', problem: 'certificate-unknown-key' });
    expect(result.alert.signer).toBeUndefined();
  });

  it('refuses a certificate signed by another key under a pinned key id', async () => {
    const { pub, key, ctx } = await world();
    const impostor = await relay(key.kid);
    const alert = await pub.crisis.createSigned(
      highWater(ctx.now()),
      gemeente,
      await signerFor(impostor, gemeente),
    );
    const result = await verdict(pub, alert.id, key.jwks);
    expect(result.alert).toMatchObject({
      status: 'invalid',
      problem: 'certificate-bad-signature',
    });
  });

  it('refuses a certificate issued for another neighbourhood', async () => {
    const { pub, key, ctx } = await world();
    // The token says heumen, so the device signs for heumen; opened as maasburen it fails.
    const alert = await pub.crisis.createSigned(
      highWater(ctx.now()),
      gemeente,
      await signerFor(key, gemeente, { nb: 'heumen' }),
    );
    expect((await verdict(pub, alert.id, key.jwks)).alert).toMatchObject({
      status: 'invalid',
      problem: 'wrong-neighbourhood',
    });
    expect((await verdict(pub, alert.id, key.jwks, 'heumen')).alert.status).toBe('verified');
  });

  it('does not verify an alert copied into another neighbourhood, even with a certificate there', async () => {
    const { pub, key, alert } = await world();
    const copy = new PublicSpace(new Y.Doc());
    Y.applyUpdate(copy.doc, Y.encodeStateAsUpdate(pub.doc));
    // Same member and device, with a valid certificate for the other neighbourhood.
    const view = copy.crisis.get(alert.id)!;
    const payload = claimsOf(alert.signature!.cert) as { pk: string };
    const there = await mintCert(key, {
      sub: 'gem',
      role: 'official',
      nb: 'heumen',
      pk: payload.pk,
    });
    const replayed = { ...view, signature: { sig: view.signature!.sig, cert: there } };
    const result = await verifyAlert(replayed, key.jwks, 'heumen');
    expect(result.alert).toMatchObject({ status: 'invalid', problem: 'bad-signature' });
  });

  it('refuses an alert signed with a resident certificate', async () => {
    const { pub, key, ctx } = await world();
    // A resident writing raw Yjs: the model's own permission check is bypassed by claiming
    // a moderator author, but the certificate tells the truth.
    const anna: Author = { id: 'anna', name: 'Anna de Vries', role: 'moderator' };
    const alert = await pub.crisis.createSigned(
      highWater(ctx.now()),
      anna,
      await signerFor(key, anna, { role: 'resident' }),
    );
    const result = await verdict(pub, alert.id, key.jwks);
    expect(result.alert).toMatchObject({
      status: 'invalid',
      problem: 'role-not-allowed',
      signer: { sub: 'anna', role: 'resident' },
    });
  });

  it('refuses an item signed after its certificate expired, but keeps earlier items verified', async () => {
    const { pub, key, ctx } = await world();
    const shortLived = await signerFor(key, gemeente, { exp: seconds(START + HOUR) });
    const alert = await pub.crisis.createSigned(highWater(ctx.now()), gemeente, shortLived);
    ctx.advance(2 * HOUR);
    await pub.crisis.addUpdateSigned(alert.id, { text: 'Later bericht.' }, gemeente, shortLived);
    const result = await verdict(pub, alert.id, key.jwks);
    expect(result.alert.status).toBe('verified');
    expect(result.updates[0]).toMatchObject({ status: 'invalid', problem: 'certificate-expired' });
  });

  it('refuses an item that claims to be signed long before its certificate was issued', async () => {
    const { pub, key, ctx } = await world();
    const fresh = await signerFor(key, gemeente, { iat: seconds(START + 24 * HOUR) });
    const alert = await pub.crisis.createSigned(highWater(ctx.now()), gemeente, fresh);
    expect((await verdict(pub, alert.id, key.jwks)).alert).toMatchObject({
      status: 'invalid',
      problem: 'certificate-not-yet-valid',
    });
  });

  it('refuses a certificate without a device key or with another issuer or audience', async () => {
    const { pub, key, ctx } = await world();
    const dev = await device();
    const cases: [Partial<CertOptions>, string][] = [
      [{ pk: undefined }, 'certificate-no-device-key'],
      [{ iss: 'someone-else' }, 'certificate-malformed'],
      [{ aud: 'elsewhere' }, 'certificate-malformed'],
    ];
    for (const [cert, problem] of cases) {
      const token = await mintCert(key, { sub: 'gem', role: 'official', pk: dev.pk, ...cert });
      const alert = await pub.crisis.createSigned(highWater(ctx.now()), gemeente, {
        sign: dev.sign,
        token,
      });
      expect((await verdict(pub, alert.id, key.jwks)).alert.problem, problem).toBe(problem);
    }
  });

  it('refuses certificates with alg none or HS256', async () => {
    const { pub, key, ctx, official } = await world();
    const [header, payload] = official.token.split('.') as [string, string];
    const noneHeader = base64UrlEncode(utf8Encode(JSON.stringify({ alg: 'none', typ: 'JWT' })));
    const none = `${noneHeader}.${payload}.`;
    // The classic confusion: the public key's text used as an HMAC secret.
    const secret = utf8Encode(JSON.stringify(key.jwks.keys[0]));
    const claims = claimsOf(official.token);
    const hs256 = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: key.kid })
      .sign(secret);
    expect(header).not.toBe('');
    for (const token of [none, hs256]) {
      const alert = await pub.crisis.createSigned(highWater(ctx.now()), gemeente, {
        sign: official.sign,
        token,
      });
      const result = await verdict(pub, alert.id, key.jwks);
      expect(result.alert).toMatchObject({ status: 'invalid', problem: 'certificate-malformed' });
    }
  });

  it('does not verify an update replayed onto another alert', async () => {
    const { pub, key, ctx, alert, official } = await world();
    const other = await pub.crisis.createSigned(highWater(ctx.now()), gemeente, official);
    ctx.advance(HOUR);
    await pub.crisis.addUpdateSigned(
      alert.id,
      { text: 'Evacueer Middelaar.', changes: { severity: 'extreme' } },
      gemeente,
      official,
    );
    timeline(pub, other.id).push([timeline(pub, alert.id).get(0)]);
    const result = await verdict(pub, other.id, key.jwks);
    expect(result.updates[0]).toMatchObject({ status: 'invalid', problem: 'bad-signature' });
    // The raw view applies the replayed change; the verified view does not.
    expect(pub.crisis.get(other.id)?.severity).toBe('extreme');
    expect(result.verifiedView?.severity).toBe('severe');
  });

  it('does not let a signed cancel be replayed onto another alert', async () => {
    const { pub, key, ctx, alert, official } = await world();
    const other = await pub.crisis.createSigned(highWater(ctx.now()), gemeente, official);
    await pub.crisis.cancelSigned(alert.id, { reason: 'Voorbij.' }, gemeente, official);
    timeline(pub, other.id).push([timeline(pub, alert.id).get(0)]);
    const result = await verdict(pub, other.id, key.jwks);
    expect(result.updates[0]?.status).toBe('invalid');
    expect(result.verifiedView?.cancelled).toBeUndefined();
  });

  it('does not accept the alert signature as a signature on an update', async () => {
    const { pub, key, ctx, alert } = await world();
    ctx.advance(HOUR);
    pub.crisis.addUpdate(alert.id, { text: 'Ongetekend.' }, gemeente);
    rewriteEntry(pub, alert.id, 0, { signature: alert.signature });
    expect((await verdict(pub, alert.id, key.jwks)).updates[0]?.status).toBe('invalid');
  });

  it('treats a signature that is not base64url as invalid', async () => {
    const { pub, key, alert } = await world();
    alertMap(pub, alert.id).set('signature', { ...alert.signature!, sig: '!!not base64!!' });
    expect((await verdict(pub, alert.id, key.jwks)).alert).toMatchObject({
      status: 'invalid',
      problem: 'bad-signature',
    });
  });

  it('shows the official state only from verified parts when an update is unsigned', async () => {
    const { pub, key, ctx, alert } = await world();
    ctx.advance(HOUR);
    pub.crisis.addUpdate(
      alert.id,
      { text: 'Ongetekend', changes: { instruction: 'Ga naar de dijk.' } },
      mod,
    );
    const result = await verdict(pub, alert.id, key.jwks);
    expect(result.alert.status).toBe('verified');
    expect(result.updates[0]?.status).toBe('unverified');
    expect(result.official).toBe(false);
    expect(pub.crisis.get(alert.id)?.instruction).toBe('Ga naar de dijk.');
    expect(result.verifiedView?.instruction).toBe('Zet spullen uit de kelder hoger.');
  });

  it('refuses to sign with a token of another member', async () => {
    const { pub, key, ctx } = await world();
    const miekeSigner = await signerFor(key, mod);
    await expect(
      pub.crisis.createSigned(highWater(ctx.now()), gemeente, miekeSigner),
    ).rejects.toThrow(PermissionError);
  });
});
