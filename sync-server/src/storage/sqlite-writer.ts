/**
 * The thread that writes SQLite's update log and compacted snapshots. better-sqlite3 is synchronous: a commit with
 * `synchronous = FULL` blocks its thread for the fsync, and on the relay's one thread that
 * stalled every room (a quarter of the wall time in profiles of 100 rooms × 5 clients).
 * Here the commit runs in a worker thread with its own connection to the same WAL file, so
 * the relay keeps decoding and fanning out other rooms while a batch is being fsynced.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** One update of a batch. */
export interface LogRow {
  room: string;
  data: Uint8Array;
}

/** A committed chunk of rows: one sequence number per row, in order, and its transaction. */
export interface WrittenBatch {
  seqs: number[];
  /** When the transaction started, as `performance.timeOrigin + performance.now()`. */
  startedAt: number;
  /** The transaction (inserts and fsync) in the worker. */
  seconds: number;
}

/** A compaction folded on the relay's thread, for the writer to store. */
export interface FoldedLog {
  room: string;
  /** The fold of the snapshot and every log row up to `lastSeq`. */
  snapshot: Uint8Array;
  lastSeq: number;
  /** The snapshot row the fold started from (null: none); if it changed, nothing is stored. */
  previous: { foldedSeq: number; updatedAt: number } | null;
}

/**
 * Rows the journal collects before the writer moves them to the log kept by room (SQLite
 * migration 10): a read of a room's log scans the journal, and a move costs about one page
 * per room in it, so a thousand rows keep both small.
 */
export const JOURNAL_ROWS = 1000;

/** Statements both connections use, written once. */
export const SQL = {
  snapshot: 'SELECT data, folded_seq, updated_at FROM snapshots WHERE room = ?',
  upsertSnapshot: `INSERT INTO snapshots (room, data, folded_seq, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (room) DO UPDATE SET data = excluded.data,
       folded_seq = excluded.folded_seq, updated_at = excluded.updated_at`,
  /** A room's log rows up to a seq, in `updates` and in the journal (folds, purges). */
  deleteUpTo: [
    'DELETE FROM updates WHERE room = ? AND seq <= ?',
    'DELETE FROM update_journal WHERE room = ? AND seq <= ?',
  ],
};

type Reply =
  | {
      chunks: ({ id: number; seqs: number[] } | { id: number; error: string })[];
      startedAt: number;
      seconds: number;
    }
  | { id: number; folded: number | null }
  | { id: number; error: string };

/**
 * The worker's code, as a CommonJS string for `eval`: the relay's tests run its TypeScript
 * sources, next to which a worker file would not exist as JavaScript. It appends to the
 * journal, moves the journal to the log kept by room, and stores folds. Group commit
 * happens here: chunks that arrive while a transaction is being fsynced wait in the
 * thread's message queue and are committed together in the next one, started as soon as
 * the thread is free (without a round trip through the relay's thread, and without waiting
 * for a later phase of the thread's event loop). The replies are posted after COMMIT
 * returned, so each commit is on disk by then.
 */
