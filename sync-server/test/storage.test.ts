import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { type ContactRequest, DATABASE_FILE, SqliteStorage, type Storage } from '../src/index.js';
import { MIGRATIONS } from '../src/storage/sqlite.js';
import { JOURNAL_ROWS } from '../src/storage/sqlite-writer.js';
import { storageBackends } from './helpers/backends.js';
import { stockClient, synced, type TestClient } from './helpers/clients.js';
import { startRelay, type TestRelay } from './helpers/relay.js';
import { tempDir } from './helpers/temp.js';
import { waitFor } from './helpers/wait.js';

const ROOM = 'maasburen/public';

const commitsOf = new WeakMap<Y.Doc, Promise<unknown>[]>();

/** Commits every update of `doc` to `storage`; `settled()` waits for the commits. */
function logTo(storage: Storage, doc: Y.Doc): { settled(): Promise<unknown> } {
  const commits: Promise<unknown>[] = [];
  commitsOf.set(doc, commits);
  doc.on('update', (update: Uint8Array) => commits.push(storage.appendUpdate(ROOM, update)));
  return { settled: () => settled(doc) };
}

/** Waits for the commits of every update `doc` made so far. */
const settled = (doc: Y.Doc) => Promise.all(commitsOf.get(doc)?.splice(0) ?? []);

/** Writes `count` separate updates (one per edit) and returns the final document. */
async function writeEdits(storage: Storage, count: number): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const log = logTo(storage, doc);
  const board = doc.getText('prikbord');
  for (let i = 0; i < count; i++) board.insert(board.length, `regel ${i}\n`);
  await log.settled();
  return doc;
}

async function contentOf(storage: Storage): Promise<string> {
  const doc = new Y.Doc();
  for (const update of (await storage.loadRoom(ROOM)).updates) Y.applyUpdate(doc, update);
  const text = doc.getText('prikbord').toString();
  doc.destroy();
  return text;
}

const dirs: { remove(): void | Promise<void> }[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await dir.remove();
});

const backends = storageBackends(dirs);

