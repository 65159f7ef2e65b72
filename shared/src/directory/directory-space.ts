/**
 * The `<nb>/directory` document: the opt-in member directory. Members read and write it;
 * kiosks and guests never see it (docs/architecture.md, "Directory and personal data").
 */
import type * as Y from 'yjs';
import { type ModelContext, modelContext } from '../context.js';
import { isSchemaTooNew, observeSchema } from '../schema-version.js';
import { Directory } from './directory.js';

export class DirectorySpace {
  readonly profiles: Directory;

  constructor(
    readonly doc: Y.Doc,
    ctx: Partial<ModelContext> = {},
  ) {
    this.profiles = new Directory(doc, modelContext(ctx));
  }

  get readOnly(): boolean {
    return isSchemaTooNew(this.doc);
  }

  /** Calls `listener` when `readOnly` may have changed (a newer schema arrived). */
  observeReadOnly(listener: () => void): () => void {
    return observeSchema(this.doc, listener);
  }
}
