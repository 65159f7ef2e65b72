/**
 * The relay as a library: one `http.Server` serving HTTP (health, the PWA) and, on
 * `/sync/<nb>/<space>`, the y-websocket protocol through `ws` in noServer mode. URLs are
 * validated and access decided before the upgrade, so a refused client never gets a socket.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';
import { isNeighbourhoodSlug, isSpaceName } from '@buurthub/shared';
import { createApi } from './api.js';
import { createContactRoutes } from './contacts/contacts.js';
import { createPrivateProfileRoutes } from './directory/private-profiles.js';
import { createMemberRoutes } from './members/members.js';
import { upstreamLinks, type UpstreamLink } from './hub/links.js';
import { ModeratorLinks } from './hub/moderator-links.js';
import { deviceTokenClaims } from './hub/upstream.js';
import { createRevocationListRoute, followUpstreamRevocations } from './hub/revocations.js';
import { createHubStatusRoute } from './hub/status.js';
import { jwksUrlFor, UpstreamKeys } from './hub/upstream-keys.js';
import { type Access, type Authorize, isRefusal, type RoomRef } from './auth.js';
import { isRevoked, tokenAuthorizer, tokenFromRequest } from './auth/authorize.js';
import { permissions } from './auth/permissions.js';
import { KeyStore, nowSeconds } from './auth/keys.js';
import type { BlobStore } from './blobs/blob-store.js';
import { BLOB_DIR, DiskBlobStore } from './blobs/disk.js';
import { createBlobRoutes } from './blobs/http.js';
import { MemoryBlobStore } from './blobs/memory.js';
import { PostgresBlobStore } from './blobs/postgres.js';
import type { RoomBus } from './bus/bus.js';
import { Connection } from './connection.js';
import { createFeedRoutes } from './feeds/http.js';
import { handleHttp } from './http.js';
import { ConnectionCounter, type Limits, resolveLimits } from './limits.js';
import { consoleLogger, type Logger } from './log.js';
import { RelayMetrics } from './metrics.js';
import { CLOSE_SERVICE_RESTART, CLOSE_TOKEN_REVOKED, CLOSE_TRY_AGAIN_LATER } from './protocol.js';
import { createErasureRoutes } from './erasure/http.js';
import { DEFAULT_PURGE_DELAY_MS } from './erasure/purge-scheduler.js';
import { Rooms } from './rooms.js';
import { MemoryStorage } from './storage/memory.js';
import { PostgresStorage } from './storage/postgres.js';
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
  /** Default: relay tokens (src/auth/authorize.ts); auth is always on. */
  authorize?: Authorize;
  /**
   * DEMO ONLY (`serve --demo`): connections without a token to this neighbourhood are
   * treated as residents. Never set it on a relay with real residents.
   */
  demoNeighbourhood?: string;
  /** How often open connections are checked against the revocation list. Default 2000. */
  revocationPollMs?: number;
  log?: Logger;
  /** Largest accepted WebSocket message in bytes; same as `limits.maxMessageBytes`. */
  maxPayload?: number;
  /** Per-connection, per-room and per-subject limits (limits.ts); defaults for the rest. */
  limits?: Partial<Limits>;
  /**
   * Who a connection belongs to, for `maxConnectionsPerSubject`. Default: the token's
   * subject when the authorize hook reports one, otherwise `ip:<client address>`.
   */
  connectionKey?: ConnectionKey;
  /** Take the client address from `X-Forwarded-For` (behind a reverse proxy). */
  trustProxy?: boolean;
  /**
   * On `close()`, sockets are closed with 1012 spread over this many milliseconds, so
   * clients do not all reconnect in the same instant. Default 0 (all at once).
   */
  shutdownSpreadMs?: number;
  /**
   * Photos and videos (`/blobs/<sha256>`). Default: `<data>/blobs/` next to the SQLite file
   * (from `dataDir`, or from a `SqliteStorage` passed as `storage`), in PostgreSQL with a
   * `PostgresStorage`, otherwise in memory.
   */
  blobs?: BlobStore;
  /**
   * The address people reach this relay (and its PWA) at, for links in feeds and personal
   * calendar addresses. Default `DEFAULT_PUBLIC_URL`.
   */
  publicUrl?: string;
  /** Ping interval; a connection that missed the previous pong is terminated. */
  heartbeatMs?: number;
  /** Compact a room once its update log is longer than this (and a quarter of its snapshot). */
  compactAfter?: number;
  /** How long after the first purge request (erasure) a room is purged. Default 5000. */
  purgeDelayMs?: number;
  /**
   * Scaled-out mode: the bus to the other relay processes on the same storage (Redis,
   * src/bus/). The caller owns it and closes it after `close()`. Without it, this relay
   * fans out only to its own connections.
   */
  bus?: RoomBus;
  /**
   * Hub mode (`serve --upstream … --token …`): keep every room of the device token's
   * neighbourhood that it may read in sync with this upstream relay (src/hub/).
   */
  upstream?: { url: string; token: string };
}

