/**
 * The relay's signing keys: Ed25519 key pairs kept in the relay's storage, so the relay and
 * every admin command that uses the same `--data` sign and verify with the same keys.
 *
 * Rotation: exactly one key is current and signs new tokens. `rotate()` retires it; a
 * retired key stays published in the JWKS (and accepted) until the last token it signed has
 * expired and can no longer be refreshed (`usedUntil`), then it disappears by itself.
 */
import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { JsonWebKeyShape, SigningKey, Storage } from '../storage/storage.js';

export const SIGNING_ALGORITHM = 'EdDSA';

/** Unix seconds. */
export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

async function newKey(now: number): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALGORITHM, {
    crv: 'Ed25519',
    extractable: true,
  });
  const kid = `${new Date(now * 1000).toISOString().slice(0, 10)}-${randomBytes(6).toString('base64url')}`;
  return {
    kid,
    publicJwk: (await exportJWK(publicKey)) as JsonWebKeyShape,
    privateJwk: (await exportJWK(privateKey)) as JsonWebKeyShape,
    createdAt: now,
    retiredAt: null,
    usedUntil: now,
  };
}

/** The public JWK as published: what verifiers need and nothing else. */
function publicJwk(key: SigningKey): JWK {
  const { kty, crv, x } = key.publicJwk;
  return { kty, crv, x, kid: key.kid, alg: SIGNING_ALGORITHM, use: 'sig' };
}

/** Keys that verify tokens right now: the current one and retired ones still in use. */
function isPublished(key: SigningKey, now: number): boolean {
  return key.retiredAt === null || key.usedUntil > now;
}

export class KeyStore {
  private readonly verifying = new Map<string, { key: SigningKey; crypto: CryptoKey }>();
  private loadedAt = -Infinity;
  private loading: Promise<void> | null = null;

  /**
   * `trusted`: keys of another relay whose tokens this one accepts too (a hub accepts its
   * upstream's, src/hub/upstream-keys.ts); they verify, never sign.
   */
  constructor(
    private readonly storage: Storage,
    private readonly now: () => number = nowSeconds,
    private readonly trusted?: { key(kid: string): Promise<CryptoKey | undefined> },
  ) {}

  /** The current signing key, created on first use. */
  async current(): Promise<SigningKey> {
    const current = (await this.storage.signingKeys()).find((key) => key.retiredAt === null);
    return current ?? this.storage.ensureCurrentKey(await newKey(this.now()));
  }

  /** Retires the current key and starts signing with a new one; returns the new one. */
  async rotate(): Promise<SigningKey> {
    const next = await newKey(this.now());
    await this.storage.rotateKey(next, this.now());
    this.loadedAt = -Infinity;
    return next;
  }

  /** Records that `kid` signed a token usable until `until` (exp plus refresh grace). */
  async noteUse(kid: string, until: number): Promise<void> {
    await this.storage.noteKeyUse(kid, until);
  }

  /** `GET /.well-known/jwks.json` */
  async jwks(): Promise<{ keys: JWK[] }> {
    await this.current();
    const now = this.now();
    const keys = await this.storage.signingKeys();
    return { keys: keys.filter((key) => isPublished(key, now)).map(publicJwk) };
  }

  /** `kid`'s public key if it is published, reloading from storage when it is unknown. */
  async verificationKey(kid: string): Promise<CryptoKey | undefined> {
    // Another process (`buurthub keys rotate`, `buurthub token`) may have added a key or
    // extended `usedUntil`. Reload for an unknown kid (concurrent reloads share one read of
    // a tiny table), for a known but unpublished kid at most once a second, and every
    // minute anyway, so that a key rotated elsewhere stops counting as current.
    const age = this.now() - this.loadedAt;
    const known = this.verifying.get(kid);
    if (!known || age >= 60 || (age >= 1 && !isPublished(known.key, this.now()))) {
      await this.reload();
    }
    const found = this.verifying.get(kid);
    if (found) return isPublished(found.key, this.now()) ? found.crypto : undefined;
    return this.trusted?.key(kid);
  }

  private async reload(): Promise<void> {
    this.loading ??= (async () => {
      try {
        for (const key of await this.storage.signingKeys()) {
          const known = this.verifying.get(key.kid);
          if (known) {
            known.key = key;
            continue;
          }
          const crypto = (await importJWK(publicJwk(key), SIGNING_ALGORITHM)) as CryptoKey;
          this.verifying.set(key.kid, { key, crypto });
        }
        this.loadedAt = this.now();
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
  }

  /** The current key's private half, for signing. */
  async signingKey(): Promise<{ kid: string; crypto: CryptoKey }> {
    const key = await this.current();
    const crypto = (await importJWK(
      { ...key.privateJwk, alg: SIGNING_ALGORITHM },
      SIGNING_ALGORITHM,
    )) as CryptoKey;
    return { kid: key.kid, crypto };
  }
}
