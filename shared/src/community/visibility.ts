/**
 * Who may see a post or an event outside the community space. `members` content never
 * leaves the relay to someone without a member's token; `public` content also appears in
 * the public feeds (Atom, iCalendar) and on the kiosk.
 */
import { z } from 'zod';

export const VISIBILITIES = ['public', 'members'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const visibilitySchema = z.enum(VISIBILITIES);

/** For stored data: missing or unknown (a newer app's value) reads as the safe `members`. */
export const storedVisibility = z.enum(VISIBILITIES).catch('members');
