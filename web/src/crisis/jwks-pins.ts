/**
 * The relay keys this device pinned per neighbourhood (DESIGN.md §4): fetched from
 * `/.well-known/jwks.json` when the device joins, when its token is refreshed and once on
 * the first start of a session that has none yet (trust on first use for guests too), and
 * kept in localStorage. Verification only ever reads what is pinned here; it never fetches.
 *
 * A later fetch can only add keys: a kid already pinned keeps its first-seen key, and no
 * key is dropped, because alerts signed under a retired key must stay verifiable in the
 * archive. A relay that swaps a pinned kid for another key is ignored for that kid.
 */
import type { PinnedJwks } from '@buurthub/shared';

export interface PinStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

export interface PinnedKey {
  kty: string;
  crv: string;
  x: string;
  kid: string;
  alg?: string;
  use?: string;
}

const KEY_PREFIX = 'buurthub:jwks:';

/** The public Ed25519 keys of a JWKS answer; anything else (private parts, RSA, junk) is left out. */
export function publicKeysOf(body: unknown): PinnedKey[] {
  const keys = (body as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) return [];
  const out: PinnedKey[] = [];
  for (const key of keys as Record<string, unknown>[]) {
    if (!key || typeof key !== 'object') continue;
    const { kty, crv, x, kid, alg, use } = key;
    if (kty !== 'OKP' || crv !== 'Ed25519' || typeof x !== 'string' || typeof kid !== 'string') {
      continue;
    }
    if (!/^[A-Za-z0-9_-]{43}$/.test(x) || kid.length === 0 || kid.length > 200) continue;
    out.push({
      kty,
      crv,
      x,
      kid,
      ...(alg === 'EdDSA' && { alg }),
      ...(use === 'sig' && { use }),
    });
  }
  return out;
}

/** `pinned` plus the kids of `fresh` it does not have yet; nothing pinned is replaced or removed. */
export function mergeKeys(pinned: readonly PinnedKey[], fresh: readonly PinnedKey[]): PinnedKey[] {
  const kids = new Set(pinned.map((k) => k.kid));
  return [...pinned, ...fresh.filter((k) => !kids.has(k.kid) && kids.add(k.kid))];
}

export class JwksPins {
  private readonly listeners = new Set<(nb: string) => void>();

  constructor(
    private readonly store: PinStore,
    private readonly fetchJson: (url: string) => Promise<unknown>,
  ) {}

  /** The pinned keys of `nb`, or null when this device has pinned none yet. */
  get(nb: string): PinnedJwks | null {
    const keys = this.keys(nb);
    return keys.length > 0 ? { keys: keys as unknown as PinnedJwks['keys'] } : null;
  }

  has(nb: string): boolean {
    return this.keys(nb).length > 0;
  }

  /** Fetches the relay's keys and adds new ones; false when the relay could not be asked. */
  async pin(nb: string): Promise<boolean> {
    let body: unknown;
    try {
      body = await this.fetchJson('/.well-known/jwks.json');
    } catch {
      return false;
    }
    const fresh = publicKeysOf(body);
    if (fresh.length === 0) return false;
    const before = this.keys(nb);
    const after = mergeKeys(before, fresh);
    if (after.length !== before.length) {
      this.store.set(KEY_PREFIX + nb, JSON.stringify(after));
      for (const listener of this.listeners) listener(nb);
    }
    return true;
  }

  onChange(listener: (nb: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private keys(nb: string): PinnedKey[] {
    try {
      return publicKeysOf({ keys: JSON.parse(this.store.get(KEY_PREFIX + nb) ?? '[]') as unknown });
    } catch {
      return [];
    }
  }
}
