/**
 * What a blob is, decided by its first bytes (magic numbers), never by its name or the
 * Content-Type the uploader claims. Only formats the PWA shows inline are accepted: a
 * blob the relay cannot classify is refused, so the store never serves HTML, SVG or
 * scripts under any name.
 */

export type BlobKind = 'image' | 'video';

export interface SniffedType {
  /** The Content-Type the blob is served with. */
  mime: string;
  kind: BlobKind;
}

/** Bytes `sniffBlobType` needs to decide (shorter blobs are judged on what they have). */
export const SNIFF_BYTES = 12;

const ascii = (bytes: Uint8Array, start: number, text: string): boolean => {
  if (bytes.length < start + text.length) return false;
  for (let i = 0; i < text.length; i++) {
    if (bytes[start + i] !== text.charCodeAt(i)) return false;
  }
  return true;
};

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);

/**
 * ISO-BMFF brands that are still images (HEIF/AVIF). Browsers outside Safari cannot show
 * HEIC, so the PWA converts photos before uploading; these are refused, not served as video.
 */
const IMAGE_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1']);
const AVIF_BRANDS = new Set(['avif', 'avis']);

/** The type of a blob from its first bytes, or null when it is not an accepted format. */
export function sniffBlobType(head: Uint8Array): SniffedType | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', kind: 'image' };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { mime: 'image/png', kind: 'image' };
  }
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP')) {
    return { mime: 'image/webp', kind: 'image' };
  }
  if (ascii(head, 4, 'ftyp') && head.length >= 12) {
    const brand = String.fromCharCode(...head.subarray(8, 12));
    if (IMAGE_BRANDS.has(brand) || AVIF_BRANDS.has(brand)) return null;
    if (brand === 'qt  ') return { mime: 'video/quicktime', kind: 'video' };
    return { mime: 'video/mp4', kind: 'video' };
  }
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) return { mime: 'video/webm', kind: 'video' };
  return null;
}
