/**
 * Local changes that the relay has not yet acknowledged as stored.
 *
 * Each local transaction that adds content is remembered as (client id, clock after it).
 * An ack from the relay (see ack.ts) that holds at least that clock for that client proves
 * the change is on the server's disk. The list is kept in a small key-value store
 * (localStorage in the PWA) so "3 changes waiting" survives a reload while offline.
 *
 * Limitation (documented in docs/protocol.md): a transaction that only deletes adds no
 * clock, so it cannot be tracked this way; the model never writes delete-only transactions
 * (removal sets a `deletedAt` field).
 */
import type * as Y from 'yjs';

export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

interface Persisted {
  pending: [client: number, clock: number][];
  lastSavedAt: number | null;
}

export class PendingChanges {
  private pending: [number, number][] = [];
  private saved: number | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly onTransaction = (tr: Y.Transaction) => {
    if (!tr.local) return;
    const client = this.doc.clientID;
    const before = tr.beforeState.get(client) ?? 0;
    const after = tr.afterState.get(client) ?? 0;
    if (after > before) {
      this.pending.push([client, after]);
      this.changed();
    }
  };

  constructor(
    private readonly doc: Y.Doc,
    private readonly store: KeyValueStore,
    private readonly key: string,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.load();
    doc.on('afterTransaction', this.onTransaction);
  }

  /** How many local changes are not yet confirmed as stored on the relay. */
  get count(): number {
    return this.pending.length;
  }

  /** When the relay last confirmed that all local changes were stored (ms since epoch). */
  get lastSavedAt(): number | null {
    return this.saved;
  }

  handleAck(clocks: Map<number, number>): void {
    this.pending = this.pending.filter(([client, clock]) => (clocks.get(client) ?? 0) < clock);
    if (this.pending.length === 0) this.saved = this.now();
    this.changed();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.onTransaction);
    this.listeners.clear();
  }

  private changed(): void {
    const state: Persisted = { pending: this.pending, lastSavedAt: this.saved };
    this.store.set(this.key, JSON.stringify(state));
    for (const listener of this.listeners) listener();
  }

  private load(): void {
    const raw = this.store.get(this.key);
    if (!raw) return;
    try {
      const state = JSON.parse(raw) as Partial<Persisted>;
      if (Array.isArray(state.pending)) {
        this.pending = state.pending.filter(
          (e): e is [number, number] =>
            Array.isArray(e) && Number.isInteger(e[0]) && Number.isInteger(e[1]),
        );
      }
      if (typeof state.lastSavedAt === 'number') this.saved = state.lastSavedAt;
    } catch {
      // A corrupt entry only affects the indicator: the changes themselves live in the
      // document and are re-sent on the next sync, which will produce a fresh ack.
    }
  }
}
