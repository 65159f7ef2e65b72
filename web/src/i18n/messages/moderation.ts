/** Moderation: reports, the moderation queue and the public moderation log. */
import type { Translation } from '../catalog.js';

export const nl = {} as const;

export const en: Translation<typeof nl> = {};
