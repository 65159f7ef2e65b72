/**
 * Opening the data directory of a relay for an admin command: the same `--data` default as
 * `buurthub serve`, and a clear error instead of silently creating an empty database (with
 * signing keys no relay uses) when the directory holds none.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE, SqliteStorage } from '../storage/sqlite.js';

export const DEFAULT_DATA_DIR = './data';

/**
 * Runs `use` with the relay's storage and closes it afterwards. Only commands that set up a
 * new relay (neighbourhood create, import) pass `{ create: true }`.
 */
export async function withStorage<T>(
  dataDir: string,
  use: (storage: SqliteStorage) => Promise<T>,
  { create = false } = {},
): Promise<T> {
  if (!create && !existsSync(join(dataDir, DATABASE_FILE))) {
    throw new Error(`no Buurthub database in ${dataDir} (expected ${DATABASE_FILE}); check --data`);
  }
  const storage = new SqliteStorage(dataDir);
  try {
    return await use(storage);
  } finally {
    await storage.close();
  }
}
