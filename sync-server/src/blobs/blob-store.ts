/**
 * The relay's content-addressed blob store for photos and videos: a blob's name is the
 * SHA-256 of its bytes (64 lowercase hex digits), so a name says exactly what it holds,
 * a blob never changes, and uploading it twice stores it once.
 *
 * Implementations: `DiskBlobStore` (embedded default, `<data>/blobs/`, next to the SQLite
 * file) and `MemoryBlobStore` (tests, throwaway relays). The scaled-out mode will keep
 * blobs in PostgreSQL so that every relay process sees them; that implementation comes
 * with the PostgreSQL storage and is not written yet.
 *
 * Every implementation checks an upload with `BlobIntake` while it streams in: size
 * limit, type by content and hash, before anything becomes visible under the name.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { type SniffedType, SNIFF_BYTES, sniffBlobType } from './sniff.js';

/** `^[0-9a-f]{64}$`: lowercase hex SHA-256, the only valid blob name. */
export function isBlobName(name: string): boolean {
  return /^[0-9a-f]{64}$/.test(name);
}

export interface BlobLimits {
  /** Largest blob of any type, in bytes (videos). */
  maxBlobBytes: number;
  /** Largest image, in bytes; images are judged by their first bytes, so early. */
  maxImageBytes: number;
}

export interface StoredBlob {
  hash: string;
  size: number;
  type: SniffedType;
}

export interface PutResult extends StoredBlob {
  /** False when the blob was already there (nothing was written). */
  created: boolean;
}

/** An inclusive byte range, as HTTP `Range: bytes=start-end` means it. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface BlobHandle extends StoredBlob {
  /** The blob's bytes (or one range of them) as a stream; each call opens a new one. */
  read(range?: ByteRange): Readable;
}

export type BlobRejectReason = 'too-large' | 'unsupported-type' | 'hash-mismatch';

/** An upload the store refused; nothing of it was kept. */
export class BlobRejected extends Error {
  constructor(
    readonly reason: BlobRejectReason,
    message: string,
  ) {
    super(message);
    this.name = 'BlobRejected';
  }
}

export interface BlobStore {
  has(hash: string): Promise<boolean>;
  /** The stored size in bytes, or null for an unknown blob. */
  size(hash: string): Promise<number | null>;
  /**
   * Streams `body` in, checking it with `BlobIntake`; the blob becomes visible under
   * `hash` only once it is complete, verified and durable. Rejects with `BlobRejected`.
   * A blob that already exists is not rewritten (`created: false`).
   */
  put(hash: string, body: AsyncIterable<Uint8Array>, limits: BlobLimits): Promise<PutResult>;
  get(hash: string): Promise<BlobHandle | null>;
  /** Every stored blob with its size and when it was stored (ms), for garbage collection. */
  list(): AsyncIterable<StoredEntry>;
  /** Removes a blob for good; false when it was not there (any more). */
  delete(hash: string): Promise<boolean>;
}

export interface StoredEntry {
  hash: string;
  size: number;
  /** When the blob was stored, ms since the epoch. */
  storedAt: number;
}

/**
 * Checks an upload chunk by chunk: counts bytes against the limits (the image limit as
 * soon as the first bytes show it is an image), refuses unknown formats as soon as there
 * are enough bytes to tell, and hashes everything, so nothing has to be buffered.
 */
export class BlobIntake {
  private readonly hasher = createHash('sha256');
  private head = new Uint8Array(0);
  private sniffed: SniffedType | null = null;
  bytes = 0;

  constructor(
    readonly expectedHash: string,
    readonly limits: BlobLimits,
  ) {}

  /** Takes the next chunk; throws `BlobRejected` as soon as the upload cannot be valid. */
  push(chunk: Uint8Array): void {
    this.bytes += chunk.byteLength;
    if (this.bytes > this.limits.maxBlobBytes) {
      throw new BlobRejected('too-large', `blob larger than ${this.limits.maxBlobBytes} bytes`);
    }
    this.hasher.update(chunk);
    if (!this.sniffed && this.head.length < SNIFF_BYTES) {
      const head = new Uint8Array(Math.min(SNIFF_BYTES, this.head.length + chunk.byteLength));
      head.set(this.head);
      head.set(chunk.subarray(0, head.length - this.head.length), this.head.length);
      this.head = head;
      if (head.length >= SNIFF_BYTES) this.sniffed = this.sniff();
    }
    if (this.sniffed?.kind === 'image' && this.bytes > this.limits.maxImageBytes) {
      throw new BlobRejected('too-large', `image larger than ${this.limits.maxImageBytes} bytes`);
    }
  }

  /** After the last chunk: the blob's type and size, or `BlobRejected` (hash, type). */
  finish(): StoredBlob {
    const type = this.sniffed ?? this.sniff();
    const digest = this.hasher.digest('hex');
    if (digest !== this.expectedHash) {
      throw new BlobRejected('hash-mismatch', `body hashes to ${digest}, not to its name`);
    }
    return { hash: digest, size: this.bytes, type };
  }

  private sniff(): SniffedType {
    const type = sniffBlobType(this.head);
    if (!type) {
      throw new BlobRejected(
        'unsupported-type',
        'not a JPEG, PNG or WebP image, nor an MP4 or WebM video',
      );
    }
    return type;
  }
}
