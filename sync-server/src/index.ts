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
  DEFAULT_STATIC_DIR,
  type Relay,
  type RelayOptions,
} from './server.js';
export { allowEveryone, type Access, type Authorize, type RoomRef } from './auth.js';
export { consoleLogger, silentLogger, type Logger } from './log.js';
export type { RoomStats, Storage, StoredRoom } from './storage/storage.js';
export { MemoryStorage } from './storage/memory.js';
export { SqliteStorage, DATABASE_FILE } from './storage/sqlite.js';
export { seedDemo, DEMO_NEIGHBOURHOOD, DEMO_VILLAGES } from './demo.js';
export * as protocol from './protocol.js';
