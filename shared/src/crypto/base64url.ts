/**
 * base64url without padding (RFC 4648 §5), as JWTs and the relay's `pk` claim use it.
 * Written out here because shared/ has neither Node's Buffer nor the DOM's atob/btoa.
 * Decoding is strict: any character outside the alphabet, padding, an impossible length or
 * non-zero leftover bits is refused, so one value has exactly one spelling.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES = new Map([...ALPHABET].map((char, index) => [char, index]));

export class Base64UrlError extends Error {
  override readonly name = 'Base64UrlError';
}

export function base64UrlEncode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += ALPHABET[a >> 2]! + ALPHABET[((a & 0x03) << 4) | ((b ?? 0) >> 4)]!;
    if (b !== undefined) out += ALPHABET[((b & 0x0f) << 2) | ((c ?? 0) >> 6)]!;
    if (c !== undefined) out += ALPHABET[c & 0x3f]!;
  }
  return out;
}

export function base64UrlDecode(text: string): Uint8Array {
  if (text.length % 4 === 1) throw new Base64UrlError('impossible base64url length');
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let at = 0;
  for (const char of text) {
    const value = VALUES.get(char);
    if (value === undefined) throw new Base64UrlError(`"${char}" is not base64url`);
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (buffer >> bits) & 0xff;
    }
  }
  if ((buffer & ((1 << bits) - 1)) !== 0) throw new Base64UrlError('non-zero trailing bits');
  return out;
}
