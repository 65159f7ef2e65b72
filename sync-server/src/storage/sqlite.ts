/**
 * The embedded storage: one SQLite file `<data>/buurthub.sqlite` (WAL) holding every
 * room's update log and compacted snapshot. better-sqlite3 is synchronous, so each call
 * finishes its transaction before the promise resolves; nothing interleaves inside one.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { foldUpdates } from './fold.js';
import type { RoomStats, Storage, StoredRoom } from './storage.js';

export const DATABASE_FILE = 'buurthub.sqlite';

/**
 * Ordered schema migrations; the index + 1 is the version. Append only: a released
 * migration is never edited, so every data directory can be brought up to date.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE updates (
     seq        INTEGER PRIMARY KEY AUTOINCREMENT,
     room       TEXT    NOT NULL,
     data       BLOB    NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE INDEX updates_by_room ON updates (room, seq);
   CREATE TABLE snapshots (
     room        TEXT    PRIMARY KEY,
     data        BLOB    NOT NULL,
     folded_seq  INTEGER NOT NULL,
     updated_at  INTEGER NOT NULL
   );`,
];

export class SqliteStorage implements Storage {
  readonly file: string;
  private readonly db: Database.Database;
  private readonly stmt: {
    snapshot: Database.Statement<[string], { data: Buffer }>;
    log: Database.Statement<[string], { seq: number; data: Buffer }>;
    append: Database.Statement<[string, Buffer, number]>;
    count: Database.Statement<[string], { n: number }>;
    remove: Database.Statement<[string, number]>;
    deleteFolded: Database.Statement<[string, number]>;
    upsertSnapshot: Database.Statement<[string, Buffer, number, number]>;
    rooms: Database.Statement<[], { room: string }>;
  };

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.file = join(dataDir, DATABASE_FILE);
    this.db = new Database(this.file);
    this.db.pragma('journal_mode = WAL');
    // FULL, not NORMAL: in WAL mode NORMAL already survives `kill -9` of the relay, but a
    // power cut or OS crash can lose the last commits. The relay acks an update as "saved
    // on the server" once it is committed, so the commit must survive power loss too; the
    // fsync per commit is the price of telling the user the truth.
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
    this.stmt = {
      snapshot: this.db.prepare('SELECT data FROM snapshots WHERE room = ?'),
      log: this.db.prepare('SELECT seq, data FROM updates WHERE room = ? ORDER BY seq'),
      append: this.db.prepare('INSERT INTO updates (room, data, created_at) VALUES (?, ?, ?)'),
      count: this.db.prepare('SELECT count(*) AS n FROM updates WHERE room = ?'),
      remove: this.db.prepare('DELETE FROM updates WHERE room = ? AND seq = ?'),
      deleteFolded: this.db.prepare('DELETE FROM updates WHERE room = ? AND seq <= ?'),
      upsertSnapshot: this.db.prepare(
        `INSERT INTO snapshots (room, data, folded_seq, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (room) DO UPDATE SET data = excluded.data,
           folded_seq = excluded.folded_seq, updated_at = excluded.updated_at`,
      ),
      rooms: this.db.prepare(
        'SELECT room FROM snapshots UNION SELECT DISTINCT room FROM updates ORDER BY room',
      ),
    };
  }

  /** The schema version of the open file (number of applied migrations). */
  get schemaVersion(): number {
    const row = this.db.prepare('SELECT max(version) AS v FROM schema_version').get() as {
      v: number | null;
    };
    return row.v ?? 0;
  }

  private migrate(): void {
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)',
    );
    const current = this.schemaVersion;
    if (current > MIGRATIONS.length) {
      throw new Error(
        `${this.file} has schema version ${current}, newer than this relay knows (${MIGRATIONS.length}); update buurthub`,
      );
    }
    const record = this.db.prepare(
      'INSERT INTO schema_version (version, applied_at) VALUES (?, ?)',
    );
    for (let version = current + 1; version <= MIGRATIONS.length; version++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[version - 1] as string);
        record.run(version, Date.now());
      })();
    }
  }

  async loadRoom(room: string): Promise<StoredRoom> {
    return this.db.transaction(() => {
      const updates: Uint8Array[] = [];
      const snapshot = this.stmt.snapshot.get(room);
      if (snapshot) updates.push(new Uint8Array(snapshot.data));
      const log = this.stmt.log.all(room);
      for (const row of log) updates.push(new Uint8Array(row.data));
      return { updates, logLength: log.length };
    })();
  }

  async appendUpdate(
    room: string,
    update: Uint8Array,
  ): Promise<{ seq: number; logLength: number }> {
    const result = this.stmt.append.run(room, Buffer.from(update), Date.now());
    const logLength = this.stmt.count.get(room)?.n ?? 0;
    return { seq: Number(result.lastInsertRowid), logLength };
  }

  async removeUpdate(room: string, seq: number): Promise<void> {
    this.stmt.remove.run(room, seq);
  }

  async compact(room: string): Promise<{ folded: number }> {
    // One transaction: the rows read are exactly the rows deleted (seq <= the highest
    // seq read), and a crash leaves either the old snapshot + log or the new snapshot.
    return this.db
      .transaction(() => {
        const log = this.stmt.log.all(room);
        const last = log.at(-1);
        if (!last) return { folded: 0 };
        const parts: Uint8Array[] = [];
        const snapshot = this.stmt.snapshot.get(room);
        if (snapshot) parts.push(new Uint8Array(snapshot.data));
        for (const row of log) parts.push(new Uint8Array(row.data));
        const folded = foldUpdates(parts);
        this.stmt.upsertSnapshot.run(room, Buffer.from(folded), last.seq, Date.now());
        const deleted = this.stmt.deleteFolded.run(room, last.seq).changes;
        return { folded: deleted };
      })
      .immediate();
  }

  async stats(room: string): Promise<RoomStats> {
    return {
      logLength: this.stmt.count.get(room)?.n ?? 0,
      hasSnapshot: this.stmt.snapshot.get(room) !== undefined,
    };
  }

  async rooms(): Promise<string[]> {
    return this.stmt.rooms.all().map((row) => row.room);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
