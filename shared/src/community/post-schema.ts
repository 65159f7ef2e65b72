/**
 * The shapes of posts and comments: input schemas (checked before writing), stored schemas
 * (checked again on every read) and the view types the UI gets. See docs/schema.md.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { type PostMedia, newMediaRefSchema, postMediaSchema, videoLinkSchema } from '../media.js';
import { authorSchema } from '../roles.js';
import { readStored } from '../validation.js';
import { type ReactionKind, emptyReactions, readReactions } from './reactions.js';
import { type Visibility, storedVisibility, visibilitySchema } from './visibility.js';

export const CATEGORIES = [
  'nieuws',
  'vraag-aanbod',
  'activiteit',
  'initiatief',
  'verhaal',
  'gemeente',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const TITLE_MAX = 140;
export const BODY_MAX = 10_000;
export const COMMENT_MAX = 2_000;
export const PHOTOS_MAX = 8;

const title = z.string().trim().min(1).max(TITLE_MAX);
const body = z.string().trim().min(1).max(BODY_MAX);
const village = z.string().trim().min(1).max(80);

export const postInputSchema = z.object({
  title,
  /** Text in Buurthub markup (see markup.ts). */
  body,
  category: z.enum(CATEGORIES),
  village: village.optional(),
  /** Default: `public` for the category "gemeente", `members` otherwise. */
  visibility: visibilitySchema.optional(),
  /** Photos, short videos (both described) and video links, shown in this order. */
  photos: z
    .array(z.union([newMediaRefSchema, videoLinkSchema]))
    .max(PHOTOS_MAX)
    .optional(),
  /**
   * Written down by a moderator or official for someone without the app (the kiosk's
   * "on behalf of a visitor"): the visitor's first name, or words like "een bezoeker".
   */
  onBehalfOf: z.string().trim().min(1).max(80).optional(),
});
export type PostInput = z.input<typeof postInputSchema>;

/** Who a post was written for is fixed when it is written down. */
export const postPatchSchema = postInputSchema.omit({ onBehalfOf: true }).partial();
export type PostPatch = z.input<typeof postPatchSchema>;

export const commentInputSchema = z.object({
  body: z.string().trim().min(1).max(COMMENT_MAX),
  /** Answer to this top-level comment (threads are one level deep). */
  parentId: z.string().min(1).max(100).optional(),
});
export type CommentInput = z.input<typeof commentInputSchema>;

export const commentPatchSchema = commentInputSchema.pick({ body: true });
export type CommentPatch = z.input<typeof commentPatchSchema>;

const storedComment = z.object({
  id: z.string(),
  body: z.string(),
  author: authorSchema,
  createdAt: z.number(),
  parentId: z.string().optional(),
  editedAt: z.number().optional(),
  deletedAt: z.number().optional(),
});
type StoredComment = z.infer<typeof storedComment>;

export interface CommentView extends Omit<StoredComment, 'deletedAt'> {
  /** Per kind, the ids of the members who gave it (sorted), as on a post. */
  reactions: Record<ReactionKind, string[]>;
  /**
   * Only on a removed top-level comment that still has answers: it stays as a placeholder
   * (empty body) so the answers keep their place. Other removed comments are not shown.
   */
  removed?: true;
}

const storedPost = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  category: z.enum(CATEGORIES),
  village: z.string().optional(),
  visibility: storedVisibility,
  author: authorSchema,
  onBehalfOf: z.string().optional(),
  createdAt: z.number(),
  editedAt: z.number().optional(),
  deletedAt: z.number().optional(),
});

export interface PostView extends Omit<z.infer<typeof storedPost>, 'deletedAt'> {
  visibility: Visibility;
  photos: PostMedia[];
  /** Per kind, the ids of the members who gave it (sorted); the count is the length. */
  reactions: Record<ReactionKind, string[]>;
  /**
   * Comments in thread order: top-level comments oldest first, each directly followed by its
   * answers (those with `parentId`), oldest first.
   */
  comments: CommentView[];
}

const NESTED = new Set(['comments', 'reactions']);

export function readStoredComment(value: unknown): StoredComment | null {
  if (!(value instanceof Y.Map)) return null;
  return readStored(storedComment, value.toJSON());
}

interface ReadComment extends StoredComment {
  reactions: Record<ReactionKind, string[]>;
}

function oldestFirst(a: StoredComment, b: StoredComment): number {
  return a.createdAt - b.createdAt || a.id.localeCompare(b.id);
}

function view(comment: ReadComment): CommentView {
  const { deletedAt: _deleted, ...rest } = comment;
  return rest;
}

export function readComments(value: unknown): CommentView[] {
  if (!(value instanceof Y.Map)) return [];
  const all: ReadComment[] = [];
  for (const c of value.values()) {
    const comment = readStoredComment(c);
    if (comment)
      all.push({ ...comment, reactions: readReactions((c as Y.Map<unknown>).get('reactions')) });
  }
  const topLevel = all.filter((c) => c.parentId === undefined).sort(oldestFirst);
  const thread: CommentView[] = [];
  for (const parent of topLevel) {
    const answers = all
      .filter((c) => c.parentId === parent.id && c.deletedAt === undefined)
      .sort(oldestFirst)
      .map(view);
    if (parent.deletedAt === undefined) thread.push(view(parent));
    else if (answers.length > 0) {
      thread.push({ ...view(parent), body: '', reactions: emptyReactions(), removed: true });
    }
    thread.push(...answers);
  }
  return thread;
}

/** Reads one post, or null when it is removed or malformed. */
export function readPost(value: unknown): PostView | null {
  if (!(value instanceof Y.Map)) return null;
  const fields: Record<string, unknown> = {};
  for (const [key, field] of value.entries()) if (!NESTED.has(key)) fields[key] = field;
  const stored = readStored(storedPost, fields);
  if (!stored || stored.deletedAt !== undefined) return null;
  // A bad media reference hides that photo, not the post.
  const rawPhotos = Array.isArray(fields.photos) ? (fields.photos as unknown[]) : [];
  const photos = rawPhotos
    .slice(0, PHOTOS_MAX)
    .map((p) => readStored(postMediaSchema, p))
    .filter((p): p is PostMedia => p !== null);
  const { deletedAt: _deleted, ...rest } = stored;
  return {
    ...rest,
    photos,
    reactions: readReactions(value.get('reactions')),
    comments: readComments(value.get('comments')),
  };
}
