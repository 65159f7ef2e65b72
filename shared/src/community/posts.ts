/**
 * Posts, their comments and reactions in the `community` space.
 *
 * Layout (see docs/schema.md): `posts` is a Y.Map from post id to a Y.Map of fields; each
 * post holds its comments in a nested Y.Map (comment id → Y.Map of fields) and its reactions
 * in a nested Y.Map (`<kind>:<memberId>` → boolean). Fields are separate map keys so that
 * concurrent edits of different fields merge. Shapes and readers are in post-schema.ts.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import type { ModelContext } from '../context.js';
import { NotFoundError, PermissionError } from '../errors.js';
import { type Author, authorSchema, canModerate, isMember } from '../roles.js';
import { writeTransaction } from '../schema-version.js';
import { ValidationError, parseInput } from '../validation.js';
import {
  type Category,
  type CommentInput,
  type CommentPatch,
  type CommentView,
  type PostInput,
  type PostPatch,
  type PostView,
  commentInputSchema,
  commentPatchSchema,
  postInputSchema,
  postPatchSchema,
  readComments,
  readPost,
  readStoredComment,
} from './post-schema.js';
import { includesTerms, queryTerms, searchableText } from './post-search.js';
import { REACTIONS, type ReactionKind, reactionKey, setReaction } from './reactions.js';
import type { Visibility } from './visibility.js';

export {
  BODY_MAX,
  CATEGORIES,
  COMMENT_MAX,
  type Category,
  type CommentInput,
  type CommentPatch,
  type CommentView,
  PHOTOS_MAX,
  type PostInput,
  type PostPatch,
  type PostView,
  TITLE_MAX,
  commentInputSchema,
  postInputSchema,
  postPatchSchema,
} from './post-schema.js';

/** What `list` narrows to; every given condition must hold. */
export interface PostFilter {
  category?: Category;
  village?: string;
  visibility?: Visibility;
  /** Words that must all occur in title or body, ignoring case and accents. */
  query?: string;
}

type FieldMap = Y.Map<unknown>;

