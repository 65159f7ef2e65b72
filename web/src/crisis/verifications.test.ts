import {
  CrisisAlerts,
  type PinnedJwks,
  base64UrlEncode,
  cryptoKeySigner,
  exportRawPublicKey,
  generateEd25519KeyPair,
  modelContext,
} from '@buurthub/shared';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AlertVerifications } from './verifications.js';

const NB = 'maasoever';
const NOW = Date.now();
const gemeente = { id: 'gem', name: 'Gemeente', role: 'official' as const };

async function setup() {
  const relay = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const jwks = {
    keys: [{ ...(await exportJWK(relay.publicKey)), kid: 'k1', alg: 'EdDSA', use: 'sig' }],
  } as PinnedJwks;
  const device = await generateEd25519KeyPair();
  const token = await new SignJWT({
    nb: NB,
    role: 'official',
    name: 'Gemeente',
    pk: base64UrlEncode(await exportRawPublicKey(device.publicKey)),
  })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: 'k1' })
    .setIssuer('buurthub-relay')
    .setAudience('buurthub')
    .setSubject('gem')
    .setIssuedAt(Math.floor(NOW / 1000) - 60)
    .setExpirationTime(Math.floor(NOW / 1000) + 3600)
    .sign(relay.privateKey);
  const doc = new Y.Doc();
  const crisis = new CrisisAlerts(doc, modelContext());
  const alert = await crisis.createSigned(
    {
      status: 'actual',
      severity: 'severe',
      headline: 'Hoogwater Maas',
      description: 'Het water stijgt.',
      villages: ['Mook'],
      effective: NOW,
      expires: NOW + 86_400_000,
    },
    gemeente,
    { sign: cryptoKeySigner(device.privateKey), token },
  );
  return { doc, crisis, alert, jwks };
}

describe('alert verifications', () => {
  it('verifies against the pinned keys only, and nothing verifies before keys are pinned', async () => {
    const { crisis, alert, jwks } = await setup();
    let pinned: PinnedJwks | null = null;
    const verifications = new AlertVerifications(NB, () => pinned);
    expect((await verifications.verify(alert)).official).toBe(false);
    pinned = jwks;
    const result = await verifications.verify(crisis.get(alert.id)!);
    expect(result.official).toBe(true);
    expect(result.verifiedView?.headline).toBe('Hoogwater Maas');
    expect(verifications.get(crisis.get(alert.id)!)).toBe(result);
  });

  it('never shows an earlier badge for an alert that was changed afterwards', async () => {
    const { doc, crisis, alert, jwks } = await setup();
    const verifications = new AlertVerifications(NB, () => jwks);
    expect((await verifications.verify(alert)).official).toBe(true);
    (doc.getMap('crisis').get(alert.id) as Y.Map<unknown>).set('headline', 'Alles is veilig');
    const changed = crisis.get(alert.id)!;
    expect(verifications.get(changed)).toBeUndefined();
    const result = await verifications.verify(changed);
    expect(result.official).toBe(false);
    expect(result.alert.status).toBe('invalid');
  });
});
