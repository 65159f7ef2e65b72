import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { mediaLimitsSchema } from '@buurthub/shared';
import { BlobRejected, DiskBlobStore, MemoryBlobStore, type BlobStore } from '../src/index.js';
import { metric } from './helpers/http.js';
import { media, sha256 } from './helpers/media.js';
import { startRelay, type TestRelay } from './helpers/relay.js';
import { tempDir } from './helpers/temp.js';
import { tokenFor } from './helpers/tokens.js';

const NB = 'maasburen';

interface Upload {
  token?: string | null;
  type?: string;
  name?: string;
  /** Send the body as a stream without Content-Length (chunked). */
  chunked?: boolean;
}

async function upload(relay: TestRelay, bytes: Buffer, options: Upload = {}) {
  const headers: Record<string, string> = {
    'content-type': options.type ?? 'application/octet-stream',
  };
  const token =
    options.token === undefined ? await tokenFor(relay.storage, NB, 'resident') : options.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const body = options.chunked
    ? (Readable.toWeb(
        Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]),
      ) as ReadableStream)
    : bytes;
  const res = await fetch(`${relay.url}/blobs/${options.name ?? sha256(bytes)}`, {
    method: 'PUT',
    headers,
    body,
    ...(options.chunked ? { duplex: 'half' } : {}),
  } as RequestInit);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

