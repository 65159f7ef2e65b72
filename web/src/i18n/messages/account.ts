/** Your account: deleting posts and the account for real, downloading your data. */
import type { Translation } from '../catalog.js';

export const nl = {} as const;

export const en: Translation<typeof nl> = {};
