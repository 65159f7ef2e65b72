/**
 * Rooms: one live Y.Doc (plus awareness) per `<nb>/<space>` while anyone is connected.
 * A room loads from storage on its first connection and unloads, after compacting its log,
 * when the last connection leaves.
 *
 * Every message of a room runs through one serial queue, so storage commits, document
 * changes and fan-out happen in the order messages arrived, even though storage is async.
 * Durability rule: an update is committed to storage before it is applied to the live
 * document or sent to anyone else.
 *
 * Scaled out (`RoomOptions.bus`), a room also publishes each committed update and its
 * clients' awareness to the other relay processes, and applies and relays theirs; it
 * subscribes to the bus before it loads from storage, so nothing falls in between.
 *
 * Erasure (docs/architecture.md): a member who may write asks for a purge (message 101);
 * the room coalesces requests, then folds its storage into a garbage-collected snapshot,
 * scrubs it, replaces its own document with one built from that snapshot, and tells its
 * clients (102) and the other relay processes (the bus) to do the same.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Identity } from './auth.js';
import { bindAwareness } from './auth/awareness.js';
import {
  PurgeScheduler,
  PURGE_REQUEST_BURST,
  PURGE_REQUESTS_PER_SECOND,
} from './erasure/purge-scheduler.js';
import { LimitExceeded, type Limits, TokenBucket } from './limits.js';
import type { Logger } from './log.js';
import type { RelayMetrics } from './metrics.js';
import {
  CLOSE_INTERNAL_ERROR,
  ProtocolError,
  type ClientMessage,
  type DecodedUpdate,
  awarenessEntries,
  clientsInUpdate,
  decodeStateVector,
  encodeAckMessage,
  encodeAwareness,
  encodePermissionDenied,
  encodePurgeNotice,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  relayClocks,
  rootTypeNames,
  validateUpdate,
} from './protocol.js';
import type { RoomBus, RoomSubscription } from './bus/bus.js';
import type { AppendResult, Storage, StoredRoom } from './storage/storage.js';

/** One client connection as a room sees it; the WebSocket lives in connection.ts. */
export interface Peer {
  readonly id: number;
  /** Opted in to ack messages (`ack=1`). */
  readonly wantsAcks: boolean;
  /** Hears purge notices (102): clients that opted in with `ack=1`, and a hub's links. */
  readonly hearsPurges: boolean;
  readonly canWrite: boolean;
  /** From the token; `identity.name` is written into this peer's awareness states. */
  readonly identity?: Identity;
  send(frame: Uint8Array): void;
  /** Closes only this connection because of what it sent. */
  fail(error: ProtocolError | Error, code?: number): void;
}

export interface RoomOptions {
  storage: Storage;
  log: Logger;
  /** Compact a room's log once it holds more than this many updates (see `logIsLong`). */
  compactAfter: number;
  limits: Limits;
  metrics: RelayMetrics;
  /** Other relay processes serving the same rooms (scaled-out mode); none by default. */
  bus?: RoomBus;
  /** How long after the first purge request a room is purged (requests coalesce). */
  purgeDelayMs: number;
}

/** See `Room.logIsLong`: 25,000 updates with the default `compactAfter` of 500. */
const LOG_ROWS_FOLDED_ANYWAY = 50;

/** Origin of awareness changes that came from another relay process. */
class RemoteOrigin {
  constructor(readonly node: string) {}
}
/** Origin of the removal of a leaving connection's awareness states. */
const LEAVING = Symbol('leaving');

/** An update whose commit has started; see `Room.beginUpdate`. */
interface PendingUpdate {
  update: Uint8Array;
  commit: Promise<AppendResult>;
  /** performance.now() when the commit was durable (only with stage timing). */
  durableAt: number;
}

interface PeerState {
  /** Awareness client ids this connection announced, removed when it leaves. */
  awarenessIds: Set<number>;
  /** Awareness client ids this connection may set: claimed by its first awareness update. */
  claimedIds: Set<number> | null;
  toldReadOnly: boolean;
  /** Purge requests this connection may still send (rate limit). */
  purgeRequests: TokenBucket;
}

