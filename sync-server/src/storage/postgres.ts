/**
 * Storage in PostgreSQL for the scaled-out mode: every relay process (and every admin
 * command) given the same `--postgres` URL shares rooms, identity records and blobs.
 *
 * - Rooms: an `updates` log (one row per committed Yjs update, `bigserial` id) and one
 *   garbage-collected snapshot per room, like the SQLite file.
 * - Compaction folds the rows it read and deletes exactly those rows, by id: ids come from a
 *   sequence and commit out of order across processes, so "everything up to the highest id
 *   read" could include a row another process committed after the read.
 * - Migrations are versioned and run under a session advisory lock, so several processes
 *   starting at once apply each migration exactly once.
 * - A `schema` (option, or `?schema=` in the URL) puts everything in one PostgreSQL schema;
 *   tests use one schema each and drop it afterwards.
 *
 * Durability: `appendUpdate` resolves after PostgreSQL's COMMIT returned, which with the
 * default `synchronous_commit = on` means the row is in PostgreSQL's fsync'd WAL.
 */
import pg from 'pg';
import { FoldThread } from './fold.js';
import { nowInSeconds, revokedAtBySub } from './revocation-records.js';
import type {
  RevocationRecord,
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

export interface PostgresOptions {
  /** `postgres://user@host:port/db`, optionally with `?schema=name`. */
  url: string;
  /** PostgreSQL schema for every table (default: `schema` from the URL, else `public`). */
  schema?: string;
  /** Pool size per process. Default 10. */
  maxConnections?: number;
  /** Give up on a connection attempt (or a query) after this long. Default 5000 / 15000. */
  connectTimeoutMs?: number;
  queryTimeoutMs?: number;
}

/**
 * Ordered schema migrations; the index + 1 is the version. Append only: a released
 * migration is never edited.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE updates (
     id          bigserial PRIMARY KEY,
     room        text      NOT NULL,
     data        bytea     NOT NULL,
     created_at  bigint    NOT NULL
   );
   CREATE INDEX updates_by_room ON updates (room, id);
   CREATE TABLE snapshots (
     room        text      PRIMARY KEY,
     data        bytea     NOT NULL,
     updated_at  bigint    NOT NULL
   );
   CREATE TABLE keys (
     kid         text      PRIMARY KEY,
     public_jwk  text      NOT NULL,
     private_jwk text      NOT NULL,
     created_at  bigint    NOT NULL,
     retired_at  bigint,
     used_until  bigint    NOT NULL
   );
   CREATE UNIQUE INDEX keys_one_current ON keys ((retired_at IS NULL)) WHERE retired_at IS NULL;
   CREATE TABLE invites (
     code        text      PRIMARY KEY,
     nb          text      NOT NULL,
     role        text      NOT NULL,
     uses_left   integer   NOT NULL,
     expires_at  bigint    NOT NULL,
     created_at  bigint    NOT NULL
   );
   CREATE TABLE revocations (
     sub         text      PRIMARY KEY,
     revoked_at  bigint    NOT NULL
   );
   CREATE TABLE neighbourhoods (
     slug        text      PRIMARY KEY,
     name        text      NOT NULL,
     villages    jsonb     NOT NULL,
     kiosk_reads_community boolean NOT NULL DEFAULT false,
     created_at  bigint    NOT NULL
   );
   CREATE TABLE calendar_keys (
     key_hash    text      PRIMARY KEY,
     sub         text      NOT NULL,
     nb          text      NOT NULL,
     created_at  bigint    NOT NULL
   );
   CREATE UNIQUE INDEX calendar_keys_one_per_member ON calendar_keys (sub, nb);`,
  // 2: photos and videos (blobs/postgres.ts), so every relay process serves every blob.
  `CREATE TABLE blobs (
     hash        text      PRIMARY KEY,
     size        bigint    NOT NULL,
     mime        text      NOT NULL,
     kind        text      NOT NULL,
     data        bytea     NOT NULL,
     created_at  bigint    NOT NULL
   );`,
  // 3: contact requests between members (src/contacts/), as in SQLite migration 4.
  `CREATE TABLE contact_requests (
     id          text      PRIMARY KEY,
     nb          text      NOT NULL,
     from_sub    text      NOT NULL,
     to_sub      text      NOT NULL,
     status      text      NOT NULL,
     created_at  bigint    NOT NULL,
     data        jsonb     NOT NULL
   );
   CREATE INDEX contact_requests_from ON contact_requests (nb, from_sub);
   CREATE INDEX contact_requests_to ON contact_requests (nb, to_sub);`,
  // 4: members (src/members/), as in SQLite migration 5.
  `CREATE TABLE members (
     sub         text      PRIMARY KEY,
     nb          text      NOT NULL,
     role        text      NOT NULL,
     name        text      NOT NULL,
     joined_at   bigint    NOT NULL
   );`,
  // 5: moderator-only directory fields (src/directory/), as in SQLite migration 6.
  `CREATE TABLE private_profiles (
     nb          text      NOT NULL,
     sub         text      NOT NULL,
     data        jsonb     NOT NULL,
     updated_at  bigint    NOT NULL,
     PRIMARY KEY (nb, sub)
   );`,
  // 6: a suspension ends by itself, as in SQLite migration 7.
  `ALTER TABLE revocations ADD COLUMN ends_at bigint;`,
  // 7: kiosk sign-in codes, shared by every process, as in SQLite migration 8.
  `CREATE TABLE device_codes (
     device_hash text   PRIMARY KEY,
     user_code   text   NOT NULL UNIQUE,
     nb          text   NOT NULL,
     kiosk       text   NOT NULL,
     expires_at  bigint NOT NULL,
     approved_by jsonb
   );`,
];

/** bigint (int8) and count(*) as JS numbers: every value here fits in 2^53. */
const TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

/** `^[a-z_][a-z0-9_]*$`: schema names are spliced into SQL, so only plain identifiers. */
export function isSchemaName(name: string): boolean {
  return /^[a-z_][a-z0-9_]{0,62}$/.test(name);
}

/** Splits `?schema=` off a connection URL (pg would pass unknown parameters on). */
export function parsePostgresUrl(url: string): { url: string; schema: string | undefined } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`not a PostgreSQL URL: ${url.replace(/:[^:@/]*@/, ':***@')}`);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new Error(`a PostgreSQL URL starts with postgres://, got ${parsed.protocol}`);
  }
  const schema = parsed.searchParams.get('schema') ?? undefined;
  parsed.searchParams.delete('schema');
  return { url: parsed.href, schema };
}

