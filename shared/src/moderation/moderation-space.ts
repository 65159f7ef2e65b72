/**
 * The `<nb>/moderation` document: which items are hidden and why, and a moderation log
 * members can read. Moderation proper (reports, queue, purge) comes with the trust issue.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { type ModelContext, modelContext } from '../context.js';
import { PermissionError } from '../errors.js';
import { type Author, authorSchema, canModerate } from '../roles.js';
import { isSchemaTooNew, observeSchema, writeTransaction } from '../schema-version.js';
import { parseInput, readStored } from '../validation.js';

const reason = z.string().trim().min(1).max(500);

const storedHidden = z.object({ reason: z.string(), by: authorSchema, at: z.number() });
export type HiddenItem = z.infer<typeof storedHidden>;

const storedLogEntry = z.object({
  id: z.string(),
  action: z.enum(['hide', 'restore']),
  itemId: z.string(),
  reason: z.string(),
  by: authorSchema,
  at: z.number(),
});
export type ModerationLogEntry = z.infer<typeof storedLogEntry>;

export class ModerationSpace {
  private readonly hidden: Y.Map<unknown>;
  private readonly logArray: Y.Array<unknown>;
  private readonly ctx: ModelContext;

  constructor(
    readonly doc: Y.Doc,
    ctx: Partial<ModelContext> = {},
  ) {
    this.ctx = modelContext(ctx);
    this.hidden = doc.getMap('hidden');
    this.logArray = doc.getArray('log');
  }

  get readOnly(): boolean {
    return isSchemaTooNew(this.doc);
  }

  /** Calls `listener` when `readOnly` may have changed (a newer schema arrived). */
  observeReadOnly(listener: () => void): () => void {
    return observeSchema(this.doc, listener);
  }

  hide(itemId: string, why: string, author: Author): void {
    this.record('hide', itemId, parseInput(reason, why), author);
  }

  restore(itemId: string, why: string, author: Author): void {
    this.record('restore', itemId, parseInput(reason, why), author);
  }

  hiddenReason(itemId: string): HiddenItem | null {
    return readStored(storedHidden, this.hidden.get(itemId));
  }

  /** The moderation log, newest first. */
  log(): ModerationLogEntry[] {
    return this.logArray
      .toArray()
      .map((entry) => readStored(storedLogEntry, entry))
      .filter((entry): entry is ModerationLogEntry => entry !== null)
      .sort((a, b) => b.at - a.at);
  }

  private record(action: 'hide' | 'restore', itemId: string, why: string, author: Author): void {
    const by = parseInput(authorSchema, author);
    if (!canModerate(by.role)) throw new PermissionError('Only moderators hide or restore items.');
    const at = this.ctx.now();
    writeTransaction(this.doc, 'moderation', () => {
      if (action === 'hide') this.hidden.set(itemId, { reason: why, by, at });
      else this.hidden.delete(itemId);
      this.logArray.push([{ id: this.ctx.newId(), action, itemId, reason: why, by, at }]);
    });
  }
}
