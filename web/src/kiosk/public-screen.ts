/**
 * What a kiosk shows of members' content on its public screen. A kiosk may read the
 * community room but never the moderation room (DESIGN.md §3), so it cannot see which
 * reported items moderators hid or kept. On a screen in a public hall, hidden content
 * showing is worse than a reported item kept off the screen: the kiosk leaves out every
 * item someone reported. Phones, which read the moderators' decisions, still show an item
 * a moderator kept.
 */
import type { Reports } from '@buurthub/shared';

export function unreported<T extends { id: string }>(items: T[], reports: Reports): T[] {
  return items.filter((item) => reports.of(item.id).length === 0);
}
