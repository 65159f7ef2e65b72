/**
 * Blobs as files next to the SQLite database: `<data>/blobs/<first two hex>/<hash>`.
 * An upload is written to `<data>/blobs/tmp/`, fsync'd, and renamed into place (atomic on
 * one filesystem), then the directory is fsync'd: a crash leaves either no blob or the
 * whole verified blob, never a partial file under a valid name. Leftover temp files from
 * a crash are removed when the store opens.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  BlobIntake,
  type BlobHandle,
  type BlobLimits,
  type BlobStore,
  type PutResult,
  type StoredEntry,
  isBlobName,
} from './blob-store.js';
import { SNIFF_BYTES, sniffBlobType } from './sniff.js';

export const BLOB_DIR = 'blobs';
const TEMP_DIR = 'tmp';
/** Temp files older than this at start-up belong to an upload that died with a process. */
const STALE_TEMP_MS = 60 * 60_000;

export class DiskBlobStore implements BlobStore {
  private readonly tempDir: string;

  constructor(readonly dir: string) {
    this.tempDir = join(dir, TEMP_DIR);
    mkdirSync(this.tempDir, { recursive: true });
    const now = Date.now();
    for (const name of readdirSync(this.tempDir)) {
      const path = join(this.tempDir, name);
      try {
        if (now - statSync(path).mtimeMs > STALE_TEMP_MS) rmSync(path, { force: true });
      } catch {
        // Another process finished or removed it meanwhile: nothing to clean.
      }
    }
  }

  /** Where a blob lives; `hash` must be a valid name (checked, since it becomes a path). */
  pathOf(hash: string): string {
    if (!isBlobName(hash)) throw new Error(`not a blob name: ${hash}`);
    return join(this.dir, hash.slice(0, 2), hash);
  }

  async has(hash: string): Promise<boolean> {
    return (await this.size(hash)) !== null;
  }

  async size(hash: string): Promise<number | null> {
    try {
      const info = await stat(this.pathOf(hash));
      return info.isFile() ? info.size : null;
    } catch {
      return null;
    }
  }

  async put(hash: string, body: AsyncIterable<Uint8Array>, limits: BlobLimits): Promise<PutResult> {
    const final = this.pathOf(hash);
    const existing = await this.get(hash);
    if (existing) return { ...existing, created: false };

    const intake = new BlobIntake(hash, limits);
    const temp = join(this.tempDir, `${hash}.${randomUUID()}.part`);
    const file = await open(temp, 'wx', 0o644);
    let closed = false;
    try {
      for await (const chunk of body) {
        intake.push(chunk);
        await file.write(chunk);
      }
      const stored = intake.finish();
      await file.sync();
      await file.close();
      closed = true;
      await mkdir(dirname(final), { recursive: true });
      // Same bytes under the same name whoever wins a concurrent upload, so a rename over
      // a blob that appeared meanwhile changes nothing a reader could notice.
      await rename(temp, final);
      await syncDirectory(dirname(final));
      return { ...stored, created: true };
    } catch (error) {
      if (!closed) await file.close().catch(() => {});
      await unlink(temp).catch(() => {});
      throw error;
    }
  }

  /** Blobs under `<first two hex>/<hash>`; the file's mtime is when it was stored. */
  async *list(): AsyncIterable<StoredEntry> {
    for (const prefix of await readdir(this.dir)) {
      if (!/^[0-9a-f]{2}$/.test(prefix)) continue; // tmp/ and anything put there by hand
      for (const hash of await readdir(join(this.dir, prefix)).catch(() => [])) {
        if (!isBlobName(hash) || !hash.startsWith(prefix)) continue;
        const info = await stat(join(this.dir, prefix, hash)).catch(() => null);
        if (info?.isFile()) yield { hash, size: info.size, storedAt: info.mtimeMs };
      }
    }
  }

  async delete(hash: string): Promise<boolean> {
    try {
      await unlink(this.pathOf(hash));
      return true;
    } catch {
      return false;
    }
  }

  async get(hash: string): Promise<BlobHandle | null> {
    const path = this.pathOf(hash);
    let file;
    try {
      file = await open(path, 'r');
    } catch {
      return null;
    }
    try {
      const info = await file.stat();
      if (!info.isFile()) return null;
      const head = new Uint8Array(Math.min(SNIFF_BYTES, info.size));
      await file.read(head, 0, head.length, 0);
      const type = sniffBlobType(head);
      // Only verified blobs are ever renamed into place; a file that does not sniff was
      // put there by hand and is not served.
      if (!type) return null;
      return {
        hash,
        size: info.size,
        type,
        read: (range) =>
          createReadStream(path, range ? { start: range.start, end: range.end } : {}),
      };
    } finally {
      await file.close();
    }
  }
}

/** fsync of a directory makes a rename in it durable (Linux); skipped where unsupported. */
async function syncDirectory(path: string): Promise<void> {
  let dir;
  try {
    dir = await open(path, 'r');
    await dir.sync();
  } catch {
    // Windows cannot open directories for fsync; NTFS journals the rename itself.
  } finally {
    await dir?.close();
  }
}
