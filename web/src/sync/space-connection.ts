/**
 * One space of one neighbourhood on this device: its Y.Doc, kept in IndexedDB (so the app
 * opens instantly and works offline) and synced with the relay over y-websocket. The relay
 * acknowledges stored updates with a custom message, which feeds `PendingChanges`, so the UI
 * can say honestly what is saved on the server.
 *
 * The member token travels in the `token` query parameter (DESIGN.md §5). `setAccess` swaps
 * it (after a join or refresh) and reconnects; without permission to connect the space
 * still works on the device from IndexedDB, and its changes wait for a usable token.
 *
 * Erasure: after deleting something the app asks the relay to purge the room
 * (`requestPurge`, message 101); the relay's purge notice (102) makes this device replace
 * its stored update log with one update of its garbage-collected document, so the deleted
 * text leaves IndexedDB too (local-compaction.ts).
 */
import {
  MESSAGE_ACK,
  MESSAGE_PURGE_NOTICE,
  PendingChanges,
  type KeyValueStore,
  encodePurgeRequest,
  readAck,
} from '@buurthub/shared';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { compactLocalCopy, deletesLocalItems } from './local-compaction.js';

export type ProviderStatus = 'connected' | 'connecting' | 'disconnected';

export interface SpaceConnectionOptions {
  /** Neighbourhood slug, e.g. `maasburen`. */
  nb: string;
  space: 'community' | 'public' | 'directory' | 'moderation';
  /** Base sync URL without the room, e.g. `wss://example.org/sync`. */
  syncUrl: string;
  store: KeyValueStore;
  /** The member token for the relay; null or absent connects as a guest. */
  token?: string | null;
  /** False keeps the space on this device only (no relay connection). Default true. */
  connect?: boolean;
}

function paramsFor(token: string | null | undefined): Record<string, string> {
  return token ? { ack: '1', token } : { ack: '1' };
}

export class SpaceConnection {
  readonly doc = new Y.Doc();
  readonly persistence: IndexeddbPersistence;
  readonly provider: WebsocketProvider;
  readonly pending: PendingChanges;
  /** The last status the provider reported. */
  status: ProviderStatus = 'connecting';
  /** False after a connection attempt failed or dropped, until the next one succeeds. */
  reachable = true;
  /** The local IndexedDB copy has been loaded into the doc. */
  loaded = false;
  /**
   * Connection attempts that closed in a row without ever opening. The relay refuses a bad
   * token with HTTP 401 before the upgrade, which a browser WebSocket cannot tell apart from
   * an unreachable relay; a growing streak is the cue to ask the relay over HTTP.
   */
  failures = 0;
  /**
   * The relay closed the connection for good (a close code 4400-4499, e.g. 4401 "token
   * revoked"); y-websocket stops reconnecting until `setAccess` or `connect` is called.
   */
  refused = false;
  /** Whether this space may connect to the relay at all (see `setAccess`). */
  active: boolean;

  /** Resolved by the next purge notice, once the local copy is compacted. */
  private purgeWaiters: (() => void)[] = [];
  /** A purge was asked for while the relay could not hear it; sent after the next sync. */
  private purgeWanted = false;
  /** The relay's catch-up after a reconnect deleted items this device had stored. */
  private deletedWhileAway = false;
  private readonly listeners = new Set<() => void>();
  private readonly onOffline = () => this.provider.disconnect();
  private readonly onOnline = () => {
    if (this.active) this.provider.connect();
  };
  private opened = false;

