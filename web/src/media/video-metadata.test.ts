import { describe, expect, it } from 'vitest';
import { stripVideoMetadata } from './video-metadata.js';

/** An MP4 box: 32-bit size, four-letter type, payload. */
function box(type: string, ...payload: Uint8Array[]): Uint8Array {
  const body = payload.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(8 + body);
  new DataView(out.buffer).setUint32(0, 8 + body);
  out.set(
    [...type].map((c) => c.charCodeAt(0)),
    4,
  );
  let at = 8;
  for (const p of payload) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
const text = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => box('tmp!', ...parts).slice(8);
const ascii = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes);

describe('video metadata', () => {
  it('blanks the location and other user data in the movie and its tracks, keeping every offset', () => {
    const file = concat(
      box('ftyp', text('isom\0\0\0\0isomiso2')),
      box(
        'moov',
        box('mvhd', new Uint8Array(20)),
        box('udta', box('\u00a9xyz', text('+51.7321+005.8706/'))),
        box('meta', text('com.apple.quicktime.location.ISO6709 +51.7321+005.8706')),
        box('trak', box('tkhd', new Uint8Array(12)), box('udta', text('Anna iPhone'))),
      ),
      box('mdat', text('frames...')),
    );
    const { bytes, blanked } = stripVideoMetadata(file, 'video/mp4');
    expect(blanked).toBe(3);
    expect(bytes.length).toBe(file.length);
    const out = ascii(bytes);
    expect(out).not.toContain('51.7321');
    expect(out).not.toContain('Anna iPhone');
    expect(out).toContain('mvhd');
    expect(out).toContain('tkhd');
    // The media data is exactly where it was.
    expect(out.indexOf('frames...')).toBe(ascii(file).indexOf('frames...'));
    // The original stays untouched (the draft on the device is the cleaned copy).
    expect(ascii(file)).toContain('51.7321');
  });

  it('leaves a WebM, and a damaged MP4 it cannot walk, as they are', () => {
    const webm = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3]);
    expect(stripVideoMetadata(webm, 'video/webm')).toEqual({ bytes: webm, blanked: 0 });
    const broken = box('moov', box('udta', text('x'))).slice(0, 12);
    expect(stripVideoMetadata(broken, 'video/mp4').blanked).toBe(0);
  });
});
