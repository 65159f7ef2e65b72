/**
 * How the relay sends one file of the built PWA: a validator (ETag and Last-Modified, so a
 * revalidating browser gets a 304 without the body) and, for text files, a brotli or gzip
 * body. Each file is compressed once, off the event loop, and kept in memory until it
 * changes on disk; requests after the first only pick the cached bytes.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export type Encoding = 'br' | 'gzip';

/** What the relay knows of a file on disk (from one `stat`). */
export interface FileInfo {
  path: string;
  size: number;
  mtimeMs: number;
}

/** Response headers the caller decided on (type, caching). */
export interface FileHeaders {
  'Content-Type': string;
  'Cache-Control': string;
}

/** Text is worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json|xml)|image\/svg\+xml)/;
/** Below this a compressed body saves less than its headers cost. */
const MIN_COMPRESS_BYTES = 1024;
/** Larger files are streamed as they are rather than held in memory. */
const MAX_COMPRESS_BYTES = 8 * 1024 * 1024;
/** Files kept compressed; the app has about 50, old deploys' files fall out. */
const MAX_CACHED_FILES = 256;

interface Compressed {
  /** Which version of the file these bytes are of. */
  version: string;
  bodies: Promise<Partial<Record<Encoding, Buffer>>>;
}

const compressed = new Map<string, Compressed>();

function version(file: FileInfo): string {
  return `${file.size.toString(16)}-${Math.trunc(file.mtimeMs).toString(16)}`;
}

/**
 * The encoding to send for an `Accept-Encoding` header: brotli before gzip, nothing for a
 * client that accepts neither (or refuses both with `q=0`).
 */
export function chooseEncoding(header: string | undefined): Encoding | null {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q !== undefined && !(Number(q.slice(2)) > 0)) continue;
    accepted.add(name.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return null;
}

async function compress(path: string): Promise<Partial<Record<Encoding, Buffer>>> {
  const raw = await readFile(path);
  const [br, gz] = await Promise.all([
    brotli(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.byteLength,
      },
    }),
    gzipAsync(raw, { level: 9 }),
  ]);
  // A body that does not shrink is not worth the client's decompression.
  return {
    ...(br.byteLength < raw.byteLength ? { br } : {}),
    ...(gz.byteLength < raw.byteLength ? { gzip: gz } : {}),
  };
}

/** The compressed bodies of this version of the file, compressing it on first use. */
function compressedBodies(file: FileInfo): Promise<Partial<Record<Encoding, Buffer>>> {
  const current = version(file);
  const cached = compressed.get(file.path);
  compressed.delete(file.path);
  if (cached?.version === current) {
    compressed.set(file.path, cached); // most recently used last
    return cached.bodies;
  }
  const entry: Compressed = {
    version: current,
    bodies: compress(file.path).catch(() => {
      // Unreadable right now (replaced mid-deploy): send it uncompressed, try again next time.
      if (compressed.get(file.path) === entry) compressed.delete(file.path);
      return {};
    }),
  };
  compressed.set(file.path, entry);
  for (const path of compressed.keys()) {
    if (compressed.size <= MAX_CACHED_FILES) break;
    compressed.delete(path);
  }
  return entry.bodies;
}

/** Whether the client's cached copy (If-None-Match, else If-Modified-Since) is this one. */
function notModified(req: IncomingMessage, etag: string, lastModified: string): boolean {
  const match = req.headers['if-none-match'];
  if (match !== undefined) {
    return match
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .some((tag) => tag === '*' || tag === etag);
  }
  const since = req.headers['if-modified-since'];
  return since !== undefined && Date.parse(since) >= Date.parse(lastModified);
}

/** Answers a GET or HEAD for `file` with validators, 304s and a compressed body if it can. */
export async function sendStaticFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: FileInfo,
  headers: FileHeaders,
): Promise<void> {
  // One ETag for all encodings: a 304 carries no body, so the encoding does not matter.
  const etag = `"${version(file)}"`;
  const lastModified = new Date(file.mtimeMs).toUTCString();
  const compressible =
    COMPRESSIBLE.test(headers['Content-Type']) &&
    file.size >= MIN_COMPRESS_BYTES &&
    file.size <= MAX_COMPRESS_BYTES;
  const common = {
    ...headers,
    ETag: etag,
    'Last-Modified': lastModified,
    ...(compressible ? { Vary: 'Accept-Encoding' } : {}),
  };
  if (notModified(req, etag, lastModified)) {
    res.writeHead(304, common);
    res.end();
    return;
  }
  const encoding = compressible ? chooseEncoding(req.headers['accept-encoding']) : null;
  const body = encoding ? (await compressedBodies(file))[encoding] : undefined;
  if (encoding && body) {
    res.writeHead(200, { ...common, 'Content-Encoding': encoding, 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  res.writeHead(200, { ...common, 'Content-Length': file.size });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file.path);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
