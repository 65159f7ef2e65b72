/**
 * References to media (photos, short videos) stored in the relay's content-addressed blob
 * store. A document holds only the reference; the bytes live at `/blobs/<hash>` on the relay
 * (and in the device's cache), so a post with photos stays small and syncs fast.
 */
import { z } from 'zod';
import { httpsUrlSchema } from './links.js';

export const IMAGE_TYPES = ['image/webp', 'image/jpeg', 'image/png'] as const;
export const VIDEO_TYPES = ['video/mp4', 'video/webm'] as const;
export const MEDIA_TYPES = [...IMAGE_TYPES, ...VIDEO_TYPES] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

export const ALT_MAX = 300;
/** Largest dimension a reference may claim; the PWA resizes photos to about 1600 px. */
export const MEDIA_DIMENSION_MAX = 20_000;
/** Largest size a reference may claim (the relay applies its own, usually smaller, limit). */
export const MEDIA_BYTES_MAX = 500 * 1024 * 1024;

export function isImageType(type: string): boolean {
  return (IMAGE_TYPES as readonly string[]).includes(type);
}

const dimension = z.number().int().min(1).max(MEDIA_DIMENSION_MAX);

export const mediaRefSchema = z
  .object({
    /** SHA-256 of the bytes, lowercase hex. */
    hash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase SHA-256 hex digest'),
    type: z.enum(MEDIA_TYPES),
    alt: z.string().trim().max(ALT_MAX).optional(),
    width: dimension.optional(),
    height: dimension.optional(),
    bytes: z.number().int().min(1).max(MEDIA_BYTES_MAX),
  })
  .refine((ref) => !isImageType(ref.type) || (ref.alt !== undefined && ref.alt.length > 0), {
    path: ['alt'],
    message: 'an image needs alt text (1–300 characters)',
  });
export type MediaRef = z.infer<typeof mediaRefSchema>;
export type MediaRefInput = z.input<typeof mediaRefSchema>;

/** A media reference that must be a photo (events show one picture). */
export const imageRefSchema = mediaRefSchema.refine((ref) => isImageType(ref.type), {
  path: ['type'],
  message: 'must be an image',
});

/** Where the relay serves the bytes of `ref`, relative to its base URL. */
export function blobPath(ref: Pick<MediaRef, 'hash'>): string {
  return `/blobs/${ref.hash}`;
}

/** A media reference as a member adds it now: videos, too, need a description. */
export const newMediaRefSchema = mediaRefSchema.refine(
  (ref) => ref.alt !== undefined && ref.alt.length > 0,
  { path: ['alt'], message: 'describe the photo or video (1–300 characters)' },
);

export const VIDEO_LINK_TITLE_MAX = 120;

/**
 * A video that lives elsewhere (YouTube, Vimeo, a municipality's site): shown as a link card,
 * never embedded, so no third party runs code or sets cookies in the app. It sits in a post's
 * media list next to media references; a reader from before links skips it like any other
 * entry it cannot read.
 */
export const videoLinkSchema = z.object({
  kind: z.literal('video-link'),
  url: httpsUrlSchema,
  title: z.string().trim().min(1).max(VIDEO_LINK_TITLE_MAX).optional(),
});
export type VideoLink = z.infer<typeof videoLinkSchema>;

/** One entry of a post's media: a photo or video in the blob store, or a video link. */
export const postMediaSchema = z.union([mediaRefSchema, videoLinkSchema]);
export type PostMedia = MediaRef | VideoLink;

export function isVideoLink(media: PostMedia): media is VideoLink {
  return 'kind' in media && media.kind === 'video-link';
}

/**
 * What the relay accepts at `PUT /blobs/<hash>` (`GET /blobs/limits`), so the app can refuse
 * a too-large file before the upload instead of after it.
 */
export const mediaLimitsSchema = z.object({
  maxImageBytes: z.number().int().positive(),
  maxVideoBytes: z.number().int().positive(),
});
export type MediaLimits = z.infer<typeof mediaLimitsSchema>;