export interface Relay {
  /** http://host:port — the sync base URL is `${url.replace('http', 'ws')}/sync`. */
  readonly url: string;
  readonly port: number;
  readonly storage: Storage;
  readonly blobs: BlobStore;
  readonly metrics: RelayMetrics;
  /** Hub mode: the links to the upstream relay, one per room (empty otherwise). */
  readonly upstream: readonly UpstreamLink[];
  /**
   * Graceful shutdown: readiness goes false and new upgrades get 503 at once; queued
   * writes finish; sockets close with 1012 spread over `shutdownSpreadMs`; rooms are
   * compacted and unloaded; storage the relay opened is closed.
   */
  close(): Promise<void>;
}

/** Names the owner of a connection (see `RelayOptions.connectionKey`). */
export type ConnectionKey = (request: IncomingMessage, access: Access) => string;

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '0.0.0.0';
export const DEFAULT_MAX_PAYLOAD = resolveLimits().maxMessageBytes;
/**
 * How often every connection is pinged. One that has not answered by the next ping is
 * closed and its presence removed, so a phone that left the Wi-Fi looks gone to the others
 * within two intervals (20 s), sooner than y-protocols' own 30 s presence timeout. Not
 * shorter: a phone on a poor mobile network, or any client of a relay under heavy load, may
 * take seconds to answer, and at 4 s the relay benchmark's clients were cut off by the
 * hundreds under load (bench:relay, 100 rooms x 5).
 */
export const DEFAULT_HEARTBEAT_MS = 10_000;
/** The heartbeat pings the connections in this many groups, spread over its interval. */
const HEARTBEAT_SLICES = 10;
export const DEFAULT_COMPACT_AFTER = 500;
export const DEFAULT_REVOCATION_POLL_MS = 2000;
/** `buurthub serve`'s default; the library default is 0 (close at once). */
export const DEFAULT_SHUTDOWN_SPREAD_MS = 5000;
export const DEFAULT_PUBLIC_URL = 'http://localhost:8080';
/** The built PWA: the repository's web/dist, or the build `BUURTHUB_WEB_DIST` names (the same
 * variable makes `npm run build -w @buurthub/web` write there, so builds can sit side by side). */
export const DEFAULT_STATIC_DIR =
  process.env['BUURTHUB_WEB_DIST'] ?? fileURLToPath(new URL('../../web/dist', import.meta.url));

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
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The client's address; behind a trusted proxy, the last hop the proxy saw. */
export function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  const forwarded = request.headers['x-forwarded-for'];
  if (trustProxy && typeof forwarded === 'string' && forwarded.trim() !== '') {
    return forwarded.split(',').at(-1)?.trim() ?? 'unknown';
  }
  return request.socket.remoteAddress ?? 'unknown';
}

