/**
 * The storage contract of the relay: an append-only log of Yjs updates per room plus one
 * compacted snapshot per room. Asynchronous so that a networked backend (PostgreSQL in
 * scaled-out mode) fits behind the same interface as the embedded SQLite file.
 *
 * Durability contract: when `appendUpdate` resolves, the update survives a crash of the
 * process (`kill -9`). The relay only fans an update out, and only acks it, after that.
 */

/** What a room's stored state looks like, for operators and tests. */
export interface RoomStats {
  /** Rows in the update log that are not folded into the snapshot yet. */
  logLength: number;
  hasSnapshot: boolean;
}

export interface StoredRoom {
  /** Snapshot first (if any), then the log in commit order; apply them all. */
  updates: Uint8Array[];
  logLength: number;
}

export interface Storage {
  /** Everything stored for a room; an unknown room has no updates. */
  loadRoom(room: string): Promise<StoredRoom>;
  /** Commits one update to the room's log; resolves with its sequence number. */
  appendUpdate(room: string, update: Uint8Array): Promise<{ seq: number; logLength: number }>;
  /**
   * Removes one logged update again. Only for the rare update that passed validation but
   * that the live document then refused, so that garbage does not outlive the failure.
   */
  removeUpdate(room: string, seq: number): Promise<void>;
  /**
   * Folds the snapshot and the whole log into one garbage-collected snapshot and deletes
   * exactly the log rows it folded, atomically. Returns how many rows were folded.
   */
  compact(room: string): Promise<{ folded: number }>;
  stats(room: string): Promise<RoomStats>;
  /** Rooms with any stored state. */
  rooms(): Promise<string[]>;
  close(): Promise<void>;
}
