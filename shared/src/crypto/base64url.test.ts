import { describe, expect, it } from 'vitest';
import { Base64UrlError, base64UrlDecode, base64UrlEncode } from './base64url.js';

const ascii = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

describe('base64url', () => {
  it('encodes the RFC 4648 test vectors without padding', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg'],
      ['fo', 'Zm8'],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg'],
      ['fooba', 'Zm9vYmE'],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(base64UrlEncode(ascii(plain))).toBe(encoded);
      expect(base64UrlDecode(encoded)).toEqual(ascii(plain));
    }
  });

  it('uses - and _ where base64 has + and /', () => {
    expect(base64UrlEncode(Uint8Array.from([0xfb, 0xff, 0xbf]))).toBe('-_-_');
    expect(base64UrlDecode('-_-_')).toEqual(Uint8Array.from([0xfb, 0xff, 0xbf]));
  });

  it('round-trips every length and byte value', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    for (let n = 0; n <= 70; n++) {
      expect(base64UrlDecode(base64UrlEncode(bytes.subarray(n, n * 3)))).toEqual(
        bytes.subarray(n, n * 3),
      );
    }
  });

  it('refuses padding, foreign characters, impossible lengths and stray bits', () => {
    for (const bad of ['Zg==', 'Zm+v', 'Zm/v', 'Z', 'Zm9vY', 'Zh', 'Zm9 ']) {
      expect(() => base64UrlDecode(bad), bad).toThrow(Base64UrlError);
    }
  });
});
