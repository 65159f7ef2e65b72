/** Where a notice board lives online, for QR codes on the poster and the kiosk. */
import { boardHash } from '../app/route.js';

/** The board's read-only page on `base` (the kiosk's public URL or this origin). */
export function boardPublicUrl(base: string, slug: string, id: string): string {
  return `${base}/nb/${encodeURIComponent(slug)}/${boardHash(id)}`;
}
