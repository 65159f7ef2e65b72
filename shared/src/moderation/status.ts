/**
 * What members see of an item, from the reports (community space) and the moderators'
 * decisions (moderation space):
 *
 * - `hidden`: a moderator hid it (the author sees why);
 * - `pending-review`: at least `reportThreshold` members reported it since the last
 *   decision about it; it is hidden until a moderator looks;
 * - `visible`: otherwise. A moderator's restore or dismiss resets the count: only reports
 *   made after it count again.
 *
 * The queue lists every item with reports since its last decision, most reported first,
 * then every hidden item (with the reports that led to hiding it), until it is restored or
 * deleted: hiding is reversible, so the moderators keep it in sight.
 */
import type { ReportView } from '../community/reports.js';
import type { Author } from '../roles.js';
import type { HiddenItem, ModerationSpace } from './moderation-space.js';

export type ItemStatus =
  | { state: 'visible'; openReports: number }
  | { state: 'pending-review'; openReports: number }
  | { state: 'hidden'; openReports: number; hidden: HiddenItem };

export interface QueueItem {
  itemId: string;
  kind: ReportView['kind'];
  /** Reports since the last decision, oldest first. */
  reports: ReportView[];
  status: ItemStatus;
}

/** Reports made after the latest decision about the item. */
function openReports(itemId: string, reports: ReportView[], moderation: ModerationSpace) {
  const since = moderation.lastDecision(itemId)?.at ?? -Infinity;
  return reports.filter((r) => r.at > since);
}

export function itemStatus(
  itemId: string,
  reports: ReportView[],
  moderation: ModerationSpace,
): ItemStatus {
  const open = openReports(itemId, reports, moderation).length;
  const hidden = moderation.hiddenReason(itemId);
  if (hidden) return { state: 'hidden', openReports: open, hidden };
  return {
    state: open >= moderation.reportThreshold ? 'pending-review' : 'visible',
    openReports: open,
  };
}

/** Whether members other than moderators (and the author) should see the item. */
export function isShown(status: ItemStatus): boolean {
  return status.state === 'visible';
}

/**
 * Whether `viewer` sees the item: everyone while it is shown; when it is hidden or waits
 * for review, only its author (who is told why) and the moderators (who decide).
 */
export function isShownTo(
  status: ItemStatus,
  authorId: string,
  viewer: Pick<Author, 'id' | 'role'> | null,
): boolean {
  return isShown(status) || viewer?.id === authorId || viewer?.role === 'moderator';
}

export function moderationQueue(
  allReports: Map<string, ReportView[]>,
  moderation: ModerationSpace,
): QueueItem[] {
  const queue: QueueItem[] = [];
  const hidden = moderation.hiddenItems();
  for (const [itemId, reports] of allReports) {
    const open = openReports(itemId, reports, moderation);
    const first = open[0];
    if (!first || hidden.has(itemId)) continue;
    queue.push({
      itemId,
      kind: first.kind,
      reports: open,
      status: itemStatus(itemId, reports, moderation),
    });
  }
  const byReports = (a: QueueItem, b: QueueItem) =>
    b.reports.length - a.reports.length ||
    (a.reports[0]?.at ?? 0) - (b.reports[0]?.at ?? 0) ||
    (a.itemId < b.itemId ? -1 : 1);
  const hiddenItems: QueueItem[] = [];
  for (const [itemId, item] of hidden) {
    const reports = allReports.get(itemId) ?? [];
    const kind = item.kind ?? reports[0]?.kind;
    // Without a kind (hidden by an older client, never reported) nothing says what it is.
    if (!kind) continue;
    hiddenItems.push({ itemId, kind, reports, status: itemStatus(itemId, reports, moderation) });
  }
  return [...queue.sort(byReports), ...hiddenItems.sort((a, b) => hiddenAt(b) - hiddenAt(a))];
}

function hiddenAt(item: QueueItem): number {
  return item.status.state === 'hidden' ? item.status.hidden.at : 0;
}