export class Posts {
  private readonly map: Y.Map<FieldMap>;
  /**
   * Each post as last read and validated (null: removed or malformed), until something in
   * it changes. A big neighbourhood's feed lists thousands of posts on every change; reading
   * and validating all of them each time cost seconds on a phone, now only changed posts are
   * read again.
   */
  private readonly views = new Map<string, PostView | null>();
  /** Every visible post, newest first, while no post changed. */
  private newestFirst: PostView[] | null = null;
  /** Title and body as searched, per post as read (normalising them is what a search costs). */
  private readonly searchTexts = new WeakMap<PostView, string>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly ctx: ModelContext,
  ) {
    this.map = doc.getMap('posts');
    this.map.observeDeep((events) => this.forget(events));
  }

  /** Throws the ValidationError `create` would throw, so a form can check before asking more. */
  validate(input: PostInput): void {
    parseInput(postInputSchema, input);
  }

  create(input: PostInput, author: Author): PostView {
    const data = parseInput(postInputSchema, input);
    const who = parseInput(authorSchema, author);
    requireCategory(data.category, who);
    if (data.onBehalfOf !== undefined && !canModerate(who.role)) {
      throw new PermissionError('Only moderators and officials write posts down for others.');
    }
    const id = this.ctx.newId();
    writeTransaction(this.doc, 'community', () => {
      const post = new Y.Map<unknown>();
      post.set('id', id);
      post.set('title', data.title);
      post.set('body', data.body);
      post.set('category', data.category);
      if (data.village) post.set('village', data.village);
      post.set('visibility', data.visibility ?? defaultVisibility(data.category));
      if (data.photos && data.photos.length > 0) post.set('photos', data.photos);
      post.set('author', who);
      if (data.onBehalfOf !== undefined) post.set('onBehalfOf', data.onBehalfOf);
      post.set('createdAt', this.ctx.now());
      post.set('comments', new Y.Map<FieldMap>());
      post.set('reactions', new Y.Map<boolean>());
      this.map.set(id, post);
    });
    return this.require(id);
  }

  edit(id: string, patch: PostPatch, author: Author): PostView {
    const data = parseInput(postPatchSchema, patch);
    const post = this.writable(id, author);
    if (data.category) requireCategory(data.category, parseInput(authorSchema, author));
    writeTransaction(this.doc, 'community', () => {
      for (const [key, value] of Object.entries(data)) {
        if (value !== undefined) post.set(key, value);
      }
      post.set('editedAt', this.ctx.now());
    });
    return this.require(id);
  }

  /**
   * Deletes a post (its author or a moderator) with everything under it: the entry is
   * replaced by a tombstone holding only its id and `deletedAt`, so its text, photos,
   * author, comments and reactions leave the document. The relay's purge (erasure) then
   * takes them off its storage and every device.
   */
  remove(id: string, author: Author): void {
    this.writable(id, author);
    writeTransaction(this.doc, 'community', () => {
      const tombstone = new Y.Map<unknown>();
      tombstone.set('id', id);
      tombstone.set('deletedAt', this.ctx.now());
      this.map.set(id, tombstone);
    });
  }

  /**
   * Turns the member's reaction of `kind` on or off (without `on`: toggles it) and returns
   * whether it is on now. One reaction per member per kind; taking it back writes `false`.
   */
  react(postId: string, kind: ReactionKind, author: Author, on?: boolean): boolean {
    const key = reactorKey(kind, author);
    const post = this.visible(postId);
    let result = false;
    writeTransaction(this.doc, 'community', () => {
      result = setReaction(post, key, on);
    });
    return result;
  }

  /** Like `react`, on a comment or answer that is still shown. */
  reactToComment(
    postId: string,
    commentId: string,
    kind: ReactionKind,
    author: Author,
    on?: boolean,
  ): boolean {
    const key = reactorKey(kind, author);
    const comment = this.commentsOf(postId).get(commentId);
    const stored = readStoredComment(comment);
    if (!comment || !stored || stored.deletedAt !== undefined) {
      throw new NotFoundError(`No comment ${commentId}`);
    }
    let result = false;
    writeTransaction(this.doc, 'community', () => {
      result = setReaction(comment, key, on);
    });
    return result;
  }

  /** Adds a comment, or an answer to a top-level comment when `parentId` is given. */
  comment(postId: string, input: CommentInput, author: Author): CommentView {
    const data = parseInput(commentInputSchema, input);
    const who = parseInput(authorSchema, author);
    const comments = this.commentsOf(postId);
    if (data.parentId !== undefined) {
      const parent = readStoredComment(comments.get(data.parentId));
      if (!parent || parent.deletedAt !== undefined) {
        throw new NotFoundError(`No comment ${data.parentId} to answer`);
      }
      if (parent.parentId !== undefined) {
        throw new ValidationError([
          {
            path: 'parentId',
            code: 'nested_reply',
            message: 'answer the top-level comment: threads are one level deep',
          },
        ]);
      }
    }
    const id = this.ctx.newId();
    writeTransaction(this.doc, 'community', () => {
      const comment = new Y.Map<unknown>();
      comment.set('id', id);
      comment.set('body', data.body);
      comment.set('author', who);
      comment.set('createdAt', this.ctx.now());
      if (data.parentId !== undefined) comment.set('parentId', data.parentId);
      // Made with the comment: two first reactions made offline then land in the same map.
      comment.set('reactions', new Y.Map<boolean>());
      comments.set(id, comment);
    });
    return this.requireComment(postId, id);
  }

  /** Changes a comment's text (its author or a moderator); the view shows `editedAt`. */
  editComment(postId: string, commentId: string, patch: CommentPatch, author: Author): CommentView {
    const data = parseInput(commentPatchSchema, patch);
    const comment = this.writableComment(postId, commentId, author);
    writeTransaction(this.doc, 'community', () => {
      comment.set('body', data.body);
      comment.set('editedAt', this.ctx.now());
    });
    return this.requireComment(postId, commentId);
  }

  /** Hides a comment (its author or a moderator); its text is cleared. Answers stay. */
  removeComment(postId: string, commentId: string, author: Author): void {
    const comment = this.writableComment(postId, commentId, author);
    writeTransaction(this.doc, 'community', () => {
      comment.set('body', '');
      comment.set('deletedAt', this.ctx.now());
    });
  }

  /**
   * The post as shown. Until a post changes this returns the same object each time, so a
   * view can tell by identity that it has nothing to redraw.
   */
  get(id: string): PostView | null {
    if (this.doc._transaction !== null) return readPost(this.map.get(id));
    let post = this.views.get(id);
    if (post === undefined) {
      post = readPost(this.map.get(id));
      this.views.set(id, post);
    }
    return post;
  }

  /** Visible posts, newest first, narrowed by `filter`. */
  list(filter: PostFilter = {}): PostView[] {
    const terms = queryTerms(filter.query ?? '');
    return this.all().filter(
      (post) =>
        (filter.category === undefined || post.category === filter.category) &&
        (filter.village === undefined || post.village === filter.village) &&
        (filter.visibility === undefined || post.visibility === filter.visibility) &&
        (terms.length === 0 || includesTerms(terms, this.searchText(post))),
    );
  }

  private searchText(post: PostView): string {
    let text = this.searchTexts.get(post);
    if (text === undefined) {
      text = searchableText(post.title, post.body);
      this.searchTexts.set(post, text);
    }
    return text;
  }

  /** Calls `listener` after any change to posts, comments or reactions; returns the unsubscribe. */
  observe(listener: () => void): () => void {
    const handler = () => listener();
    this.map.observeDeep(handler);
    return () => this.map.unobserveDeep(handler);
  }

  private all(): PostView[] {
    // Inside a transaction the observer has not run yet: what is remembered may be stale.
    if (this.newestFirst && this.doc._transaction === null) return this.newestFirst;
    const posts: PostView[] = [];
    for (const id of this.map.keys()) {
      const post = this.get(id);
      if (post) posts.push(post);
    }
    posts.sort((a, b) => b.createdAt - a.createdAt || a.id.localeCompare(b.id));
    if (this.doc._transaction === null) this.newestFirst = posts;
    return posts;
  }

  /** Drops what was remembered of the posts a transaction changed. */
  private forget(events: Y.YEvent<Y.AbstractType<unknown>>[]): void {
    for (const event of events) {
      if (event.target === this.map) for (const id of event.keys.keys()) this.views.delete(id);
      // Below a post: the first step of the path from the posts map is the post's id.
      else this.views.delete(String(event.path[0]));
    }
    this.newestFirst = null;
  }

  private require(id: string): PostView {
    const post = this.get(id);
    if (!post) throw new NotFoundError(`No post ${id}`);
    return post;
  }

  private visible(id: string): FieldMap {
    const post = this.map.get(id);
    if (!post || !readPost(post)) throw new NotFoundError(`No post ${id}`);
    return post;
  }

  private writable(id: string, author: Author): FieldMap {
    const post = this.visible(id);
    const view = readPost(post) as PostView;
    const who = parseInput(authorSchema, author);
    if (view.author.id !== who.id && !canModerate(who.role)) {
      throw new PermissionError('Only the author or a moderator may change this post.');
    }
    return post;
  }

  private commentsOf(postId: string): Y.Map<FieldMap> {
    const comments = this.visible(postId).get('comments');
    if (!(comments instanceof Y.Map)) throw new NotFoundError(`No post ${postId}`);
    return comments as Y.Map<FieldMap>;
  }

  private writableComment(postId: string, commentId: string, author: Author): FieldMap {
    const comment = this.commentsOf(postId).get(commentId);
    const stored = readStoredComment(comment);
    if (!comment || !stored || stored.deletedAt !== undefined) {
      throw new NotFoundError(`No comment ${commentId}`);
    }
    const who = parseInput(authorSchema, author);
    if (stored.author.id !== who.id && !canModerate(who.role)) {
      throw new PermissionError('Only the author or a moderator may change this comment.');
    }
    return comment;
  }

  private requireComment(postId: string, commentId: string): CommentView {
    const view = readComments(this.commentsOf(postId)).find((c) => c.id === commentId);
    if (!view) throw new NotFoundError(`No comment ${commentId}`);
    return view;
  }
}

const reactionSchema = z.enum(REACTIONS);

/** The reaction's key for a member; only members react. */
function reactorKey(kind: ReactionKind, author: Author): string {
  const which = parseInput(reactionSchema, kind);
  const who = parseInput(authorSchema, author);
  if (!isMember(who.role)) throw new PermissionError('Only members react.');
  return reactionKey(which, who.id);
}

function defaultVisibility(category: Category): Visibility {
  return category === 'gemeente' ? 'public' : 'members';
}

function requireCategory(category: Category, who: Author): void {
  if (category === 'gemeente' && who.role !== 'official') {
    throw new PermissionError('Only officials post in the category "van de gemeente".');
  }
}
