/**
 * The hub's link to its upstream relay (kiosk issue, "The hub"): for each room of its
 * neighbourhood that the device token may read, one WebSocket to the upstream's sync
 * endpoint, speaking the standard y-websocket protocol as a client. To the local room the
 * link is one more peer: the room sends it its sync step 1 and every committed update (the
 * link forwards them upstream), and what the upstream sends enters the room like a
 * client's update (committed to local storage first, then fanned out to local clients).
 * So both sides converge, and a resumed link catches up by the usual state-vector
 * exchange. The upstream decides what the device token may write: when it answers
 * "permission denied", the link keeps receiving and stops sending updates.
 *
 * Presence stays local: awareness is neither sent up nor taken in.
 *
 * Erasure: the link opts in to Buurthub's messages (`ack=1`), so the upstream's purge
 * notice (102) reaches it; the link then asks the local room for a purge, as a member
 * would, and the hub's copy on disk and in memory loses the erased content too. The other
 * way round, a purge asked for on the hub (a resident deleted a post on the buurthuis
 * Wi-Fi) is passed up as a purge request once the hub has purged, when the device token may
 * write the room (the upstream accepts purge requests only from writers); a purge the
 * upstream's own notice started is not sent back up.
 */
import { WebSocket } from 'ws';
import { encodePurgeRequest, isNeighbourhoodSlug, type Role, ROLES } from '@buurthub/shared';
import type { Logger } from '../log.js';
import {
  MESSAGE_AUTH,
  MESSAGE_PURGE_NOTICE,
  MESSAGE_SYNC,
  type ProtocolError,
  decodeClientMessage,
} from '../protocol.js';
import type { Peer, Room, Rooms } from '../rooms.js';

/** `refused`: the upstream does not let the device token read this room (HTTP 403). */
export type LinkState = 'connecting' | 'online' | 'offline' | 'refused';

export interface UpstreamLinkOptions {
  /** The upstream's sync base, e.g. `wss://buurt.example.nl/sync`. */
  url: string;
  token: string;
  room: string;
  rooms: Rooms;
  log: Logger;
  /** Reconnect after 1 s, doubling up to this (ms). */
  maxBackoffMs?: number;
  /** Told whether the upstream lets the device token read the room, whenever it answers. */
  onReadable?: (readable: boolean) => void;
  /**
   * With this, a refusal of the token (HTTP 401) or of the room to it (403) stops the link
   * for good and is reported here, instead of being asked about again: for a moderator's
   * lent token (moderator-links.ts), which a retry would not change.
   */
  onRefused?: () => void;
}

/** A refused room is asked about again after this long: the operator may change the setting. */
export const REFUSED_RETRY_MS = 10 * 60_000;

/** Peer ids of links count down from the top, away from connection ids. */
let nextLinkId = 2 ** 31;

export class UpstreamLink implements Peer {
  readonly id = nextLinkId--;
  readonly wantsAcks = false;
  /** A local purge goes up as a purge request (see `send`). */
  readonly hearsPurges = true;
  readonly canWrite = true;
  state: LinkState = 'connecting';
  /** The upstream refused this device token's writes to the room. */
  readOnly = false;
  /** When the link last finished a sync with the upstream (ms), or null. */
  lastSyncedAt: number | null = null;
  private socket: WebSocket | null = null;
  private local: Room | null = null;
  private backoffMs = 1000;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private refusedNow = false;
  /** The upstream answered the last upgrade with 401 or 403. */
  private tokenRefused = false;
  /** The local purge under way was asked for by the upstream's notice. */
  private purgeFromUpstream = false;

