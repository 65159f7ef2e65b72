/**
 * The blob endpoints on the relay's HTTP port:
 *
 *   PUT  /blobs/<sha256>   member token (Bearer) -> 201 stored, 200 already there
 *   GET  /blobs/<sha256>   the blob, public by hash, cached forever (immutable); Range
 *   HEAD /blobs/<sha256>
 *   GET  /blobs/limits     {maxImageBytes, maxVideoBytes}: what PUT accepts (public)
 *
 * GETs need no token: a blob's name is its SHA-256, 256 bits nobody can guess, and media
 * of members-only posts are protected only by that (docs/protocol.md, known limitation).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MediaLimits } from '@buurthub/shared';
import { authenticateMember, isBearerRefusal } from '../auth/bearer.js';
import type { KeyStore } from '../auth/keys.js';
import type { Logger } from '../log.js';
import type { RelayMetrics } from '../metrics.js';
import type { Storage } from '../storage/storage.js';
import {
  BlobRejected,
  type BlobHandle,
  type BlobLimits,
  type BlobStore,
  type ByteRange,
  isBlobName,
} from './blob-store.js';

export const BLOB_CACHE_CONTROL = 'public, max-age=31536000, immutable';

export interface BlobRoutesOptions {
  store: BlobStore;
  storage: Storage;
  keys: KeyStore;
  limits: BlobLimits;
  metrics: RelayMetrics;
  log: Logger;
}

/** Why a blob request was refused: the `reason` label of `buurthub_blobs_rejected_total`. */
export type BlobRefusalReason =
  | 'unauthorized'
  | 'forbidden'
  | 'bad-name'
  | 'too-large'
  | 'unsupported-type'
  | 'hash-mismatch'
  | 'aborted';

function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  closeConnection = false,
): void {
  const text = JSON.stringify({ error: code, message });
  const headers: Record<string, string | number> = {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
  };
  // The rest of a refused body is not worth reading: let the socket go after the answer.
  if (closeConnection) headers.Connection = 'close';
  res.writeHead(status, headers);
  res.end(text);
}

/**
 * One `Range: bytes=…` range within `size`, 'unsatisfiable', or null to send the whole
 * blob (no header, several ranges, or a unit we do not serve; RFC 9110 allows ignoring).
 */
export function parseRange(
  header: string | undefined,
  size: number,
): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