export class Room {
  /** Replaced by a purge, so that no deleted content stays in the relay's memory. */
  private current = new Y.Doc();
  // Presence gets a document of its own: Awareness ends itself when its document is
  // destroyed, and the room's document is replaced (and the old one destroyed) by a purge.
  readonly awareness = new awarenessProtocol.Awareness(new Y.Doc());
  private readonly purges: PurgeScheduler;
  private readonly peers = new Map<Peer, PeerState>();
  private tail: Promise<void>;
  private logLength = 0;
  /** Size of the room's stored snapshot. */
  private snapshotBytes = 0;
  /** Size of the room's update log (not folded into the snapshot yet). */
  private logBytes = 0;
  /** Bytes of updates whose commit has started but that are not applied yet. */
  private inflightBytes = 0;
  /** The compaction under way, if any (see `compactInBackground`). */
  private compacting: Promise<void> | null = null;
  private broken = false;
  private unloaded: Promise<void> | null = null;
  private subscription: RoomSubscription | null = null;
  /** Awareness client ids announced by other relay processes' clients, per process. */
  private readonly remoteAwareness = new Map<string, Set<number>>();
  private readonly sizeGauge: { set(bytes: number): void };

  constructor(
    readonly name: string,
    private readonly options: RoomOptions,
    after: Promise<void>,
  ) {
    this.sizeGauge = options.metrics.documentBytesOf(name);
    this.purges = new PurgeScheduler(options.purgeDelayMs, () => this.enqueue(() => this.purge()));
    // The relay has no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
    this.tail = after.then(() => this.load());
  }

  get doc(): Y.Doc {
    return this.current;
  }

  get size(): number {
    return this.peers.size;
  }

  /** Stored size (snapshot + log) in bytes, checked against `maxDocumentBytes`. */
  private get storedBytes(): number {
    return this.snapshotBytes + this.logBytes;
  }

  /** A broken room serves nobody; its peers are closed and new ones get a fresh room. */
  get isBroken(): boolean {
    return this.broken;
  }

  /** Runs `task` after everything queued before it; failures are logged, never thrown. */
  private enqueue(task: () => Promise<void> | void): Promise<void> {
    this.tail = this.tail.then(task).catch((error: unknown) => {
      this.options.log.error(`room ${this.name}: ${String(error)}`);
    });
    return this.tail;
  }

  private async load(): Promise<void> {
    const { bus } = this.options;
    if (bus) {
      try {
        // First subscribe, then load: updates committed before the subscription are in
        // storage, the ones after it arrive through the bus (overlap is harmless).
        this.subscription = await bus.subscribe(this.name, {
          update: (update) => void this.enqueue(() => this.applyRemote(update)),
          awareness: (update, node) =>
            void this.enqueue(() => this.applyRemoteAwareness(update, node)),
          awarenessQuery: () => void this.enqueue(() => this.publishLocalAwareness()),
          // A process that died between committing an update and publishing it leaves it
          // in storage only (found by the reliability crash tests): reload from there.
          nodeGone: (node) =>
            void this.enqueue(async () => {
              this.forgetNode(node);
              await this.resync();
            }),
          resync: () => void this.enqueue(() => this.resync()),
          purged: () => void this.enqueue(() => this.reloadAfterPurge()),
        });
      } catch (error) {
        this.options.log.error(`room ${this.name}: could not subscribe to the bus: ${error}`);
        this.breakRoom();
        return;
      }
    }
    let stored;
    try {
      stored = await this.options.storage.loadRoom(this.name);
    } catch (error) {
      // Serving an empty document would look like data loss to every client; refuse instead.
      this.options.log.error(`room ${this.name}: could not load from storage: ${error}`);
      this.breakRoom();
      return;
    }
    this.countStored(stored);
    for (const update of stored.updates) {
      try {
        Y.applyUpdate(this.doc, update);
      } catch (error) {
        // Validation keeps garbage out; if a row is unreadable anyway, serve the rest.
        this.options.log.error(`room ${this.name}: skipped unreadable stored update: ${error}`);
      }
    }
    // Ask the other processes who is here; their answers arrive as awareness updates.
    bus?.queryAwareness(this.name);
  }

  /** True once the room serves nobody any more (broken or unloaded). */
  private get gone(): boolean {
    return this.broken || this.unloaded !== null;
  }