  constructor(private readonly options: UpstreamLinkOptions) {}

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retry);
    this.socket?.close(1001);
    this.leaveRoom();
  }

  /**
   * Frames the local room sends this peer: sync messages go upstream, a purge notice goes up
   * as a purge request, the rest (acks) stays here.
   */
  send(frame: Uint8Array): void {
    if (this.socket?.readyState !== WebSocket.OPEN) return;
    if (frame[0] === MESSAGE_PURGE_NOTICE) {
      if (this.purgeFromUpstream) this.purgeFromUpstream = false;
      else if (!this.readOnly) this.socket.send(encodePurgeRequest());
      return;
    }
    if (frame[0] !== MESSAGE_SYNC) return;
    // After a refusal only the handshake (step 1) goes up, never updates.
    if (this.readOnly && frame[1] !== 0) return;
    this.socket.send(frame);
  }

  fail(error: ProtocolError | Error): void {
    this.options.log.warn(`upstream ${this.options.room}: ${error.message}`);
    this.socket?.close(1002);
  }

  private connect(): void {
    const { url, token, room, log } = this.options;
    this.state = 'connecting';
    const socket = new WebSocket(
      `${url.replace(/\/+$/, '')}/${room}?ack=1&token=${encodeURIComponent(token)}`,
      {
        handshakeTimeout: 10_000,
      },
    );
    this.socket = socket;
    socket.binaryType = 'nodebuffer';
    this.refusedNow = false;
    this.tokenRefused = false;
    // The upstream answers the upgrade with 403 when the token may not read the room (a
    // kiosk and the community room, by the neighbourhood's setting): not an outage.
    socket.on('unexpected-response', (_request, response) => {
      this.refusedNow = response.statusCode === 403;
      this.tokenRefused = response.statusCode === 401 || this.refusedNow;
      if (this.refusedNow) this.options.onReadable?.(false);
      log.warn(`upstream ${room}: upgrade answered ${response.statusCode}`);
      socket.terminate(); // aborts the handshake; 'close' follows
    });
    socket.on('open', () => {
      this.state = 'online';
      this.backoffMs = 1000;
      this.options.onReadable?.(true);
      log.info('upstream link open', { room });
      // Joining makes the room send its sync step 1 up; the upstream sends its own.
      this.local = this.options.rooms.join(room, this);
    });
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      if (isBinary) this.receive(new Uint8Array(data));
    });
    socket.on('error', (error) => log.warn(`upstream ${room}: ${error.message}`));
    socket.on('close', () => {
      this.state = this.refusedNow ? 'refused' : 'offline';
      this.leaveRoom();
      if (this.stopped) return;
      if (this.tokenRefused && this.options.onRefused) {
        this.stopped = true;
        this.options.onRefused();
        return;
      }
      if (this.refusedNow) {
        this.retry = setTimeout(() => this.connect(), REFUSED_RETRY_MS);
        return;
      }
      this.retry = setTimeout(() => this.connect(), this.backoffMs);
      this.backoffMs = Math.min(this.backoffMs * 2, this.options.maxBackoffMs ?? 30_000);
    });
  }

  private receive(frame: Uint8Array): void {
    const room = this.local;
    if (!room) return;
    if (frame[0] === MESSAGE_AUTH) {
      if (!this.readOnly) {
        this.readOnly = true;
        this.options.log.info('upstream refuses writes to this room with the device token', {
          room: this.options.room,
        });
      }
      return;
    }
    if (frame[0] === MESSAGE_PURGE_NOTICE) {
      this.purgeFromUpstream = true;
      room.receive(this, { kind: 'purge-request' });
      return;
    }
    if (frame[0] !== MESSAGE_SYNC) return; // awareness, acks: not for the hub
    try {
      const message = decodeClientMessage(frame);
      room.receive(this, message);
      if (message.kind === 'sync-step-2') this.lastSyncedAt = Date.now();
    } catch (error) {
      this.fail(error as Error);
    }
  }

  private leaveRoom(): void {
    if (!this.local) return;
    this.options.rooms.leave(this.local, this);
    this.local = null;
  }
}

/** Reads the unverified claims of our own device token, to know its neighbourhood and role. */
export function deviceTokenClaims(token: string): { nb: string; role: Role } {
  const [, payload] = token.split('.');
  try {
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as {
      nb?: unknown;
      role?: unknown;
    };
    const role = ROLES.find((r) => r === claims.role);
    if (typeof claims.nb === 'string' && isNeighbourhoodSlug(claims.nb) && role) {
      return { nb: claims.nb, role };
    }
  } catch {
    // falls through to the error below
  }
  throw new Error('The device token is not a Buurthub token (no nb and role claims).');
}
