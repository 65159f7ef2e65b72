/**
 * The room bus: how relay processes that share one PostgreSQL tell each other about
 * committed updates and presence, so any process can serve any room.
 *
 * Contract (see docs/architecture.md, "Scale-out"):
 * - An update is published only after it is committed to storage, and carries the raw
 *   bytes the client sent (never a state computed for one peer).
 * - `subscribe` resolves once the point from which the bus delivers is fixed; everything
 *   published before that point is already in storage. A room therefore subscribes first
 *   and loads from storage second, and misses nothing.
 * - A process never receives its own updates and awareness back.
 * - When delivery may have had a gap (the bus was unreachable), subscribers get `resync`
 *   and reload from storage; Yjs updates are idempotent, so overlap is harmless.
 *
 * Implementations: `LocalBus` (in-process, for tests: several relays in one process) and
 * `RedisBus` (Redis Streams for updates, pub/sub for awareness and node heartbeats).
 */

/** What a room hears from other processes. */
export interface RoomBusHandlers {
  /** Another process committed this update to storage. */
  update(update: Uint8Array): void;
  /** Awareness update from the clients of process `node`. */
  awareness(update: Uint8Array, node: string): void;
  /** Another process (just) serves this room and asks for our clients' awareness. */
  awarenessQuery(): void;
  /** Process `node` stopped or missed its heartbeats: its clients' presence is gone. */
  nodeGone(node: string): void;
  /** Updates may have been missed (bus outage): reload the room from storage. */
  resync(): void;
  /**
   * Another process purged this room (erasure): drop the in-memory copy, which may still
   * hold erased content, and load the scrubbed one from storage.
   */
  purged(): void;
}

export interface RoomSubscription {
  /** Stops delivery to these handlers; idempotent. */
  close(): void;
}

export interface RoomBus {
  /** This process's id on the bus. */
  readonly node: string;
  subscribe(room: string, handlers: RoomBusHandlers): Promise<RoomSubscription>;
  /** Fire and forget: a failure is remembered and repaired with a resync notice. */
  publishUpdate(room: string, update: Uint8Array): void;
  publishAwareness(room: string, update: Uint8Array): void;
  queryAwareness(room: string): void;
  /** After a purge committed: every other process reloads the room (`purged`). */
  publishPurge(room: string): void;
  /** Resolves when the bus answers (for `/readyz`), rejects when it does not. */
  ping(): Promise<void>;
  /** Tells the other processes this one is gone (its presence with it) and disconnects. */
  close(): Promise<void>;
}

/** A short random id for this process: host and pid help an operator reading logs. */
export function nodeId(prefix: string): string {
  return `${prefix}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}
