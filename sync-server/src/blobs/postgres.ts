/**
 * Blobs in PostgreSQL (`bytea`), for the scaled-out mode: every relay process serves every
 * photo, whichever process took the upload. An upload is checked by `BlobIntake` while it
 * streams in and buffered (at most `maxBlobBytes`), then inserted in one statement, so a
 * blob is either complete and verified or absent. Reads fetch only the range asked for.
 */
import { Readable } from 'node:stream';
import type pg from 'pg';
import {
  BlobIntake,
  type BlobHandle,
  type BlobLimits,
  type BlobStore,
  type ByteRange,
  type PutResult,
  type StoredEntry,
  isBlobName,
} from './blob-store.js';
import type { BlobKind } from './sniff.js';

/** Bytes fetched per query while streaming a blob out. */
const READ_CHUNK = 1024 * 1024;

export class PostgresBlobStore implements BlobStore {
  /** `pool` is `PostgresStorage.pool` (its connections already use the right schema). */
  constructor(private readonly pool: pg.Pool) {}

  async has(hash: string): Promise<boolean> {
    return (await this.size(hash)) !== null;
  }

  async size(hash: string): Promise<number | null> {
    if (!isBlobName(hash)) return null;
    const { rows } = await this.pool.query<{ size: number }>(
      'SELECT size FROM blobs WHERE hash = $1',
      [hash],
    );
    return rows[0]?.size ?? null;
  }

  async put(hash: string, body: AsyncIterable<Uint8Array>, limits: BlobLimits): Promise<PutResult> {
    const existing = await this.get(hash);
    if (existing) return { hash, size: existing.size, type: existing.type, created: false };
    const intake = new BlobIntake(hash, limits);
    const chunks: Buffer[] = [];
    for await (const chunk of body) {
      intake.push(chunk); // throws before the limit is passed, so memory stays bounded
      chunks.push(Buffer.from(chunk));
    }
    const stored = intake.finish();
    // Same bytes under the same name whoever wins a concurrent upload: ignore the loser.
    const { rowCount } = await this.pool.query(
      `INSERT INTO blobs (hash, size, mime, kind, data, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (hash) DO NOTHING`,
      [hash, stored.size, stored.type.mime, stored.type.kind, Buffer.concat(chunks), Date.now()],
    );
    return { ...stored, created: (rowCount ?? 0) > 0 };
  }

  async *list(): AsyncIterable<StoredEntry> {
    // Names and sizes only: the bytes stay in the database.
    const { rows } = await this.pool.query<{ hash: string; size: number; created_at: string }>(
      'SELECT hash, size, created_at FROM blobs ORDER BY hash',
    );
    for (const row of rows) {
      yield { hash: row.hash, size: Number(row.size), storedAt: Number(row.created_at) };
    }
  }

  async delete(hash: string): Promise<boolean> {
    if (!isBlobName(hash)) return false;
    const { rowCount } = await this.pool.query('DELETE FROM blobs WHERE hash = $1', [hash]);
    return (rowCount ?? 0) > 0;
  }

  async get(hash: string): Promise<BlobHandle | null> {
    if (!isBlobName(hash)) return null;
    const { rows } = await this.pool.query<{ size: number; mime: string; kind: BlobKind }>(
      'SELECT size, mime, kind FROM blobs WHERE hash = $1',
      [hash],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      hash,
      size: row.size,
      type: { mime: row.mime, kind: row.kind },
      read: (range) => this.stream(hash, range ?? { start: 0, end: row.size - 1 }),
    };
  }

  /** The bytes of `range`, fetched a chunk at a time as the reader asks for them. */
  private stream(hash: string, range: ByteRange): Readable {
    const pool = this.pool;
    let next = range.start;
    return new Readable({
      async read() {
        if (next > range.end) {
          this.push(null);
          return;
        }
        const length = Math.min(READ_CHUNK, range.end - next + 1);
        try {
          const { rows } = await pool.query<{ part: Buffer }>(
            // substring on bytea counts from 1.
            'SELECT substring(data FROM $2::int FOR $3::int) AS part FROM blobs WHERE hash = $1',
            [hash, next + 1, length],
          );
          const part = rows[0]?.part;
          if (!part) throw new Error(`blob ${hash} disappeared while being read`);
          next += length;
          this.push(part);
        } catch (error) {
          this.destroy(error as Error);
        }
      },
    });
  }
}
