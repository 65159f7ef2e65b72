/** The embedded relay's database file, read the way an operator would check it. */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../src/index.js';

/** `PRAGMA integrity_check` on the data directory's database: 'ok' when intact. */
export function integrityCheck(dataDir: string): string {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}
