/**
 * Opening the data directory of a relay for an admin command (export, import, compact):
 * the same `--data` default as `buurthub serve`, and a clear error instead of silently
 * creating an empty database when the directory holds none.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE, SqliteStorage } from '../storage/sqlite.js';

export const DEFAULT_DATA_DIR = './data';

export function openExistingStorage(dataDir: string): SqliteStorage {
  if (!existsSync(join(dataDir, DATABASE_FILE))) {
    throw new Error(`no Buurthub database in ${dataDir} (expected ${DATABASE_FILE}); check --data`);
  }
  return new SqliteStorage(dataDir);
}
