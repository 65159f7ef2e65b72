import { MemoryStorage } from '../../src/storage/memory.js';
import { PostgresStorage } from '../../src/storage/postgres.js';
import { SqliteStorage } from '../../src/storage/sqlite.js';
import type { Storage } from '../../src/storage/storage.js';
import { postgresSchema } from './scaleout.js';
import { tempDir } from './temp.js';

/**
 * Every storage backend, for `describe.each`: in memory, SQLite in a temporary folder, and
 * real PostgreSQL (.ci/run starts it) in a schema of its own. What each one leaves behind
 * is pushed onto `cleanup`, for the test file's afterEach.
 */
export function storageBackends(
  cleanup: { remove(): Promise<void> | void }[],
): [string, () => Storage | Promise<Storage>][] {
  return [
    ['memory', () => new MemoryStorage()],
    [
      'sqlite',
      () => {
        const dir = tempDir();
        cleanup.push(dir);
        return new SqliteStorage(dir.path);
      },
    ],
    [
      'postgres',
      async () => {
        const schema = postgresSchema();
        cleanup.push({ remove: () => schema.drop() });
        return PostgresStorage.open(schema.url);
      },
    ],
  ];
}
