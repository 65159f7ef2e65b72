/**
 * Ed25519 signatures with WebCrypto (`globalThis.crypto.subtle`), which Node 20 and every
 * current browser provide. shared/ compiles without the DOM and Node type libraries, so the
 * small part of SubtleCrypto used here is typed by hand (as context.ts does for randomUUID).
 */

/** The parts of a WebCrypto CryptoKey we look at; a real CryptoKey satisfies it. */
export interface WebCryptoKey {
  readonly type: string;
  readonly algorithm: { readonly name: string };
}

export interface Ed25519KeyPair {
  publicKey: WebCryptoKey;
  privateKey: WebCryptoKey;
}

interface Subtle {
  generateKey(
    algorithm: { name: 'Ed25519' },
    extractable: boolean,
    usages: readonly string[],
  ): Promise<Ed25519KeyPair>;
  importKey(
    format: 'raw',
    data: Uint8Array,
    algorithm: { name: 'Ed25519' },
    extractable: boolean,
    usages: readonly string[],
  ): Promise<WebCryptoKey>;
  exportKey(format: 'raw', key: WebCryptoKey): Promise<ArrayBuffer>;
  sign(algorithm: { name: 'Ed25519' }, key: WebCryptoKey, data: Uint8Array): Promise<ArrayBuffer>;
  verify(
    algorithm: { name: 'Ed25519' },
    key: WebCryptoKey,
    signature: Uint8Array,
    data: Uint8Array,
  ): Promise<boolean>;
}

const ED25519 = { name: 'Ed25519' } as const;
export const ED25519_PUBLIC_KEY_BYTES = 32;
export const ED25519_SIGNATURE_BYTES = 64;

function subtle(): Subtle {
  const found = (globalThis as unknown as { crypto?: { subtle?: Subtle } }).crypto?.subtle;
  if (!found) throw new Error('WebCrypto (crypto.subtle) is not available here');
  return found;
}

/** Signs `bytes` with a device's private key; what a device passes as its signer. */
export type Signer = (bytes: Uint8Array) => Promise<Uint8Array>;

/** A signer over a (possibly non-extractable) Ed25519 private CryptoKey. */
export function cryptoKeySigner(privateKey: WebCryptoKey): Signer {
  return async (bytes) => new Uint8Array(await subtle().sign(ED25519, privateKey, bytes));
}

/** A new Ed25519 key pair (tests, tools; the PWA keeps its own in IndexedDB). */
export function generateEd25519KeyPair(extractable = false): Promise<Ed25519KeyPair> {
  return subtle().generateKey(ED25519, extractable, ['sign', 'verify']);
}

/** The 32 raw bytes of a public key, as the relay's `pk` claim carries them (base64url). */
export async function exportRawPublicKey(publicKey: WebCryptoKey): Promise<Uint8Array> {
  return new Uint8Array(await subtle().exportKey('raw', publicKey));
}

/**
 * True when `signature` is `publicKey`'s Ed25519 signature over `data`. A malformed key or
 * signature is simply not valid (false), never an exception a caller could forget.
 */
export async function verifyEd25519(
  publicKey: Uint8Array,
  signature: Uint8Array,
  data: Uint8Array,
): Promise<boolean> {
  if (publicKey.length !== ED25519_PUBLIC_KEY_BYTES) return false;
  if (signature.length !== ED25519_SIGNATURE_BYTES) return false;
  try {
    const key = await subtle().importKey('raw', publicKey, ED25519, false, ['verify']);
    return await subtle().verify(ED25519, key, signature, data);
  } catch {
    return false;
  }
}
