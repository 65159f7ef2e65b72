/**
 * The thread that writes SQLite's update log. better-sqlite3 is synchronous: a commit with
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

type Reply = {
  chunks: ({ id: number; seqs: number[] } | { id: number; error: string })[];
  startedAt: number;
  seconds: number;
};

/**
 * The worker's code, as a CommonJS string for `eval`: the relay's tests run its TypeScript
 * sources, next to which a worker file would not exist as JavaScript. It only inserts.
 * Group commit happens here: chunks that arrive while a transaction is being fsynced wait
 * in the thread's message queue and are committed together in the next one, started as
 * soon as the thread is free (without a round trip through the relay's thread). The
 * replies are posted after COMMIT returned, so each commit is on disk by then.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');
const insert = db.prepare('INSERT INTO updates (room, data, created_at) VALUES (?, ?, ?)');
const append = db.transaction((chunks, now) =>
  chunks.map(({ rows }) =>
    rows.map(({ room, data }) =>
      Number(insert.run(room, Buffer.from(data.buffer, data.byteOffset, data.byteLength), now)
        .lastInsertRowid),
    ),
  ),
);
let waiting = [];
function commit() {
  const chunks = waiting;
  waiting = [];
  if (chunks.length === 0) return;
  const startedAt = performance.timeOrigin + performance.now();
  let replies;
  try {
    const seqs = append.immediate(chunks, Date.now());
    replies = chunks.map(({ id }, i) => ({ id, seqs: seqs[i] }));
  } catch (error) {
    replies = chunks.map(({ id }) => ({ id, error: String((error && error.message) || error) }));
  }
  const seconds = (performance.timeOrigin + performance.now() - startedAt) / 1000;
  parentPort.postMessage({ chunks: replies, startedAt, seconds });
}
parentPort.on('message', (message) => {
  if (message === 'close') {
    commit();
    db.close();
    parentPort.close();
    return;
  }
  waiting.push(message);
  if (waiting.length === 1) setImmediate(commit);
});
`;
export class SqliteWriter {
  private readonly worker: Worker;
  private nextId = 0;
  private readonly waiting = new Map<
    number,
    { resolve(batch: WrittenBatch): void; reject(error: Error): void }
  >();
  private failure: Error | null = null;
  private readonly exited: Promise<void>;

  /** `file` must exist with the current schema (the main connection migrates it first). */
  constructor(file: string) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver } });
    // An idle writer does not keep the process alive (a command that forgot to close its
    // storage still exits); one with a commit outstanding does, so no commit is cut off.
    this.worker.unref();
    this.worker.on('message', ({ chunks, startedAt, seconds }: Reply) => {
      for (const chunk of chunks) {
        const entry = this.waiting.get(chunk.id);
        this.waiting.delete(chunk.id);
        if ('error' in chunk) entry?.reject(new Error(chunk.error));
        else entry?.resolve({ seqs: chunk.seqs, startedAt, seconds });
      }
      if (this.waiting.size === 0) this.worker.unref();
    });
    this.worker.on('error', (error) => this.fail(error));
    this.exited = new Promise((resolve) =>
      this.worker.once('exit', () => {
        this.fail(new Error('SQLite writer thread exited'));
        resolve();
      }),
    );
  }

  /** False once the thread failed or exited; the storage then starts a new writer. */
  get usable(): boolean {
    return this.failure === null;
  }

  /** Commits `rows` in one transaction (maybe with other chunks); resolves once durable. */
  write(rows: LogRow[]): Promise<WrittenBatch> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ id, rows });
    });
  }

  /** Commits what was posted, closes the writer's connection and ends the thread. */
  async close(): Promise<void> {
    if (this.failure === null) {
      this.worker.ref();
      this.worker.postMessage('close');
    }
    await this.exited;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const entry of this.waiting.values()) entry.reject(error);
    this.waiting.clear();
  }
}
