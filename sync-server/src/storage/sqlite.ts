/**
 * The embedded storage: one SQLite file `<data>/buurthub.sqlite` (WAL) holding every
 * room's update log and compacted snapshot. better-sqlite3 is synchronous, so each call
 * finishes its transaction before the promise resolves; nothing interleaves inside one.
 * Appends are the exception: they are group-committed by a writer thread with its own
 * connection (see `appendUpdate` and sqlite-writer.ts); WAL lets this connection read
 * meanwhile.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { FoldThread, foldUpdates } from './fold.js';
import { nowInSeconds, revokedAtBySub } from './revocation-records.js';
import { SQL, SqliteWriter } from './sqlite-writer.js';
import type {
  RevocationRecord,
  AppendResult,
  CalendarKey,
  CompactResult,
  ContactAnswer,
  ContactRequest,
  DeviceCode,
  DeviceCodeApprover,
  DeviceCodeTake,
  Invite,
  Member,
  PrivateProfile,
  Neighbourhood,
  RedeemResult,
  RoomStats,
  SigningKey,
  Storage,
  StoredRoom,
} from './storage.js';
import {
  type CalendarKeyRow,
  type DeviceCodeRow,
  type InviteRow,
  type KeyRow,
  type MemberRow,
  type NeighbourhoodRow,
  contactRequestValues,
  keyValues,
  takenDeviceCode,
  toCalendarKey,
  toDeviceCode,
  toInvite,
  toKey,
  toMember,
  toNeighbourhood,
} from './rows.js';

export const DATABASE_FILE = 'buurthub.sqlite';

/**
 * Ordered schema migrations; the index + 1 is the version. Append only: a released
 * migration is never edited, so every data directory can be brought up to date. Exported
 * for the test that builds a file as an older relay left it.
 */