function blobFiles(relay: TestRelay): string[] {
  const dir = join(relay.dataDir, 'blobs');
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the blob store on the relay', () => {
  let relay: TestRelay;
  afterEach(() => relay?.dispose());

  it('stores a photo a resident uploads and serves it to anyone with immutable caching', async () => {
    relay = await startRelay();
    const photo = media.jpeg();
    const hash = sha256(photo);
    const put = await upload(relay, photo, { type: 'image/jpeg' });
    expect(put.status).toBe(201);
    expect(put.body).toMatchObject({ hash, size: photo.length, type: 'image/jpeg', created: true });

    const res = await fetch(`${relay.url}/blobs/${hash}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('etag')).toBe(`"${hash}"`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toBe('inline');
    expect(Buffer.from(await res.arrayBuffer()).equals(photo)).toBe(true);

    const head = await fetch(`${relay.url}/blobs/${hash}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(photo.length));
    expect((await head.arrayBuffer()).byteLength).toBe(0);

    const again = await fetch(`${relay.url}/blobs/${hash}`, {
      headers: { 'if-none-match': `"${hash}"` },
    });
    expect(again.status).toBe(304);
  });

  it('keeps the photo as one file under blobs/<first two hex>/<hash> that survives a restart', async () => {
    const dir = tempDir();
    try {
      const { createRelay, silentLogger } = await import('../src/index.js');
      const first = await createRelay({
        port: 0,
        host: '127.0.0.1',
        dataDir: dir.path,
        log: silentLogger,
      });
      const photo = media.png();
      const hash = sha256(photo);
      const token = await tokenFor(first.storage, NB, 'moderator');
      const put = await fetch(`${first.url}/blobs/${hash}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}` },
        body: photo,
      });
      expect(put.status).toBe(201);
      await first.close();
      expect(existsSync(join(dir.path, 'blobs', hash.slice(0, 2), hash))).toBe(true);

      const second = await createRelay({
        port: 0,
        host: '127.0.0.1',
        dataDir: dir.path,
        log: silentLogger,
      });
      try {
        const res = await fetch(`${second.url}/blobs/${hash}`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('image/png');
        expect(Buffer.from(await res.arrayBuffer()).equals(photo)).toBe(true);
      } finally {
        await second.close();
      }
    } finally {
      dir.remove();
    }
  });

  it('treats uploading the same photo twice as done, without writing it again', async () => {
    relay = await startRelay();
    const photo = media.webp();
    const hash = sha256(photo);
    expect((await upload(relay, photo)).status).toBe(201);
    const file = join(relay.dataDir, 'blobs', hash.slice(0, 2), hash);
    const written = statSync(file);
    const second = await upload(relay, photo, {
      token: await tokenFor(relay.storage, 'heumen', 'official'),
    });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ hash, created: false, type: 'image/webp' });
    const after = statSync(file);
    expect(after.ino).toBe(written.ino);
    expect(after.mtimeMs).toBe(written.mtimeMs);
    const text = await (await fetch(`${relay.url}/metrics`)).text();
    expect(metric(text, 'buurthub_blobs_stored_total')).toBe(1);
    expect(metric(text, 'buurthub_blob_bytes_stored_total')).toBe(photo.length);
  });

  it('accepts residents, moderators and officials of any neighbourhood on the relay', async () => {
    relay = await startRelay();
    for (const [nb, role] of [
      ['maasburen', 'resident'],
      ['heumen', 'moderator'],
      ['molenhoek', 'official'],
    ] as const) {
      const put = await upload(relay, media.jpeg(), {
        token: await tokenFor(relay.storage, nb, role),
      });
      expect(put.status).toBe(201);
    }
  });

  it('refuses uploads without a valid member token and stores nothing', async () => {
    relay = await startRelay();
    const revokedSub = 'm-revoked';
    const revoked = await tokenFor(relay.storage, NB, 'resident', { sub: revokedSub });
    await relay.storage.revoke(revokedSub, Math.floor(Date.now() / 1000) + 1);
    const cases: [string | null, number, string][] = [
      [null, 401, 'token-missing'],
      ['not-a-jwt', 401, 'token-invalid'],
      [revoked, 401, 'token-revoked'],
      [await tokenFor(relay.storage, NB, 'guest'), 403, 'not-a-member'],
      [await tokenFor(relay.storage, NB, 'kiosk'), 403, 'not-a-member'],
    ];
    for (const [token, status, error] of cases) {
      const put = await upload(relay, media.jpeg(), { token });
      expect(put, `token ${token?.slice(0, 12)}`).toMatchObject({ status, body: { error } });
    }
    expect(blobFiles(relay)).toEqual([]);
    const text = await (await fetch(`${relay.url}/metrics`)).text();
    expect(metric(text, 'buurthub_blobs_rejected_total{reason="unauthorized"}')).toBe(3);
    expect(metric(text, 'buurthub_blobs_rejected_total{reason="forbidden"}')).toBe(2);
  });

  it('refuses a body that does not hash to its name and leaves nothing behind', async () => {
    relay = await startRelay();
    const photo = media.jpeg();
    const put = await upload(relay, photo, { name: sha256(media.jpeg()) });
    expect(put).toMatchObject({ status: 400, body: { error: 'hash-mismatch' } });
    expect(blobFiles(relay)).toEqual([]);
  });

  it.each([
    ['a JPEG photo', media.jpeg, 'image/jpeg'],
    ['a PNG image', media.png, 'image/png'],
    ['a WebP image', media.webp, 'image/webp'],
    ['an MP4 video', media.mp4, 'video/mp4'],
    ['a WebM video', media.webm, 'video/webm'],
  ])(
    'serves %s with the type its bytes show, whatever the uploader claimed',
    async (_, make, mime) => {
      relay = await startRelay();
      const bytes = make();
      const put = await upload(relay, bytes, { type: 'text/html' });
      expect(put).toMatchObject({ status: 201, body: { type: mime } });
      const res = await fetch(`${relay.url}/blobs/${sha256(bytes)}`);
      expect(res.headers.get('content-type')).toBe(mime);
    },
  );

  it.each([
    ['an HTML page labelled as a photo', media.html, 'image/jpeg'],
    ['an SVG with a script', media.svg, 'image/svg+xml'],
    ['a HEIC photo the app did not convert', media.heic, 'image/heic'],
    ['an empty body', () => Buffer.alloc(0), 'image/png'],
  ])('refuses %s with 415', async (_, make, type) => {
    relay = await startRelay();
    const bytes = make();
    const put = await upload(relay, bytes, { type });
    expect(put).toMatchObject({ status: 415, body: { error: 'unsupported-type' } });
    expect((await fetch(`${relay.url}/blobs/${sha256(bytes)}`)).status).toBe(404);
  });

  it('refuses images over the image limit and videos over the blob limit with 413', async () => {
    relay = await startRelay({ limits: { maxImageBytes: 64 * 1024, maxBlobBytes: 256 * 1024 } });
    expect((await upload(relay, media.jpeg(64 * 1024))).status).toBe(201);
    expect((await upload(relay, media.mp4(256 * 1024))).status).toBe(201);
    const bigPhoto = await upload(relay, media.jpeg(64 * 1024 + 1));
    expect(bigPhoto).toMatchObject({ status: 413, body: { error: 'too-large' } });
    const bigVideo = await upload(relay, media.mp4(256 * 1024 + 1));
    expect(bigVideo).toMatchObject({ status: 413, body: { error: 'too-large' } });
    const text = await (await fetch(`${relay.url}/metrics`)).text();
    expect(metric(text, 'buurthub_blobs_rejected_total{reason="too-large"}')).toBe(2);
    expect(blobFiles(relay)).toHaveLength(2);
  });

  it('tells the app its upload limits, so a too-large video is refused before it is sent', async () => {
    relay = await startRelay({ limits: { maxImageBytes: 64 * 1024, maxBlobBytes: 256 * 1024 } });
    const res = await fetch(`${relay.url}/blobs/limits`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(mediaLimitsSchema.parse(await res.json())).toEqual({
      maxImageBytes: 64 * 1024,
      maxVideoBytes: 256 * 1024,
    });
    // `limits` is not a blob name one can upload to.
    const put = await fetch(`${relay.url}/blobs/limits`, { method: 'PUT', body: 'x' });
    expect(put.status).toBe(400);
  });

  it('counts the bytes of an upload without Content-Length while they stream in', async () => {
    relay = await startRelay({ limits: { maxImageBytes: 64 * 1024, maxBlobBytes: 256 * 1024 } });
    const small = media.png(20 * 1024);
    expect((await upload(relay, small, { chunked: true })).status).toBe(201);
    const big = media.png(80 * 1024);
    const refused = await upload(relay, big, { chunked: true }).catch((error: unknown) => error);
    // The relay closes the connection after refusing a body of unknown length; the client
    // sees the 413 (or, if it was still sending, a closed connection) — never a stored blob.
    if (!(refused instanceof Error)) expect(refused.status).toBe(413);
    expect((await fetch(`${relay.url}/blobs/${sha256(big)}`)).status).toBe(404);
    expect(blobFiles(relay)).toHaveLength(1);
  });

  it('answers 400 for names that are not a lowercase SHA-256 and 404 for unknown blobs', async () => {
    relay = await startRelay();
    const photo = media.jpeg();
    for (const name of [
      'abc',
      sha256(photo).toUpperCase(),
      `${sha256(photo)}.jpg`,
      '%2e%2e%2fbuurthub.sqlite',
    ]) {
      expect((await fetch(`${relay.url}/blobs/${name}`)).status, name).toBe(400);
    }
    expect((await upload(relay, photo, { name: 'x'.repeat(64) })).status).toBe(400);
    expect((await fetch(`${relay.url}/blobs/${sha256(photo)}`)).status).toBe(404);
    expect((await fetch(`${relay.url}/blobs/${sha256(photo)}`, { method: 'DELETE' })).status).toBe(
      405,
    );
  });

  it('serves byte ranges of a video, so it can be played and scrubbed', async () => {
    relay = await startRelay();
    const video = media.mp4(10_000);
    const hash = sha256(video);
    await upload(relay, video);
    const part = await fetch(`${relay.url}/blobs/${hash}`, { headers: { range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${video.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(video.subarray(100, 200))).toBe(true);
    const tail = await fetch(`${relay.url}/blobs/${hash}`, { headers: { range: 'bytes=-10' } });
    expect(Buffer.from(await tail.arrayBuffer()).equals(video.subarray(-10))).toBe(true);
    const open = await fetch(`${relay.url}/blobs/${hash}`, { headers: { range: 'bytes=9990-' } });
    expect(open.headers.get('content-range')).toBe(`bytes 9990-9999/${video.length}`);
    const beyond = await fetch(`${relay.url}/blobs/${hash}`, {
      headers: { range: 'bytes=20000-' },
    });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${video.length}`);
  });
});

describe.each([
  [
    'on disk',
    () => {
      const dir = tempDir();
      return { store: new DiskBlobStore(dir.path) as BlobStore, cleanup: dir.remove };
    },
  ],
  ['in memory', () => ({ store: new MemoryBlobStore() as BlobStore, cleanup: () => {} })],
])('a blob store %s', (_, make) => {
  const limits = { maxBlobBytes: 1 << 20, maxImageBytes: 1 << 16 };
  const chunks = (bytes: Buffer) => [
    bytes.subarray(0, 5),
    bytes.subarray(5, 5000),
    bytes.subarray(5000),
  ];

  it('keeps a verified blob and knows its size and type', async () => {
    const { store, cleanup } = make();
    try {
      const video = media.webm(20_000);
      const hash = sha256(video);
      expect(await store.has(hash)).toBe(false);
      expect(await store.put(hash, chunks(video), limits)).toMatchObject({
        created: true,
        size: 20_000,
      });
      expect(await store.has(hash)).toBe(true);
      expect(await store.size(hash)).toBe(20_000);
      const blob = await store.get(hash);
      expect(blob?.type.mime).toBe('video/webm');
      const read: Buffer[] = [];
      for await (const chunk of blob!.read({ start: 10, end: 19 })) read.push(chunk as Buffer);
      expect(Buffer.concat(read).equals(video.subarray(10, 20))).toBe(true);
      expect(await store.put(hash, chunks(video), limits)).toMatchObject({ created: false });
    } finally {
      cleanup();
    }
  });

  it('lists what it holds with sizes and store times, and deletes a blob for good', async () => {
    const { store, cleanup } = make();
    try {
      const before = Date.now();
      const photo = media.jpeg(3000);
      const video = media.mp4(5000);
      for (const bytes of [photo, video]) await store.put(sha256(bytes), [bytes], limits);
      const listed = [];
      for await (const entry of store.list()) listed.push(entry);
      expect(
        listed.map(({ hash, size }) => ({ hash, size })).sort((a, b) => a.size - b.size),
      ).toEqual([
        { hash: sha256(photo), size: 3000 },
        { hash: sha256(video), size: 5000 },
      ]);
      for (const entry of listed) expect(entry.storedAt).toBeGreaterThanOrEqual(before - 1000);
      expect(await store.delete(sha256(photo))).toBe(true);
      expect(await store.delete(sha256(photo))).toBe(false);
      expect(await store.get(sha256(photo))).toBeNull();
      expect(await store.has(sha256(video))).toBe(true);
    } finally {
      cleanup();
    }
  });

  it('keeps nothing of a refused blob', async () => {
    const { store, cleanup } = make();
    try {
      const photo = media.png(70_000);
      const hash = sha256(photo);
      await expect(store.put(hash, chunks(photo), limits)).rejects.toBeInstanceOf(BlobRejected);
      expect(await store.has(hash)).toBe(false);
      expect(await store.get(hash)).toBeNull();
    } finally {
      cleanup();
    }
  });
});
