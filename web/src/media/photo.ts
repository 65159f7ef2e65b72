/**
 * Preparing a photo on the device before it goes anywhere (issue 4): decoded, scaled to at
 * most 1600 px on its longest side and re-encoded through a canvas as WebP (JPEG where the
 * browser cannot encode WebP), lowering the quality until it is about 200 KB.
 *
 * Re-encoding through a canvas writes only pixels: EXIF (camera, time and GPS location),
 * XMP and ICC segments of the original never reach the new file. The orientation from EXIF
 * is applied while decoding, so the photo still stands the right way up.
 */
export const PHOTO_MAX_SIDE = 1600;
export const PHOTO_TARGET_BYTES = 200 * 1024;
const QUALITIES = [0.8, 0.7, 0.6, 0.5];

export interface PreparedPhoto {
  blob: Blob;
  type: 'image/webp' | 'image/jpeg';
  width: number;
  height: number;
}

/** The size that fits `width`×`height` within `max` on both sides, never enlarged. */
export function fitWithin(
  width: number,
  height: number,
  max = PHOTO_MAX_SIDE,
): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/** Thrown when the file is not an image this browser can decode. */
export class PhotoUnreadableError extends Error {
  constructor() {
    super('not a readable image');
  }
}

function encode(canvas: HTMLCanvasElement, type: string, quality: number): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, type, quality));
}

export async function preparePhoto(file: Blob): Promise<PreparedPhoto> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new PhotoUnreadableError();
  }
  const { width, height } = fitWithin(bitmap.width, bitmap.height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new PhotoUnreadableError();
  // A transparent PNG would turn black as JPEG: paint it on white.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  let type: PreparedPhoto['type'] = 'image/webp';
  let best: Blob | null = null;
  for (const quality of QUALITIES) {
    let blob = await encode(canvas, type, quality);
    // Browsers that cannot encode WebP hand back PNG: use JPEG instead.
    if (blob && blob.type !== type) {
      type = 'image/jpeg';
      blob = await encode(canvas, type, quality);
    }
    if (!blob) continue;
    best = blob;
    if (blob.size <= PHOTO_TARGET_BYTES) break;
  }
  if (!best) throw new PhotoUnreadableError();
  return { blob: best, type, width, height };
}

/** SHA-256 of the bytes, lowercase hex: the blob's name on the relay. */
export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
