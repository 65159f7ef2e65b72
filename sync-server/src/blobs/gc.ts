/**
 * Garbage collection of the blob store: deletes photos and videos that no document of any
 * room refers to any more (a removed post, a replaced event photo, a draft's photo that was
 * never published), and that were stored longer ago than a grace period.
 *
 * Which blobs are referenced is decided generically, not per schema: every string in every
 * room's current document state is searched for 64-hex-digit runs, and any such run keeps
 * the blob of that name. So media refs in posts, comments, events, crisis alerts and their
 * updates, notice boards, and any field added later are kept without this module knowing
 * them, and a hash that only looks like one merely keeps a blob alive (never the reverse).
 * Deleted content is not searched: Yjs keeps no text of deleted items after compaction.
 *
 * The grace period protects uploads that are not referenced *yet*: a photo uploaded while
 * its post still waits on an offline phone, or was uploaded a moment before the post syncs.
 */
import * as Y from 'yjs';
import type { Storage } from '../storage/storage.js';
import type { BlobStore } from './blob-store.js';

const HASH = /[0-9a-f]{64}/g;

/** What the scan needs of any Yjs shared type (map, array, text, XML, or a root not yet typed). */
interface SharedType {
  _start: Y.Item | null;
  _map: Map<string, Y.Item>;
}

function scanString(text: string, found: Set<string>): void {
  for (const match of text.matchAll(HASH)) found.add(match[0]);
}

/** Returns the text a content piece adds to its parent's running text, scanning the rest. */
function scanContent(content: Y.Item['content'], found: Set<string>): string {
  if (content instanceof Y.ContentString) return content.str;
  if (content instanceof Y.ContentType) {
    scanType(content.type, found);
    return '';
  }
  if (content instanceof Y.ContentFormat) {
    scanString(JSON.stringify(content.value), found);
    return '';
  }
  for (const value of content.getContent()) {
    if (!(value instanceof Y.Doc)) scanString(JSON.stringify(value) ?? '', found);
  }
  return '';
}

/**
 * Every hash-like string in a shared type and the types nested in it. Text pieces are
 * joined in document order first, so a hash typed in several edits is still found whole.
 */
function scanType(type: SharedType, found: Set<string>): void {
  let text = '';
  for (let item = type._start; item; item = item.right) {
    if (!item.deleted) text += scanContent(item.content, found);
  }
  scanString(text, found);
  for (const item of type._map.values()) {
    if (!item.deleted) scanContent(item.content, found);
  }
}

/** The names of every blob some room's current state refers to. */
export async function referencedBlobs(storage: Storage): Promise<Set<string>> {
  const found = new Set<string>();
  for (const room of await storage.rooms()) {
    const doc = new Y.Doc({ gc: true });
    try {
      const { updates } = await storage.loadRoom(room);
      for (const update of updates) Y.applyUpdate(doc, update);
      for (const type of doc.share.values()) scanType(type, found);
    } finally {
      doc.destroy();
    }
  }
  return found;
}

export interface BlobGcOptions {
  /** Blobs stored less than this long ago are kept, referenced or not. */
  olderThanMs: number;
  now: number;
  /** Report what would be deleted, delete nothing. */
  dryRun: boolean;
}

export interface BlobGcResult {
  /** Every blob in the store. */
  total: number;
  referenced: number;
  /** Unreferenced, but inside the grace period. */
  young: number;
  /** Deleted (or, on a dry run, that would be), with their sizes. */
  deleted: { hash: string; size: number }[];
  bytes: number;
}

export async function collectBlobs(
  storage: Storage,
  blobs: BlobStore,
  options: BlobGcOptions,
): Promise<BlobGcResult> {
  // Documents first: a blob stored after this scan is younger than any sane grace period.
  const referenced = await referencedBlobs(storage);
  const result: BlobGcResult = { total: 0, referenced: 0, young: 0, deleted: [], bytes: 0 };
  const candidates: { hash: string; size: number }[] = [];
  for await (const entry of blobs.list()) {
    result.total++;
    if (referenced.has(entry.hash)) result.referenced++;
    else if (options.now - entry.storedAt < options.olderThanMs) result.young++;
    else candidates.push({ hash: entry.hash, size: entry.size });
  }
  for (const candidate of candidates) {
    if (!options.dryRun && !(await blobs.delete(candidate.hash))) continue;
    result.deleted.push(candidate);
    result.bytes += candidate.size;
  }
  return result;
}
