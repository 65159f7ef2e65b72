/**
 * The room bus over Redis (see bus.ts for the contract):
 *
 * - Updates: one stream per room, `<prefix>{<nb>/<space>}:updates` (the hash tag keeps a
 *   room's keys in one Redis Cluster slot). A process XADDs each update after committing
 *   it to PostgreSQL; one multiplexed reader per process XREADs (BLOCK) every stream of the
 *   rooms it serves and skips its own entries. Streams are capped (MAXLEN ~): PostgreSQL
 *   holds the truth, the stream only has to cover the time between a process reading its
 *   start position and the next read.
 * - Awareness: pub/sub, `<prefix>{<nb>/<space>}:awareness`; node heartbeats on
 *   `<prefix>nodes`. A process that misses `missedHeartbeats` beats (or says goodbye) is
 *   gone, and every other process removes its clients' presence.
 * - Gaps: when the reader reconnects (Redis restarted), every room resyncs from PostgreSQL.
 *   When an XADD fails, the room is remembered and a resync marker is added to its stream
 *   as soon as Redis answers again, so readers that reconnected earlier reload too.
 */
import { Redis } from 'ioredis';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Logger } from '../log.js';
import { nodeId, type RoomBus, type RoomBusHandlers, type RoomSubscription } from './bus.js';

export interface RedisBusOptions {
  /** `redis://host:port[/db]`. */
  url: string;
  /** Prefix of every key and channel. Default `buurthub:`. */
  prefix?: string;
  /** How often this process says it is alive. Default 2000 ms. */
  heartbeatMs?: number;
  /** Beats missed before a process counts as gone. Default 3. */
  missedHeartbeats?: number;
  /** Approximate cap per room stream. Default 10 000 entries. */
  streamMaxLength?: number;
  log: Logger;
  node?: string;
}

export const DEFAULT_REDIS_PREFIX = 'buurthub:';
export const DEFAULT_HEARTBEAT_MS = 2000;
const BLOCK_MS = 5000;
const KIND_UPDATE = 'u';
const KIND_RESYNC = 'r';
const KIND_PURGE = 'p';
const AWARENESS_UPDATE = 0;
const AWARENESS_QUERY = 1;
const NODE_ALIVE = 0;
const NODE_BYE = 1;

type StreamReply = [Buffer, [Buffer, Buffer[]][]][] | null;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface RoomEntry {
  handlers: Set<RoomBusHandlers>;
  /** Resolves once the start position of the stream is fixed. */
  ready: Promise<void>;
  /** Last stream id delivered (or the start position). */
  cursor: string;
}

export class RedisBus implements RoomBus {
  readonly node: string;
  private readonly prefix: string;
  private readonly heartbeatMs: number;
  private readonly missedHeartbeats: number;
  private readonly maxLength: number;
  private readonly log: Logger;
  /** Commands: XADD, PUBLISH, XREVRANGE, CLIENT UNBLOCK. Fails fast while disconnected. */
  private readonly cmd: Redis;
  /** Blocking XREAD only. */
  private readonly reader: Redis;
  private readonly sub: Redis;
  private readerId: number | null = null;
  private readerReadies = 0;
  private blocking = false;
  private readonly rooms = new Map<string, RoomEntry>();
  private readonly roomByKey = new Map<string, string>();
  private readonly roomByChannel = new Map<string, string>();
  private readonly lastSeen = new Map<string, number>();
  /** Rooms whose last XADD failed: other processes get a resync marker later. */
  private readonly missed = new Set<string>();
  private wakeReader: (() => void) | null = null;
  private closed = false;
  private timer: NodeJS.Timeout | null = null;
  private loop: Promise<void> | null = null;

