/**
 * How an alert's timeline becomes what residents see, as pure functions over plain data
 * (so every client, feed and verifier computes the same thing from the same document).
 *
 * - The timeline is ordered by time, then id: concurrent updates from two offline devices
 *   land in the same order everywhere.
 * - Updates supersede: each update's `changes` are applied over the original in timeline
 *   order, so the current state is the original with the latest value of every field.
 * - The first cancel in the timeline ends the alert: it is cancelled for good, and changes
 *   of updates ordered after it are kept in the timeline but not applied.
 * - An alert is active while `effective <= now < expires` (the current `expires`) and it is
 *   not cancelled; once cancelled or expired it belongs to the archive.
 */
import type { Author } from '../../roles.js';
import {
  type AlertContent,
  type AlertUpdateView,
  CHANGE_KEYS,
  type MsgType,
} from './alert-schema.js';

export interface AlertCancellation {
  /** The timeline entry that cancelled the alert. */
  updateId: string;
  at: number;
  reason: string;
  author: Author;
}

export interface AlertState {
  content: AlertContent;
  /** `alert` until the first update, then `update`; `cancel` once cancelled. */
  msgType: MsgType;
  cancelled?: AlertCancellation;
  /** The latest of creation and every timeline entry: "last updated at". */
  updatedAt: number;
}

/** Timeline order: by time, then id (both devices agree on ties). */
export function compareUpdates(a: AlertUpdateView, b: AlertUpdateView): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The current state of an alert: `updates` applied over `original` in timeline order. */
export function foldTimeline(
  original: AlertContent,
  createdAt: number,
  updates: readonly AlertUpdateView[],
): AlertState {
  const content: AlertContent = { ...original };
  let cancelled: AlertCancellation | undefined;
  let updatedAt = createdAt;
  for (const update of [...updates].sort(compareUpdates)) {
    updatedAt = Math.max(updatedAt, update.at);
    if (cancelled) continue;
    if (update.msgType === 'cancel') {
      cancelled = {
        updateId: update.id,
        at: update.at,
        reason: update.text,
        author: update.author,
      };
      continue;
    }
    const target = content as unknown as Record<string, unknown>;
    for (const key of CHANGE_KEYS) {
      const value = update.changes[key];
      if (value !== undefined) target[key] = value;
    }
  }
  return {
    content,
    msgType: cancelled ? 'cancel' : updates.length > 0 ? 'update' : 'alert',
    ...(cancelled && { cancelled }),
    updatedAt,
  };
}

interface Lifecycle {
  effective: number;
  expires: number;
  cancelledAt?: number;
}

/** In force at `now`: started, not expired, not cancelled. */
export function isActive(alert: Lifecycle, now: number): boolean {
  return alert.cancelledAt === undefined && alert.effective <= now && now < alert.expires;
}

/** Over at `now`: cancelled or expired. Such alerts are listed by `archive(now)`. */
export function isArchived(alert: Lifecycle, now: number): boolean {
  return alert.cancelledAt !== undefined || now >= alert.expires;
}

/** When the alert stopped applying: its cancellation or its (current) expiry, whichever came first. */
export function endedAt(alert: Lifecycle): number {
  return alert.cancelledAt === undefined
    ? alert.expires
    : Math.min(alert.cancelledAt, alert.expires);
}
