import { describe, expect, it } from 'vitest';
import { blobPath, imageRefSchema, mediaRefSchema } from './media.js';

const photo = {
  hash: '0123456789abcdef'.repeat(4),
  type: 'image/webp',
  alt: 'De veerpont bij Middelaar',
  width: 1600,
  height: 900,
  bytes: 210_000,
};

describe('media references', () => {
  it('accepts a photo with alt text and points at its blob on the relay', () => {
    const ref = mediaRefSchema.parse(photo);
    expect(ref).toEqual(photo);
    expect(blobPath(ref)).toBe(`/blobs/${photo.hash}`);
  });

  it('asks alt text of every image, at most 300 characters', () => {
    expect(mediaRefSchema.safeParse({ ...photo, alt: undefined }).success).toBe(false);
    expect(mediaRefSchema.safeParse({ ...photo, alt: '   ' }).success).toBe(false);
    expect(mediaRefSchema.safeParse({ ...photo, alt: 'x'.repeat(301) }).success).toBe(false);
    expect(mediaRefSchema.safeParse({ ...photo, type: 'video/webm', alt: undefined }).success).toBe(
      true,
    );
  });

  it('refuses hashes that are not 64 lowercase hex digits, so no path can be smuggled in', () => {
    for (const hash of [
      'abc',
      photo.hash.toUpperCase(),
      `../${photo.hash.slice(3)}`,
      `${photo.hash}0`,
    ]) {
      expect(mediaRefSchema.safeParse({ ...photo, hash }).success, hash).toBe(false);
    }
  });

  it('knows only the allowed types and plausible sizes', () => {
    expect(mediaRefSchema.safeParse({ ...photo, type: 'image/svg+xml' }).success).toBe(false);
    expect(mediaRefSchema.safeParse({ ...photo, type: 'text/html' }).success).toBe(false);
    expect(mediaRefSchema.safeParse({ ...photo, bytes: 0 }).success).toBe(false);
    expect(mediaRefSchema.safeParse({ ...photo, bytes: 1.5 }).success).toBe(false);
    expect(mediaRefSchema.safeParse({ ...photo, width: -1 }).success).toBe(false);
  });

  it('tells a photo from a video where only a photo fits', () => {
    expect(imageRefSchema.safeParse(photo).success).toBe(true);
    expect(imageRefSchema.safeParse({ ...photo, type: 'video/mp4' }).success).toBe(false);
  });
});