function defaultConnectionKey(trustProxy: boolean): ConnectionKey {
  return (request, access) => {
    // Token holders are counted by subject (on any device); guests by address.
    return access.sub !== undefined
      ? `sub:${access.sub}`
      : `ip:${clientAddress(request, trustProxy)}`;
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Answers an upgrade request with a plain HTTP error and drops the socket. */
function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  const body = `${message}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\n` +
      'Connection: close\r\nContent-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/**
 * The blob store that goes with a storage: `<data>/blobs/` next to the SQLite file,
 * PostgreSQL with PostgreSQL storage, memory otherwise.
 */
export function defaultBlobStore(storage: Storage, dataDir?: string): BlobStore {
  return dataDir
    ? new DiskBlobStore(join(dataDir, BLOB_DIR))
    : storage instanceof SqliteStorage
      ? new DiskBlobStore(join(dirname(storage.file), BLOB_DIR))
      : storage instanceof PostgresStorage
        ? new PostgresBlobStore(storage.pool)
        : new MemoryBlobStore();
}

export async function createRelay(options: RelayOptions = {}): Promise<Relay> {
  const log = options.log ?? consoleLogger;
  const ownsStorage = !options.storage;
  const storage =
    options.storage ?? (options.dataDir ? new SqliteStorage(options.dataDir) : new MemoryStorage());
  const upstreamKeys = options.upstream
    ? new UpstreamKeys(
        jwksUrlFor(options.upstream.url),
        storage instanceof SqliteStorage ? join(dirname(storage.file), 'upstream-jwks.json') : null,
        log,
      )
    : undefined;
  await upstreamKeys?.start();
  const keys = new KeyStore(storage, nowSeconds, upstreamKeys);
  const blobs = options.blobs ?? defaultBlobStore(storage, options.dataDir);
  const authorize =
    options.authorize ??
    tokenAuthorizer({ storage, keys, demoNeighbourhood: options.demoNeighbourhood });
  if (options.demoNeighbourhood !== undefined && !options.authorize) {
    log.warn(
      `DEMO MODE: connections without a token to "${options.demoNeighbourhood}" are residents`,
    );
  }
  const staticDir = options.staticDir ?? DEFAULT_STATIC_DIR;
  const limits = resolveLimits({
    ...(options.maxPayload !== undefined ? { maxMessageBytes: options.maxPayload } : {}),
    ...options.limits,
  });
  const metrics = new RelayMetrics(limits);
  const rooms = new Rooms({
    storage,
    log,
    compactAfter: options.compactAfter ?? DEFAULT_COMPACT_AFTER,
    purgeDelayMs: options.purgeDelayMs ?? DEFAULT_PURGE_DELAY_MS,
    limits,
    metrics,
    bus: options.bus,
  });
  const connections = new Set<Connection>();
  const perRoom = new ConnectionCounter(limits.maxConnectionsPerRoom);
  const perSubject = new ConnectionCounter(limits.maxConnectionsPerSubject);
  const connectionKey = options.connectionKey ?? defaultConnectionKey(options.trustProxy ?? false);
  let ready = false;

  /** Ready: listening, not draining, storage answers a trivial query, and so does the bus. */
  async function isReady(): Promise<boolean> {
    if (!ready) return false;
    try {
      await storage.ping();
    } catch (error) {
      log.error(`readiness: storage does not answer: ${String(error)}`);
      return false;
    }
    try {
      await options.bus?.ping();
    } catch (error) {
      log.error(`readiness: the bus to the other relays does not answer: ${String(error)}`);
      return false;
    }
    return ready;
  }

  const httpState = {
    staticDir,
    ready: isReady,
    metrics: () => metrics.render(),
    api: createApi({ storage, keys, ...(options.upstream && { upstream: options.upstream }) }),
    routes: [
      createBlobRoutes({
        store: blobs,
        storage,
        keys,
        limits: { maxBlobBytes: limits.maxBlobBytes, maxImageBytes: limits.maxImageBytes },
        metrics,
        log,
      }),
      createFeedRoutes({ storage, keys, publicUrl: options.publicUrl ?? DEFAULT_PUBLIC_URL, log }),
      createContactRoutes({ storage, keys }),
      createPrivateProfileRoutes({ storage, keys }),
      createMemberRoutes({ storage, keys, log }),
      createErasureRoutes({ storage, keys, log }),
      createHubStatusRoute(
        () => upstream,
        () => upstreamRevocations?.fetchedAt ?? null,
      ),
      createRevocationListRoute({ storage, keys }),
    ],
  };
  const server = createServer((req, res) => {
    handleHttp(req, res, httpState).catch((error: unknown) => {
      log.error(`http ${req.method} ${req.url}: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  // Malformed HTTP or a reset socket before a request: drop it quietly, keep serving.
  server.on('clientError', (_error, socket) => socket.destroy());

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxMessageBytes,
  });
  wss.on('error', (error) => log.error(`websocket server: ${error.message}`));

  // Hub mode with a kiosk's device token: a signed-in moderator's token carries the
  // moderation room upstream while they are here (hub/moderator-links.ts).
  const moderatorLinks =
    options.upstream &&
    upstreamKeys &&
    !permissions(deviceTokenClaims(options.upstream.token).role, 'moderation').read
      ? new ModeratorLinks({
          url: options.upstream.url,
          nb: deviceTokenClaims(options.upstream.token).nb,
          upstreamKeys,
          rooms,
          log,
        })
      : null;

  async function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on('error', (error) => log.warn(`upgrade socket: ${error.message}`));
    if (!ready) {
      metrics.rejectConnection('draining');
      return refuseUpgrade(socket, 503, 'Shutting down');
    }
    const parsed = parseSyncUrl(req.url ?? '');
    if ('status' in parsed) {
      metrics.rejectConnection('bad-url');
      return refuseUpgrade(
        socket,
        parsed.status,
        parsed.status === 404 ? 'Unknown space' : 'Expected /sync/<nb>/<space>',
      );
    }
    const access = await authorize(req, parsed.room);
    if (!access || isRefusal(access)) {
      metrics.rejectConnection('not-allowed');
      return access
        ? refuseUpgrade(socket, access.status, access.message)
        : refuseUpgrade(socket, 403, 'Not allowed in this room');
    }
    const roomName = parsed.room.name;
    const token = tokenFromRequest(req);
    const lends =
      token !== null && (await moderatorLinks?.wants(roomName, access.role, token)) === true;
    if (socket.destroyed) return;
    const subject = connectionKey(req, access);
    wss.handleUpgrade(req, socket, head, (ws) => {
      if (!ready) {
        metrics.rejectConnection('draining');
        ws.close(CLOSE_SERVICE_RESTART, 'relay restarting');
        return;
      }
      // Counted after the upgrade so the client gets a close code it can act on (1013).
      if (!perRoom.tryAdd(roomName)) {
        metrics.rejectConnection('room-full');
        log.warn(`room ${roomName} is full: connection refused with 1013`, {
          room: roomName,
          code: CLOSE_TRY_AGAIN_LATER,
          reason: 'room-full',
        });
        ws.close(CLOSE_TRY_AGAIN_LATER, 'room-full');
        return;
      }
      if (!perSubject.tryAdd(subject)) {
        perRoom.remove(roomName);
        metrics.rejectConnection('too-many-connections');
        log.warn(`too many connections for one subject: refused with 1013`, {
          room: roomName,
          code: CLOSE_TRY_AGAIN_LATER,
          reason: 'too-many-connections',
        });
        ws.close(CLOSE_TRY_AGAIN_LATER, 'too-many-connections');
        return;
      }
      const connection = new Connection(
        ws,
        socket,
        rooms,
        roomName,
        parsed.wantsAcks,
        access.canWrite,
        log,
        { limits, metrics },
        { sub: access.sub, issuedAt: access.issuedAt, name: access.name },
      );
      connections.add(connection);
      metrics.connections.set(connections.size);
      const giveBack = lends && token !== null ? moderatorLinks?.lend(roomName, token) : null;
      ws.on('close', () => {
        giveBack?.();
        connections.delete(connection);
        perRoom.remove(roomName);
        perSubject.remove(subject);
        metrics.connections.set(connections.size);
      });
    });
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    onUpgrade(req, socket, head).catch((error: unknown) => {
      log.error(`upgrade ${req.url}: ${String(error)}`);
      if (!socket.destroyed) refuseUpgrade(socket, 500, 'Internal error');
    });
  });

  // Dead peers (laptop lid closed, Wi-Fi gone) never send a close frame; pings find them.
  // Each connection is pinged once an interval, but a tenth of them every tenth of it:
  // thousands of pings at once, and their pongs, would stall every room for a moment.
  let slice = 0;
  const heartbeat = setInterval(
    () => {
      const current = slice;
      slice = (slice + 1) % HEARTBEAT_SLICES;
      for (const connection of connections) {
        if (connection.id % HEARTBEAT_SLICES !== current) continue;
        if (!connection.alive) {
          log.info(`connection ${connection.id} (${connection.roomName}): no pong, terminated`);
          connection.terminate();
          connections.delete(connection);
          continue;
        }
        connection.alive = false;
        connection.ping();
      }
    },
    (options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS) / HEARTBEAT_SLICES,
  );
  heartbeat.unref();

  // Revocation (`buurthub revoke`, possibly from another process on the same storage):
  // poll the list and close the revoked subjects' open connections. New upgrades check it
  // themselves.
  let sweeping = false;
  const revocationSweep = setInterval(() => {
    if (sweeping || !connections.size) return;
    sweeping = true;
    storage
      .revocations()
      .then((revoked) => {
        for (const connection of connections) {
          const { sub, issuedAt } = connection.identity;
          if (isRevoked(revoked, sub, issuedAt)) {
            log.info(`connection ${connection.id} (${connection.roomName}): token revoked`);
            connection.close(CLOSE_TOKEN_REVOKED, 'token revoked');
          }
        }
      })
      .catch((error: unknown) => log.error(`revocation check: ${String(error)}`))
      .finally(() => {
        sweeping = false;
      });
  }, options.revocationPollMs ?? DEFAULT_REVOCATION_POLL_MS);
  revocationSweep.unref();

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
    clearInterval(revocationSweep);
    if (ownsStorage) await storage.close();
    throw error;
  }
  server.on('error', (error) => log.error(`http server: ${error.message}`));
  ready = true;
  const upstream = options.upstream ? upstreamLinks(options.upstream, rooms, storage, log) : [];
  for (const link of upstream) link.start();
  // A hub refuses members the upstream revoked (hub/revocations.ts); every 30 s by default.
  const upstreamRevocations = options.upstream
    ? followUpstreamRevocations({
        upstream: options.upstream,
        storage,
        log,
        pollMs: options.revocationPollMs ?? 30_000,
      })
    : null;

  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | null = null;

  /**
   * Closes every connection with 1012, in batches spread over `spreadMs`, so that the
   * clients' reconnects (to the next relay) do not all arrive in the same instant.
   */
  async function closeConnections(spreadMs: number): Promise<void> {
    const open = [...connections];
    const batches = spreadMs > 0 ? Math.min(open.length, 20) : 1;
    const size = Math.ceil(open.length / Math.max(batches, 1));
    for (let batch = 0; batch * size < open.length; batch++) {
      if (batch > 0) await sleep(spreadMs / batches);
      for (const connection of open.slice(batch * size, (batch + 1) * size)) {
        connection.close(CLOSE_SERVICE_RESTART, 'relay restarting');
      }
    }
  }

  return {
    url: `http://${hostForUrl}:${address.port}`,
    port: address.port,
    storage,
    blobs,
    metrics,
    upstream,
    close() {
      closing ??= (async () => {
        ready = false;
        for (const link of upstream) link.stop();
        moderatorLinks?.stop();
        upstreamRevocations?.stop();
        clearInterval(heartbeat);
        clearInterval(revocationSweep);
        log.info(`draining: closing ${connections.size} connections with 1012`, {
          connections: connections.size,
          spreadMs: options.shutdownSpreadMs ?? 0,
        });
        await closeConnections(options.shutdownSpreadMs ?? 0);
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
