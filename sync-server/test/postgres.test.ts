/**
 * What PostgreSQL storage adds to the storage contract (storage.test.ts runs that part):
 * migrations with several processes starting at once, compaction that deletes exactly the
 * rows it folded while other processes commit, blobs in the database, and the admin
 * commands with `--postgres`. Real PostgreSQL, one schema per test.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PostgresBlobStore, PostgresStorage } from '../src/index.js';
import { lastLine, runCli } from './helpers/cli.js';
import { postgresSchema } from './helpers/scaleout.js';

const ROOM = 'maasburen/public';

/** `count` updates, each appending one entry to the `log` array. */
function edits(count: number, from = 0): { updates: Uint8Array[]; doc: Y.Doc } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = from; i < from + count; i++) doc.getArray<number>('log').push([i]);
  return { updates, doc };
}

async function entries(storage: PostgresStorage): Promise<number[]> {
  const doc = new Y.Doc();
  for (const update of (await storage.loadRoom(ROOM)).updates) Y.applyUpdate(doc, update);
  return doc.getArray<number>('log').toArray();
}

describe('PostgreSQL storage', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  function schema() {
    const made = postgresSchema();
    cleanups.push(() => made.drop());
    return made;
  }

  async function open(url: string): Promise<PostgresStorage> {
    const storage = await PostgresStorage.open(url);
    cleanups.push(() => storage.close());
    return storage;
  }

  it('migrates once when several processes start at the same moment', async () => {
    const { url } = schema();
    const all = await Promise.all(Array.from({ length: 5 }, () => open(url)));
    for (const storage of all) expect(await storage.schemaVersion()).toBe(7);
    const { rows } = await all[0]!.pool.query('SELECT count(*) AS n FROM schema_version');
    expect(rows[0].n).toBe(7);
    // Keys made concurrently: exactly one current key, whoever asked.
    const keys = await Promise.all(
      all.map((storage, i) =>
        storage.ensureCurrentKey({
          kid: `k${i}`,
          publicJwk: {},
          privateJwk: {},
          createdAt: 1,
          retiredAt: null,
          usedUntil: 0,
        }),
      ),
    );
    expect(new Set(keys.map((key) => key.kid)).size).toBe(1);
  });

  it('compacts only the rows it read, even when a row with a lower id commits later', async () => {
    const { url } = schema();
    const storage = await open(url);
    const other = await open(url);
    const { updates } = edits(6);
    for (const update of updates.slice(0, 4)) await storage.appendUpdate(ROOM, update);

    // Another process takes an id now but commits only after the compaction read the log.
    const slow = await other.pool.connect();
    await slow.query('BEGIN');
    await slow.query('INSERT INTO updates (room, data, created_at) VALUES ($1, $2, 0)', [
      ROOM,
      Buffer.from(updates[4]!),
    ]);
    await storage.appendUpdate(ROOM, updates[5]!); // a higher id, committed first
    expect(await storage.compact(ROOM)).toMatchObject({ folded: 5 });
    await slow.query('COMMIT');
    slow.release();

    expect(await storage.stats(ROOM)).toEqual({ logLength: 1, hasSnapshot: true });
    expect(await entries(storage)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(await storage.compact(ROOM)).toMatchObject({ folded: 1 });
    expect(await entries(storage)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('keeps every row when two processes compact the same room at once', async () => {
    const { url } = schema();
    const one = await open(url);
    const two = await open(url);
    const { updates } = edits(30);
    await Promise.all(updates.map((update, i) => (i % 2 ? one : two).appendUpdate(ROOM, update)));
    const results = await Promise.all([one.compact(ROOM), two.compact(ROOM)]);
    expect(results[0].folded + results[1].folded).toBe(30);
    expect(await entries(one)).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });

  it('stores blobs that every process can serve, with ranges', async () => {
    const { url } = schema();
    const storage = await open(url);
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(3000, 7),
    ]);
    const hash = createHash('sha256').update(png).digest('hex');
    const limits = { maxBlobBytes: 10_000, maxImageBytes: 10_000 };
    const store = new PostgresBlobStore(storage.pool);
    const put = await store.put(hash, [png.subarray(0, 100), png.subarray(100)], limits);
    expect(put).toMatchObject({ created: true, size: png.length, type: { mime: 'image/png' } });
    expect((await store.put(hash, [png], limits)).created).toBe(false);

    const elsewhere = new PostgresBlobStore((await open(url)).pool);
    const handle = await elsewhere.get(hash);
    expect(handle?.size).toBe(png.length);
    const read = async (range?: { start: number; end: number }) => {
      const chunks: Buffer[] = [];
      for await (const chunk of handle!.read(range)) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    };
    expect((await read()).equals(png)).toBe(true);
    expect((await read({ start: 1, end: 3 })).toString('latin1')).toBe('PNG');
    await expect(elsewhere.get('0'.repeat(64))).resolves.toBeNull();
  });
});

describe('admin commands with --postgres', { timeout: 60_000 }, () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('set up, hand out, back up and compact a neighbourhood in PostgreSQL', async () => {
    const made = postgresSchema();
    cleanups.push(() => made.drop());
    const pg = ['--postgres', made.url];
    const created = await runCli(['neighbourhood', 'create', 'heumen', '--name', 'Heumen', ...pg]);
    expect(created.code).toBe(0);
    expect((await runCli(['neighbourhood', 'list', ...pg])).stdout).toContain('heumen');

    const token = await runCli(['token', 'heumen', '--role', 'resident', ...pg]);
    expect(token.code).toBe(0);
    expect(lastLine(token.stdout)).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const invite = await runCli(['invite', 'heumen', '--role', 'resident', ...pg]);
    expect(invite.code).toBe(0);
    expect((await runCli(['keys', 'list', ...pg])).code).toBe(0);

    const storage = await PostgresStorage.open(made.url);
    cleanups.push(() => storage.close());
    const { updates, doc } = edits(3);
    for (const update of updates) await storage.appendUpdate('heumen/public', update);
    const compacted = await runCli(['compact', ...pg]);
    // The three edits, and the settings `neighbourhood create` wrote into the public space.
    expect(compacted.stdout).toContain('heumen/public: folded 4 updates');

    const backup = await runCli(['export', 'heumen', ...pg]);
    expect(backup.code).toBe(0);
    expect(JSON.parse(backup.stdout)).toHaveProperty('rooms');
    expect((await runCli(['revoke', 'someone', ...pg])).code).toBe(0);
    expect((await storage.revocations()).has('someone')).toBe(true);
    expect(doc.getArray('log').length).toBe(3);
    expect((await runCli(['token', '--help'])).stdout).toContain('--postgres <url>');
  });
});
