/**
 * Every space stores `meta.schemaVersion`. A client that finds a newer version than it
 * knows must not write (it could damage data it does not understand): it goes read-only
 * and asks the user to update.
 */
import type * as Y from 'yjs';
import type { SpaceName } from './rooms.js';

export const SCHEMA_VERSION = 1;

export class SchemaTooNewError extends Error {
  override readonly name = 'SchemaTooNewError';
  constructor(readonly found: number) {
    super(
      `This neighbourhood uses data version ${found}; this app knows ${SCHEMA_VERSION}. Update the app.`,
    );
  }
}

export function readSchemaVersion(doc: Y.Doc): number | null {
  const value = doc.getMap('meta').get('schemaVersion');
  return typeof value === 'number' ? value : null;
}

/** True when the document was written by a newer app than this one. */
export function isSchemaTooNew(doc: Y.Doc): boolean {
  return (readSchemaVersion(doc) ?? 0) > SCHEMA_VERSION;
}

/**
 * Runs a write in one transaction after checking the version, and stamps the version and
 * space on a document written for the first time (concurrent stamps agree, so they merge).
 */
export function writeTransaction<T>(doc: Y.Doc, space: SpaceName, write: () => T): T {
  const found = readSchemaVersion(doc);
  if (found !== null && found > SCHEMA_VERSION) throw new SchemaTooNewError(found);
  let result!: T;
  doc.transact(() => {
    const meta = doc.getMap('meta');
    if (found === null) {
      meta.set('schemaVersion', SCHEMA_VERSION);
      meta.set('space', space);
    }
    result = write();
  });
  return result;
}

/** Calls `listener` when `meta` changes, e.g. a newer schema version arrives through sync. */
export function observeSchema(doc: Y.Doc, listener: () => void): () => void {
  const meta = doc.getMap('meta');
  const handler = () => listener();
  meta.observe(handler);
  return () => meta.unobserve(handler);
}
