import { describe, expect, it } from 'vitest';
import { JwksPins, mergeKeys, publicKeysOf } from './jwks-pins.js';

const X1 = 'A'.repeat(43);
const X2 = 'B'.repeat(43);
const key = (kid: string, x: string) => ({
  kty: 'OKP',
  crv: 'Ed25519',
  x,
  kid,
  alg: 'EdDSA',
  use: 'sig',
});

function memoryStore() {
  const map = new Map<string, string>();
  return {
    get: (k: string) => map.get(k) ?? null,
    set: (k: string, v: string) => void map.set(k, v),
  };
}

describe('pinned relay keys', () => {
  it('keeps only public Ed25519 keys of a JWKS answer', () => {
    const keys = publicKeysOf({
      keys: [
        key('a', X1),
        { ...key('b', X2), d: 'private-part' },
        { kty: 'RSA', kid: 'c', n: 'x', e: 'AQAB' },
        { kty: 'OKP', crv: 'Ed25519', kid: 'd', x: 'short' },
        null,
      ],
    });
    expect(keys.map((k) => k.kid)).toEqual(['a', 'b']);
    expect(keys[1]).not.toHaveProperty('d');
    expect(publicKeysOf('nonsense')).toEqual([]);
  });

  it('adds new kids and never replaces or drops a pinned key', () => {
    const merged = mergeKeys([key('a', X1)], [key('a', X2), key('b', X2)]);
    expect(merged).toEqual([key('a', X1), key('b', X2)]);
    expect(mergeKeys(merged, [])).toEqual(merged);
  });

  it('pins per neighbourhood, only when asked, and survives a relay that is down', async () => {
    const store = memoryStore();
    let answer: unknown = { keys: [key('a', X1)] };
    let calls = 0;
    const pins = new JwksPins(store, async () => {
      calls++;
      if (answer instanceof Error) throw answer;
      return answer;
    });
    expect(pins.get('maasoever')).toBeNull();
    expect(calls).toBe(0);
    let changes = 0;
    pins.onChange(() => changes++);
    expect(await pins.pin('maasoever')).toBe(true);
    expect(pins.get('maasoever')?.keys.map((k) => k.kid)).toEqual(['a']);
    expect(pins.get('maasburen')).toBeNull();
    // Rotation: the relay now publishes only its new key; the old one stays pinned.
    answer = { keys: [key('b', X2)] };
    await pins.pin('maasoever');
    expect(pins.get('maasoever')?.keys.map((k) => k.kid)).toEqual(['a', 'b']);
    answer = new Error('offline');
    expect(await pins.pin('maasoever')).toBe(false);
    expect(pins.get('maasoever')?.keys).toHaveLength(2);
    expect(changes).toBe(2);
  });
});
