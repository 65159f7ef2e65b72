/** Small files with real magic bytes, as a phone would upload them, and their names. */
import { createHash, randomBytes } from 'node:crypto';

export const sha256 = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

/** `magic` followed by `size - magic.length` random bytes, so every call is a new blob. */
function withMagic(magic: readonly number[], size: number): Buffer {
  return Buffer.concat([Buffer.from(magic), randomBytes(Math.max(0, size - magic.length))]);
}

const ascii = (text: string) => [...Buffer.from(text, 'latin1')];

export const media = {
  jpeg: (size = 2048) => withMagic([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...ascii('JFIF')], size),
  png: (size = 2048) => withMagic([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], size),
  webp: (size = 2048) => withMagic([...ascii('RIFF'), 0, 0, 0, 0, ...ascii('WEBPVP8 ')], size),
  mp4: (size = 4096) => withMagic([0, 0, 0, 0x18, ...ascii('ftypisom'), 0, 0, 2, 0], size),
  webm: (size = 4096) => withMagic([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81], size),
  html: () => Buffer.from('<!doctype html><script>alert(document.cookie)</script>'),
  svg: () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>'),
  heic: (size = 2048) => withMagic([0, 0, 0, 0x18, ...ascii('ftypheic')], size),
};
