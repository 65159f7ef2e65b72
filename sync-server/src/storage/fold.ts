/**
 * Folding a room's stored updates into one snapshot. Shared by every storage backend so
 * compaction means the same everywhere.
 */
import * as Y from 'yjs';

/**
 * Loads the updates into a fresh garbage-collecting document and re-encodes it. Unlike
 * `Y.mergeUpdates`, this drops the content of deleted items, which is what makes deleted
 * personal data really disappear from disk. Updates still waiting for missing
 * dependencies are kept: Yjs includes pending structs in `encodeStateAsUpdate`.
 */
export function foldUpdates(updates: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc({ gc: true });
  try {
    for (const update of updates) Y.applyUpdate(doc, update);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
