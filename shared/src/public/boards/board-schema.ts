/** Input and stored shapes of notice boards (prikborden) and their versions. */
import { z } from 'zod';
import { authorSchema } from '../../roles.js';
import { boardContentSchema } from './board-content.js';

export const BOARD_TITLE_MAX = 120;
export const VERSION_NAME_MAX = 80;
/** Versions kept per board; the oldest automatic ones go first. */
export const VERSIONS_MAX = 100;
/** While someone edits, a version is saved automatically after this much time. */
export const AUTO_VERSION_MS = 10 * 60_000;

export const boardInputSchema = z.object({
  title: z.string().trim().min(1).max(BOARD_TITLE_MAX),
  /** Place in the list of boards (lower first); defaults to after the last one. */
  order: z.number().int().min(0).max(1_000_000).optional(),
  content: boardContentSchema.optional(),
});
export type BoardInput = z.input<typeof boardInputSchema>;

export const boardPatchSchema = z.object({
  title: z.string().trim().min(1).max(BOARD_TITLE_MAX).optional(),
  order: z.number().int().min(0).max(1_000_000).optional(),
});
export type BoardPatch = z.input<typeof boardPatchSchema>;

export const versionNameSchema = z.string().trim().max(VERSION_NAME_MAX);

export const storedBoardSchema = z.object({
  id: z.string().min(1).max(100),
  title: z.string().min(1).max(BOARD_TITLE_MAX),
  order: z.number().int(),
  createdAt: z.number(),
  createdBy: authorSchema,
  updatedAt: z.number(),
  deletedAt: z.number().optional(),
});

export const storedVersionSchema = z.object({
  id: z.string().min(1).max(100),
  /** Empty for automatic versions; the UI names them by time. */
  name: z.string().max(VERSION_NAME_MAX),
  kind: z.enum(['manual', 'auto', 'before-restore']),
  at: z.number(),
  by: authorSchema,
  content: boardContentSchema,
});
export type BoardVersion = z.infer<typeof storedVersionSchema>;
export type BoardVersionKind = BoardVersion['kind'];