describe.each(backends)('%s storage', (_name, open) => {
  it('keeps content identical through compaction and removes the folded log rows', async () => {
    const storage = await open();
    const doc = await writeEdits(storage, 40);
    const before = await contentOf(storage);
    expect(before).toBe(doc.getText('prikbord').toString());
    expect(await storage.stats(ROOM)).toEqual({ logLength: 40, hasSnapshot: false });

    const compacted = await storage.compact(ROOM);
    expect(await storage.stats(ROOM)).toEqual({ logLength: 0, hasSnapshot: true });
    // The size it reports is the snapshot it stored (the room's stored size after it).
    const { updates } = await storage.loadRoom(ROOM);
    expect(updates).toHaveLength(1);
    expect(compacted).toEqual({ folded: 40, snapshotBytes: updates[0]?.byteLength });
    expect(await contentOf(storage)).toBe(before);

    // Later updates log on top of the snapshot and fold in the next time.
    doc.getText('prikbord').insert(0, 'nieuw\n');
    await settled(doc);
    expect((await storage.stats(ROOM)).logLength).toBe(1);
    expect(await storage.compact(ROOM)).toMatchObject({ folded: 1 });
    expect(await contentOf(storage)).toBe(doc.getText('prikbord').toString());
    expect(await storage.rooms()).toEqual([ROOM]);
    doc.destroy();
    await storage.close();
  });

  it('reports the log length with every append, also after compaction and removal', async () => {
    const storage = await open();
    const doc = new Y.Doc();
    const append = () => {
      const before = Y.encodeStateVector(doc);
      doc.getArray<number>('n').push([1]);
      return storage.appendUpdate(ROOM, Y.encodeStateAsUpdate(doc, before));
    };
    expect((await append()).logLength).toBe(1);
    expect((await append()).logLength).toBe(2);
    await storage.compact(ROOM);
    expect((await append()).logLength).toBe(1);
    const last = await append();
    expect(last.logLength).toBe(2);
    await storage.removeUpdate(ROOM, last.seq);
    expect((await append()).logLength).toBe(2);
    doc.destroy();
    await storage.close();
  });

  it('really forgets deleted text when compacting', async () => {
    const storage = await open();
    const doc = new Y.Doc();
    const log = logTo(storage, doc);
    doc.getText('prikbord').insert(0, 'telefoon 06-12345678');
    doc.getText('prikbord').delete(0, doc.getText('prikbord').length);
    await log.settled();
    await storage.compact(ROOM);
    const stored = Buffer.concat((await storage.loadRoom(ROOM)).updates);
    expect(stored.includes('12345678')).toBe(false);
    doc.destroy();
    await storage.close();
  });

  it('ends a suspension by itself and never shortens a removal for good', async () => {
    const storage = await open();
    const now = Math.floor(Date.now() / 1000);
    await storage.revoke('m-suspended', now, now + 3600);
    await storage.revoke('m-served', now - 7200, now - 3600);
    await storage.revoke('m-removed', now);
    // A suspension after a removal does not end the removal.
    await storage.revoke('m-removed', now + 1, now + 60);
    // A removal after a suspension is for good; of two suspensions, the later end counts.
    await storage.revoke('m-then-removed', now, now + 60);
    await storage.revoke('m-then-removed', now + 1);
    await storage.revoke('m-twice', now, now + 600);
    await storage.revoke('m-twice', now, now + 60);
    const records = new Map((await storage.revocationRecords()).map((r) => [r.sub, r]));
    expect([...records.keys()].sort()).toEqual([
      'm-removed',
      'm-suspended',
      'm-then-removed',
      'm-twice',
    ]);
    expect(records.get('m-suspended')).toEqual({
      sub: 'm-suspended',
      revokedAt: now,
      endsAt: now + 3600,
    });
    expect(records.get('m-removed')?.endsAt).toBe(null);
    expect(records.get('m-then-removed')?.endsAt).toBe(null);
    expect(records.get('m-twice')?.endsAt).toBe(now + 600);
    // What the relay's checks read: the suspension whose end passed no longer counts.
    expect((await storage.revocations()).has('m-served')).toBe(false);
    expect((await storage.revocations()).get('m-suspended')).toBe(now);
    await storage.close();
  });

  it('keeps one open contact request per pair of members and answers it only once', async () => {
    const storage = await open();
    const request = (id: string, from: string, to: string, createdAt: number): ContactRequest => ({
      id,
      nb: 'maasburen',
      from,
      fromName: from,
      to,
      toName: to,
      message: 'Zullen we samen tuinieren?',
      fromContact: { phone: '06 1234 5678' },
      toContact: null,
      status: 'pending',
      createdAt,
      answeredAt: null,
    });
    expect(await storage.createContactRequest(request('r1', 'anna', 'bert', 100))).toBe('created');
    // Neither a second request nor one the other way round while the first is open.
    expect(await storage.createContactRequest(request('r2', 'anna', 'bert', 101))).toBe('exists');
    expect(await storage.createContactRequest(request('r3', 'bert', 'anna', 102))).toBe('exists');
    expect(await storage.createContactRequest(request('r4', 'anna', 'cor', 103))).toBe('created');

    const accepted = await storage.answerContactRequest('r1', {
      status: 'accepted',
      toContact: { email: 'bert@example.nl' },
      at: 200,
    });
    expect(accepted).toMatchObject({ status: 'accepted', toContact: { email: 'bert@example.nl' } });
    expect(
      await storage.answerContactRequest('r1', { status: 'declined', toContact: null, at: 201 }),
    ).toBeNull();
    expect(await storage.contactRequest('r1')).toEqual({
      ...request('r1', 'anna', 'bert', 100),
      status: 'accepted',
      toContact: { email: 'bert@example.nl' },
      answeredAt: 200,
    });
    expect((await storage.contactRequests('maasburen', 'anna')).map((r) => r.id)).toEqual([
      'r4',
      'r1',
    ]);
    expect((await storage.contactRequests('maasburen', 'bert')).map((r) => r.id)).toEqual(['r1']);
    expect(await storage.contactRequests('heumen', 'anna')).toEqual([]);

    // A declined request does not stand in the way of a new one later.
    await storage.answerContactRequest('r4', { status: 'declined', toContact: null, at: 300 });
    expect(await storage.createContactRequest(request('r5', 'cor', 'anna', 400))).toBe('created');
    await storage.close();
  });
});