function serve(req: IncomingMessage, res: ServerResponse, blob: BlobHandle): void {
  const etag = `"${blob.hash}"`;
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', BLOB_CACHE_CONTROL);
  res.setHeader('Content-Type', blob.type.mime);
  res.setHeader('Content-Disposition', 'inline');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Accept-Ranges', 'bytes');
  const inm = req.headers['if-none-match'];
  if (
    inm &&
    (inm.trim() === '*' || inm.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag))
  ) {
    res.writeHead(304);
    res.end();
    return;
  }
  // If-Range with another validator means "the whole thing"; ours never changes, though.
  const ifRange = req.headers['if-range'];
  const range =
    ifRange === undefined || ifRange === etag ? parseRange(req.headers.range, blob.size) : null;
  if (range === 'unsatisfiable') {
    res.writeHead(416, { 'Content-Range': `bytes */${blob.size}`, 'Content-Length': 0 });
    res.end();
    return;
  }
  if (range) {
    res.writeHead(206, {
      'Content-Range': `bytes ${range.start}-${range.end}/${blob.size}`,
      'Content-Length': range.end - range.start + 1,
    });
  } else {
    res.writeHead(200, { 'Content-Length': blob.size });
  }
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = blob.read(range ?? undefined);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/** Resolves true when it answered the request (its path is under `/blobs/`). */
export function createBlobRoutes(
  options: BlobRoutesOptions,
): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const { store, storage, keys, limits, metrics, log } = options;

  const refuse = (reason: BlobRefusalReason) => metrics.rejectBlob(reason);

  async function upload(req: IncomingMessage, res: ServerResponse, hash: string): Promise<void> {
    // A body without Content-Length could go on forever: after a refusal, close instead
    // of reading the rest. A declared one (checked against the limit first) is drained, so
    // the client reads the answer instead of a reset connection.
    const declared = Number(req.headers['content-length'] ?? NaN);
    const bounded = Number.isFinite(declared);
    const member = await authenticateMember(req, keys, storage);
    if (isBearerRefusal(member)) {
      refuse(member.status === 401 ? 'unauthorized' : 'forbidden');
      if (member.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
      return sendError(res, member.status, member.code, member.message, !bounded);
    }
    // Already stored: nothing to read, nothing to write (uploads are idempotent).
    const size = await store.size(hash);
    if (size !== null) {
      res.setHeader('Location', `/blobs/${hash}`);
      const blob = await store.get(hash);
      return sendJsonBody(res, 200, { hash, size, type: blob?.type.mime ?? null, created: false });
    }
    if (bounded && declared > limits.maxBlobBytes) {
      refuse('too-large');
      return sendError(
        res,
        413,
        'too-large',
        `blob larger than ${limits.maxBlobBytes} bytes`,
        true,
      );
    }
    try {
      // Not `for await (… of req)`: leaving that loop early destroys the socket, and the
      // client would see a reset instead of the 413/415/400 below.
      const body = req.iterator({ destroyOnReturn: false }) as AsyncIterableIterator<Uint8Array>;
      const stored = await store.put(hash, body, limits);
      if (stored.created) {
        metrics.blobsStored.inc();
        metrics.blobBytesStored.inc(stored.size);
        log.info(`blob ${hash} stored (${stored.size} bytes, ${stored.type.mime})`, {
          blob: hash,
          bytes: stored.size,
          type: stored.type.mime,
          sub: member.sub,
        });
      }
      res.setHeader('Location', `/blobs/${hash}`);
      sendJsonBody(res, stored.created ? 201 : 200, {
        hash,
        size: stored.size,
        type: stored.type.mime,
        created: stored.created,
      });
    } catch (error) {
      if (error instanceof BlobRejected) {
        refuse(error.reason);
        const status =
          error.reason === 'too-large' ? 413 : error.reason === 'unsupported-type' ? 415 : 400;
        log.warn(`blob ${hash} refused: ${error.message}`, { blob: hash, reason: error.reason });
        sendError(res, status, error.reason, error.message, !bounded);
        if (bounded) req.resume(); // at most the declared size, which is within the limit
        return;
      }
      if (req.destroyed || req.readableAborted) {
        refuse('aborted'); // the client went away mid-upload; the temp file is gone
        return;
      }
      throw error;
    }
  }

  return async (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path !== '/blobs' && !path.startsWith('/blobs/')) return false;
    const name = path.slice('/blobs/'.length);
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD' && method !== 'PUT') {
      res.setHeader('Allow', 'GET, HEAD, PUT');
      sendError(res, 405, 'method-not-allowed', 'Use GET, HEAD or PUT');
      return true;
    }
    if (name === 'limits' && method !== 'PUT') {
      // Public, like the relay's other settings: the app refuses a too-large file up front.
      const body: MediaLimits = {
        maxImageBytes: limits.maxImageBytes,
        maxVideoBytes: limits.maxBlobBytes,
      };
      sendJsonBody(res, 200, body);
      return true;
    }
    if (!isBlobName(name)) {
      refuse('bad-name');
      sendError(
        res,
        400,
        'bad-name',
        'A blob name is the SHA-256 of its bytes: 64 lowercase hex digits',
        method === 'PUT',
      );
      return true;
    }
    if (method === 'PUT') {
      await upload(req, res, name);
      return true;
    }
    const blob = await store.get(name);
    if (!blob) {
      sendError(res, 404, 'not-found', 'No blob with this hash');
      return true;
    }
    serve(req, res, blob);
    return true;
  };
}

function sendJsonBody(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}