/** Hides the password of a URL for logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

export class PostgresStorage implements Storage {
  readonly pool: pg.Pool;
  readonly schema: string;
  private readonly connection: pg.ClientConfig;
  /** For logs: the URL without password. */
  readonly description: string;

  private constructor(options: PostgresOptions) {
    const { url, schema } = parsePostgresUrl(options.url);
    this.schema = options.schema ?? schema ?? 'public';
    if (!isSchemaName(this.schema)) throw new Error(`not a plain schema name: ${this.schema}`);
    this.description = `${redactUrl(url)} (schema ${this.schema})`;
    this.connection = {
      connectionString: url,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      query_timeout: options.queryTimeoutMs ?? 15_000,
      // Every connection works in the schema; `public` stays on the path for extensions.
      options: `-c search_path=${this.schema},public`,
      types: TYPES,
    };
    this.pool = new pg.Pool({ ...this.connection, max: options.maxConnections ?? 10 });
    // An idle connection that dies (PostgreSQL restarted, network cut) is only reported
    // here; the pool drops it and the next query opens a new one.
    this.pool.on('error', () => {});
  }

  /** Connects, creates the schema if needed and brings it up to date. */
  static async open(options: PostgresOptions | string): Promise<PostgresStorage> {
    const storage = new PostgresStorage(typeof options === 'string' ? { url: options } : options);
    try {
      await storage.migrate();
    } catch (error) {
      await storage.pool.end().catch(() => {});
      throw error;
    }
    return storage;
  }

  /**
   * On a connection of its own, not the pool's, so that every pool connection is opened
   * after the schema and its tables exist. In CI, five processes starting together once
   * had one whose pool connection, opened before another process created the schema, did
   * not find the `keys` table right after migrating (the cause is not proven; a connection
   * that resolved its search path before the schema existed is the likeliest).
   */
  private async migrate(): Promise<void> {
    const client = new pg.Client(this.connection);
    await client.connect();
    try {
      // Session lock, per schema: processes that start together queue here, and each
      // finds the migrations the first one applied.
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [
        `buurthub-migrate:${this.schema}`,
      ]);
      try {
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`);
        await client.query(
          `CREATE TABLE IF NOT EXISTS ${this.schema}.schema_version (
             version integer PRIMARY KEY, applied_at bigint NOT NULL)`,
        );
        const current = await this.versionOf(client);
        if (current > MIGRATIONS.length) {
          throw new Error(
            `PostgreSQL schema ${this.schema} has version ${current}, newer than this relay knows (${MIGRATIONS.length}); update buurthub`,
          );
        }
        for (let version = current + 1; version <= MIGRATIONS.length; version++) {
          await client.query('BEGIN');
          try {
            await client.query(MIGRATIONS[version - 1] as string);
            await client.query(
              `INSERT INTO ${this.schema}.schema_version (version, applied_at) VALUES ($1, $2)`,
              [version, Date.now()],
            );
            await client.query('COMMIT');
          } catch (error) {
            await client.query('ROLLBACK').catch(() => {});
            throw error;
          }
        }
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [
          `buurthub-migrate:${this.schema}`,
        ]);
      }
    } finally {
      await client.end();
    }
  }

  private async versionOf(client: pg.ClientBase | pg.Pool): Promise<number> {
    const { rows } = await client.query<{ v: number | null }>(
      `SELECT max(version) AS v FROM ${this.schema}.schema_version`,
    );
    return rows[0]?.v ?? 0;
  }

  /** The schema version (number of applied migrations). */
  schemaVersion(): Promise<number> {
    return this.versionOf(this.pool);
  }

  /** Runs `work` in one transaction on one connection. */
  private async transaction<T>(
    work: (client: pg.PoolClient) => Promise<T>,
    begin = 'BEGIN',
  ): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query(begin);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      // A connection that could not even roll back is not given to the next caller.
      client.release(broken);
    }
  }

  async loadRoom(room: string): Promise<StoredRoom> {
    // One snapshot of the database: a compaction committing in between cannot make us read
    // the new snapshot together with rows it already folded, nor the old one without them.
    return this.transaction(async (client) => {
      const updates: Uint8Array[] = [];
      const snapshot = await client.query<{ data: Buffer }>(
        'SELECT data FROM snapshots WHERE room = $1',
        [room],
      );
      if (snapshot.rows[0]) updates.push(new Uint8Array(snapshot.rows[0].data));
      const log = await client.query<{ data: Buffer }>(
        'SELECT data FROM updates WHERE room = $1 ORDER BY id',
        [room],
      );
      for (const row of log.rows) updates.push(new Uint8Array(row.data));
      return { updates, logLength: log.rows.length };
    }, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  }

  async appendUpdate(
    room: string,
    update: Uint8Array,
  ): Promise<{ seq: number; logLength: number }> {
    const { rows } = await this.pool.query<{ id: number; n: number }>(
      `WITH ins AS (
         INSERT INTO updates (room, data, created_at) VALUES ($1, $2, $3) RETURNING id
       )
       SELECT id, (SELECT count(*) FROM updates WHERE room = $1) + 1 AS n FROM ins`,
      [room, Buffer.from(update.buffer, update.byteOffset, update.byteLength), Date.now()],
    );
    const row = rows[0];
    if (!row) throw new Error('insert returned no row');
    return { seq: row.id, logLength: row.n };
  }

  async removeUpdate(room: string, seq: number): Promise<void> {
    await this.pool.query('DELETE FROM updates WHERE room = $1 AND id = $2', [room, seq]);
  }

  /** Folds off the relay's thread, as SQLite does (fold.ts). */
  private readonly folder = new FoldThread();

  async compact(room: string): Promise<CompactResult> {
    return this.transaction(async (client) => {
      // Compactions of one room (by any process) take turns: two folding at once would
      // each write a snapshot without the other's rows.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `buurthub-compact:${this.schema}:${room}`,
      ]);
      const log = await client.query<{ id: number; data: Buffer }>(
        'SELECT id, data FROM updates WHERE room = $1 ORDER BY id',
        [room],
      );
      if (log.rows.length === 0) return { folded: 0, snapshotBytes: null };
      const parts: Uint8Array[] = [];
      const snapshot = await client.query<{ data: Buffer }>(
        'SELECT data FROM snapshots WHERE room = $1',
        [room],
      );
      if (snapshot.rows[0]) parts.push(new Uint8Array(snapshot.rows[0].data));
      for (const row of log.rows) parts.push(new Uint8Array(row.data));
      const folded = await this.folder.fold(parts);
      await client.query(
        `INSERT INTO snapshots (room, data, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (room) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
        [room, Buffer.from(folded), Date.now()],
      );
      // Exactly the rows read, by id; rows committed meanwhile stay in the log.
      const deleted = await client.query('DELETE FROM updates WHERE id = ANY($1::bigint[])', [
        log.rows.map((row) => row.id),
      ]);
      return { folded: deleted.rowCount ?? 0, snapshotBytes: folded.byteLength };
    });
  }

  async purge(room: string): Promise<Uint8Array> {
    const snapshot = await this.transaction(async (client) => {
      // The same lock as compaction: a fold running meanwhile would write a snapshot that
      // still holds what this purge erases.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `buurthub-compact:${this.schema}:${room}`,
      ]);
      const parts: Uint8Array[] = [];
      const old = await client.query<{ data: Buffer }>(
        'SELECT data FROM snapshots WHERE room = $1',
        [room],
      );
      if (old.rows[0]) parts.push(new Uint8Array(old.rows[0].data));
      const log = await client.query<{ id: number; data: Buffer }>(
        'SELECT id, data FROM updates WHERE room = $1 ORDER BY id',
        [room],
      );
      for (const row of log.rows) parts.push(new Uint8Array(row.data));
      const folded = await this.folder.fold(parts);
      await client.query(
        `INSERT INTO snapshots (room, data, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (room) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
        [room, Buffer.from(folded), Date.now()],
      );
      // By id, as in compaction: a row another process commits meanwhile is not in this
      // fold and must stay (its room reloads after the purge notice and gets it).
      await client.query('DELETE FROM updates WHERE id = ANY($1::bigint[])', [
        log.rows.map((row) => row.id),
      ]);
      return folded;
    });
    // Dead row versions keep the old bytes in the table's pages until VACUUM frees them
    // (and later writes reuse the space); the WAL and base backups keep them until they
    // are recycled (docs/operations.md, "Erasure").
    await this.pool.query('VACUUM updates, snapshots');
    return snapshot;
  }

  async eraseMember(nb: string, sub: string): Promise<{ contactRequests: number }> {
    return this.transaction(async (client) => {
      const contacts = await client.query(
        'DELETE FROM contact_requests WHERE nb = $1 AND (from_sub = $2 OR to_sub = $2)',
        [nb, sub],
      );
      await client.query('DELETE FROM calendar_keys WHERE nb = $1 AND sub = $2', [nb, sub]);
      await client.query('DELETE FROM private_profiles WHERE nb = $1 AND sub = $2', [nb, sub]);
      await client.query('DELETE FROM members WHERE nb = $1 AND sub = $2', [nb, sub]);
      return { contactRequests: contacts.rowCount ?? 0 };
    });
  }

  async stats(room: string): Promise<RoomStats> {
    const { rows } = await this.pool.query<{ n: number; s: boolean }>(
      `SELECT (SELECT count(*) FROM updates WHERE room = $1) AS n,
              EXISTS (SELECT 1 FROM snapshots WHERE room = $1) AS s`,
      [room],
    );
    return { logLength: rows[0]?.n ?? 0, hasSnapshot: rows[0]?.s ?? false };
  }

  async rooms(): Promise<string[]> {
    const { rows } = await this.pool.query<{ room: string }>(
      'SELECT room FROM snapshots UNION SELECT DISTINCT room FROM updates ORDER BY room',
    );
    return rows.map((row) => row.room);
  }

  // Identity records.

  async signingKeys(): Promise<SigningKey[]> {
    const { rows } = await this.pool.query<KeyRow>('SELECT * FROM keys ORDER BY created_at');
    return rows.map(toKey);
  }

  private async insertKey(client: pg.PoolClient, key: SigningKey): Promise<void> {
    await client.query(
      `INSERT INTO keys (kid, public_jwk, private_jwk, created_at, retired_at, used_until)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      keyValues(key),
    );
  }

  private lockKeys(client: pg.PoolClient): Promise<unknown> {
    return client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `buurthub-keys:${this.schema}`,
    ]);
  }

  async ensureCurrentKey(candidate: SigningKey): Promise<SigningKey> {
    // Relays and `buurthub token` starting together take turns, so only one key is made.
    return this.transaction(async (client) => {
      await this.lockKeys(client);
      const { rows } = await client.query<KeyRow>('SELECT * FROM keys WHERE retired_at IS NULL');
      if (rows[0]) return toKey(rows[0]);
      const key = { ...candidate, retiredAt: null };
      await this.insertKey(client, key);
      return key;
    });
  }

  async rotateKey(next: SigningKey, now: number): Promise<void> {
    await this.transaction(async (client) => {
      await this.lockKeys(client);
      await client.query('UPDATE keys SET retired_at = $1 WHERE retired_at IS NULL', [now]);
      await this.insertKey(client, { ...next, retiredAt: null });
    });
  }

  async noteKeyUse(kid: string, until: number): Promise<void> {
    await this.pool.query('UPDATE keys SET used_until = GREATEST(used_until, $1) WHERE kid = $2', [
      until,
      kid,
    ]);
  }

  async createInvite(invite: Invite): Promise<void> {
    await this.pool.query(
      `INSERT INTO invites (code, nb, role, uses_left, expires_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [invite.code, invite.nb, invite.role, invite.usesLeft, invite.expiresAt, invite.createdAt],
    );
  }

  async redeemInvite(code: string, now: number): Promise<RedeemResult> {
    // One statement: concurrent redemptions on different processes cannot both take the
    // last use.
    const used = await this.pool.query<InviteRow>(
      `UPDATE invites SET uses_left = uses_left - 1
       WHERE code = $1 AND expires_at > $2 AND uses_left > 0 RETURNING *`,
      [code, now],
    );
    if (used.rows[0]) return { invite: toInvite(used.rows[0]) };
    const { rows } = await this.pool.query<InviteRow>('SELECT * FROM invites WHERE code = $1', [
      code,
    ]);
    const row = rows[0];
    if (!row) return { refused: 'unknown' };
    return { refused: row.expires_at <= now ? 'expired' : 'used-up' };
  }

  async invites(nb?: string): Promise<Invite[]> {
    const { rows } =
      nb === undefined
        ? await this.pool.query<InviteRow>('SELECT * FROM invites ORDER BY created_at, code')
        : await this.pool.query<InviteRow>(
            'SELECT * FROM invites WHERE nb = $1 ORDER BY created_at, code',
            [nb],
          );
    return rows.map(toInvite);
  }

  async createDeviceCode(
    code: DeviceCode,
    now: number,
    maxOpen: number,
  ): Promise<'created' | 'busy' | 'taken'> {
    return this.transaction(async (client) => {
      // Creations take turns, so processes creating at once cannot pass the limit together.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `buurthub-device-codes:${this.schema}`,
      ]);
      await client.query('DELETE FROM device_codes WHERE expires_at <= $1', [now]);
      const { rows } = await client.query<{ n: number }>('SELECT count(*) AS n FROM device_codes');
      if ((rows[0]?.n ?? 0) >= maxOpen) return 'busy';
      const inserted = await client.query(
        `INSERT INTO device_codes (device_hash, user_code, nb, kiosk, expires_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [code.deviceHash, code.userCode, code.nb, code.kiosk, code.expiresAt],
      );
      return inserted.rowCount === 1 ? 'created' : 'taken';
    });
  }

  async deviceCode(userCode: string): Promise<DeviceCode | null> {
    const { rows } = await this.pool.query<DeviceCodeRow>(
      'SELECT * FROM device_codes WHERE user_code = $1 AND approved_by IS NULL',
      [userCode],
    );
    return rows[0] ? toDeviceCode(rows[0]) : null;
  }

  async approveDeviceCode(
    userCode: string,
    approver: DeviceCodeApprover,
    now: number,
  ): Promise<boolean> {
    const approved = await this.pool.query(
      `UPDATE device_codes SET approved_by = $2
        WHERE user_code = $1 AND approved_by IS NULL AND expires_at > $3`,
      [userCode, JSON.stringify(approver), now],
    );
    return approved.rowCount === 1;
  }

  async takeDeviceCode(deviceHash: string, now: number): Promise<DeviceCodeTake> {
    // One statement removes what the poll answers: two polls at once cannot both get it.
    const taken = await this.pool.query<DeviceCodeRow>(
      `DELETE FROM device_codes
        WHERE device_hash = $1 AND (approved_by IS NOT NULL OR expires_at <= $2) RETURNING *`,
      [deviceHash, now],
    );
    if (taken.rows[0]) return takenDeviceCode(taken.rows[0], now);
    const { rows } = await this.pool.query('SELECT 1 FROM device_codes WHERE device_hash = $1', [
      deviceHash,
    ]);
    return { state: rows.length > 0 ? 'pending' : 'unknown' };
  }

  async revoke(sub: string, at: number, endsAt?: number): Promise<void> {
    // The end as mergedEnd (revocation-records.ts) has it, in one statement.
    await this.pool.query(
      `INSERT INTO revocations (sub, revoked_at, ends_at) VALUES ($1, $2, $3)
       ON CONFLICT (sub) DO UPDATE
         SET revoked_at = GREATEST(revocations.revoked_at, excluded.revoked_at),
             ends_at = CASE WHEN revocations.ends_at IS NULL OR excluded.ends_at IS NULL
                            THEN NULL
                            ELSE GREATEST(revocations.ends_at, excluded.ends_at) END`,
      [sub, at, endsAt ?? null],
    );
  }

  async revocations(): Promise<Map<string, number>> {
    return revokedAtBySub(await this.revocationRecords());
  }

  async revocationRecords(): Promise<RevocationRecord[]> {
    const { rows } = await this.pool.query<{
      sub: string;
      revoked_at: number;
      ends_at: number | null;
    }>('SELECT sub, revoked_at, ends_at FROM revocations WHERE ends_at IS NULL OR ends_at > $1', [
      nowInSeconds(),
    ]);
    return rows.map((row) => ({ sub: row.sub, revokedAt: row.revoked_at, endsAt: row.ends_at }));
  }

  async putNeighbourhood(neighbourhood: Neighbourhood): Promise<void> {
    await this.pool.query(
      `INSERT INTO neighbourhoods (slug, name, villages, kiosk_reads_community, created_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (slug) DO UPDATE SET name = excluded.name, villages = excluded.villages,
         kiosk_reads_community = excluded.kiosk_reads_community`,
      [
        neighbourhood.slug,
        neighbourhood.name,
        JSON.stringify(neighbourhood.villages),
        neighbourhood.kioskReadsCommunity,
        neighbourhood.createdAt,
      ],
    );
  }

  async neighbourhood(slug: string): Promise<Neighbourhood | null> {
    const { rows } = await this.pool.query<NeighbourhoodRow>(
      'SELECT * FROM neighbourhoods WHERE slug = $1',
      [slug],
    );
    return rows[0] ? toNeighbourhood(rows[0]) : null;
  }

  async neighbourhoods(): Promise<Neighbourhood[]> {
    const { rows } = await this.pool.query<NeighbourhoodRow>(
      'SELECT * FROM neighbourhoods ORDER BY slug',
    );
    return rows.map(toNeighbourhood);
  }

  async setCalendarKey(key: CalendarKey): Promise<void> {
    await this.transaction(async (client) => {
      await client.query('DELETE FROM calendar_keys WHERE sub = $1 AND nb = $2', [key.sub, key.nb]);
      await client.query(
        'INSERT INTO calendar_keys (key_hash, sub, nb, created_at) VALUES ($1, $2, $3, $4)',
        [key.keyHash, key.sub, key.nb, key.createdAt],
      );
    });
  }

  async calendarKey(keyHash: string): Promise<CalendarKey | null> {
    const { rows } = await this.pool.query<CalendarKeyRow>(
      'SELECT key_hash, sub, nb, created_at FROM calendar_keys WHERE key_hash = $1',
      [keyHash],
    );
    return rows[0] ? toCalendarKey(rows[0]) : null;
  }

  async putMember(member: Member): Promise<void> {
    await this.pool.query(
      `INSERT INTO members (sub, nb, role, name, joined_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (sub) DO UPDATE SET nb = excluded.nb, role = excluded.role, name = excluded.name`,
      [member.sub, member.nb, member.role, member.name, member.joinedAt],
    );
  }

  async member(sub: string): Promise<Member | null> {
    const { rows } = await this.pool.query<MemberRow>(
      'SELECT sub, nb, role, name, joined_at FROM members WHERE sub = $1',
      [sub],
    );
    return rows[0] ? toMember(rows[0]) : null;
  }

  async putPrivateProfile(profile: PrivateProfile): Promise<void> {
    if (Object.keys(profile.fields).length === 0) {
      await this.pool.query('DELETE FROM private_profiles WHERE nb = $1 AND sub = $2', [
        profile.nb,
        profile.sub,
      ]);
      return;
    }
    await this.pool.query(
      `INSERT INTO private_profiles (nb, sub, data, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (nb, sub) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
      [profile.nb, profile.sub, JSON.stringify(profile.fields), profile.updatedAt],
    );
  }

  async privateProfiles(nb: string, sub?: string): Promise<PrivateProfile[]> {
    const { rows } = await this.pool.query<{
      nb: string;
      sub: string;
      data: Record<string, unknown>;
      updated_at: number;
    }>(
      `SELECT nb, sub, data, updated_at FROM private_profiles
        WHERE nb = $1 AND ($2::text IS NULL OR sub = $2)`,
      [nb, sub ?? null],
    );
    return rows.map((row) => ({
      nb: row.nb,
      sub: row.sub,
      fields: row.data,
      updatedAt: row.updated_at,
    }));
  }

  async createContactRequest(request: ContactRequest): Promise<'created' | 'exists'> {
    return this.transaction(async (client) => {
      // One request per pair at a time: serialise creations for this pair of members.
      const pair = [request.from, request.to].sort().join('|');
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${request.nb}|${pair}`]);
      const { rows } = await client.query(
        `SELECT 1 FROM contact_requests WHERE nb = $1 AND status IN ('pending', 'accepted')
           AND ((from_sub = $2 AND to_sub = $3) OR (from_sub = $3 AND to_sub = $2))`,
        [request.nb, request.from, request.to],
      );
      if (rows.length > 0) return 'exists';
      await client.query(
        `INSERT INTO contact_requests (id, nb, from_sub, to_sub, status, created_at, data)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        contactRequestValues(request),
      );
      return 'created';
    });
  }

  async contactRequest(id: string): Promise<ContactRequest | null> {
    const { rows } = await this.pool.query<{ data: ContactRequest }>(
      'SELECT data FROM contact_requests WHERE id = $1',
      [id],
    );
    return rows[0]?.data ?? null;
  }

  async contactRequests(nb: string, sub?: string): Promise<ContactRequest[]> {
    const { rows } = await this.pool.query<{ data: ContactRequest }>(
      `SELECT data FROM contact_requests
        WHERE nb = $1 AND ($2::text IS NULL OR from_sub = $2 OR to_sub = $2)
        ORDER BY created_at DESC, id DESC`,
      [nb, sub ?? null],
    );
    return rows.map((row) => row.data);
  }

  async answerContactRequest(id: string, answer: ContactAnswer): Promise<ContactRequest | null> {
    const { rows } = await this.pool.query<{ data: ContactRequest }>(
      `UPDATE contact_requests
          SET status = $2,
              data = data || jsonb_build_object('status', $2::text, 'toContact', $3::jsonb, 'answeredAt', $4::bigint)
        WHERE id = $1 AND status = 'pending'
        RETURNING data`,
      [id, answer.status, JSON.stringify(answer.toContact), answer.at],
    );
    return rows[0]?.data ?? null;
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  private closed: Promise<void> | null = null;
  close(): Promise<void> {
    this.closed ??= this.pool.end().then(() => this.folder.close());
    return this.closed;
  }

  /** Drops the whole schema (tests clean up with this). */
  async dropSchema(): Promise<void> {
    await this.pool.query(`DROP SCHEMA IF EXISTS ${this.schema} CASCADE`);
  }
}
