import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStorage, SqliteStorage, type Storage } from '../src/index.js';
import { MIGRATIONS } from '../src/storage/sqlite.js';
import { tempDir } from './helpers/temp.js';

const dirs: { remove(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()));

function sqlite(): SqliteStorage {
  const dir = tempDir();
  dirs.push(dir);
  return new SqliteStorage(dir.path);
}

describe.each([
  ['sqlite', sqlite as () => Storage],
  ['memory', () => new MemoryStorage() as Storage],
])('calendar keys in %s storage', (_, make) => {
  it('keeps one key per member and neighbourhood: a new one replaces the old', async () => {
    const storage = make();
    await storage.setCalendarKey({ keyHash: 'h1', sub: 'm-anna', nb: 'maasburen', createdAt: 1 });
    await storage.setCalendarKey({ keyHash: 'h2', sub: 'm-anna', nb: 'heumen', createdAt: 2 });
    await storage.setCalendarKey({ keyHash: 'h3', sub: 'm-anna', nb: 'maasburen', createdAt: 3 });
    expect(await storage.calendarKey('h1')).toBeNull();
    expect(await storage.calendarKey('h2')).toEqual({
      keyHash: 'h2',
      sub: 'm-anna',
      nb: 'heumen',
      createdAt: 2,
    });
    expect(await storage.calendarKey('h3')).toEqual({
      keyHash: 'h3',
      sub: 'm-anna',
      nb: 'maasburen',
      createdAt: 3,
    });
    await storage.close();
  });
});

describe('calendar keys on disk', () => {
  it('adds the calendar-key table to a database from before it, keeping what was there', async () => {
    const dir = tempDir();
    dirs.push(dir);
    // The file as the release with schema version 2 left it, with a room's update in it.
    const db = new Database(join(dir.path, 'buurthub.sqlite'));
    db.exec(
      'CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)',
    );
    for (const [i, migration] of MIGRATIONS.slice(0, 2).entries()) {
      db.exec(migration);
      db.prepare('INSERT INTO schema_version VALUES (?, 0)').run(i + 1);
    }
    db.prepare('INSERT INTO updates (room, data, created_at) VALUES (?, ?, 0)').run(
      'maasburen/public',
      Buffer.from([0, 0]),
    );
    db.close();

    const upgraded = new SqliteStorage(dir.path);
    expect(upgraded.schemaVersion).toBe(MIGRATIONS.length);
    expect(await upgraded.rooms()).toEqual(['maasburen/public']);
    await upgraded.setCalendarKey({ keyHash: 'h', sub: 'm-anna', nb: 'maasburen', createdAt: 1 });
    await upgraded.close();
    const reopened = new SqliteStorage(dir.path);
    expect((await reopened.calendarKey('h'))?.sub).toBe('m-anna');
    await reopened.close();
  });
});
