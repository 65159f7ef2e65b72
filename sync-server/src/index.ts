/**
 * @buurthub/sync-server as a library: the kiosk embeds the relay with `createRelay`.
 */
export {
  createRelay,
  parseSyncUrl,
  DEFAULT_COMPACT_AFTER,
  DEFAULT_HEARTBEAT_MS,
  DEFAULT_HOST,
  DEFAULT_MAX_PAYLOAD,
  DEFAULT_PORT,
  DEFAULT_PUBLIC_URL,
  DEFAULT_STATIC_DIR,
  type ConnectionKey,
  type Relay,
  type RelayOptions,
} from './server.js';
export {
  allowEveryone,
  isRefusal,
  type Access,
  type Authorize,
  type Identity,
  type Refusal,
  type RoomRef,
} from './auth.js';
export { tokenAuthorizer, type TokenAuthOptions } from './auth/authorize.js';
export { KeyStore } from './auth/keys.js';
export { permissions, type NeighbourhoodSettings, type Permission } from './auth/permissions.js';
export {
  AUDIENCE,
  ISSUER,
  mintToken,
  mintTokenFor,
  verifyToken,
  TokenError,
  type TokenClaims,
  type VerifiedToken,
} from './auth/tokens.js';
export { createApi, REFRESH_SIGNING_PREFIX } from './api.js';
export {
  consoleLogger,
  createLogger,
  silentLogger,
  type Logger,
  type LogFields,
  type LogLevel,
} from './log.js';
export {
  DEFAULT_LIMITS,
  LIMIT_SETTINGS,
  LimitExceeded,
  resolveLimits,
  TokenBucket,
  type LimitReason,
  type Limits,
} from './limits.js';
export { RelayMetrics } from './metrics.js';
export type {
  ContactDetails,
  ContactRequest,
  ContactStatus,
  Invite,
  Neighbourhood,
  RoomStats,
  SigningKey,
  Storage,
  StoredRoom,
} from './storage/storage.js';
export { MemoryStorage } from './storage/memory.js';
export {
  BlobIntake,
  BlobRejected,
  isBlobName,
  type BlobHandle,
  type BlobLimits,
  type BlobRejectReason,
  type BlobStore,
  type ByteRange,
  type PutResult,
  type StoredBlob,
} from './blobs/blob-store.js';
export { BLOB_DIR, DiskBlobStore } from './blobs/disk.js';
export { MemoryBlobStore } from './blobs/memory.js';
export { sniffBlobType, type BlobKind, type SniffedType } from './blobs/sniff.js';
export { SqliteStorage, DATABASE_FILE } from './storage/sqlite.js';
export { PostgresStorage, type PostgresOptions } from './storage/postgres.js';
export { PostgresBlobStore } from './blobs/postgres.js';
export type { RoomBus, RoomBusHandlers, RoomSubscription } from './bus/bus.js';
export { LocalBusHub } from './bus/local.js';
export { RedisBus, type RedisBusOptions } from './bus/redis.js';
export { seedDemo, DEMO_NEIGHBOURHOOD, DEMO_VILLAGES } from './demo.js';
export * as protocol from './protocol.js';
