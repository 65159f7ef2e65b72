/**
 * The device's Ed25519 key pair (DESIGN.md §4): made with WebCrypto on first use and kept in
 * IndexedDB. The private key is created non-extractable, so its bytes never exist outside
 * the browser's key store; IndexedDB keeps the CryptoKey object itself (structured clone).
 * The public key travels as base64url of its 32 raw bytes (the relay's `pk` claim).
 */
import { cryptoKeySigner } from '@buurthub/shared';

export class DeviceKeyUnsupportedError extends Error {
  constructor() {
    super('This browser cannot make Ed25519 keys (WebCrypto)');
  }
}

export interface DeviceKey {
  /** base64url of the 32 raw public-key bytes. */
  readonly publicKey: string;
  /** Ed25519 signature of the UTF-8 bytes of `message`, base64url. */
  sign(message: string): Promise<string>;
}

export function base64url(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let binary = '';
  for (const byte of view) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const DB_NAME = 'buurthub-identity';
const STORE = 'keys';
const RECORD = 'device';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

async function openDb(): Promise<IDBDatabase> {
  const open = indexedDB.open(DB_NAME, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE);
  return request(open);
}

async function readPair(db: IDBDatabase): Promise<CryptoKeyPair | undefined> {
  return request(
    db.transaction(STORE).objectStore(STORE).get(RECORD) as IDBRequest<CryptoKeyPair | undefined>,
  );
}

/** Stores `pair` unless another tab got there first; returns whichever pair is stored. */
async function storeOnce(db: IDBDatabase, pair: CryptoKeyPair): Promise<CryptoKeyPair> {
  const tx = db.transaction(STORE, 'readwrite');
  const store = tx.objectStore(STORE);
  const existing = (await request(store.get(RECORD))) as CryptoKeyPair | undefined;
  if (existing) return existing;
  store.put(pair, RECORD);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
  });
  return pair;
}

async function generate(): Promise<CryptoKeyPair> {
  try {
    return (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
  } catch {
    throw new DeviceKeyUnsupportedError();
  }
}

async function wrap(pair: CryptoKeyPair): Promise<DeviceKey> {
  const raw = await crypto.subtle.exportKey('raw', pair.publicKey);
  return {
    publicKey: base64url(raw),
    async sign(message) {
      const data = new TextEncoder().encode(message);
      return base64url(await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, data));
    },
  };
}

let cached: Promise<DeviceKey> | undefined;

/** This device's key, created on first call. Rejects with DeviceKeyUnsupportedError. */
export function deviceKey(): Promise<DeviceKey> {
  cached ??= (async () => {
    if (!globalThis.crypto?.subtle) throw new DeviceKeyUnsupportedError();
    const db = await openDb();
    try {
      const stored = await readPair(db);
      if (stored) return wrap(stored);
      return wrap(await storeOnce(db, await generate()));
    } finally {
      db.close();
    }
  })();
  // A failure (unsupported, storage blocked) is not cached: the next attempt tries again.
  cached.catch(() => (cached = undefined));
  return cached;
}

/**
 * Ed25519 over raw bytes with this device's (non-extractable) private key: the signer of
 * signed crisis items (`DeviceSigner.sign`). Makes the key on first use, like `deviceKey`.
 */
export async function deviceBytesSigner(): Promise<(bytes: Uint8Array) => Promise<Uint8Array>> {
  await deviceKey();
  const db = await openDb();
  try {
    const pair = await readPair(db);
    if (!pair) throw new DeviceKeyUnsupportedError();
    return cryptoKeySigner(pair.privateKey);
  } finally {
    db.close();
  }
}
