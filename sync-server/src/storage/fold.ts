/**
 * Folding a room's stored updates into one snapshot. Shared by every storage backend so
 * compaction means the same everywhere.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';

/**
 * Loads the updates into a fresh garbage-collecting document and re-encodes it. Unlike
 * `Y.mergeUpdates`, this drops the content of deleted items, which is what makes deleted
 * personal data really disappear from disk. Updates still waiting for missing
 * dependencies are kept: Yjs includes pending structs in `encodeStateAsUpdate`. All in one
 * transaction: the same bytes as a transaction per update, in about half the time (one
 * clean-up and garbage collection instead of 500).
 */
export function foldUpdates(updates: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc({ gc: true });
  try {
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * The worker's code, as a CommonJS string for `eval` (the relay's tests run its TypeScript
 * sources, next to which a worker file would not exist as JavaScript). It is `foldUpdates`
 * above, line for line; a test checks that both give the same bytes. The updates arrive
 * packed into one transferred buffer, and the fold goes back the same way: no copy.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Y = require(workerData.yjs);
parentPort.on('message', ({ id, packed, lengths }) => {
  try {
    const doc = new Y.Doc({ gc: true });
    try {
      doc.transact(() => {
        let offset = 0;
        for (const length of lengths) {
          Y.applyUpdate(doc, new Uint8Array(packed, offset, length));
          offset += length;
        }
      });
      const folded = Y.encodeStateAsUpdate(doc);
      parentPort.postMessage({ id, folded }, [folded.buffer]);
    } finally {
      doc.destroy();
    }
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});
`;

/**
 * Folds on a thread of its own. A compaction folds the room's whole state (17–44 ms for a
 * 500-update log on the build machine); on the relay's thread every room waited for it, and
 * in 100 rooms × 5 clients that cost a tenth of the relay's throughput (docs/benchmarks.md).
 * Started on first use and again after a failure; an idle one does not keep the process alive.
 */
export class FoldThread {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly waiting = new Map<
    number,
    { resolve(folded: Uint8Array): void; reject(error: Error): void }
  >();

  /** `foldUpdates(updates)`, computed on the fold thread. */
  fold(updates: readonly Uint8Array[]): Promise<Uint8Array> {
    const lengths = updates.map((update) => update.byteLength);
    const packed = new Uint8Array(lengths.reduce((sum, length) => sum + length, 0));
    let offset = 0;
    for (const update of updates) {
      packed.set(update, offset);
      offset += update.byteLength;
    }
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, packed: packed.buffer, lengths }, [packed.buffer]);
    });
  }

  /** Ends the thread; folds still running are refused. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.fail(new Error('fold thread closed'));
    await worker?.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const yjs = createRequire(import.meta.url).resolve('yjs');
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { yjs } });
    worker.unref();
    worker.on(
      'message',
      (reply: { id: number; folded: Uint8Array } | { id: number; error: string }) => {
        const entry = this.waiting.get(reply.id);
        this.waiting.delete(reply.id);
        if ('error' in reply) entry?.reject(new Error(reply.error));
        else entry?.resolve(reply.folded);
        if (this.waiting.size === 0) worker.unref();
      },
    );
    const gone = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      this.fail(error);
    };
    worker.on('error', gone);
    worker.once('exit', () => gone(new Error('fold thread exited')));
    this.worker = worker;
    return worker;
  }

  private fail(error: Error): void {
    for (const entry of this.waiting.values()) entry.reject(error);
    this.waiting.clear();
  }
}