export const MIGRATIONS: readonly string[] = [
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
  // 2: identity (src/auth/): signing keys, invites, revocations, neighbourhoods.
  `CREATE TABLE keys (
     kid         TEXT    PRIMARY KEY,
     public_jwk  TEXT    NOT NULL,
     private_jwk TEXT    NOT NULL,
     created_at  INTEGER NOT NULL,
     retired_at  INTEGER,
     used_until  INTEGER NOT NULL
   );
   CREATE UNIQUE INDEX keys_one_current ON keys ((retired_at IS NULL)) WHERE retired_at IS NULL;
   CREATE TABLE invites (
     code        TEXT    PRIMARY KEY,
     nb          TEXT    NOT NULL,
     role        TEXT    NOT NULL,
     uses_left   INTEGER NOT NULL,
     expires_at  INTEGER NOT NULL,
     created_at  INTEGER NOT NULL
   );
   CREATE TABLE revocations (
     sub         TEXT    PRIMARY KEY,
     revoked_at  INTEGER NOT NULL
   );
   CREATE TABLE neighbourhoods (
     slug        TEXT    PRIMARY KEY,
     name        TEXT    NOT NULL,
     villages    TEXT    NOT NULL,
     kiosk_reads_community INTEGER NOT NULL DEFAULT 0,
     created_at  INTEGER NOT NULL
   );`,
  // 3: personal calendar-feed keys (src/feeds/), stored as SHA-256; one per member and nb.
  `CREATE TABLE calendar_keys (
     key_hash    TEXT    PRIMARY KEY,
     sub         TEXT    NOT NULL,
     nb          TEXT    NOT NULL,
     created_at  INTEGER NOT NULL
   );
   CREATE UNIQUE INDEX calendar_keys_one_per_member ON calendar_keys (sub, nb);`,
  // 4: contact requests between members (src/contacts/); `data` is the whole request as
  // JSON, `status` and the members are columns to find them by.
  `CREATE TABLE contact_requests (
     id          TEXT    PRIMARY KEY,
     nb          TEXT    NOT NULL,
     from_sub    TEXT    NOT NULL,
     to_sub      TEXT    NOT NULL,
     status      TEXT    NOT NULL,
     created_at  INTEGER NOT NULL,
     data        TEXT    NOT NULL
   );
   CREATE INDEX contact_requests_from ON contact_requests (nb, from_sub);
   CREATE INDEX contact_requests_to ON contact_requests (nb, to_sub);`,
  // 5: members (src/members/): who joined which neighbourhood, so moderators act on theirs.
  `CREATE TABLE members (
     sub         TEXT    PRIMARY KEY,
     nb          TEXT    NOT NULL,
     role        TEXT    NOT NULL,
     name        TEXT    NOT NULL,
     joined_at   INTEGER NOT NULL
   );`,
  // 6: directory fields a member shows to moderators only (src/directory/), as JSON.
  `CREATE TABLE private_profiles (
     nb          TEXT    NOT NULL,
     sub         TEXT    NOT NULL,
     data        TEXT    NOT NULL,
     updated_at  INTEGER NOT NULL,
     PRIMARY KEY (nb, sub)
   );`,
  // 7: a suspension ends by itself (unix seconds); NULL: revoked for good.
  `ALTER TABLE revocations ADD COLUMN ends_at INTEGER;`,
  // 8: kiosk sign-in codes (auth/device-codes.ts), open for minutes; `approved_by` is the
  // approver as JSON, NULL while pending.
  `CREATE TABLE device_codes (
     device_hash TEXT    PRIMARY KEY,
     user_code   TEXT    NOT NULL UNIQUE,
     nb          TEXT    NOT NULL,
     kiosk       TEXT    NOT NULL,
     expires_at  INTEGER NOT NULL,
     approved_by TEXT
   );`,
  // 9: the update log kept in order of room, then seq (WITHOUT ROWID), so that a room's
  // rows share pages: folding one room's log used to rewrite a page of nearly every room's
  // (7 ms instead of 0.3 ms per compaction, 100 rooms). Seq numbers come from one counter
  // that never goes back, as AUTOINCREMENT's did: a compaction deletes a room's rows up to
  // the last seq it folded, so a new row must never get a number at or below it.
  `CREATE TABLE update_log (
     room       TEXT    NOT NULL,
     seq        INTEGER NOT NULL,
     data       BLOB    NOT NULL,
     created_at INTEGER NOT NULL,
     PRIMARY KEY (room, seq)
   ) WITHOUT ROWID;
   INSERT INTO update_log (room, seq, data, created_at)
     SELECT room, seq, data, created_at FROM updates;
   CREATE TABLE update_seq (last INTEGER NOT NULL);
   INSERT INTO update_seq (last) SELECT max(
     coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'updates'), 0),
     coalesce((SELECT max(seq) FROM updates), 0),
     coalesce((SELECT max(folded_seq) FROM snapshots), 0));
   DROP TABLE updates;
   ALTER TABLE update_log RENAME TO updates;`,
  // 10: appends go to a journal in order of seq, so that a commit writes a page or two
  // however many rooms it holds (kept by room, a commit of 55 updates from 100 rooms wrote
  // 55 pages: 0.96 instead of 0.33 ms). The writer moves the journal into `updates` every
  // JOURNAL_ROWS rows, where a room's rows still share pages for its compactions. A room's
  // log is what both hold (`all_updates`).
  `CREATE TABLE update_journal (
     seq        INTEGER PRIMARY KEY,
     room       TEXT    NOT NULL,
     data       BLOB    NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE VIEW all_updates AS
     SELECT room, seq, data FROM updates
     UNION ALL SELECT room, seq, data FROM update_journal;`,
];

export class SqliteStorage implements Storage {
  readonly file: string;
  private readonly db: Database.Database;
  private readonly stmt: {
    snapshot: Database.Statement<
      [string],
      { data: Buffer; folded_seq: number; updated_at: number }
    >;
    log: Database.Statement<[string], { seq: number; data: Buffer }>;
    count: Database.Statement<[string], { n: number }>;
    countUpTo: Database.Statement<[string, number], { n: number }>;
    /** A room's row with a given seq, in `updates` and in the journal. */
    removeOne: Database.Statement<[string, number]>[];
    /** A room's rows up to a seq, in both. */
    deleteUpTo: Database.Statement<[string, number]>[];
    upsertSnapshot: Database.Statement<[string, Buffer, number, number]>;
    rooms: Database.Statement<[], { room: string }>;
  };

  /**
   * Rows in each room's log, counted once and then kept up to date by the appends: a
   * count(*) per room and commit cost more CPU than the insert itself (~100 µs at a few
   * hundred rows). Forgotten when rows go away (compaction, removal) and counted again.
   * Only compaction reads it, so a row written meanwhile by another process (an admin
   * command) can at most move a compaction a little.
   */
  private readonly logLengths = new Map<string, number>();

