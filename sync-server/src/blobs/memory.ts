/** Blobs in memory: the twin of `DiskBlobStore` for tests and throwaway relays. */
import { Readable } from 'node:stream';
import {
  BlobIntake,
  type BlobHandle,
  type BlobLimits,
  type BlobStore,
  type PutResult,
  type StoredBlob,
  type StoredEntry,
} from './blob-store.js';

export class MemoryBlobStore implements BlobStore {
  private readonly blobs = new Map<string, { info: StoredBlob; bytes: Buffer; storedAt: number }>();

  async has(hash: string): Promise<boolean> {
    return this.blobs.has(hash);
  }

  async size(hash: string): Promise<number | null> {
    return this.blobs.get(hash)?.info.size ?? null;
  }

  async put(hash: string, body: AsyncIterable<Uint8Array>, limits: BlobLimits): Promise<PutResult> {
    const existing = this.blobs.get(hash);
    if (existing) return { ...existing.info, created: false };
    const intake = new BlobIntake(hash, limits);
    const chunks: Buffer[] = [];
    for await (const chunk of body) {
      intake.push(chunk); // throws before the limit is passed, so memory stays bounded
      chunks.push(Buffer.from(chunk));
    }
    const info = intake.finish();
    this.blobs.set(hash, { info, bytes: Buffer.concat(chunks), storedAt: Date.now() });
    return { ...info, created: true };
  }

  async get(hash: string): Promise<BlobHandle | null> {
    const blob = this.blobs.get(hash);
    if (!blob) return null;
    return {
      ...blob.info,
      read: (range) =>
        Readable.from([range ? blob.bytes.subarray(range.start, range.end + 1) : blob.bytes]),
    };
  }

  async *list(): AsyncIterable<StoredEntry> {
    for (const [hash, blob] of this.blobs) {
      yield { hash, size: blob.info.size, storedAt: blob.storedAt };
    }
  }

  async delete(hash: string): Promise<boolean> {
    return this.blobs.delete(hash);
  }
}
