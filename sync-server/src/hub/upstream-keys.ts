/**
 * A hub accepts the tokens its upstream issued, so residents' phones use the hub with the
 * tokens they already have. It fetches the upstream's published keys
 * (`/.well-known/jwks.json`, derived from the sync URL), keeps them in a file next to its
 * database, and goes on verifying with that copy while the upstream is unreachable. An
 * unknown key id triggers a new fetch at most once a minute (the upstream rotated).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { compactVerify, type CryptoKey, decodeProtectedHeader, importJWK, type JWK } from 'jose';
import type { Logger } from '../log.js';
import { SIGNING_ALGORITHM } from '../auth/keys.js';

const REFETCH_AFTER_MS = 60_000;

/** `wss://host/sync` → `https://host/.well-known/jwks.json`. */
export function jwksUrlFor(syncUrl: string): string {
  const url = new URL(syncUrl);
  url.protocol = url.protocol === 'wss:' ? 'https:' : 'http:';
  url.pathname = '/.well-known/jwks.json';
  url.search = '';
  return url.toString();
}

function isEd25519Jwk(value: unknown): value is JWK & { kid: string } {
  const jwk = value as Record<string, unknown>;
  return (
    typeof jwk === 'object' &&
    jwk !== null &&
    jwk.kty === 'OKP' &&
    jwk.crv === 'Ed25519' &&
    typeof jwk.x === 'string' &&
    typeof jwk.kid === 'string' &&
    jwk.d === undefined
  );
}

export class UpstreamKeys {
  private keys = new Map<string, CryptoKey>();
  private fetchedAt = -Infinity;
  private fetching: Promise<void> | null = null;

  constructor(
    private readonly jwksUrl: string,
    private readonly cacheFile: string | null,
    private readonly log: Logger,
  ) {}

  /** Loads the cached copy (if any), then tries the upstream once. */
  async start(): Promise<void> {
    if (this.cacheFile) {
      try {
        await this.use(JSON.parse(readFileSync(this.cacheFile, 'utf8')));
      } catch {
        // No cached copy yet: the first fetch makes one.
      }
    }
    await this.refresh();
  }

  async key(kid: string): Promise<CryptoKey | undefined> {
    if (!this.keys.has(kid) && Date.now() - this.fetchedAt >= REFETCH_AFTER_MS) {
      await this.refresh();
    }
    return this.keys.get(kid);
  }

  /**
   * Whether the upstream signed `token` (the claims are not checked here). Only keys already
   * known count: a token the hub just accepted brought its key in while it was verified.
   */
  async signed(token: string): Promise<boolean> {
    try {
      const { kid } = decodeProtectedHeader(token);
      const key = kid === undefined ? undefined : this.keys.get(kid);
      if (!key) return false;
      await compactVerify(token, key, { algorithms: [SIGNING_ALGORITHM] });
      return true;
    } catch {
      return false;
    }
  }

  private refresh(): Promise<void> {
    this.fetching ??= (async () => {
      this.fetchedAt = Date.now();
      try {
        const res = await fetch(this.jwksUrl, { signal: AbortSignal.timeout(5000) });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const jwks: unknown = await res.json();
        await this.use(jwks);
        if (this.cacheFile) writeFileSync(this.cacheFile, JSON.stringify(jwks));
      } catch (error) {
        this.log.warn(
          `upstream keys not refreshed (${String(error)}); using ${this.keys.size} known`,
        );
      } finally {
        this.fetching = null;
      }
    })();
    return this.fetching;
  }

  private async use(jwks: unknown): Promise<void> {
    const list = (jwks as { keys?: unknown }).keys;
    if (!Array.isArray(list)) throw new Error('not a JWKS');
    const next = new Map<string, CryptoKey>();
    for (const jwk of list.filter(isEd25519Jwk)) {
      next.set(jwk.kid, (await importJWK(jwk, SIGNING_ALGORITHM)) as CryptoKey);
    }
    this.keys = next;
  }
}