  /** An update another relay process committed: apply it and relay the same bytes. */
  private applyRemote(update: Uint8Array): void {
    if (this.gone) return;
    try {
      Y.applyUpdate(this.doc, update, this.options.bus);
    } catch (error) {
      this.options.log.error(`room ${this.name}: refused an update from the bus: ${error}`);
      return;
    }
    this.logBytes += update.byteLength;
    this.sizeGauge.set(this.storedBytes);
    const frame = encodeUpdate(update);
    for (const peer of this.peers.keys()) peer.send(frame);
  }

  /**
   * The bus may have lost updates (Redis restarted): reload from storage, which has every
   * committed update, and send local peers whatever this document did not have yet.
   */
  private async resync(): Promise<void> {
    if (this.gone) return;
    let stored;
    try {
      stored = await this.options.storage.loadRoom(this.name);
    } catch (error) {
      this.options.log.error(`room ${this.name}: resync from storage failed: ${error}`);
      return;
    }
    const before = Y.encodeStateVector(this.doc);
    for (const update of stored.updates) {
      try {
        Y.applyUpdate(this.doc, update, this.options.bus);
      } catch (error) {
        this.options.log.error(`room ${this.name}: skipped unreadable stored update: ${error}`);
      }
    }
    this.countStored(stored);
    const missing = Y.encodeStateAsUpdate(this.doc, before);
    if (!changesNothing(Y.decodeUpdate(missing))) {
      const frame = encodeUpdate(missing);
      for (const peer of this.peers.keys()) peer.send(frame);
    }
    this.options.bus?.queryAwareness(this.name);
    this.publishLocalAwareness();
  }

