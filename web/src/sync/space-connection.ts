/**
 * One space of one neighbourhood on this device: its Y.Doc, kept in IndexedDB (so the app
 * opens instantly and works offline) and synced with the relay over y-websocket. The relay
 * acknowledges stored updates with a custom message, which feeds `PendingChanges`, so the UI
 * can say honestly what is saved on the server.
 */
import { MESSAGE_ACK, PendingChanges, type KeyValueStore, readAck } from '@buurthub/shared';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export type ProviderStatus = 'connected' | 'connecting' | 'disconnected';

export interface SpaceConnectionOptions {
  /** Neighbourhood slug, e.g. `maasburen`. */
  nb: string;
  space: 'community' | 'public';
  /** Base sync URL without the room, e.g. `wss://example.org/sync`. */
  syncUrl: string;
  store: KeyValueStore;
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

  private readonly listeners = new Set<() => void>();
  private readonly onOffline = () => this.provider.disconnect();
  private readonly onOnline = () => this.provider.connect();

  constructor(readonly options: SpaceConnectionOptions) {
    const room = `${options.nb}/${options.space}`;
    this.persistence = new IndexeddbPersistence(`buurthub:${room}`, this.doc);
    void this.persistence.whenSynced.then(() => {
      this.loaded = true;
      this.changed();
    });
    this.pending = new PendingChanges(this.doc, options.store, `buurthub:pending:${room}`);
    this.pending.onChange(() => this.changed());

    this.provider = new WebsocketProvider(options.syncUrl, room, this.doc, {
      params: { ack: '1' },
      // Outages are the normal case here: retry often so the indicator recovers quickly.
      maxBackoffTime: 5000,
      // When the device knows it has no network, do not knock on the relay's door.
      connect: navigator.onLine,
    });
    window.addEventListener('offline', this.onOffline);
    window.addEventListener('online', this.onOnline);
    this.provider.messageHandlers[MESSAGE_ACK] = (_encoder, decoder) => {
      this.pending.handleAck(readAck(decoder));
    };
    this.provider.on('status', ({ status }) => {
      this.status = status;
      if (status === 'connected') this.reachable = true;
      this.changed();
    });
    this.provider.on('connection-close', () => {
      this.reachable = false;
      this.changed();
    });
    this.provider.on('connection-error', () => {
      this.reachable = false;
      this.changed();
    });
    this.provider.on('sync', () => this.changed());
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
