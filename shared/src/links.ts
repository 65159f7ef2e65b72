/**
 * The schema for a plain `https:` address, shared by every place a document stores a link
 * (crisis alerts, the social map, video links in posts).
 */
import { z } from 'zod';
import { safeHref } from './markup.js';

/** An `https:` address that the markup module would also make a link of (no tricks). */
export const httpsUrlSchema = z
  .string()
  .max(2_000)
  .refine((url) => url.startsWith('https://') && safeHref(url) === url, {
    message: 'must be a plain https:// address',
  });