  private constructor(options: RedisBusOptions) {
    this.node = options.node ?? nodeId('relay');
    this.prefix = options.prefix ?? DEFAULT_REDIS_PREFIX;
    this.heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
    this.missedHeartbeats = options.missedHeartbeats ?? 3;
    this.maxLength = options.streamMaxLength ?? 10_000;
    this.log = options.log;
    const base = {
      lazyConnect: true,
      connectionName: `buurthub-${this.node}`,
      // Reconnect for ever, backing off to 1 s: a relay recovers on its own.
      retryStrategy: (times: number) => Math.min(times * 100, 1000),
    };
    this.cmd = new Redis(options.url, {
      ...base,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
    });
    this.reader = new Redis(options.url, { ...base, maxRetriesPerRequest: null });
    this.sub = new Redis(options.url, { ...base, maxRetriesPerRequest: null });
    for (const [name, connection] of [
      ['commands', this.cmd],
      ['reader', this.reader],
      ['subscriber', this.sub],
    ] as const) {
      // ioredis reports every failed reconnect; readiness and one line per change suffice.
      let down = false;
      connection.on('error', (error: Error) => {
        if (!down) this.log.warn(`redis ${name}: ${error.message}`);
        down = true;
      });
      connection.on('ready', () => {
        if (down) this.log.info(`redis ${name}: connected again`);
        down = false;
      });
    }
    this.reader.on('ready', () => this.onReaderReady());
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) =>
      this.onMessage(channel.toString(), message),
    );
  }

  /** Connects (failing if Redis does not answer within `timeoutMs`) and starts reading. */
  static async connect(options: RedisBusOptions, timeoutMs = 10_000): Promise<RedisBus> {
    const bus = new RedisBus(options);
    const deadline = setTimeout(() => {
      bus.cmd.disconnect();
      bus.reader.disconnect();
      bus.sub.disconnect();
    }, timeoutMs);
    try {
      await Promise.all([bus.cmd.connect(), bus.reader.connect(), bus.sub.connect()]);
      await bus.sub.subscribe(bus.nodesChannel);
    } catch (error) {
      bus.closed = true;
      bus.cmd.disconnect();
      bus.reader.disconnect();
      bus.sub.disconnect();
      throw new Error(`Redis at ${options.url} does not answer: ${String(error)}`, {
        cause: error,
      });
    } finally {
      clearTimeout(deadline);
    }
    bus.timer = setInterval(() => bus.tick(), bus.heartbeatMs);
    bus.timer.unref();
    bus.beat(NODE_ALIVE);
    bus.loop = bus.readLoop();
    return bus;
  }

  private streamKey(room: string): string {
    return `${this.prefix}{${room}}:updates`;
  }

  private awarenessChannel(room: string): string {
    return `${this.prefix}{${room}}:awareness`;
  }

  private get nodesChannel(): string {
    return `${this.prefix}nodes`;
  }

  async subscribe(room: string, handlers: RoomBusHandlers): Promise<RoomSubscription> {
    let entry = this.rooms.get(room);
    if (!entry) {
      const created: RoomEntry = { handlers: new Set(), ready: Promise.resolve(), cursor: '0-0' };
      created.ready = this.startRoom(room, created);
      this.rooms.set(room, created);
      entry = created;
    }
    await entry.ready;
    const current = entry;
    current.handlers.add(handlers);
    let open = true;
    return {
      close: () => {
        if (!open) return;
        open = false;
        current.handlers.delete(handlers);
        if (current.handlers.size === 0 && this.rooms.get(room) === current) this.stopRoom(room);
      },
    };
  }

  private async startRoom(room: string, entry: RoomEntry): Promise<void> {
    const key = this.streamKey(room);
    const channel = this.awarenessChannel(room);
    this.roomByKey.set(key, room);
    this.roomByChannel.set(channel, room);
    try {
      // Everything up to the stream's last entry is committed in storage already (commit,
      // then XADD), so the room's load covers it; the reader continues after it.
      const last = (await this.cmd.xrevrange(key, '+', '-', 'COUNT', 1))[0];
      entry.cursor = last?.[0] ?? '0-0';
    } catch (error) {
      // Redis is away: read the whole (capped) stream once it is back; overlap is harmless.
      entry.cursor = '0-0';
      this.log.warn(`redis: start of ${room} unknown, reading its stream from the beginning`, {
        room,
        error: String(error),
      });
    }
    this.sub.subscribe(channel).catch((error: unknown) => {
      this.log.warn(`redis: subscribe ${channel}: ${String(error)}`);
    });
    this.wake();
  }

  private stopRoom(room: string): void {
    this.rooms.delete(room);
    this.roomByKey.delete(this.streamKey(room));
    const channel = this.awarenessChannel(room);
    this.roomByChannel.delete(channel);
    this.sub.unsubscribe(channel).catch(() => {});
    this.wake();
  }

  /** Makes a blocked XREAD return, so the next one reads the current set of streams. */
  private wake(): void {
    this.wakeReader?.();
    if (this.blocking && this.readerId !== null) {
      this.cmd.client('UNBLOCK', this.readerId).catch(() => {});
    }
  }

  private onReaderReady(): void {
    this.readerReadies++;
    this.reader
      .client('ID')
      .then((id) => {
        this.readerId = Number(id);
      })
      .catch(() => {});
    if (this.readerReadies > 1) {
      // Reconnected: Redis may have restarted, and anything XADDed while we were away may be
      // gone or never written. Storage has it all.
      this.log.info(`redis: reader reconnected, resyncing ${this.rooms.size} rooms from storage`);
      for (const entry of this.rooms.values()) {
        for (const handlers of entry.handlers) handlers.resync();
      }
    }
  }

  private async readLoop(): Promise<void> {
    while (!this.closed) {
      const rooms = [...this.rooms.entries()];
      if (rooms.length === 0) {
        await new Promise<void>((resolve) => {
          this.wakeReader = resolve;
          setTimeout(resolve, BLOCK_MS);
        });
        this.wakeReader = null;
        continue;
      }
      const keys = rooms.map(([room]) => this.streamKey(room));
      const ids = rooms.map(([, entry]) => entry.cursor);
      let reply: StreamReply;
      try {
        this.blocking = true;
        reply = (await this.reader.callBuffer(
          'XREAD',
          'COUNT',
          '500',
          'BLOCK',
          String(BLOCK_MS),
          'STREAMS',
          ...keys,
          ...ids,
        )) as StreamReply;
      } catch (error) {
        if (this.closed) return;
        this.log.warn(`redis: stream read failed: ${String(error)}`);
        await sleep(250);
        continue;
      } finally {
        this.blocking = false;
      }
      for (const [keyBuffer, entries] of reply ?? []) {
        const room = this.roomByKey.get(keyBuffer.toString());
        const entry = room === undefined ? undefined : this.rooms.get(room);
        if (!entry) continue;
        for (const [id, fields] of entries) {
          entry.cursor = id.toString();
          this.deliver(entry, fields);
        }
      }
    }
  }

  private deliver(entry: RoomEntry, fields: Buffer[]): void {
    let node = '';
    let kind = '';
    let data: Buffer | undefined;
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const name = fields[i]?.toString();
      const value = fields[i + 1] as Buffer;
      if (name === 'n') node = value.toString();
      else if (name === 'k') kind = value.toString();
      else if (name === 'd') data = value;
    }
    if (node === this.node) return;
    for (const handlers of entry.handlers) {
      if (kind === KIND_UPDATE && data) handlers.update(new Uint8Array(data));
      else if (kind === KIND_RESYNC) handlers.resync();
      else if (kind === KIND_PURGE) handlers.purged();
    }
  }

  publishUpdate(room: string, update: Uint8Array): void {
    if (this.closed) return;
    this.xadd(room, KIND_UPDATE, Buffer.from(update)).catch((error: unknown) => {
      this.missed.add(room);
      this.log.warn(`redis: could not fan out an update of ${room}: ${String(error)}`, { room });
    });
  }

  /**
   * The purge notice goes on the room's stream like an update, and the entries before it
   * are trimmed away: they are the raw updates, with the erased content in them. A reader
   * still behind the notice skips those entries, but it reloads from storage on the notice
   * anyway, and storage has them all.
   */
  publishPurge(room: string): void {
    if (this.closed) return;
    this.xadd(room, KIND_PURGE)
      .then((id) => this.cmd.xtrim(this.streamKey(room), 'MINID', String(id)))
      .catch((error: unknown) => {
        this.missed.add(room);
        this.log.warn(`redis: could not announce the purge of ${room}: ${String(error)}`, {
          room,
        });
      });
  }

  private xadd(room: string, kind: string, data?: Buffer): Promise<unknown> {
    const fields: (string | Buffer)[] = ['n', this.node, 'k', kind];
    if (data) fields.push('d', data);
    return this.cmd.xadd(
      this.streamKey(room),
      'MAXLEN',
      '~',
      String(this.maxLength),
      '*',
      ...fields,
    );
  }

  publishAwareness(room: string, update: Uint8Array): void {
    this.publishRoom(room, AWARENESS_UPDATE, update);
  }

  queryAwareness(room: string): void {
    this.publishRoom(room, AWARENESS_QUERY, new Uint8Array(0));
  }

  private publishRoom(room: string, kind: number, payload: Uint8Array): void {
    if (this.closed || this.cmd.status !== 'ready') return;
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, this.node);
    encoding.writeVarUint(encoder, kind);
    encoding.writeVarUint8Array(encoder, payload);
    this.cmd
      .publish(this.awarenessChannel(room), Buffer.from(encoding.toUint8Array(encoder)))
      .catch(() => {});
  }

  private beat(kind: number): Promise<unknown> {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, this.node);
    encoding.writeVarUint(encoder, kind);
    return this.cmd
      .publish(this.nodesChannel, Buffer.from(encoding.toUint8Array(encoder)))
      .catch(() => {});
  }

  private onMessage(channel: string, message: Buffer): void {
    try {
      const decoder = decoding.createDecoder(new Uint8Array(message));
      const node = decoding.readVarString(decoder);
      if (node === this.node) return;
      const kind = decoding.readVarUint(decoder);
      if (channel === this.nodesChannel) {
        if (kind === NODE_BYE) this.gone(node);
        else this.lastSeen.set(node, Date.now());
        return;
      }
      const room = this.roomByChannel.get(channel);
      const entry = room === undefined ? undefined : this.rooms.get(room);
      if (!entry) return;
      if (!this.lastSeen.has(node)) this.lastSeen.set(node, Date.now());
      if (kind === AWARENESS_QUERY) {
        for (const handlers of entry.handlers) handlers.awarenessQuery();
      } else if (kind === AWARENESS_UPDATE) {
        const update = decoding.readVarUint8Array(decoder);
        for (const handlers of entry.handlers) handlers.awareness(update, node);
      }
    } catch (error) {
      this.log.warn(`redis: undecodable message on ${channel}: ${String(error)}`);
    }
  }

  /** Heartbeat, gone-node detection and repair of failed fan-out. */
  private tick(): void {
    void this.beat(NODE_ALIVE);
    const limit = Date.now() - this.heartbeatMs * this.missedHeartbeats;
    for (const [node, seen] of this.lastSeen) {
      if (seen < limit) {
        this.log.info(`redis: node ${node} missed its heartbeats; removing its presence`);
        this.gone(node);
      }
    }
    if (this.missed.size > 0 && this.cmd.status === 'ready') {
      for (const room of [...this.missed]) {
        this.missed.delete(room);
        this.xadd(room, KIND_RESYNC).catch(() => this.missed.add(room));
      }
    }
  }

  private gone(node: string): void {
    this.lastSeen.delete(node);
    for (const entry of this.rooms.values()) {
      for (const handlers of entry.handlers) handlers.nodeGone(node);
    }
  }

  async ping(): Promise<void> {
    for (const connection of [this.cmd, this.reader, this.sub]) {
      if (connection.status !== 'ready') throw new Error(`redis ${connection.status}`);
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.cmd.ping(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('redis ping timed out')), 2000);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    if (this.cmd.status === 'ready') await this.beat(NODE_BYE);
    this.wakeReader?.();
    this.reader.disconnect();
    await Promise.allSettled([this.loop]);
    this.sub.disconnect();
    await this.cmd.quit().catch(() => this.cmd.disconnect());
  }
}
