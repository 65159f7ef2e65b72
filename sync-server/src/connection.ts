/**
 * One WebSocket connection to a room: turns frames into decoded protocol messages for the
 * room, closes only this connection on anything malformed, and answers for its own
 * liveness (the heartbeat in server.ts terminates sockets that stop answering pings).
 */
import type { Duplex } from 'node:stream';
import type { RawData, WebSocket } from 'ws';
import type { Identity } from './auth.js';
import { LimitExceeded, type Limits, TokenBucket } from './limits.js';
import type { Logger } from './log.js';
import type { RelayMetrics } from './metrics.js';
import {
  awarenessEntries,
  CLOSE_UNSUPPORTED_DATA,
  ProtocolError,
  closeCodeFor,
  decodeClientMessage,
} from './protocol.js';
import type { Peer, Room, Rooms } from './rooms.js';

/**
 * A peer whose socket buffers more than this is not reading; closing it protects the
 * relay's memory from one slow or hostile client.
 */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

let nextId = 1;

/** What a connection checks each frame against, and where it counts what it saw. */
export interface ConnectionGuard {
  limits: Limits;
  metrics: RelayMetrics;
}

export class Connection implements Peer {
  readonly id = nextId++;
  /** Set on every pong; the heartbeat terminates connections that stay false. */
  alive = true;
  private closed = false;
  private readonly room: Room;
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;
  private readonly awareness: TokenBucket;
  /** True while this turn's frames are held back to go out in one write (`send`). */
  private corked = false;
  /** Buurthub's messages come as a set: a client that opted in to acks hears purges too. */
  readonly hearsPurges: boolean;

  constructor(
    private readonly socket: WebSocket,
    /** The TCP socket under `socket` (from the upgrade), corked per turn in `send`. */
    private readonly transport: Pick<Duplex, 'cork' | 'uncork'>,
    private readonly rooms: Rooms,
    readonly roomName: string,
    readonly wantsAcks: boolean,
    readonly canWrite: boolean,
    private readonly log: Logger,
    private readonly guard: ConnectionGuard,
    /** From the token: revocation closes the connection, awareness gets its name. */
    readonly identity: Identity = {},
  ) {
    this.hearsPurges = wantsAcks;
    const { limits } = guard;
    const now = Date.now();
    this.messages = new TokenBucket(limits.messagesPerSecond, limits.messageBurst, now);
    this.bytes = new TokenBucket(limits.bytesPerSecond, limits.byteBurst, now);
    this.awareness = new TokenBucket(limits.awarenessPerSecond, limits.awarenessBurst, now);
    socket.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    socket.on('pong', () => {
      this.alive = true;
    });
    socket.on('error', (error: Error & { code?: string }) => {
      // ws closes the socket itself after an error (e.g. 1009 too big); just record why.
      const tooBig = error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH';
      if (tooBig) guard.metrics.rejectMessage('message-too-large');
      this.log.warn(`connection ${this.id} (${roomName}): socket error: ${error.message}`, {
        conn: this.id,
        room: roomName,
        ...(tooBig ? { code: 1009, reason: 'message-too-large' } : {}),
      });
    });
    socket.on('close', () => this.onClose());
    this.room = rooms.join(roomName, this);
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (this.closed) return;
    const { metrics } = this.guard;
    if (!isBinary) {
      metrics.receivedMessage('text');
      this.fail(new ProtocolError('unsupported', 'text frame'), CLOSE_UNSUPPORTED_DATA);
      return;
    }
    const frame = toBytes(data);
    metrics.receivedBytes(frame.byteLength);
    let message;
    try {
      this.checkRate(frame);
      message = decodeClientMessage(frame);
      if (message.kind === 'awareness') this.checkAwareness(message.update);
    } catch (error) {
      if (error instanceof ProtocolError) this.fail(error, closeCodeFor(error));
      else if (error instanceof LimitExceeded) this.fail(error, error.closeCode);
      else this.fail(error as Error);
      return;
    }
    metrics.receivedMessage(message.kind);
    this.room.receive(this, message);
  }

  /** Token buckets per connection: a client that floods is closed, the room is not slowed. */
  private checkRate(frame: Uint8Array): void {
    const now = Date.now();
    if (!this.messages.take(1, now)) {
      throw new LimitExceeded('message-rate', 'too many messages per second');
    }
    if (!this.bytes.take(frame.byteLength, now)) {
      throw new LimitExceeded('byte-rate', 'too many bytes per second');
    }
  }

  private checkAwareness(update: Uint8Array): void {
    if (!this.awareness.take(1, Date.now())) {
      throw new LimitExceeded('awareness-rate', 'too many awareness updates per second');
    }
    const max = this.guard.limits.maxAwarenessStateBytes;
    for (const entry of awarenessEntries(update)) {
      if (entry.stateBytes > max) {
        throw new LimitExceeded(
          'awareness-state-too-large',
          `awareness state of ${entry.stateBytes} bytes (limit ${max})`,
        );
      }
    }
  }

  send(frame: Uint8Array): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.log.warn(`connection ${this.id} (${this.roomName}): not reading, terminated`);
      this.terminate();
      return;
    }
    this.guard.metrics.sentMessage(frame.byteLength);
    // A write per frame was the relay's largest cost after SQLite in profiles. After a
    // group commit a peer often gets several frames in the same turn (every update its
    // room had in the batch), so they are held back and leave in one write at the end of
    // the turn: process.nextTick runs once the promise jobs of this turn (the rooms'
    // fan-out) are done, before any I/O.
    if (!this.corked) {
      this.corked = true;
      this.transport.cork();
      process.nextTick(() => {
        this.corked = false;
        this.transport.uncork();
      });
    }
    this.socket.send(frame, (error) => {
      if (error) this.log.warn(`connection ${this.id}: send failed: ${error.message}`);
    });
  }

  fail(error: Error, code?: number): void {
    if (this.closed) return;
    const closeCode = code ?? (error instanceof ProtocolError ? closeCodeFor(error) : 1011);
    const reason =
      error instanceof ProtocolError || error instanceof LimitExceeded ? error.reason : 'error';
    if (reason !== 'error') this.guard.metrics.rejectMessage(reason);
    this.log.warn(
      `connection ${this.id} (${this.roomName}) closed with ${closeCode}: ${error.message}`,
      { conn: this.id, room: this.roomName, code: closeCode, reason },
    );
    this.close(closeCode, reason);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.socket.close(code, reason);
    } catch {
      this.socket.terminate();
    }
    this.leave();
  }

  ping(): void {
    try {
      this.socket.ping();
    } catch {
      this.terminate();
    }
  }

  terminate(): void {
    this.closed = true;
    this.socket.terminate();
    this.leave();
  }

  private left = false;
  private leave(): void {
    if (this.left) return;
    this.left = true;
    this.rooms.leave(this.room, this);
  }

  private onClose(): void {
    this.closed = true;
    this.leave();
  }
}

/** ws hands out Buffer, ArrayBuffer or Buffer[] depending on settings; normalise. */
function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
