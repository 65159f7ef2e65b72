/**
 * Posts and their comments in the `community` space.
 *
 * Layout (see docs/schema.md): `posts` is a Y.Map from post id to a Y.Map of fields;
 * each post holds its comments in a nested Y.Map from comment id to a Y.Map. Fields are
 * separate map keys so that concurrent edits of different fields merge.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import type { ModelContext } from '../context.js';
import { NotFoundError, PermissionError } from '../errors.js';
import { type Author, authorSchema, canModerate } from '../roles.js';
import { writeTransaction } from '../schema-version.js';
import { parseInput, readStored } from '../validation.js';

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

const title = z.string().trim().min(1).max(TITLE_MAX);
const body = z.string().trim().min(1).max(BODY_MAX);
const village = z.string().trim().min(1).max(80);

export const postInputSchema = z.object({
  title,
  body,
  category: z.enum(CATEGORIES),
  village: village.optional(),
});
export type PostInput = z.input<typeof postInputSchema>;

export const postPatchSchema = postInputSchema.partial();
export type PostPatch = z.input<typeof postPatchSchema>;

export const commentInputSchema = z.object({ body: z.string().trim().min(1).max(COMMENT_MAX) });
export type CommentInput = z.input<typeof commentInputSchema>;

const storedComment = z.object({
  id: z.string(),
  body: z.string(),
  author: authorSchema,
  createdAt: z.number(),
  editedAt: z.number().optional(),
  deletedAt: z.number().optional(),
});
export type CommentView = Omit<z.infer<typeof storedComment>, 'deletedAt'>;

const storedPost = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  category: z.enum(CATEGORIES),
  village: z.string().optional(),
  author: authorSchema,
  createdAt: z.number(),
  editedAt: z.number().optional(),
  deletedAt: z.number().optional(),
});
export interface PostView extends Omit<z.infer<typeof storedPost>, 'deletedAt'> {
  comments: CommentView[];
}

type FieldMap = Y.Map<unknown>;

export class Posts {
  private readonly map: Y.Map<FieldMap>;

  constructor(
    private readonly doc: Y.Doc,
    private readonly ctx: ModelContext,
  ) {
    this.map = doc.getMap('posts');
  }

  /** Throws the ValidationError `create` would throw, so a form can check before asking more. */
  validate(input: PostInput): void {
    parseInput(postInputSchema, input);
  }

  create(input: PostInput, author: Author): PostView {
    const data = parseInput(postInputSchema, input);
    const who = parseInput(authorSchema, author);
    if (data.category === 'gemeente' && who.role !== 'official') {
      throw new PermissionError('Only officials post in the category "van de gemeente".');
    }
    const id = this.ctx.newId();
    writeTransaction(this.doc, 'community', () => {
      const post = new Y.Map<unknown>();
      post.set('id', id);
      post.set('title', data.title);
      post.set('body', data.body);
      post.set('category', data.category);
      if (data.village) post.set('village', data.village);
      post.set('author', who);
      post.set('createdAt', this.ctx.now());
      post.set('comments', new Y.Map<FieldMap>());
      this.map.set(id, post);
    });
    return this.require(id);
  }

  edit(id: string, patch: PostPatch, author: Author): PostView {
    const data = parseInput(postPatchSchema, patch);
    const post = this.writable(id, author);
    writeTransaction(this.doc, 'community', () => {
      for (const [key, value] of Object.entries(data)) {
        if (value !== undefined) post.set(key, value);
      }
      post.set('editedAt', this.ctx.now());
    });
    return this.require(id);
  }

  /** Hides a post from every view; its text is cleared (real erasure is compaction's job). */
  remove(id: string, author: Author): void {
    const post = this.writable(id, author);
    writeTransaction(this.doc, 'community', () => {
      post.set('title', '');
      post.set('body', '');
      post.set('deletedAt', this.ctx.now());
    });
  }

  comment(postId: string, input: CommentInput, author: Author): CommentView {
    const data = parseInput(commentInputSchema, input);
    const who = parseInput(authorSchema, author);
    const comments = this.commentsOf(postId);
    const id = this.ctx.newId();
    writeTransaction(this.doc, 'community', () => {
      const comment = new Y.Map<unknown>();
      comment.set('id', id);
      comment.set('body', data.body);
      comment.set('author', who);
      comment.set('createdAt', this.ctx.now());
      comments.set(id, comment);
    });
    const view = readComment(comments.get(id));
    if (!view) throw new Error('Comment was not stored');
    return view;
  }

  get(id: string): PostView | null {
    return readPost(this.map.get(id));
  }

  /** Visible posts, newest first. */
  list(): PostView[] {
    const posts: PostView[] = [];
    for (const value of this.map.values()) {
      const post = readPost(value);
      if (post) posts.push(post);
    }
    return posts.sort((a, b) => b.createdAt - a.createdAt || a.id.localeCompare(b.id));
  }

  /** Calls `listener` after any change to posts or comments; returns the unsubscribe. */
  observe(listener: () => void): () => void {
    const handler = () => listener();
    this.map.observeDeep(handler);
    return () => this.map.unobserveDeep(handler);
  }

  private require(id: string): PostView {
    const post = this.get(id);
    if (!post) throw new NotFoundError(`No post ${id}`);
    return post;
  }

  private writable(id: string, author: Author): FieldMap {
    const post = this.map.get(id);
    const view = readPost(post);
    if (!post || !view) throw new NotFoundError(`No post ${id}`);
    const who = parseInput(authorSchema, author);
    if (view.author.id !== who.id && !canModerate(who.role)) {
      throw new PermissionError('Only the author or a moderator may change this post.');
    }
    return post;
  }

  private commentsOf(postId: string): Y.Map<FieldMap> {
    const post = this.map.get(postId);
    const comments = post instanceof Y.Map ? post.get('comments') : undefined;
    if (!(comments instanceof Y.Map) || !readPost(post))
      throw new NotFoundError(`No post ${postId}`);
    return comments as Y.Map<FieldMap>;
  }
}

function readComment(value: unknown): CommentView | null {
  if (!(value instanceof Y.Map)) return null;
  const stored = readStored(storedComment, value.toJSON());
  if (!stored || stored.deletedAt !== undefined) return null;
  const { deletedAt: _deleted, ...view } = stored;
  return view;
}

function readPost(value: unknown): PostView | null {
  if (!(value instanceof Y.Map)) return null;
  const fields: Record<string, unknown> = {};
  for (const [key, field] of value.entries()) if (key !== 'comments') fields[key] = field;
  const stored = readStored(storedPost, fields);
  if (!stored || stored.deletedAt !== undefined) return null;
  const commentMap = value.get('comments');
  const comments: CommentView[] = [];
  if (commentMap instanceof Y.Map) {
    for (const c of commentMap.values()) {
      const comment = readComment(c);
      if (comment) comments.push(comment);
    }
  }
  comments.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  const { deletedAt: _deleted, ...view } = stored;
  return { ...view, comments };
}
