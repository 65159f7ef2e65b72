/**
 * The one sync state the UI shows, combined from the browser's online flag, every space's
 * provider and its pending changes. `combineSyncState` is pure so its rules are easy to test.
 */
import type { SpaceConnection } from './space-connection.js';

export type Connection = 'online' | 'offline' | 'connecting';

export interface SyncState {
  connection: Connection;
  /** Connected, but the initial exchange with the relay is still running. */
  syncing: boolean;
  /** Local changes the relay has not yet confirmed as stored. */
  pending: number;
  /** When the relay last confirmed every local change as stored (ms since epoch). */
  lastSavedAt: number | null;
}

export interface SpaceSnapshot {
  /** False for a space kept on the device only (no usable token): it has no connection. */
  active?: boolean;
  status: 'connected' | 'connecting' | 'disconnected';
  reachable: boolean;
  synced: boolean;
  pending: number;
  lastSavedAt: number | null;
}

export function combineSyncState(browserOnline: boolean, spaces: SpaceSnapshot[]): SyncState {
  const pending = spaces.reduce((sum, s) => sum + s.pending, 0);
  const saved = spaces.map((s) => s.lastSavedAt).filter((t): t is number => t !== null);
  const lastSavedAt = saved.length > 0 ? Math.max(...saved) : null;
  // Pending changes count for every space; the connection only for those that may connect.
  const live = spaces.filter((s) => s.active !== false);
  const allConnected = live.length > 0 && live.every((s) => s.status === 'connected');
  let connection: Connection;
  if (!browserOnline) connection = 'offline';
  else if (allConnected) connection = 'online';
  // A space that failed to connect keeps retrying; to the user that is "offline".
  else if (live.some((s) => s.status !== 'connected' && !s.reachable)) connection = 'offline';
  else connection = 'connecting';
  const syncing = connection === 'online' && live.some((s) => !s.synced);
  return { connection, syncing, pending, lastSavedAt };
}

/** Watches the connections and the browser's online flag; tells listeners when state changes. */
export class SyncStatus {
  private current: SyncState;
  private wasLoaded: boolean;
  private readonly listeners = new Set<() => void>();
  private readonly offs: (() => void)[] = [];

  private readonly update = () => this.refresh();

  constructor(private readonly spaces: SpaceConnection[]) {
    this.current = this.compute();
    this.wasLoaded = this.loaded;
    const update = this.update;
    for (const space of spaces) this.offs.push(space.onChange(update));
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    this.offs.push(() => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    });
  }

  get state(): SyncState {
    return this.current;
  }

  /**
   * Every space's copy on this device has been read (IndexedDB). Until then an empty list
   * may only mean "not read yet": a big neighbourhood takes seconds on a phone.
   */
  get loaded(): boolean {
    return this.spaces.every((s) => s.loaded);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Includes a space opened later (the community space after joining). */
  add(space: SpaceConnection): void {
    this.spaces.push(space);
    this.offs.push(space.onChange(this.update));
    this.refresh();
  }

  destroy(): void {
    for (const off of this.offs) off();
    this.listeners.clear();
  }

  private refresh(): void {
    const next = this.compute();
    const prev = this.current;
    const loaded = this.loaded;
    if (
      loaded === this.wasLoaded &&
      next.connection === prev.connection &&
      next.syncing === prev.syncing &&
      next.pending === prev.pending &&
      next.lastSavedAt === prev.lastSavedAt
    ) {
      return;
    }
    this.current = next;
    this.wasLoaded = loaded;
    for (const listener of this.listeners) listener();
  }

  private compute(): SyncState {
    return combineSyncState(
      navigator.onLine,
      this.spaces.map((s) => ({
        active: s.active,
        status: s.status,
        reachable: s.reachable,
        synced: s.synced,
        pending: s.pending.count,
        lastSavedAt: s.pending.lastSavedAt,
      })),
    );
  }
}