  private applyRemoteAwareness(update: Uint8Array, node: string): void {
    if (this.gone) return;
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, new RemoteOrigin(node));
    } catch (error) {
      this.options.log.warn(`room ${this.name}: undecodable awareness from ${node}: ${error}`);
    }
  }

  /** Awareness client ids of this process's own connections. */
  private localAwarenessIds(): number[] {
    const states = this.awareness.getStates();
    const ids: number[] = [];
    for (const state of this.peers.values()) {
      for (const id of state.awarenessIds) if (states.has(id)) ids.push(id);
    }
    return ids;
  }

  private publishLocalAwareness(): void {
    if (this.gone) return;
    const ids = this.localAwarenessIds();
    if (ids.length === 0) return;
    this.options.bus?.publishAwareness(
      this.name,
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids),
    );
  }

  /** Another process is gone: its clients' presence goes with it. */
  private forgetNode(node: string): void {
    const ids = this.remoteAwareness.get(node);
    this.remoteAwareness.delete(node);
    if (this.gone || !ids || ids.size === 0) return;
    awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], new RemoteOrigin(node));
  }

  add(peer: Peer): void {
    if (this.broken) {
      peer.fail(new Error('room unavailable'), CLOSE_INTERNAL_ERROR);
      return;
    }
    this.peers.set(peer, {
      awarenessIds: new Set(),
      claimedIds: null,
      toldReadOnly: false,
      purgeRequests: new TokenBucket(PURGE_REQUESTS_PER_SECOND, PURGE_REQUEST_BURST, Date.now()),
    });
    void this.enqueue(() => {
      // Standard y-websocket handshake: the relay's state vector, then who is here.
      peer.send(encodeSyncStep1(this.doc));
      if (this.awareness.getStates().size > 0) {
        const ids = [...this.awareness.getStates().keys()];
        peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)));
      }
    });
  }

  /**
   * A device back after the relay dropped its connection (a half-open cut the heartbeat
   * found) announces its presence with the clock the relay already saw removed, and
   * y-protocols ignores that: it stayed invisible until its next 15 s renewal. Telling the
   * device its state is gone makes it announce itself again, with a newer clock, at once.
   */
  private answerStalePresence(peer: Peer, update: Uint8Array): void {
    const states = this.awareness.getStates();
    const gone = awarenessEntries(update)
      .map((entry) => entry.clientId)
      .filter((id) => !states.has(id) && this.awareness.meta.has(id));
    if (gone.length > 0) {
      peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, gone)));
    }
  }

  /** Removes a peer and its awareness; resolves with true when the room is now empty. */
  remove(peer: Peer): boolean {
    const state = this.peers.get(peer);
    if (!state) return this.peers.size === 0;
    this.peers.delete(peer);
    if (state.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...state.awarenessIds], LEAVING);
    }
    return this.peers.size === 0;
  }

  receive(peer: Peer, message: ClientMessage): void {
    if (message.kind === 'sync-step-2' || message.kind === 'update') {
      const pending = this.beginUpdate(peer, message.update);
      if (pending) void this.enqueue(() => this.finishUpdate(peer, pending));
      return;
    }
    void this.enqueue(() => this.handle(peer, message));
  }

  private failPeer(peer: Peer, error: unknown): void {
    if (error instanceof ProtocolError) peer.fail(error);
    else if (error instanceof LimitExceeded) peer.fail(error, error.closeCode);
    else throw error;
  }

  private async handle(peer: Peer, message: ClientMessage): Promise<void> {
    if (this.broken) return;
    try {
      switch (message.kind) {
        case 'sync-step-1': {
          const clocks = decodeStateVector(message.stateVector);
          peer.send(encodeSyncStep2(this.doc, message.stateVector));
          if (peer.wantsAcks) {
            const known = relayClocks(this.doc, clocks.keys());
            if (known.size > 0) peer.send(encodeAckMessage(known));
          }
          return;
        }
        case 'sync-step-2':
        case 'update':
          return; // see receive(): updates take their own path
        case 'awareness': {
          const state = this.peers.get(peer);
          if (!state) return;
          try {
            // Bound to this connection: only its own client ids, the name from its token.
            const bound = bindAwareness(message.update, {
              claimed: state.claimedIds,
              ownedByOther: (id) => this.isClaimedByOther(peer, id),
              name: peer.identity?.name,
            });
            state.claimedIds = bound.claimed;
            if (bound.update) {
              awarenessProtocol.applyAwarenessUpdate(this.awareness, bound.update, peer);
              this.answerStalePresence(peer, bound.update);
            }
          } catch (error) {
            throw new ProtocolError('malformed', `undecodable awareness update: ${error}`);
          }
          return;
        }
        case 'query-awareness': {
          const ids = [...this.awareness.getStates().keys()];
          peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)));
          return;
        }
        case 'purge-request':
          this.requestPurge(peer);
          return;
      }
    } catch (error) {
      this.failPeer(peer, error);
    }
  }

  private isClaimedByOther(peer: Peer, id: number): boolean {
    for (const [other, state] of this.peers) {
      if (other !== peer && state.claimedIds?.has(id)) return true;
    }
    return false;
  }

  /**
   * Checks an update and starts its commit at once, outside the room's queue, so that
   * updates arriving together (in this room as in others) share one storage transaction.
   * Applying, acknowledging and fanning out stay in arrival order: `finishUpdate` runs in
   * the queue and first waits for this update's own commit. Null when the update is dropped.
   */
  private beginUpdate(peer: Peer, update: Uint8Array): PendingUpdate | null {
    if (this.broken) return null;
    const stages = this.options.metrics.updateStages;
    const started = stages ? performance.now() : 0;
    try {
      if (!peer.canWrite) {
        // Decoded and understood, but this connection may only read: drop it and say so once.
        const state = this.peers.get(peer);
        this.options.metrics.rejectMessage('read-only');
        if (state && !state.toldReadOnly) {
          state.toldReadOnly = true;
          peer.send(encodePermissionDenied(`read-only access to ${this.name}`));
        }
        return null;
      }
      const decoded = validateUpdate(update);
      if (changesNothing(decoded)) return null; // e.g. a client's sync step 2 with nothing new
      this.checkLimits(update, decoded);
    } catch (error) {
      this.failPeer(peer, error);
      return null;
    }
    stages?.validate.observe((performance.now() - started) / 1000);
    this.inflightBytes += update.byteLength;
    const timer = this.options.metrics.commitSeconds.startTimer();
    const pending: PendingUpdate = {
      update,
      commit: this.options.storage.appendUpdate(this.name, update),
      durableAt: 0,
    };
    // Timed from the start of the commit to its durability, not the wait in the queue.
    const stop = () => {
      timer();
      if (stages) pending.durableAt = performance.now();
    };
    pending.commit.then(stop, stop);
    return pending;
  }

  private async finishUpdate(peer: Peer, pending: PendingUpdate): Promise<void> {
    const { storage, log } = this.options;
    const { update, commit } = pending;
    const stages = this.options.metrics.updateStages;
    let committed: AppendResult;
    try {
      committed = await commit;
    } catch (error) {
      log.error(`room ${this.name}: storage refused an update: ${error}`, { room: this.name });
      peer.fail(new Error('storage failure'), CLOSE_INTERNAL_ERROR);
      return;
    } finally {
      this.inflightBytes -= update.byteLength;
    }
    if (this.broken) return;
    let mark = 0;
    if (stages) {
      mark = performance.now();
      stages.settle.observe((mark - pending.durableAt) / 1000);
      if (committed.timing) {
        stages.queued.observe(committed.timing.queuedSeconds);
        stages.write.observe(committed.timing.writeSeconds);
      }
    }
    this.logLength = committed.logLength;
    this.logBytes += update.byteLength;
    this.sizeGauge.set(this.storedBytes);

    try {
      Y.applyUpdate(this.doc, update, peer);
    } catch (error) {
      // Passed validation, yet the live document refused it (it depends on state the
      // scratch check could not see). Take it out of storage again and reload the room
      // from storage, since the live document may now hold part of it.
      await storage.removeUpdate(this.name, committed.seq);
      log.warn(
        `room ${this.name}: update from connection ${peer.id} refused by document: ${error}`,
      );
      this.breakRoom();
      return;
    }

    if (stages) {
      const applied = performance.now();
      stages.apply.observe((applied - mark) / 1000);
      mark = applied;
    }

    if (peer.wantsAcks) {
      const clocks = relayClocks(this.doc, clientsInUpdate(update));
      if (clocks.size > 0) peer.send(encodeAckMessage(clocks));
    }
    // Raw and incremental: others receive exactly the bytes that were stored.
    const frame = encodeUpdate(update);
    for (const other of this.peers.keys()) if (other !== peer) other.send(frame);
    // Then to the other relay processes: committed first, so the bus never runs ahead.
    this.options.bus?.publishUpdate(this.name, update);
    stages?.fanout.observe((performance.now() - mark) / 1000);

    if (this.logIsLong()) this.compactInBackground();
  }

  /**
   * A log is worth folding once it holds more than `compactAfter` updates and a quarter of
   * the snapshot's bytes. The second half keeps a big room (a 34 MB community room after
   * years) from being re-folded and rewritten every 500 updates: the work of all its
   * compactions stays within a few times the bytes written, and loading the room reads at
   * most a quarter more than its snapshot. Past `LOG_ROWS_FOLDED_ANYWAY` times
   * `compactAfter` updates it is folded whatever its bytes: loading applies each logged
   * update on its own, and tens of thousands of small ones would cost seconds.
   */
  private logIsLong(): boolean {
    const { compactAfter } = this.options;
    if (this.logLength > compactAfter * LOG_ROWS_FOLDED_ANYWAY) return true;
    return this.logLength > compactAfter && this.logBytes * 4 >= this.snapshotBytes;
  }

  /**
   * Refuses an update that would grow the document past its limits: its stored size, or
   * the number of root types (which Yjs never removes once created).
   */
  private checkLimits(update: Uint8Array, decoded: DecodedUpdate): void {
    const { limits } = this.options;
    let added = 0;
    for (const name of rootTypeNames(decoded)) if (!this.doc.share.has(name)) added++;
    if (added > limits.maxNewRootTypesPerUpdate) {
      throw new LimitExceeded(
        'too-many-root-types',
        `update creates ${added} root types (limit ${limits.maxNewRootTypesPerUpdate} per update)`,
      );
    }
    if (this.doc.share.size + added > limits.maxRootTypesPerDocument) {
      throw new LimitExceeded(
        'too-many-root-types',
        `document would hold ${this.doc.share.size + added} root types (limit ${limits.maxRootTypesPerDocument})`,
      );
    }
    const grown = this.storedBytes + this.inflightBytes + update.byteLength;
    if (grown > limits.maxDocumentBytes) {
      throw new LimitExceeded(
        'document-too-large',
        `room ${this.name} would grow to ${grown} bytes (limit ${limits.maxDocumentBytes})`,
      );
    }
  }

  /** Drops every connection so that clients reconnect to a room freshly loaded from storage. */
  private breakRoom(): void {
    this.broken = true;
    this.subscription?.close();
    for (const other of [...this.peers.keys()]) {
      other.fail(new Error('room reset after a refused update'), CLOSE_INTERNAL_ERROR);
    }
  }

  /**
   * Compacts without holding up the room's queue: updates go on being committed, applied
   * and fanned out while the log is folded (storage folds and stores off the relay's
   * thread and keeps the rows committed meanwhile). One compaction at a time.
   */
  private compactInBackground(): void {
    if (this.compacting) return;
    this.compacting = this.compact()
      .catch((error: unknown) => {
        this.options.log.error(`room ${this.name}: compaction failed: ${String(error)}`);
      })
      .finally(() => {
        this.compacting = null;
      });
  }

  private async compact(): Promise<void> {
    const logBefore = this.logBytes;
    const { folded, snapshotBytes } = await this.options.storage.compact(this.name);
    if (snapshotBytes === null) return;
    this.logLength = Math.max(0, this.logLength - folded);
    // The log is what was committed since it was read; an update committed just before
    // and folded is counted twice until the next compaction (on the safe side).
    this.snapshotBytes = snapshotBytes;
    this.logBytes -= logBefore;
    this.sizeGauge.set(this.storedBytes);
    this.options.log.info(`room ${this.name}: compacted ${folded} updates`, {
      room: this.name,
      folded,
      bytes: this.storedBytes,
    });
  }

  /**
   * A purge request (101): only from a connection that may write this room, and at most
   * `PURGE_REQUEST_BURST` then one per 10 s per connection; more are dropped (the purge
   * they ask for is coalesced anyway), a read-only connection is told so.
   */
  private requestPurge(peer: Peer): void {
    const state = this.peers.get(peer);
    if (!state) return;
    if (!peer.canWrite) {
      this.options.metrics.rejectMessage('read-only');
      peer.send(encodePermissionDenied(`read-only access to ${this.name}: no purge`));
      return;
    }
    if (!state.purgeRequests.take(1, Date.now())) {
      this.options.metrics.rejectMessage('purge-rate');
      this.options.log.warn(`room ${this.name}: purge request from ${peer.id} over the rate`, {
        room: this.name,
        conn: peer.id,
        reason: 'purge-rate',
      });
      return;
    }
    const joined = this.purges.request();
    this.options.log.info(
      `room ${this.name}: purge requested by connection ${peer.id}${joined ? ' (joins a waiting one)' : ''}`,
      { room: this.name, conn: peer.id },
    );
  }

  /**
   * Erases deleted content for real: storage folds snapshot and log into one
   * garbage-collected snapshot and scrubs itself; this room's document is rebuilt from that
   * snapshot; clients and other relay processes are told to do the same.
   */
  private async purge(): Promise<void> {
    if (this.gone) return;
    // A fold started before the purge would store what the purge erases (storage refuses
    // it, as the snapshot changed); waiting for it keeps the order plain.
    await this.compacting;
    const snapshot = await this.options.storage.purge(this.name);
    this.replaceDocument([snapshot]);
    this.countStored({ updates: [snapshot], logLength: 0 });
    this.options.bus?.publishPurge(this.name);
    this.noticePurge();
    this.options.log.info(`room ${this.name}: purged (${snapshot.byteLength} bytes remain)`, {
      room: this.name,
      bytes: snapshot.byteLength,
    });
  }

  /** Another relay process purged this room: drop this copy and load the scrubbed one. */
  private async reloadAfterPurge(): Promise<void> {
    if (this.gone) return;
    let stored;
    try {
      stored = await this.options.storage.loadRoom(this.name);
    } catch (error) {
      this.options.log.error(`room ${this.name}: reload after a purge failed: ${error}`);
      this.breakRoom();
      return;
    }
    this.replaceDocument(stored.updates);
    this.countStored(stored);
    this.noticePurge();
  }

  /**
   * Swaps in a fresh garbage-collected document built from `updates`. Every client already
   * holds this state (the relay only erased what was deleted), so nobody needs an update;
   * the old document, with whatever it still referenced, is destroyed.
   */
  private replaceDocument(updates: readonly Uint8Array[]): void {
    const fresh = new Y.Doc({ gc: true });
    for (const update of updates) {
      try {
        Y.applyUpdate(fresh, update);
      } catch (error) {
        this.options.log.error(`room ${this.name}: skipped unreadable stored update: ${error}`);
      }
    }
    const old = this.current;
    this.current = fresh;
    old.destroy();
  }

  /** Takes the log length and the stored sizes from what storage returned. */
  private countStored({ updates, logLength }: StoredRoom): void {
    this.logLength = logLength;
    const total = updates.reduce((sum, update) => sum + update.byteLength, 0);
    this.snapshotBytes = updates.length > logLength ? (updates[0]?.byteLength ?? 0) : 0;
    this.logBytes = total - this.snapshotBytes;
    this.sizeGauge.set(this.storedBytes);
  }

  /** 102 to every connection that speaks Buurthub's messages (stock clients would not). */
  private noticePurge(): void {
    const frame = encodePurgeNotice();
    for (const peer of this.peers.keys()) if (peer.hearsPurges) peer.send(frame);
  }

  /** Flushes the queue, compacts (or purges, when one was asked for), and frees the document. */
  unload(): Promise<void> {
    const purgeWaiting = this.purges.pending;
    this.purges.close();
    this.unloaded ??= this.enqueue(async () => {
      try {
        // A purge that was asked for runs now rather than being lost with the room.
        await this.compacting;
        if (purgeWaiting) await this.purgeBeforeUnload();
        else if (this.logLength > 0) await this.compact();
      } finally {
        this.subscription?.close();
        this.awareness.off('update', this.onAwarenessUpdate);
        this.awareness.destroy();
        this.current.destroy();
      }
    });
    return this.unloaded;
  }

  private async purgeBeforeUnload(): Promise<void> {
    await this.options.storage.purge(this.name);
    this.options.bus?.publishPurge(this.name);
    this.options.log.info(`room ${this.name}: purged on unload`, { room: this.name });
  }

  private readonly onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...change.added, ...change.updated, ...change.removed];
    const state = this.peers.get(origin as Peer);
    if (state) {
      for (const id of [...change.added, ...change.updated]) state.awarenessIds.add(id);
      for (const id of change.removed) state.awarenessIds.delete(id);
    }
    if (origin instanceof RemoteOrigin) {
      let ids = this.remoteAwareness.get(origin.node);
      if (!ids) this.remoteAwareness.set(origin.node, (ids = new Set()));
      for (const id of [...change.added, ...change.updated]) ids.add(id);
      for (const id of change.removed) ids.delete(id);
    } else if ((state || origin === LEAVING) && changed.length > 0) {
      // Only this process's own clients' presence travels; the rest is another's to tell.
      this.options.bus?.publishAwareness(
        this.name,
        awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
      );
    }
    // Sent to every peer, the sender included: stock clients close a connection that stays
    // silent for 30 s, and the echo of their own 15 s awareness renewal keeps it alive.
    const frame = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    for (const peer of this.peers.keys()) peer.send(frame);
  };
}

