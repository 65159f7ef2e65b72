/**
 * The relay as a library: one `http.Server` serving HTTP (health, the PWA) and, on
 * `/sync/<nb>/<space>`, the y-websocket protocol through `ws` in noServer mode. URLs are
 * validated and access decided before the upgrade, so a refused client never gets a socket.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';
import { isNeighbourhoodSlug, isSpaceName } from '@buurthub/shared';
import { allowEveryone, type Authorize, type RoomRef } from './auth.js';
import { Connection } from './connection.js';
import { handleHttp } from './http.js';
import { consoleLogger, type Logger } from './log.js';
import { CLOSE_GOING_AWAY } from './protocol.js';
import { Rooms } from './rooms.js';
import { MemoryStorage } from './storage/memory.js';
import { SqliteStorage } from './storage/sqlite.js';
import type { Storage } from './storage/storage.js';

export interface RelayOptions {
  /** 0 picks a free port. Default 8080. */
  port?: number;
  /** Default '0.0.0.0' (all interfaces: the kiosk serves its LAN). */
  host?: string;
  /** SQLite data directory; ignored when `storage` is given. Without both: in memory. */
  dataDir?: string;
  storage?: Storage;
  /** The built PWA. Default: the repository's web/dist. */
  staticDir?: string;
  authorize?: Authorize;
  log?: Logger;
  /** Largest accepted WebSocket message in bytes; bigger ones close with 1009. */
  maxPayload?: number;
  /** Ping interval; a connection that missed the previous pong is terminated. */
  heartbeatMs?: number;
  /** Compact a room once its update log is longer than this. */
  compactAfter?: number;
}

export interface Relay {
  /** http://host:port — the sync base URL is `${url.replace('http', 'ws')}/sync`. */
  readonly url: string;
  readonly port: number;
  readonly storage: Storage;
  /** Closes connections (1001), compacts and unloads rooms, closes storage it opened. */
  close(): Promise<void>;
}

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '0.0.0.0';
export const DEFAULT_MAX_PAYLOAD = 10 * 1024 * 1024;
export const DEFAULT_HEARTBEAT_MS = 30_000;
export const DEFAULT_COMPACT_AFTER = 500;
export const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Parses `/sync/<nb>/<space>?…`: a room, or the HTTP status to refuse with. */
export function parseSyncUrl(
  rawUrl: string,
): { room: RoomRef; wantsAcks: boolean } | { status: 400 | 404 } {
  let url: URL;
  try {
    url = new URL(rawUrl, 'http://relay.invalid');
  } catch {
    return { status: 400 };
  }
  const parts = url.pathname.split('/');
  // ['', 'sync', nb, space]
  if (parts.length !== 4 || parts[0] !== '' || parts[1] !== 'sync') return { status: 400 };
  const nb = parts[2] as string;
  const space = parts[3] as string;
  if (!isNeighbourhoodSlug(nb)) return { status: 400 };
  if (!isSpaceName(space)) return { status: 404 };
  return {
    room: { name: `${nb}/${space}`, nb, space },
    wantsAcks: url.searchParams.get('ack') === '1',
  };
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Answers an upgrade request with a plain HTTP error and drops the socket. */
function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  const body = `${message}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\n` +
      'Connection: close\r\nContent-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

export async function createRelay(options: RelayOptions = {}): Promise<Relay> {
  const log = options.log ?? consoleLogger;
  const ownsStorage = !options.storage;
  const storage =
    options.storage ?? (options.dataDir ? new SqliteStorage(options.dataDir) : new MemoryStorage());
  const authorize = options.authorize ?? allowEveryone;
  const staticDir = options.staticDir ?? DEFAULT_STATIC_DIR;
  const rooms = new Rooms({
    storage,
    log,
    compactAfter: options.compactAfter ?? DEFAULT_COMPACT_AFTER,
  });
  const connections = new Set<Connection>();
  let ready = false;

  const server = createServer((req, res) => {
    handleHttp(req, res, { staticDir, ready: () => ready }).catch((error: unknown) => {
      log.error(`http ${req.method} ${req.url}: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  // Malformed HTTP or a reset socket before a request: drop it quietly, keep serving.
  server.on('clientError', (_error, socket) => socket.destroy());

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxPayload ?? DEFAULT_MAX_PAYLOAD,
  });
  wss.on('error', (error) => log.error(`websocket server: ${error.message}`));

  async function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on('error', (error) => log.warn(`upgrade socket: ${error.message}`));
    if (!ready) return refuseUpgrade(socket, 503, 'Shutting down');
    const parsed = parseSyncUrl(req.url ?? '');
    if ('status' in parsed) {
      return refuseUpgrade(
        socket,
        parsed.status,
        parsed.status === 404 ? 'Unknown space' : 'Expected /sync/<nb>/<space>',
      );
    }
    const access = await authorize(req, parsed.room);
    if (!access) return refuseUpgrade(socket, 403, 'Not allowed in this room');
    if (socket.destroyed) return;
    wss.handleUpgrade(req, socket, head, (ws) => {
      if (!ready) {
        ws.close(CLOSE_GOING_AWAY, 'shutting down');
        return;
      }
      const connection = new Connection(
        ws,
        rooms,
        parsed.room.name,
        parsed.wantsAcks,
        access.canWrite,
        log,
      );
      connections.add(connection);
      ws.on('close', () => connections.delete(connection));
    });
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    onUpgrade(req, socket, head).catch((error: unknown) => {
      log.error(`upgrade ${req.url}: ${String(error)}`);
      if (!socket.destroyed) refuseUpgrade(socket, 500, 'Internal error');
    });
  });

  // Dead peers (laptop lid closed, Wi-Fi gone) never send a close frame; pings find them.
  const heartbeat = setInterval(() => {
    for (const connection of connections) {
      if (!connection.alive) {
        log.info(`connection ${connection.id} (${connection.roomName}): no pong, terminated`);
        connection.terminate();
        connections.delete(connection);
        continue;
      }
      connection.alive = false;
      connection.ping();
    }
  }, options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS);
  heartbeat.unref();

  try {
    await new Promise<void>((resolvePromise, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? DEFAULT_PORT, options.host ?? DEFAULT_HOST, () => {
        server.off('error', reject);
        resolvePromise();
      });
    });
  } catch (error) {
    clearInterval(heartbeat);
    if (ownsStorage) await storage.close();
    throw error;
  }
  server.on('error', (error) => log.error(`http server: ${error.message}`));
  ready = true;

  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | null = null;

  return {
    url: `http://${hostForUrl}:${address.port}`,
    port: address.port,
    storage,
    close() {
      closing ??= (async () => {
        ready = false;
        clearInterval(heartbeat);
        for (const connection of connections) connection.close(CLOSE_GOING_AWAY, 'relay stopping');
        connections.clear();
        wss.close();
        await new Promise<void>((resolvePromise) => {
          server.close(() => resolvePromise());
          server.closeAllConnections();
        });
        await rooms.settled();
        if (ownsStorage) await storage.close();
      })();
      return closing;
    },
  };
}