  constructor(readonly options: SpaceConnectionOptions) {
    this.active = options.connect ?? true;
    const room = `${options.nb}/${options.space}`;
    this.persistence = new IndexeddbPersistence(`buurthub:${room}`, this.doc);
    void this.persistence.whenSynced.then(() => {
      this.loaded = true;
      this.changed();
    });
    this.pending = new PendingChanges(this.doc, options.store, `buurthub:pending:${room}`);
    this.pending.onChange(() => this.changed());

    this.provider = new WebsocketProvider(options.syncUrl, room, this.doc, {
      params: paramsFor(options.token),
      // Outages are the normal case here: retry often so the indicator recovers quickly.
      maxBackoffTime: 5000,
      // When the device knows it has no network, do not knock on the relay's door.
      connect: navigator.onLine && this.active,
    });
    window.addEventListener('offline', this.onOffline);
    window.addEventListener('online', this.onOnline);
    this.provider.messageHandlers[MESSAGE_ACK] = (_encoder, decoder) => {
      this.pending.handleAck(readAck(decoder));
    };
    this.provider.messageHandlers[MESSAGE_PURGE_NOTICE] = () => {
      void this.compact().then(() => {
        const waiters = this.purgeWaiters.splice(0);
        for (const resolve of waiters) resolve();
      });
    };
    // A device that was away during a purge never got its notice; what the relay erased
    // reaches it as deletions in the catch-up, and those are the cue to compact as well.
    this.doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.origin === this.provider && !this.provider.synced) {
        this.deletedWhileAway ||= deletesLocalItems(transaction);
      }
    });
    this.provider.on('status', ({ status }) => {
      this.status = status;
      if (status === 'connected') {
        this.reachable = true;
        this.opened = true;
        this.failures = 0;
      }
      this.changed();
    });
    this.provider.on('connection-close', (event) => {
      // `event` is null when we closed the socket ourselves (disconnect, reconnect).
      if (event === null) return;
      if (!this.opened) this.failures++;
      this.opened = false;
      this.reachable = false;
      this.changed();
    });
    this.provider.on('closed', () => {
      this.refused = true;
      this.changed();
    });
    this.provider.on('connection-error', () => {
      this.reachable = false;
      this.changed();
    });
    this.provider.on('sync', (synced: boolean) => {
      if (synced && this.purgeWanted) this.sendPurgeRequest();
      if (synced && this.deletedWhileAway) {
        this.deletedWhileAway = false;
        void this.compact();
      }
      this.changed();
    });
  }

  /**
   * Changes the token and whether to connect; reconnects when the token changed, so the
   * relay decides again with the new one. Local data and pending changes stay as they are.
   */
  setAccess(token: string | null, connect: boolean): void {
    const params = paramsFor(token);
    const tokenChanged = params['token'] !== this.provider.params['token'];
    const activeChanged = connect !== this.active;
    if (!tokenChanged && !activeChanged) return;
    this.provider.params = params;
    this.active = connect;
    this.failures = 0;
    this.refused = false;
    if (this.provider.shouldConnect || this.provider.ws) this.provider.disconnect();
    if (connect && navigator.onLine) this.provider.connect();
    if (!connect) this.status = 'disconnected';
    this.reachable = true;
    this.changed();
  }

  /**
   * Asks the relay to erase what was deleted in this space (its purge runs a few seconds
   * later, coalesced with others'). Resolves once the relay's purge notice arrived and this
   * device's copy is compacted; while offline, it waits for the connection.
   */
  requestPurge(): Promise<void> {
    const done = new Promise<void>((resolve) => this.purgeWaiters.push(resolve));
    if (this.provider.synced && this.provider.wsconnected) this.sendPurgeRequest();
    else this.purgeWanted = true;
    return done;
  }

  private sendPurgeRequest(): void {
    this.purgeWanted = false;
    this.provider.ws?.send(encodePurgeRequest());
  }

  /** Replaces the stored update log with this document's state (garbage-collected). */
  private async compact(): Promise<void> {
    await this.persistence.whenSynced;
    await compactLocalCopy(this.persistence, this.doc);
  }

  get synced(): boolean {
    return this.provider.synced;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('online', this.onOnline);
    this.listeners.clear();
    this.pending.destroy();
    this.provider.destroy();
    void this.persistence.destroy();
    this.doc.destroy();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