describe('sqlite storage on disk', () => {
  it('keeps data when the file is reopened', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const first = new SqliteStorage(dir.path);
    const doc = await writeEdits(first, 5);
    await first.compact(ROOM);
    await first.appendUpdate(ROOM, Y.encodeStateAsUpdate(doc));
    await first.close();

    const second = new SqliteStorage(dir.path);
    expect(second.schemaVersion).toBe(MIGRATIONS.length);
    expect(await contentOf(second)).toBe(doc.getText('prikbord').toString());
    expect(await second.stats(ROOM)).toEqual({ logLength: 1, hasSnapshot: true });
    doc.destroy();
    await second.close();
  });

  it('counts each row once while the writer commits batches ahead of their replies', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const storage = new SqliteStorage(dir.path);
    const doc = new Y.Doc();
    const commits: Promise<{ logLength: number }>[] = [];
    // One append per turn of the event loop: each its own batch, none waited for.
    for (let i = 0; i < 30; i++) {
      const before = Y.encodeStateVector(doc);
      doc.getArray<number>('n').push([i]);
      commits.push(storage.appendUpdate(ROOM, Y.encodeStateAsUpdate(doc, before)));
      await new Promise((resolve) => setImmediate(resolve));
    }
    const lengths = (await Promise.all(commits)).map((result) => result.logLength);
    expect(Math.max(...lengths)).toBe(30);
    expect(lengths.at(-1)).toBe(30);
    expect(await storage.stats(ROOM)).toEqual({ logLength: 30, hasSnapshot: false });
    doc.destroy();
    await storage.close();
  });

  it('brings a log written by the previous relay over whole, and never reuses its numbers', async () => {
    const dir = tempDir();
    dirs.push(dir);
    // The file as a relay with schema 8 left it: two rooms' edits interleaved, the
    // highest-numbered rows already folded away, AUTOINCREMENT's counter past them.
    const old = new Database(join(dir.path, DATABASE_FILE));
    old.pragma('journal_mode = WAL');
    old.exec(
      'CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)',
    );
    for (const [i, migration] of MIGRATIONS.slice(0, 8).entries()) {
      old.exec(migration);
      old.prepare('INSERT INTO schema_version VALUES (?, 0)').run(i + 1);
    }
    const rooms = [ROOM, 'maasburen/community'];
    const docs = rooms.map(() => new Y.Doc());
    const insert = old.prepare('INSERT INTO updates (room, data, created_at) VALUES (?, ?, 0)');
    for (let i = 0; i < 10; i++) {
      for (const [r, room] of rooms.entries()) {
        const doc = docs[r] as Y.Doc;
        const before = Y.encodeStateVector(doc);
        doc.getArray<number>('n').push([i]);
        insert.run(room, Buffer.from(Y.encodeStateAsUpdate(doc, before)));
      }
    }
    old.prepare('DELETE FROM updates WHERE seq > 18').run();
    old.close();

    const storage = new SqliteStorage(dir.path);
    expect(storage.schemaVersion).toBe(MIGRATIONS.length);
    expect(await storage.stats(ROOM)).toEqual({ logLength: 9, hasSnapshot: false });
    const loaded = new Y.Doc();
    for (const update of (await storage.loadRoom(ROOM)).updates) Y.applyUpdate(loaded, update);
    expect(loaded.getArray('n').toArray()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    const { seq } = await storage.appendUpdate(ROOM, Y.encodeStateAsUpdate(docs[0] as Y.Doc));
    expect(seq).toBe(21);
    expect(await storage.compact(ROOM)).toMatchObject({ folded: 10 });
    expect(await storage.stats('maasburen/community')).toEqual({
      logLength: 9,
      hasSnapshot: false,
    });
    loaded.destroy();
    for (const doc of docs) doc.destroy();
    await storage.close();
  });

  it('commits a burst of updates from several rooms together, each in order and durable', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const storage = new SqliteStorage(dir.path);
    const rooms = ['maasburen/public', 'maasburen/community', 'heumen/public'];
    const docs = rooms.map(() => new Y.Doc());
    const commits = rooms.flatMap((room, r) =>
      Array.from({ length: 20 }, (_, i) => {
        const doc = docs[r] as Y.Doc;
        const before = Y.encodeStateVector(doc);
        doc.getArray<number>('n').push([i]);
        return storage.appendUpdate(room, Y.encodeStateAsUpdate(doc, before));
      }),
    );
    const results = await Promise.all(commits);
    const seqs = results.map((r) => r.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(results.every((r) => r.logLength === 20)).toBe(true);
    await storage.close();

    const reopened = new SqliteStorage(dir.path);
    for (const [r, room] of rooms.entries()) {
      const doc = new Y.Doc();
      for (const update of (await reopened.loadRoom(room)).updates) Y.applyUpdate(doc, update);
      expect(doc.getArray('n').toArray()).toEqual((docs[r] as Y.Doc).getArray('n').toArray());
    }
    await reopened.close();
  });
});