/** An update with no structs and no deletions changes nothing and is not worth a commit. */
function changesNothing({ structs, ds }: DecodedUpdate): boolean {
  return structs.length === 0 && ds.clients.size === 0;
}

/** All live rooms of one relay. */
export class Rooms {
  private readonly live = new Map<string, Room>();
  private readonly unloading = new Map<string, Promise<void>>();

  constructor(private readonly options: RoomOptions) {}

  get count(): number {
    return this.live.size;
  }

  join(name: string, peer: Peer): Room {
    let room = this.live.get(name);
    if (!room || room.isBroken) {
      // A room that is still unloading must finish compacting before it is read again.
      const previous = this.unloading.get(name) ?? Promise.resolve();
      room = new Room(name, this.options, previous);
      this.live.set(name, room);
      this.options.metrics.rooms.set(this.live.size);
    }
    room.add(peer);
    return room;
  }

  leave(room: Room, peer: Peer): void {
    if (!room.remove(peer)) return;
    if (this.live.get(room.name) === room) this.live.delete(room.name);
    this.options.metrics.rooms.set(this.live.size);
    const done = room.unload().finally(() => {
      if (this.unloading.get(room.name) === done) this.unloading.delete(room.name);
    });
    this.unloading.set(room.name, done);
  }

  /** Resolves when every room that is unloading has been compacted. */
  async settled(): Promise<void> {
    while (this.unloading.size > 0) await Promise.all([...this.unloading.values()]);
  }
}
