/** The view of one alert that the UI, feeds and verifier read, built from its Y.Map. */
import * as Y from 'yjs';
import type { Author } from '../../roles.js';
import { readStored } from '../../validation.js';
import {
  type AlertContent,
  type AlertUpdateView,
  type ItemSignature,
  type MsgType,
  readAlertContent,
  readUpdate,
  storedAlertMeta,
} from './alert-schema.js';
import { type AlertCancellation, compareUpdates, foldTimeline } from './alert-state.js';

/**
 * One alert as residents see it: the top-level content fields are the **current** state
 * (the original with every update's changes applied), `original` is what was first
 * published, `updates` the whole timeline (oldest first, cancel included).
 */
export interface CrisisAlertView extends AlertContent {
  id: string;
  author: Author;
  createdAt: number;
  /** `alert`, `update` once updated, `cancel` once cancelled (CAP msgType). */
  msgType: MsgType;
  /** The alert's content as first published (and signed). */
  original: AlertContent;
  /** Timeline entries ordered by time, then id. */
  updates: AlertUpdateView[];
  cancelled?: AlertCancellation;
  /** Same as `cancelled.at`; absent while the alert is not cancelled. */
  cancelledAt?: number;
  /** The latest of creation and every timeline entry. */
  updatedAt: number;
  signature?: ItemSignature;
}

/** Builds the view from plain data (also what `verifyAlert` re-folds from verified parts). */
export function buildAlertView(
  meta: { id: string; author: Author; createdAt: number; signature?: ItemSignature },
  original: AlertContent,
  updates: readonly AlertUpdateView[],
): CrisisAlertView {
  const state = foldTimeline(original, meta.createdAt, updates);
  return {
    ...state.content,
    id: meta.id,
    author: meta.author,
    createdAt: meta.createdAt,
    msgType: state.msgType,
    original,
    updates: [...updates].sort(compareUpdates),
    ...(state.cancelled && { cancelled: state.cancelled, cancelledAt: state.cancelled.at }),
    updatedAt: state.updatedAt,
    ...(meta.signature && { signature: meta.signature }),
  };
}

/** Reads a stored alert; a malformed one (old or hostile client) reads as null. */
export function readAlert(value: unknown): CrisisAlertView | null {
  if (!(value instanceof Y.Map)) return null;
  const fields: Record<string, unknown> = {};
  for (const [key, field] of value.entries()) if (key !== 'updates') fields[key] = field;
  const meta = readStored(storedAlertMeta, fields);
  const original = readAlertContent(fields);
  if (!meta || !original) return null;
  const rawUpdates = value.get('updates');
  const updates = (rawUpdates instanceof Y.Array ? rawUpdates.toArray() : [])
    .map(readUpdate)
    .filter((u): u is AlertUpdateView => u !== null);
  return buildAlertView(meta, original, updates);
}
