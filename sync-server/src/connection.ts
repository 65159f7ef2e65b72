/**
 * One WebSocket connection to a room: turns frames into decoded protocol messages for the
 * room, closes only this connection on anything malformed, and answers for its own
 * liveness (the heartbeat in server.ts terminates sockets that stop answering pings).
 */
import type { RawData, WebSocket } from 'ws';
import type { Logger } from './log.js';
import {
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

export class Connection implements Peer {
  readonly id = nextId++;
  /** Set on every pong; the heartbeat terminates connections that stay false. */
  alive = true;
  private closed = false;
  private readonly room: Room;

  constructor(
    private readonly socket: WebSocket,
    private readonly rooms: Rooms,
    readonly roomName: string,
    readonly wantsAcks: boolean,
    readonly canWrite: boolean,
    private readonly log: Logger,
  ) {
    socket.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    socket.on('pong', () => {
      this.alive = true;
    });
    socket.on('error', (error) => {
      // ws closes the socket itself after an error (e.g. 1009 too big); just record why.
      this.log.warn(`connection ${this.id} (${roomName}): socket error: ${error.message}`);
    });
    socket.on('close', () => this.onClose());
    this.room = rooms.join(roomName, this);
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (this.closed) return;
    if (!isBinary) {
      this.fail(new ProtocolError('unsupported', 'text frame'), CLOSE_UNSUPPORTED_DATA);
      return;
    }
    const frame = toBytes(data);
    let message;
    try {
      message = decodeClientMessage(frame);
    } catch (error) {
      if (error instanceof ProtocolError) this.fail(error, closeCodeFor(error));
      else this.fail(error as Error);
      return;
    }
    this.room.receive(this, message);
  }

  send(frame: Uint8Array): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.log.warn(`connection ${this.id} (${this.roomName}): not reading, terminated`);
      this.terminate();
      return;
    }
    this.socket.send(frame, (error) => {
      if (error) this.log.warn(`connection ${this.id}: send failed: ${error.message}`);
    });
  }

  fail(error: Error, code?: number): void {
    if (this.closed) return;
    const closeCode = code ?? (error instanceof ProtocolError ? closeCodeFor(error) : 1011);
    this.log.warn(
      `connection ${this.id} (${this.roomName}) closed with ${closeCode}: ${error.message}`,
    );
    this.close(closeCode, error instanceof ProtocolError ? error.reason : 'error');
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