describe('sqlite storage: the journal', () => {
  /** Rows in the journal and in the log kept by room, read as another process would. */
  function tables(path: string): { journal: number; byRoom: number } {
    const db = new Database(join(path, DATABASE_FILE), { readonly: true });
    const count = (table: string) =>
      (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const result = { journal: count('update_journal'), byRoom: count('updates') };
    db.close();
    return result;
  }

  it('keeps every update in order when the journal moves to the log kept by room', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const storage = new SqliteStorage(dir.path);
    const rooms = ['maasburen/public', 'maasburen/community', 'heumen/public'];
    const docs = rooms.map(() => new Y.Doc());
    const total = JOURNAL_ROWS + 200;
    // Bursts of 60 (one transaction each), the rooms taking turns within a burst.
    for (let start = 0; start < total; start += 60) {
      const burst = [];
      for (let i = start; i < Math.min(start + 60, total); i++) {
        const doc = docs[i % 3] as Y.Doc;
        const before = Y.encodeStateVector(doc);
        doc.getArray<number>('n').push([i]);
        burst.push(
          storage.appendUpdate(rooms[i % 3] as string, Y.encodeStateAsUpdate(doc, before)),
        );
      }
      await Promise.all(burst);
    }
    const moved = tables(dir.path);
    expect(moved.journal).toBeLessThan(JOURNAL_ROWS);
    expect(moved.byRoom + moved.journal).toBe(total);
    expect(moved.byRoom).toBeGreaterThanOrEqual(JOURNAL_ROWS);
    expect(moved.journal).toBeGreaterThan(0);

    const contentOfRoom = async (from: Storage, room: string) => {
      const doc = new Y.Doc();
      const stored = await from.loadRoom(room);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
      const content = doc.getArray<number>('n').toArray();
      doc.destroy();
      return { content, logLength: stored.logLength };
    };
    for (const [r, room] of rooms.entries()) {
      expect(await contentOfRoom(storage, room)).toEqual({
        content: (docs[r] as Y.Doc).getArray<number>('n').toArray(),
        logLength: total / 3,
      });
    }
    // A fold takes a room's rows from both tables, and only that room's.
    expect(await storage.compact(rooms[0] as string)).toMatchObject({ folded: total / 3 });
    expect(tables(dir.path)).toEqual({
      journal: moved.journal - moved.journal / 3,
      byRoom: moved.byRoom - moved.byRoom / 3,
    });
    await storage.close();

    const reopened = new SqliteStorage(dir.path);
    for (const [r, room] of rooms.entries()) {
      const { content } = await contentOfRoom(reopened, room);
      expect(content).toEqual((docs[r] as Y.Doc).getArray<number>('n').toArray());
    }
    await reopened.close();
    for (const doc of docs) doc.destroy();
  });
});