  private readonly appendQueue: {
    room: string;
    update: Uint8Array;
    /** `performance.timeOrigin + performance.now()` when the append was asked for. */
    queuedAt: number;
    resolve(value: AppendResult): void;
    reject(error: unknown): void;
  }[] = [];
  /**
   * Started when the first room is loaded (a relay always loads a room before updates to
   * it arrive), so the first update after a restart does not wait for a thread to start
   * (found by the SIGKILL tests: no ack arrived before the next kill); admin commands that
   * only touch identity records never start it.
   */
  private writer: SqliteWriter | null = null;
  private readonly folder = new FoldThread();
  /** Compactions still folding or storing, which `appendsSettled` waits for too. */
  private readonly compactions = new Set<Promise<CompactResult>>();
  /** Settles after everything posted to the writer so far (it works in order). */
  private lastWrite: Promise<void> = Promise.resolve();
  private batchScheduled = false;

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
    // Erasure: SQLite overwrites deleted rows with zeros instead of only marking their space
    // free, so a purged room's old updates do not linger in free pages of the file.
    this.db.pragma('secure_delete = ON');
    this.migrate();
    this.stmt = {
      snapshot: this.db.prepare(SQL.snapshot),
      log: this.db.prepare('SELECT seq, data FROM all_updates WHERE room = ? ORDER BY seq'),
      count: this.db.prepare('SELECT count(*) AS n FROM all_updates WHERE room = ?'),
      countUpTo: this.db.prepare(
        'SELECT count(*) AS n FROM all_updates WHERE room = ? AND seq <= ?',
      ),
      removeOne: [
        this.db.prepare('DELETE FROM updates WHERE room = ? AND seq = ?'),
        this.db.prepare('DELETE FROM update_journal WHERE room = ? AND seq = ?'),
      ],
      deleteUpTo: SQL.deleteUpTo.map((sql) => this.db.prepare(sql)),
      upsertSnapshot: this.db.prepare(SQL.upsertSnapshot),
      rooms: this.db.prepare(
        'SELECT room FROM snapshots UNION SELECT room FROM all_updates ORDER BY room',
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
    this.writerFor();
    return this.db.transaction(() => {
      const updates: Uint8Array[] = [];
      const snapshot = this.stmt.snapshot.get(room);
      if (snapshot) updates.push(new Uint8Array(snapshot.data));
      const log = this.stmt.log.all(room);
      for (const row of log) updates.push(new Uint8Array(row.data));
      return { updates, logLength: log.length };
    })();
  }

  /**
   * Group commit: the appends asked for in one turn of the event loop go to the writer
   * thread together, and the writer commits everything that reached it while its previous
   * transaction was being fsynced in one transaction (sqlite-writer.ts). So a burst of
   * updates from any rooms costs one fsync, and the relay's thread never waits for one.
   * Every promise resolves only after its transaction is durable.
   */
  appendUpdate(room: string, update: Uint8Array): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      const queuedAt = performance.timeOrigin + performance.now();
      this.appendQueue.push({ room, update, queuedAt, resolve, reject });
      if (this.batchScheduled) return;
      this.batchScheduled = true;
      setImmediate(() => {
        this.batchScheduled = false;
        this.writeBatch();
      });
    });
  }

  private writeBatch(): void {
    const batch = this.appendQueue.splice(0);
    if (batch.length === 0) return;
    const written = this.writerFor().write(
      batch.map(({ room, update }) => ({ room, data: update })),
    );
    void this.track(
      written.then(
        ({ seqs, startedAt, seconds }) => {
          const lengths = this.countAppended(
            batch.map(({ room }, i) => ({ room, seq: seqs[i] as number })),
          );
          batch.forEach((entry, i) =>
            entry.resolve({
              seq: seqs[i] as number,
              logLength: lengths.get(entry.room) ?? 0,
              timing: { queuedSeconds: (startedAt - entry.queuedAt) / 1000, writeSeconds: seconds },
            }),
          );
        },
        (error: unknown) => {
          for (const entry of batch) entry.reject(error);
        },
      ),
    );
  }

  /** The writer thread, started on first use (and again if it failed). */
  private writerFor(): SqliteWriter {
    if (!this.writer?.usable) this.writer = new SqliteWriter(this.file);
    return this.writer;
  }

  /** Notes `operation` as the writer's latest, for `appendsSettled`; returns it. */
  private track<T>(operation: Promise<T>): Promise<T> {
    this.lastWrite = operation.then(
      () => {},
      () => {},
    );
    return operation;
  }

  /**
   * Adds a committed batch's rows to the known log lengths; returns them per room. A room
   * whose length is not known is counted up to this batch's last row: the writer may have
   * committed later batches already, whose replies come after this one and add their own
   * rows (counting them here too made a room compact long before its time).
   */
  private countAppended(rows: { room: string; seq: number }[]): Map<string, number> {
    const added = new Map<string, { rows: number; lastSeq: number }>();
    for (const { room, seq } of rows) {
      // The writer numbers a batch's rows in order, so a room's last row is its highest.
      added.set(room, { rows: (added.get(room)?.rows ?? 0) + 1, lastSeq: seq });
    }
    const lengths = new Map<string, number>();
    for (const [room, { rows: count, lastSeq }] of added) {
      const known = this.logLengths.get(room);
      const length =
        known === undefined ? (this.stmt.countUpTo.get(room, lastSeq)?.n ?? 0) : known + count;
      this.logLengths.set(room, length);
      lengths.set(room, length);
    }
    return lengths;
  }

  /** Resolves once every append and compaction asked for so far is stored (or refused). */
  private async appendsSettled(): Promise<void> {
    await Promise.allSettled([...this.compactions]);
    this.writeBatch();
    await this.lastWrite;
  }

  async removeUpdate(room: string, seq: number): Promise<void> {
    this.db.transaction(() => {
      for (const remove of this.stmt.removeOne) remove.run(room, seq);
    })();
    this.logLengths.delete(room);
  }

  /**
   * Reads the snapshot and log through WAL without a lock, folds them on the fold thread,
   * and lets the writer store the fold and delete exactly the rows it folded (seq <= the
   * highest seq read) in one transaction: neither the fold nor its fsync blocks the relay.
   * A crash leaves either the old snapshot + log or the new snapshot. If the snapshot
   * changed meanwhile (another process compacted, or a purge), nothing is stored.
   */
  compact(room: string): Promise<CompactResult> {
    const compaction = this.foldAndStore(room);
    this.compactions.add(compaction);
    const done = () => this.compactions.delete(compaction);
    compaction.then(done, done);
    return compaction;
  }

  private async foldAndStore(room: string): Promise<CompactResult> {
    const { snapshot, log } = this.db.transaction(() => ({
      snapshot: this.stmt.snapshot.get(room),
      log: this.stmt.log.all(room),
    }))();
    const last = log.at(-1);
    if (!last) return { folded: 0, snapshotBytes: null };
    const parts: Uint8Array[] = [];
    if (snapshot) parts.push(snapshot.data);
    for (const row of log) parts.push(row.data);
    const folded = await this.folder.fold(parts);
    const deleted = await this.track(
      this.writerFor().replaceLog({
        room,
        snapshot: folded,
        lastSeq: last.seq,
        previous: snapshot
          ? { foldedSeq: snapshot.folded_seq, updatedAt: snapshot.updated_at }
          : null,
      }),
    );
    this.logLengths.delete(room);
    return deleted === null
      ? { folded: 0, snapshotBytes: null }
      : { folded: deleted, snapshotBytes: folded.byteLength };
  }

  async purge(room: string): Promise<Uint8Array> {
    // From here to the end of the scrub nothing yields, so no batch can start in between.
    await this.appendsSettled();
    const snapshot = this.db
      .transaction(() => {
        const parts: Uint8Array[] = [];
        const old = this.stmt.snapshot.get(room);
        if (old) parts.push(new Uint8Array(old.data));
        const log = this.stmt.log.all(room);
        for (const row of log) parts.push(new Uint8Array(row.data));
        const folded = foldUpdates(parts);
        const last = log.at(-1)?.seq ?? 0;
        this.stmt.upsertSnapshot.run(room, Buffer.from(folded), last, Date.now());
        for (const remove of this.stmt.deleteUpTo) remove.run(room, last);
        this.logLengths.delete(room);
        return folded;
      })
      .immediate();
    this.scrub();
    return snapshot;
  }

  /**
   * After an erasure: deleted rows were overwritten with zeros (secure_delete), but copies
   * of their pages are still in the WAL until it is checkpointed and truncated; VACUUM then
   * rebuilds the file without free pages, and the second checkpoint empties the WAL that
   * VACUUM wrote.
   */
  private scrub(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.exec('VACUUM');
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (result?.busy) throw new Error(`${this.file}: WAL still in use, not emptied after erasure`);
  }

  async eraseMember(nb: string, sub: string): Promise<{ contactRequests: number }> {
    await this.appendsSettled();
    const erased = this.db
      .transaction(() => {
        const contacts = this.db
          .prepare('DELETE FROM contact_requests WHERE nb = ? AND (from_sub = ? OR to_sub = ?)')
          .run(nb, sub, sub).changes;
        this.db.prepare('DELETE FROM calendar_keys WHERE nb = ? AND sub = ?').run(nb, sub);
        this.db.prepare('DELETE FROM private_profiles WHERE nb = ? AND sub = ?').run(nb, sub);
        this.db.prepare('DELETE FROM members WHERE nb = ? AND sub = ?').run(nb, sub);
        return { contactRequests: contacts };
      })
      .immediate();
    this.scrub();
    return erased;
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

  // Identity records. Small tables read rarely; statements are prepared per call.

  async signingKeys(): Promise<SigningKey[]> {
    const rows = this.db.prepare('SELECT * FROM keys ORDER BY created_at').all() as KeyRow[];
    return rows.map(toKey);
  }

  async ensureCurrentKey(candidate: SigningKey): Promise<SigningKey> {
    // IMMEDIATE takes the write lock first, so a relay and `buurthub token` starting
    // together cannot both see "no key" and both insert one.
    return this.db
      .transaction(() => {
        const current = this.db.prepare('SELECT * FROM keys WHERE retired_at IS NULL').get() as
          KeyRow | undefined;
        if (current) return toKey(current);
        this.insertKey({ ...candidate, retiredAt: null });
        return { ...candidate, retiredAt: null };
      })
      .immediate();
  }

  private insertKey(key: SigningKey): void {
    this.db
      .prepare(
        `INSERT INTO keys (kid, public_jwk, private_jwk, created_at, retired_at, used_until)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(...keyValues(key));
  }

  async rotateKey(next: SigningKey, now: number): Promise<void> {
    this.db
      .transaction(() => {
        this.db.prepare('UPDATE keys SET retired_at = ? WHERE retired_at IS NULL').run(now);
        this.insertKey({ ...next, retiredAt: null });
      })
      .immediate();
  }

  async noteKeyUse(kid: string, until: number): Promise<void> {
    this.db
      .prepare('UPDATE keys SET used_until = max(used_until, ?) WHERE kid = ?')
      .run(until, kid);
  }

  async createInvite(invite: Invite): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO invites (code, nb, role, uses_left, expires_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(
        invite.code,
        invite.nb,
        invite.role,
        invite.usesLeft,
        invite.expiresAt,
        invite.createdAt,
      );
  }

  async redeemInvite(code: string, now: number): Promise<RedeemResult> {
    return this.db
      .transaction((): RedeemResult => {
        const row = this.db.prepare('SELECT * FROM invites WHERE code = ?').get(code) as
          InviteRow | undefined;
        if (!row) return { refused: 'unknown' };
        if (row.expires_at <= now) return { refused: 'expired' };
        if (row.uses_left <= 0) return { refused: 'used-up' };
        this.db.prepare('UPDATE invites SET uses_left = uses_left - 1 WHERE code = ?').run(code);
        return { invite: toInvite({ ...row, uses_left: row.uses_left - 1 }) };
      })
      .immediate();
  }

  async invites(nb?: string): Promise<Invite[]> {
    const rows = (
      nb === undefined
        ? this.db.prepare('SELECT * FROM invites ORDER BY created_at').all()
        : this.db.prepare('SELECT * FROM invites WHERE nb = ? ORDER BY created_at').all(nb)
    ) as InviteRow[];
    return rows.map(toInvite);
  }

  async createDeviceCode(
    code: DeviceCode,
    now: number,
    maxOpen: number,
  ): Promise<'created' | 'busy' | 'taken'> {
    return this.db
      .transaction(() => {
        this.db.prepare('DELETE FROM device_codes WHERE expires_at <= ?').run(now);
        const { n } = this.db.prepare('SELECT count(*) AS n FROM device_codes').get() as {
          n: number;
        };
        if (n >= maxOpen) return 'busy';
        const inserted = this.db
          .prepare(
            `INSERT INTO device_codes (device_hash, user_code, nb, kiosk, expires_at)
             VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
          )
          .run(code.deviceHash, code.userCode, code.nb, code.kiosk, code.expiresAt);
        return inserted.changes === 1 ? 'created' : 'taken';
      })
      .immediate();
  }

  async deviceCode(userCode: string): Promise<DeviceCode | null> {
    const row = this.db
      .prepare('SELECT * FROM device_codes WHERE user_code = ? AND approved_by IS NULL')
      .get(userCode) as DeviceCodeRow | undefined;
    return row ? toDeviceCode(row) : null;
  }

  async approveDeviceCode(
    userCode: string,
    approver: DeviceCodeApprover,
    now: number,
  ): Promise<boolean> {
    const approved = this.db
      .prepare(
        `UPDATE device_codes SET approved_by = ?
          WHERE user_code = ? AND approved_by IS NULL AND expires_at > ?`,
      )
      .run(JSON.stringify(approver), userCode, now);
    return approved.changes === 1;
  }

  async takeDeviceCode(deviceHash: string, now: number): Promise<DeviceCodeTake> {
    return this.db
      .transaction((): DeviceCodeTake => {
        const row = this.db
          .prepare('SELECT * FROM device_codes WHERE device_hash = ?')
          .get(deviceHash) as DeviceCodeRow | undefined;
        if (!row) return { state: 'unknown' };
        if (row.approved_by === null && row.expires_at > now) return { state: 'pending' };
        this.db.prepare('DELETE FROM device_codes WHERE device_hash = ?').run(deviceHash);
        return takenDeviceCode(row, now);
      })
      .immediate();
  }

  async revoke(sub: string, at: number, endsAt?: number): Promise<void> {
    // The end as mergedEnd (revocation-records.ts) has it, in one statement.
    this.db
      .prepare(
        `INSERT INTO revocations (sub, revoked_at, ends_at) VALUES (?, ?, ?)
         ON CONFLICT (sub) DO UPDATE SET
           revoked_at = max(revoked_at, excluded.revoked_at),
           ends_at = CASE WHEN ends_at IS NULL OR excluded.ends_at IS NULL THEN NULL
                          ELSE max(ends_at, excluded.ends_at) END`,
      )
      .run(sub, at, endsAt ?? null);
  }

  async revocations(): Promise<Map<string, number>> {
    return revokedAtBySub(await this.revocationRecords());
  }

  async revocationRecords(): Promise<RevocationRecord[]> {
    const rows = this.db
      .prepare(
        'SELECT sub, revoked_at, ends_at FROM revocations WHERE ends_at IS NULL OR ends_at > ?',
      )
      .all(nowInSeconds()) as { sub: string; revoked_at: number; ends_at: number | null }[];
    return rows.map((row) => ({ sub: row.sub, revokedAt: row.revoked_at, endsAt: row.ends_at }));
  }

  async putNeighbourhood(neighbourhood: Neighbourhood): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO neighbourhoods (slug, name, villages, kiosk_reads_community, created_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (slug) DO UPDATE SET name = excluded.name, villages = excluded.villages,
           kiosk_reads_community = excluded.kiosk_reads_community`,
      )
      .run(
        neighbourhood.slug,
        neighbourhood.name,
        JSON.stringify(neighbourhood.villages),
        neighbourhood.kioskReadsCommunity ? 1 : 0,
        neighbourhood.createdAt,
      );
  }

  async neighbourhood(slug: string): Promise<Neighbourhood | null> {
    const row = this.db.prepare('SELECT * FROM neighbourhoods WHERE slug = ?').get(slug) as
      NeighbourhoodRow | undefined;
    return row ? toNeighbourhood(row) : null;
  }

  async neighbourhoods(): Promise<Neighbourhood[]> {
    const rows = this.db
      .prepare('SELECT * FROM neighbourhoods ORDER BY slug')
      .all() as NeighbourhoodRow[];
    return rows.map(toNeighbourhood);
  }

  async setCalendarKey(key: CalendarKey): Promise<void> {
    this.db
      .transaction(() => {
        this.db.prepare('DELETE FROM calendar_keys WHERE sub = ? AND nb = ?').run(key.sub, key.nb);
        this.db
          .prepare('INSERT INTO calendar_keys (key_hash, sub, nb, created_at) VALUES (?, ?, ?, ?)')
          .run(key.keyHash, key.sub, key.nb, key.createdAt);
      })
      .immediate();
  }

  async calendarKey(keyHash: string): Promise<CalendarKey | null> {
    const row = this.db
      .prepare('SELECT key_hash, sub, nb, created_at FROM calendar_keys WHERE key_hash = ?')
      .get(keyHash) as CalendarKeyRow | undefined;
    return row ? toCalendarKey(row) : null;
  }

  async putMember(member: Member): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO members (sub, nb, role, name, joined_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (sub) DO UPDATE SET nb = excluded.nb, role = excluded.role, name = excluded.name`,
      )
      .run(member.sub, member.nb, member.role, member.name, member.joinedAt);
  }

  async member(sub: string): Promise<Member | null> {
    const row = this.db
      .prepare('SELECT sub, nb, role, name, joined_at FROM members WHERE sub = ?')
      .get(sub) as MemberRow | undefined;
    return row ? toMember(row) : null;
  }

  async putPrivateProfile(profile: PrivateProfile): Promise<void> {
    if (Object.keys(profile.fields).length === 0) {
      this.db
        .prepare('DELETE FROM private_profiles WHERE nb = ? AND sub = ?')
        .run(profile.nb, profile.sub);
      return;
    }
    this.db
      .prepare(
        `INSERT INTO private_profiles (nb, sub, data, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (nb, sub) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
      )
      .run(profile.nb, profile.sub, JSON.stringify(profile.fields), profile.updatedAt);
  }

  async privateProfiles(nb: string, sub?: string): Promise<PrivateProfile[]> {
    const rows = (
      sub === undefined
        ? this.db
            .prepare('SELECT nb, sub, data, updated_at FROM private_profiles WHERE nb = ?')
            .all(nb)
        : this.db
            .prepare(
              'SELECT nb, sub, data, updated_at FROM private_profiles WHERE nb = ? AND sub = ?',
            )
            .all(nb, sub)
    ) as { nb: string; sub: string; data: string; updated_at: number }[];
    return rows.map((row) => ({
      nb: row.nb,
      sub: row.sub,
      fields: JSON.parse(row.data) as Record<string, unknown>,
      updatedAt: row.updated_at,
    }));
  }

  async createContactRequest(request: ContactRequest): Promise<'created' | 'exists'> {
    return this.db
      .transaction((): 'created' | 'exists' => {
        const open = this.db
          .prepare(
            `SELECT 1 FROM contact_requests WHERE nb = ? AND status IN ('pending', 'accepted')
               AND ((from_sub = ? AND to_sub = ?) OR (from_sub = ? AND to_sub = ?))`,
          )
          .get(request.nb, request.from, request.to, request.to, request.from);
        if (open) return 'exists';
        this.db
          .prepare(
            `INSERT INTO contact_requests (id, nb, from_sub, to_sub, status, created_at, data)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(...contactRequestValues(request));
        return 'created';
      })
      .immediate();
  }

  async contactRequest(id: string): Promise<ContactRequest | null> {
    const row = this.db.prepare('SELECT data FROM contact_requests WHERE id = ?').get(id) as
      { data: string } | undefined;
    return row ? (JSON.parse(row.data) as ContactRequest) : null;
  }

  async contactRequests(nb: string, sub?: string): Promise<ContactRequest[]> {
    const rows = this.db
      .prepare(
        `SELECT data FROM contact_requests
          WHERE nb = ? AND (? IS NULL OR from_sub = ? OR to_sub = ?)
          ORDER BY created_at DESC, id DESC`,
      )
      .all(nb, sub ?? null, sub ?? null, sub ?? null) as { data: string }[];
    return rows.map((row) => JSON.parse(row.data) as ContactRequest);
  }

  async answerContactRequest(id: string, answer: ContactAnswer): Promise<ContactRequest | null> {
    return this.db
      .transaction((): ContactRequest | null => {
        const row = this.db
          .prepare("SELECT data FROM contact_requests WHERE id = ? AND status = 'pending'")
          .get(id) as { data: string } | undefined;
        if (!row) return null;
        const answered: ContactRequest = {
          ...(JSON.parse(row.data) as ContactRequest),
          status: answer.status,
          toContact: answer.toContact,
          answeredAt: answer.at,
        };
        this.db
          .prepare('UPDATE contact_requests SET status = ?, data = ? WHERE id = ?')
          .run(answered.status, JSON.stringify(answered), id);
        return answered;
      })
      .immediate();
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    await this.appendsSettled();
    await this.writer?.close();
    this.writer = null;
    await this.folder.close();
    if (this.db.open) this.db.close();
  }
}
