/**
 * Residents report a post, comment, event, idea or profile, with a reason, in the
 * `community` space (DESIGN.md §3: content reports live with the content). What happens
 * next is the moderators' (moderation/moderation-space.ts, moderation/status.ts).
 *
 * Layout (docs/schema.md): `reports` is one flat Y.Map from `<item id> <reporter id>` to
 * `{ itemId, reporterId, kind, reason, note?, at }`: one report per member per item
 * (reporting again replaces it), so nobody can push an item over the threshold alone.
 * Flat on purpose: two devices that each created a nested map for the same item while
 * offline would keep only one of them, losing the other's reports.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import type { ModelContext } from '../context.js';
import { PermissionError } from '../errors.js';
import { type Author, authorSchema, isMember } from '../roles.js';
import { writeTransaction } from '../schema-version.js';
import { parseInput, readStored } from '../validation.js';

/** What was reported. */
export const REPORTED_KINDS = ['post', 'comment', 'event', 'idea', 'profile'] as const;
export type ReportedKind = (typeof REPORTED_KINDS)[number];

/** Why, from a fixed list the app translates, plus an optional note. */
export const REPORT_REASONS = [
  'offensive',
  'discriminating',
  'personal-data',
  'spam',
  'false-information',
  'other',
] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const reportInputSchema = z.object({
  kind: z.enum(REPORTED_KINDS),
  reason: z.enum(REPORT_REASONS),
  note: z.string().trim().max(500).optional(),
});
export type ReportInput = z.input<typeof reportInputSchema>;

const storedReport = reportInputSchema.extend({
  itemId: z.string(),
  reporterId: z.string(),
  at: z.number(),
});
const keyOf = (itemId: string, reporterId: string) => `${itemId} ${reporterId}`;

export interface ReportView {
  itemId: string;
  reporterId: string;
  kind: ReportedKind;
  reason: ReportReason;
  note?: string;
  at: number;
}

const itemIdSchema = z.string().min(1).max(100);

export class Reports {
  private readonly map: Y.Map<unknown>;
  /**
   * Every report, read and validated, until one changes: each post and comment a feed shows
   * asks for its own reports, which would read them all each time.
   */
  private byItem: Map<string, ReportView[]> | null = null;

  constructor(
    private readonly doc: Y.Doc,
    private readonly ctx: ModelContext,
  ) {
    this.map = doc.getMap('reports');
    this.map.observeDeep(() => (this.byItem = null));
  }

  /** A member reports an item (again: their earlier report of it is replaced). */
  report(itemId: string, input: ReportInput, author: Author): ReportView {
    const id = parseInput(itemIdSchema, itemId);
    const data = parseInput(reportInputSchema, input);
    const who = parseInput(authorSchema, author);
    if (!isMember(who.role)) throw new PermissionError('Only members report.');
    const report: ReportView = { itemId: id, reporterId: who.id, ...data, at: this.ctx.now() };
    writeTransaction(this.doc, 'community', () => this.map.set(keyOf(id, who.id), report));
    return report;
  }

  /** Reports of one item, oldest first. */
  of(itemId: string): ReportView[] {
    return [...(this.read().get(itemId) ?? [])];
  }

  /** Every reported item with its reports, oldest first. */
  all(): Map<string, ReportView[]> {
    return new Map([...this.read()].map(([itemId, list]) => [itemId, [...list]]));
  }

  private read(): Map<string, ReportView[]> {
    // Inside a transaction the observer has not run yet: what is remembered may be stale.
    if (this.byItem && this.doc._transaction === null) return this.byItem;
    const all = new Map<string, ReportView[]>();
    for (const [key, value] of this.map.entries()) {
      const report = readStored(storedReport, value);
      if (!report || key !== keyOf(report.itemId, report.reporterId)) continue;
      const list = all.get(report.itemId) ?? [];
      list.push(report);
      all.set(report.itemId, list);
    }
    for (const list of all.values()) {
      list.sort((a, b) => a.at - b.at || (a.reporterId < b.reporterId ? -1 : 1));
    }
    if (this.doc._transaction === null) this.byItem = all;
    return all;
  }

  /** Whether `memberId` has reported the item (the app shows "gemeld"). */
  hasReported(itemId: string, memberId: string): boolean {
    return this.of(itemId).some((r) => r.reporterId === memberId);
  }

  observe(listener: () => void): () => void {
    const handler = () => listener();
    this.map.observeDeep(handler);
    return () => this.map.unobserveDeep(handler);
  }
}
