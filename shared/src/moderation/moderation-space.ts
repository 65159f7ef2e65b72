/**
 * The `<nb>/moderation` document: which items are hidden and why, the neighbourhood's
 * report threshold, and the moderation log every member can read: what was done, by whom
 * (name and role), when and why. Accountability is the feature. Reports themselves are in
 * the community space (community/reports.ts); status.ts combines the two.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { REPORTED_KINDS, type ReportedKind } from '../community/reports.js';
import { type ModelContext, modelContext } from '../context.js';
import { PermissionError } from '../errors.js';
import { type Author, authorSchema } from '../roles.js';
import { isSchemaTooNew, observeSchema, writeTransaction } from '../schema-version.js';
import { parseInput, readStored } from '../validation.js';

const reason = z.string().trim().min(1).max(500);

const kindSchema = z.enum(REPORTED_KINDS);
const storedHidden = z.object({
  reason: z.string(),
  by: authorSchema,
  at: z.number(),
  /** What the item is, so the queue can show it without a report naming it. */
  kind: kindSchema.optional(),
});
export type HiddenItem = z.infer<typeof storedHidden>;

/** Decisions about an item: hide (reversible), restore, dismiss the reports, delete for real. */
export const ITEM_ACTIONS = ['hide', 'restore', 'dismiss', 'delete'] as const;
export type ItemAction = (typeof ITEM_ACTIONS)[number];
/** Decisions about a member; suspending and removing also revoke their tokens on the relay. */
export const MEMBER_ACTIONS = ['warn', 'suspend', 'remove-member'] as const;
export type MemberAction = (typeof MEMBER_ACTIONS)[number];

export const DEFAULT_REPORT_THRESHOLD = 3;
const thresholdSchema = z.number().int().min(1).max(50);
const memberIdSchema = z.string().min(1).max(100);
const itemIdSchema = z.string().min(1).max(100);

const storedLogEntry = z.object({
  id: z.string(),
  action: z.enum([...ITEM_ACTIONS, ...MEMBER_ACTIONS]),
  itemId: z.string().optional(),
  /** What kind of item a decision was about (the public log says "a post", "a comment"). */
  kind: kindSchema.optional(),
  memberId: z.string().optional(),
  /** End of a suspension (ms). */
  until: z.number().optional(),
  reason: z.string(),
  by: authorSchema,
  at: z.number(),
});
export type ModerationLogEntry = z.infer<typeof storedLogEntry>;

export class ModerationSpace {
  private readonly hidden: Y.Map<unknown>;
  private readonly logArray: Y.Array<unknown>;
  private readonly settings: Y.Map<unknown>;
  private readonly ctx: ModelContext;

  constructor(
    readonly doc: Y.Doc,
    ctx: Partial<ModelContext> = {},
  ) {
    this.ctx = modelContext(ctx);
    this.hidden = doc.getMap('hidden');
    this.logArray = doc.getArray('log');
    this.settings = doc.getMap('settings');
  }

  get readOnly(): boolean {
    return isSchemaTooNew(this.doc);
  }

  /** Calls `listener` when `readOnly` may have changed (a newer schema arrived). */
  observeReadOnly(listener: () => void): () => void {
    return observeSchema(this.doc, listener);
  }

  /**
   * Hides an item pending or after review; the author sees the reason. Reversible. `kind`
   * (post, comment, ...) goes into the log and lets the queue show the item.
   */
  hide(itemId: string, why: string, author: Author, kind?: ReportedKind): void {
    this.decide('hide', itemId, why, author, kind);
  }

  restore(itemId: string, why: string, author: Author, kind?: ReportedKind): void {
    this.decide('restore', itemId, why, author, kind);
  }

  /** The reports were looked at and the item stays: reports before now no longer count. */
  dismiss(itemId: string, why: string, author: Author, kind?: ReportedKind): void {
    this.decide('dismiss', itemId, why, author, kind);
  }

  /**
   * Logs that a moderator deleted an item for real; the app removes the content itself in
   * the space it lives in (and the relay's compaction takes it off the disk).
   */
  recordDeletion(itemId: string, why: string, author: Author, kind?: ReportedKind): void {
    this.decide('delete', itemId, why, author, kind);
  }

