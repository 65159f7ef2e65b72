/**
 * `buurthub blobs gc` against real storage: SQLite with the disk blob store, and PostgreSQL
 * with its blob table (one schema per test). Blobs that a post, an event or even a link in
 * a comment refers to stay; the photo of a removed post goes once it is older than the grace
 * period; a fresh upload no document names yet stays until the grace period is over.
 */
import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type BlobStore,
  DiskBlobStore,
  PostgresBlobStore,
  PostgresStorage,
  SqliteStorage,
} from '../src/index.js';
import type { Storage } from '../src/storage/storage.js';
import { runCli } from './helpers/cli.js';
import { media, sha256 } from './helpers/media.js';
import { anna, writeNeighbourhood } from './helpers/neighbourhood.js';
import { postgresSchema } from './helpers/scaleout.js';
import { tempDir } from './helpers/temp.js';

const NB = 'maasburen';
const LIMITS = { maxBlobBytes: 1 << 20, maxImageBytes: 1 << 20 };
const DAY = 86_400_000;

async function put(store: BlobStore, bytes: Buffer): Promise<string> {
  const hash = sha256(bytes);
  await store.put(hash, [bytes], LIMITS);
  return hash;
}

const ref = (hash: string, alt: string) => ({
  hash,
  type: 'image/jpeg' as const,
  alt,
  bytes: 2048,
});

/**
 * A neighbourhood with: a post's photo, an event's photo, a blob named only in a comment's
 * link, the photo of a post that was removed, and a fresh upload nothing names yet.
 */
async function fixture(storage: Storage, store: BlobStore) {
  const blobs = {
    postPhoto: await put(store, media.jpeg()),
    eventPhoto: await put(store, media.webp()),
    linked: await put(store, media.mp4()),
    removed: await put(store, media.jpeg()),
    fresh: await put(store, media.webm()),
  };
  await writeNeighbourhood(storage, NB, ({ community }) => {
    const post = community.posts.create(
      {
        title: 'Kade',
        body: 'Water.',
        category: 'nieuws',
        photos: [ref(blobs.postPhoto, 'De kade')],
      },
      anna,
    );
    community.posts.comment(
      post.id,
      { body: `Zie ook https://buurt.example.nl/blobs/${blobs.linked}` },
      anna,
    );
    community.events.create(
      {
        title: 'Koffie',
        when: { allDay: true, startDate: '2026-02-01', endDate: '2026-02-01' },
        place: 'Buurthuis',
        photo: { ...ref(blobs.eventPhoto, 'Koffie'), type: 'image/webp' },
      },
      anna,
    );
    const gone = community.posts.create(
      { title: 'Weg', body: 'x', category: 'nieuws', photos: [ref(blobs.removed, 'Weg')] },
      anna,
    );
    community.posts.remove(gone.id, anna);
  });
  return blobs;
}

describe('buurthub blobs gc', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('deletes only unreferenced blobs past the grace period from the disk store of a SQLite relay', async () => {
    const data = tempDir('buurthub-gc-');
    cleanups.push(() => data.remove());
    const storage = new SqliteStorage(data.path);
    const store = new DiskBlobStore(join(data.path, 'blobs'));
    const blobs = await fixture(storage, store);
    await storage.close();
    const old = new Date(Date.now() - 10 * DAY);
    for (const hash of [blobs.postPhoto, blobs.eventPhoto, blobs.linked, blobs.removed]) {
      utimesSync(store.pathOf(hash), old, old);
    }

    const dry = await runCli(['blobs', 'gc', '--dry-run', '--data', data.path]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(`would delete ${blobs.removed} (2048 bytes)`);
    expect(dry.stdout.match(/would delete /g)).toHaveLength(1);
    for (const hash of Object.values(blobs)) expect(await store.has(hash)).toBe(true);

    const run = await runCli(['blobs', 'gc', '--data', data.path]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`deleted ${blobs.removed}`);
    expect(run.stdout).toContain(
      '5 blobs, 3 referenced, 1 unreferenced but younger than 7d, 1 deleted',
    );
    expect(await store.has(blobs.removed)).toBe(false);
    for (const hash of [blobs.postPhoto, blobs.eventPhoto, blobs.linked, blobs.fresh]) {
      expect(await store.has(hash)).toBe(true);
    }

    // Without a grace period the fresh, never-referenced upload goes too.
    const now = await runCli(['blobs', 'gc', '--older-than', '0', '--data', data.path]);
    expect(now.stdout).toContain(`deleted ${blobs.fresh}`);
    expect(await store.has(blobs.fresh)).toBe(false);
    expect(await store.has(blobs.postPhoto)).toBe(true);
  });

  it('deletes unreferenced blobs from the PostgreSQL blob table of a scaled-out relay', async () => {
    const made = postgresSchema();
    cleanups.push(() => made.drop());
    const storage = await PostgresStorage.open(made.url);
    cleanups.push(() => storage.close());
    const store = new PostgresBlobStore(storage.pool);
    const blobs = await fixture(storage, store);
    await storage.pool.query('UPDATE blobs SET created_at = $1 WHERE hash <> $2', [
      Date.now() - 10 * DAY,
      blobs.fresh,
    ]);

    const run = await runCli(['blobs', 'gc', '--postgres', made.url]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      '5 blobs, 3 referenced, 1 unreferenced but younger than 7d, 1 deleted',
    );
    expect(await store.has(blobs.removed)).toBe(false);
    for (const hash of [blobs.postPhoto, blobs.eventPhoto, blobs.linked, blobs.fresh]) {
      expect(await store.has(hash)).toBe(true);
    }
  });

  it('refuses a grace period it cannot read', async () => {
    const result = await runCli(['blobs', 'gc', '--older-than', 'a week']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--older-than "a week" is not like 7d, 12h or 30m');
  });
});