describe('sqlite storage: two processes compacting one room', () => {
  it('loses no edit when another process compacts the room while a fold is being stored', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const relay = new SqliteStorage(dir.path);
    const admin = new SqliteStorage(dir.path); // as `buurthub compact` opens it
    const doc = await writeEdits(relay, 20);
    // The admin folds these 20 now; its writer thread (started by this call) stores the fold
    // later, while the relay logs 5 more edits and compacts all 25 itself.
    const adminCompaction = admin.compact(ROOM);
    const board = doc.getText('prikbord');
    const commits = logTo(relay, doc);
    for (let i = 0; i < 5; i++) board.insert(0, `nieuw ${i}\n`);
    await commits.settled();
    await relay.compact(ROOM);
    await adminCompaction;

    expect(await contentOf(admin)).toBe(board.toString());
    await admin.close();
    await relay.close();
    doc.destroy();
  });
});

describe('sqlite storage: appends on their way when it closes', () => {
  it('commits every append asked for before close, even the ones nobody awaited', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const storage = new SqliteStorage(dir.path);
    const doc = new Y.Doc();
    const commits = logTo(storage, doc);
    const board = doc.getText('prikbord');
    for (let i = 0; i < 30; i++) board.insert(board.length, `regel ${i}\n`);
    await storage.close();
    await commits.settled();

    const reopened = new SqliteStorage(dir.path);
    expect(await contentOf(reopened)).toBe(board.toString());
    expect((await reopened.stats(ROOM)).logLength).toBe(30);
    doc.destroy();
    await reopened.close();
  });
});

/** Real SQLite; only counts the compactions the relay asks for. */
class CountingStorage extends SqliteStorage {
  compactionsAsked = 0;
  override compact(room: string) {
    this.compactionsAsked++;
    return super.compact(room);
  }
}