const WORKER_SOURCE = `
const { parentPort, receiveMessageOnPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const { SQL } = workerData;
const db = new Database(workerData.file);
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');
db.pragma('secure_delete = ON');
const snapshot = db.prepare(SQL.snapshot);
const upsertSnapshot = db.prepare(SQL.upsertSnapshot);
const deleteUpTo = SQL.deleteUpTo.map((sql) => db.prepare(sql));
// Stores a fold unless another compaction (e.g. buurthub compact in another process)
// replaced the snapshot since it was read; deletes exactly the rows that were folded.
const replaceLog = db.transaction(({ room, snapshot: folded, lastSeq, previous }) => {
  const current = snapshot.get(room);
  const same = current
    ? previous !== null && current.folded_seq === previous.foldedSeq &&
      current.updated_at === previous.updatedAt
    : previous === null;
  if (!same) return null;
  const data = Buffer.from(folded.buffer, folded.byteOffset, folded.byteLength);
  upsertSnapshot.run(room, data, lastSeq, Date.now());
  return deleteUpTo.reduce((sum, remove) => sum + remove.run(room, lastSeq).changes, 0);
});
const insert = db.prepare(
  'INSERT INTO update_journal (seq, room, data, created_at) VALUES (?, ?, ?, ?)',
);
// The journal's rows go over to the log kept by room in one transaction, after a commit's
// replies are out, once there are workerData.journalRows of them (migration 10).
const copyJournal = db.prepare(
  'INSERT INTO updates (room, seq, data, created_at) SELECT room, seq, data, created_at FROM update_journal',
);
const emptyJournal = db.prepare('DELETE FROM update_journal');
const moveJournal = db.transaction(() => {
  copyJournal.run();
  emptyJournal.run();
});
let journalRows = db.prepare('SELECT count(*) AS n FROM update_journal').get().n;
// The transaction takes its seq numbers from the one counter (see migration 9).
const takeSeqs = db.prepare('UPDATE update_seq SET last = last + ? RETURNING last');
const append = db.transaction((chunks, now) => {
  const count = chunks.reduce((sum, { rows }) => sum + rows.length, 0);
  let seq = takeSeqs.get(count).last - count;
  return chunks.map(({ rows }) =>
    rows.map(({ room, data }) => {
      seq++;
      insert.run(seq, room, Buffer.from(data.buffer, data.byteOffset, data.byteLength), now);
      return seq;
    }),
  );
});
let waiting = [];
function commit() {
  const chunks = waiting;
  waiting = [];
  if (chunks.length === 0) return;
  const startedAt = performance.timeOrigin + performance.now();
  let replies;
  try {
    const seqs = append.immediate(chunks, Date.now());
    journalRows += seqs.reduce((sum, rows) => sum + rows.length, 0);
    replies = chunks.map(({ id }, i) => ({ id, seqs: seqs[i] }));
  } catch (error) {
    replies = chunks.map(({ id }) => ({ id, error: String((error && error.message) || error) }));
  }
  const seconds = (performance.timeOrigin + performance.now() - startedAt) / 1000;
  parentPort.postMessage({ chunks: replies, startedAt, seconds });
  if (journalRows < workerData.journalRows) return;
  try {
    moveJournal.immediate();
    journalRows = 0;
  } catch {
    // Nothing is lost: the rows stay in the journal, which every read includes, and the
    // next commit tries again (a failure that lasts fails the appends too, and they say so).
  }
}
function handle(message) {
  if (message.fold) {
    commit(); // the appends posted before it
    try {
      parentPort.postMessage({ id: message.id, folded: replaceLog.immediate(message.fold) });
    } catch (error) {
      parentPort.postMessage({ id: message.id, error: String((error && error.message) || error) });
    }
    return;
  }
  waiting.push(message);
}
parentPort.on('message', (message) => {
  handle(message);
  // What reached the thread meanwhile (during the last fsync) joins this transaction: taken
  // off the port now, in order, instead of one event at a time, and committed at once.
  for (let next; (next = receiveMessageOnPort(parentPort)); ) handle(next.message);
  commit();
});
`;
export class SqliteWriter {
  private readonly worker: Worker;
  private nextId = 0;
  private readonly waiting = new Map<
    number,
    { resolve(result: WrittenBatch | number | null): void; reject(error: Error): void }
  >();
  private failure: Error | null = null;

  /** `file` must exist with the current schema (the main connection migrates it first). */
  constructor(file: string) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file, driver, SQL, journalRows: JOURNAL_ROWS },
    });
    // An idle writer does not keep the process alive (a command that forgot to close its
    // storage still exits); one with a commit outstanding does, so no commit is cut off.
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => {
      if ('chunks' in reply) {
        const { startedAt, seconds } = reply;
        for (const chunk of reply.chunks) {
          if ('error' in chunk) this.settle(chunk.id, new Error(chunk.error));
          else this.settle(chunk.id, { seqs: chunk.seqs, startedAt, seconds });
        }
      } else {
        this.settle(reply.id, 'error' in reply ? new Error(reply.error) : reply.folded);
      }
      if (this.waiting.size === 0) this.worker.unref();
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.once('exit', () => this.fail(new Error('SQLite writer thread exited')));
  }

  /** False once the thread failed or exited; the storage then starts a new writer. */
  get usable(): boolean {
    return this.failure === null;
  }

  /** Commits `rows` in one transaction (maybe with other chunks); resolves once durable. */
  write(rows: LogRow[]): Promise<WrittenBatch> {
    return this.post({ rows }) as Promise<WrittenBatch>;
  }

  /**
   * Stores a fold as the room's snapshot and deletes the rows it folded, in one durable
   * transaction after the appends posted before it. Resolves with the rows deleted, or null
   * when the snapshot changed since the fold read it (nothing stored).
   */
  replaceLog(fold: FoldedLog): Promise<number | null> {
    return this.post({ fold }) as Promise<number | null>;
  }

  private post(message: object): Promise<WrittenBatch | number | null> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ ...message, id });
    });
  }

  private settle(id: number, result: WrittenBatch | number | null | Error): void {
    const entry = this.waiting.get(id);
    this.waiting.delete(id);
    if (result instanceof Error) entry?.reject(result);
    else entry?.resolve(result);
  }

  /**
   * Ends the thread. Call only with nothing outstanding (the storage settles every write
   * first): the thread is then idle between transactions, and stopping it loses nothing,
   * without waiting for a thread still starting up to open its connection first.
   */
  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const entry of this.waiting.values()) entry.reject(error);
    this.waiting.clear();
  }
}
