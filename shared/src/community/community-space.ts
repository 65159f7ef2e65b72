/** The `<nb>/community` document: what members write (DESIGN.md §3). */
import type * as Y from 'yjs';
import { type ModelContext, modelContext } from '../context.js';
import { isSchemaTooNew, observeSchema } from '../schema-version.js';
import { Posts } from './posts.js';

export class CommunitySpace {
  readonly posts: Posts;

  constructor(
    readonly doc: Y.Doc,
    ctx: Partial<ModelContext> = {},
  ) {
    this.posts = new Posts(doc, modelContext(ctx));
  }

  /** True when a newer app wrote this document: show it, but do not write. */
  get readOnly(): boolean {
    return isSchemaTooNew(this.doc);
  }

  /** Calls `listener` when `readOnly` may have changed (a newer schema arrived). */
  observeReadOnly(listener: () => void): () => void {
    return observeSchema(this.doc, listener);
  }
}
