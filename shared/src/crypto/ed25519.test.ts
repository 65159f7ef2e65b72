import { describe, expect, it } from 'vitest';
import {
  cryptoKeySigner,
  exportRawPublicKey,
  generateEd25519KeyPair,
  verifyEd25519,
} from './ed25519.js';

const data = Uint8Array.from([1, 2, 3]);

describe('Ed25519 with WebCrypto', () => {
  it('verifies what a non-extractable device key signed, and nothing else', async () => {
    const device = await generateEd25519KeyPair();
    const other = await generateEd25519KeyPair();
    const publicKey = await exportRawPublicKey(device.publicKey);
    const signature = await cryptoKeySigner(device.privateKey)(data);
    expect(publicKey).toHaveLength(32);
    expect(signature).toHaveLength(64);
    expect(await verifyEd25519(publicKey, signature, data)).toBe(true);
    expect(await verifyEd25519(publicKey, signature, Uint8Array.from([1, 2, 4]))).toBe(false);
    expect(await verifyEd25519(await exportRawPublicKey(other.publicKey), signature, data)).toBe(
      false,
    );
  });

  it('treats malformed keys and signatures as not valid instead of throwing', async () => {
    const device = await generateEd25519KeyPair();
    const publicKey = await exportRawPublicKey(device.publicKey);
    const signature = await cryptoKeySigner(device.privateKey)(data);
    expect(await verifyEd25519(publicKey.subarray(1), signature, data)).toBe(false);
    expect(await verifyEd25519(publicKey, signature.subarray(1), data)).toBe(false);
    expect(await verifyEd25519(new Uint8Array(32), signature, data)).toBe(false);
  });
});
