/**
 * Opening the relay's storage for an admin command: the same `--data` default as
 * `buurthub serve`, or the same PostgreSQL with `--postgres` (or `BUURTHUB_POSTGRES_URL`),
 * and a clear error instead of silently creating an empty database (with signing keys no
 * relay uses) when the data directory holds none.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PostgresStorage } from '../storage/postgres.js';
import { DATABASE_FILE, SqliteStorage } from '../storage/sqlite.js';
import type { Storage } from '../storage/storage.js';

export const DEFAULT_DATA_DIR = './data';

/** Where a relay's storage is: the common flags of every command. */
export interface StorageFlags {
  data: string;
  postgres?: string;
}

/** The PostgreSQL URL from `--postgres` or the environment, if any. */
export function postgresUrl(flags: StorageFlags): string | undefined {
  const url = flags.postgres ?? process.env.BUURTHUB_POSTGRES_URL;
  return url ? url : undefined;
}

/** Opens the storage the flags name: PostgreSQL when given, else the SQLite file. */
export async function openStorage(
  flags: StorageFlags,
  { create = false } = {},
): Promise<SqliteStorage | PostgresStorage> {
  const url = postgresUrl(flags);
  if (url) return PostgresStorage.open(url);
  if (!create && !existsSync(join(flags.data, DATABASE_FILE))) {
    throw new Error(
      `no Buurthub database in ${flags.data} (expected ${DATABASE_FILE}); check --data (or --postgres)`,
    );
  }
  return new SqliteStorage(flags.data);
}

/** For messages: where the storage is, without passwords. */
export function describeStorage(storage: Storage): string {
  if (storage instanceof SqliteStorage) return storage.file;
  if (storage instanceof PostgresStorage) return storage.description;
  return 'memory';
}

/**
 * Runs `use` with the relay's storage and closes it afterwards. Only commands that set up a
 * new relay (neighbourhood create, import) pass `{ create: true }`; PostgreSQL schemas are
 * always created (and migrated) on first use, like the relay does.
 */
export async function withStorage<T>(
  flags: StorageFlags,
  use: (storage: Storage) => Promise<T>,
  options: { create?: boolean } = {},
): Promise<T> {
  const storage = await openStorage(flags, options);
  try {
    return await use(storage);
  } finally {
    await storage.close();
  }
}
