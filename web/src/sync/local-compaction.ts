/**
 * Compacting a space's copy in IndexedDB, for erasure. y-indexeddb keeps every update it
 * was given, including the ones holding text that was deleted since; the Y.Doc in memory
 * is garbage-collected (deleted items keep their ids but lose their content), so storing
 * its state as one update and deleting every older row takes the deleted text off the
 * device's database.
 */
import * as idb from 'lib0/indexeddb';
import type { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';

const UPDATES_STORE = 'updates';

/** Writes the document's state as one row and deletes every row before it, in one transaction. */
export async function compactLocalCopy(
  persistence: IndexeddbPersistence,
  doc: Y.Doc,
): Promise<void> {
  const db = await persistence._db;
  const [updates] = idb.transact(db, [UPDATES_STORE]);
  if (!updates) throw new Error('IndexedDB has no updates store');
  // lib0 types the value narrowly; y-indexeddb stores and reads Uint8Array rows like this.
  const state = Y.encodeStateAsUpdate(doc) as unknown as ArrayBuffer;
  const key = await idb.addAutoKey(updates, state);
  await idb.del(updates, idb.createIDBKeyRangeUpperBound(key, true));
}

/**
 * True when a transaction deleted items this device already had (their clocks are below
 * its state before the transaction), as opposed to items that arrived in it.
 */
export function deletesLocalItems(transaction: Y.Transaction): boolean {
  for (const [client, ranges] of transaction.deleteSet.clients) {
    const known = transaction.beforeState.get(client) ?? 0;
    if (ranges.some((range) => range.clock < known)) return true;
  }
  return false;
}