describe('compaction in a running relay', () => {
  let relay: TestRelay;
  const clients: TestClient[] = [];
  /** Storage a test hands the relay (which leaves it open), closed after the relay. */
  const handed: { storage: SqliteStorage; dir: { remove(): void } }[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await relay?.dispose();
    for (const { storage, dir } of handed.splice(0)) {
      await storage.close();
      dir.remove();
    }
  });

  /**
   * A relay on `storage` that compacts after `compactAfter` updates, with a writer and a reader in the
   * room: the writer's board, and a wait until the reader's board reads `text`.
   */
  async function compactingRoom<S extends SqliteStorage>(
    open: (dir: string) => S,
    compactAfter = 10,
  ) {
    const dir = tempDir();
    const storage = open(dir.path);
    handed.push({ storage, dir });
    relay = await startRelay({ compactAfter, storage });
    const writer = stockClient(relay.url, ROOM);
    const reader = stockClient(relay.url, ROOM);
    clients.push(writer, reader);
    await Promise.all([synced(writer), synced(reader)]);
    const readerHas = (text: string, what: string) =>
      waitFor(() => reader.doc.getText('prikbord').toString() === text, what);
    return { storage, board: writer.doc.getText('prikbord'), readerHas };
  }

  it('compacts a long log on the fly and when the last client leaves', async () => {
    relay = await startRelay({ compactAfter: 10 });
    const client = stockClient(relay.url, ROOM);
    clients.push(client);
    await synced(client);
    const board = client.doc.getText('prikbord');
    for (let i = 0; i < 25; i++) board.insert(board.length, `${i} `);
    const expected = board.toString();
    await waitFor(async () => (await contentOf(relay.storage)) === expected, 'all edits stored');
    // An edit is readable in storage as soon as its commit is durable, a moment before the
    // room gets to it and compacts: wait for that, not only for the content.
    await waitFor(async () => {
      const running = await relay.storage.stats(ROOM);
      return running.hasSnapshot && running.logLength <= 10;
    }, 'the log compacted while the client is connected');

    client.destroy();
    clients.splice(0);
    await waitFor(async () => (await relay.storage.stats(ROOM)).logLength === 0, 'unload');
    expect(await contentOf(relay.storage)).toBe(expected);
  });

  it('folds a big room again only once its log has grown to a quarter of its snapshot', async () => {
    const { storage, board, readerHas } = await compactingRoom((dir) => new CountingStorage(dir));

    // A long notice pasted at once, then a few short edits: the log outgrows 10 updates.
    board.insert(0, 'Openingstijden buurthuis. '.repeat(300));
    for (let i = 0; i < 12; i++) board.insert(board.length, `${i} `);
    await readerHas(board.toString(), 'the notice at the reader');
    expect(storage.compactionsAsked).toBe(1);
    await waitFor(async () => (await storage.stats(ROOM)).hasSnapshot, 'the snapshot stored');

    // Forty short edits are far fewer bytes than a quarter of that snapshot: no fold.
    for (let i = 0; i < 40; i++) board.insert(board.length, 'x');
    await readerHas(board.toString(), 'the short edits at the reader');
    expect(storage.compactionsAsked).toBe(1);
    expect((await storage.stats(ROOM)).logLength).toBeGreaterThanOrEqual(40);

    // A second long paste brings the log past a quarter of the snapshot: folded again.
    board.insert(board.length, 'Repair Café zaterdag. '.repeat(100));
    await readerHas(board.toString(), 'the second notice at the reader');
    expect(storage.compactionsAsked).toBe(2);
    await waitFor(async () => (await storage.stats(ROOM)).logLength === 0, 'the log folded');
    expect(await contentOf(storage)).toBe(board.toString());
  });

  it('folds a big room anyway once its log holds fifty times the usual number of updates', async () => {
    const { storage, board, readerHas } = await compactingRoom(
      (dir) => new CountingStorage(dir),
      2,
    );
    board.insert(0, 'Verslag van de bewonersavond. '.repeat(1500));
    for (let i = 0; i < 3; i++) board.insert(board.length, `${i}`);
    await readerHas(board.toString(), 'the report at the reader');
    expect(storage.compactionsAsked).toBe(1);
    await waitFor(async () => (await storage.stats(ROOM)).hasSnapshot, 'the snapshot stored');

    // 90 one-letter edits: a few kB, far from a quarter of the snapshot, under 50 × 2 rows.
    for (let i = 0; i < 90; i++) board.insert(board.length, 'x');
    await readerHas(board.toString(), '90 edits at the reader');
    expect(storage.compactionsAsked).toBe(1);
    // Fifteen more take the log past 100 updates: folded for their number alone.
    for (let i = 0; i < 15; i++) board.insert(board.length, 'y');
    await readerHas(board.toString(), '105 edits at the reader');
    expect(storage.compactionsAsked).toBe(2);
  });

  it('keeps passing edits on while a long log is being folded', async () => {
    // Real SQLite whose compactions wait until the test lets them go.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    class SlowFoldStorage extends SqliteStorage {
      override async compact(room: string) {
        await held;
        return super.compact(room);
      }
    }
    const { storage, board, readerHas } = await compactingRoom((dir) => new SlowFoldStorage(dir));
    try {
      for (let i = 0; i < 30; i++) board.insert(board.length, `${i} `);
      // The fold started at the 11th edit is still held; the other 19 arrive all the same.
      await readerHas(board.toString(), 'every edit at the reader while the fold is held');
      expect((await storage.stats(ROOM)).hasSnapshot).toBe(false);
      release();
      await waitFor(async () => (await storage.stats(ROOM)).hasSnapshot, 'the fold stored');
      expect(await contentOf(storage)).toBe(board.toString());
    } finally {
      release();
    }
  });
});