  warn(memberId: string, why: string, author: Author): void {
    this.onMember('warn', memberId, why, author);
  }

  /** Suspends a member until `until` (ms); the app also revokes their tokens on the relay. */
  suspend(memberId: string, until: number, why: string, author: Author): void {
    if (!(until > this.ctx.now())) throw new RangeError('A suspension ends in the future.');
    this.onMember('suspend', memberId, why, author, until);
  }

  /** Removes a member from the neighbourhood; the app also revokes their tokens. */
  removeMember(memberId: string, why: string, author: Author): void {
    this.onMember('remove-member', memberId, why, author);
  }

  /** How many members' reports hide an item pending review. */
  get reportThreshold(): number {
    return (
      thresholdSchema.safeParse(this.settings.get('reportThreshold')).data ??
      DEFAULT_REPORT_THRESHOLD
    );
  }

  setReportThreshold(value: number, author: Author): void {
    const threshold = parseInput(thresholdSchema, value);
    requireModerator(author);
    writeTransaction(this.doc, 'moderation', () => this.settings.set('reportThreshold', threshold));
  }

  hiddenReason(itemId: string): HiddenItem | null {
    return readStored(storedHidden, this.hidden.get(itemId));
  }

  /** Every hidden item with why, for the queue (a hidden item stays there until restored). */
  hiddenItems(): Map<string, HiddenItem> {
    const items = new Map<string, HiddenItem>();
    for (const [id, value] of this.hidden.entries()) {
      const hidden = readStored(storedHidden, value);
      if (hidden) items.set(id, hidden);
    }
    return items;
  }

  /** The moderation log, newest first. */
  log(): ModerationLogEntry[] {
    return this.logArray
      .toArray()
      .map((entry) => readStored(storedLogEntry, entry))
      .filter((entry): entry is ModerationLogEntry => entry !== null)
      .sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1));
  }

  /** The latest decision about an item, if any. */
  lastDecision(itemId: string): ModerationLogEntry | null {
    return this.log().find((entry) => entry.itemId === itemId) ?? null;
  }

  /** Warnings, suspensions and removals of a member, newest first. */
  memberHistory(memberId: string): ModerationLogEntry[] {
    return this.log().filter((entry) => entry.memberId === memberId);
  }

  observe(listener: () => void): () => void {
    const handler = () => listener();
    this.doc.on('update', handler);
    return () => this.doc.off('update', handler);
  }

  private decide(
    action: ItemAction,
    itemId: string,
    why: string,
    author: Author,
    itemKind?: ReportedKind,
  ): void {
    const id = parseInput(itemIdSchema, itemId);
    const text = parseInput(reason, why);
    const kind = itemKind === undefined ? undefined : parseInput(kindSchema, itemKind);
    const by = requireModerator(author);
    const at = this.ctx.now();
    const about = { itemId: id, ...(kind && { kind }) };
    writeTransaction(this.doc, 'moderation', () => {
      if (action === 'hide') this.hidden.set(id, { reason: text, by, at, ...(kind && { kind }) });
      else this.hidden.delete(id);
      this.logArray.push([{ id: this.ctx.newId(), action, ...about, reason: text, by, at }]);
    });
  }

  private onMember(
    action: MemberAction,
    memberId: string,
    why: string,
    author: Author,
    until?: number,
  ): void {
    const member = parseInput(memberIdSchema, memberId);
    const text = parseInput(reason, why);
    const by = requireModerator(author);
    const entry = {
      id: this.ctx.newId(),
      action,
      memberId: member,
      ...(until !== undefined && { until }),
      reason: text,
      by,
      at: this.ctx.now(),
    };
    writeTransaction(this.doc, 'moderation', () => this.logArray.push([entry]));
  }
}

/** The relay lets only moderators write this space (DESIGN.md §3); officials do not moderate. */
function requireModerator(author: Author): Author {
  const by = parseInput(authorSchema, author);
  if (by.role !== 'moderator') throw new PermissionError('Only moderators moderate.');
  return by;
}
