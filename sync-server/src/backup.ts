/**
 * Neighbourhood backups: the format of `buurthub export` / `buurthub import` and the two
 * operations on a Storage. A backup holds, for each of the three rooms of a neighbourhood,
 * its whole state as one Yjs update (base64), plus the neighbourhood record. JSON so an
 * operator can read what is in it; the Yjs bytes inside are exactly what the relay stores.
 *
 * Restoring is a Yjs merge, so it is idempotent: importing the same backup twice, or into a
 * relay whose clients still hold newer changes, loses nothing.
 */
import * as Y from 'yjs';
import { isNeighbourhoodSlug, roomName, SPACE_NAMES, type SpaceName } from '@buurthub/shared';
import { validateUpdate } from './protocol.js';
import { foldUpdates } from './storage/fold.js';
import type { Neighbourhood, Storage } from './storage/storage.js';

export const BACKUP_FORMAT = 'buurthub-neighbourhood-backup';
export const BACKUP_VERSION = 1;

export interface RoomBackup {
  /** The room's full state: one Yjs v1 update, base64. */
  update: string;
  /** Its state vector, base64 (for comparing two backups without decoding them). */
  stateVector: string;
  bytes: number;
}

export interface NeighbourhoodBackup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  nb: string;
  /** ISO 8601. */
  exportedAt: string;
  /** The neighbourhood record (name, villages, settings), if the relay has one. */
  neighbourhood: Neighbourhood | null;
  rooms: Record<SpaceName, RoomBackup>;
}

export class BackupError extends Error {}

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** Reads a neighbourhood's three rooms (snapshot + log, folded) and its record. */
export async function exportNeighbourhood(
  storage: Storage,
  nb: string,
  now: Date,
): Promise<NeighbourhoodBackup> {
  if (!isNeighbourhoodSlug(nb)) throw new BackupError(`"${nb}" is not a neighbourhood slug`);
  const rooms = {} as Record<SpaceName, RoomBackup>;
  let empty = true;
  for (const space of SPACE_NAMES) {
    const stored = await storage.loadRoom(roomName(nb, space));
    if (stored.updates.length > 0) empty = false;
    const update = foldUpdates(stored.updates);
    rooms[space] = {
      update: toBase64(update),
      stateVector: toBase64(Y.encodeStateVectorFromUpdate(update)),
      bytes: update.byteLength,
    };
  }
  const neighbourhood = await storage.neighbourhood(nb);
  if (empty && !neighbourhood) {
    throw new BackupError(`neighbourhood "${nb}" has no data here`);
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    nb,
    exportedAt: now.toISOString(),
    neighbourhood,
    rooms,
  };
}

/** Checks a parsed backup file; returns the room updates decoded and validated. */
export function parseBackup(value: unknown): {
  backup: NeighbourhoodBackup;
  updates: Map<SpaceName, Uint8Array>;
} {
  const fail = (why: string): never => {
    throw new BackupError(`not a Buurthub backup: ${why}`);
  };
  if (typeof value !== 'object' || value === null) fail('not a JSON object');
  const backup = value as Partial<NeighbourhoodBackup>;
  if (backup.format !== BACKUP_FORMAT) fail(`format is not "${BACKUP_FORMAT}"`);
  if (backup.version !== BACKUP_VERSION) {
    fail(`version ${String(backup.version)} (this relay reads version ${BACKUP_VERSION})`);
  }
  if (typeof backup.nb !== 'string' || !isNeighbourhoodSlug(backup.nb)) fail('bad "nb"');
  if (typeof backup.rooms !== 'object' || backup.rooms === null) fail('no "rooms"');
  const record = backup.neighbourhood;
  if (record !== null && record !== undefined) {
    const ok =
      typeof record === 'object' &&
      typeof record.name === 'string' &&
      Array.isArray(record.villages) &&
      record.villages.every((village) => typeof village === 'string') &&
      typeof record.kioskReadsCommunity === 'boolean' &&
      typeof record.createdAt === 'number';
    if (!ok) fail('bad "neighbourhood" record');
  }
  const updates = new Map<SpaceName, Uint8Array>();
  for (const space of SPACE_NAMES) {
    const room = (backup.rooms as Partial<Record<SpaceName, Partial<RoomBackup>>>)[space];
    if (!room || typeof room.update !== 'string') fail(`room "${space}" is missing`);
    const update = new Uint8Array(Buffer.from(room?.update ?? '', 'base64'));
    try {
      validateUpdate(update);
    } catch (error) {
      fail(`room "${space}": ${(error as Error).message}`);
    }
    updates.set(space, update);
  }
  return { backup: backup as NeighbourhoodBackup, updates };
}

/** True when a neighbourhood has rooms or a record in this storage. */
export async function neighbourhoodExists(storage: Storage, nb: string): Promise<boolean> {
  for (const space of SPACE_NAMES) {
    const stats = await storage.stats(roomName(nb, space));
    if (stats.logLength > 0 || stats.hasSnapshot) return true;
  }
  return (await storage.neighbourhood(nb)) !== null;
}

/**
 * Writes a backup into storage: each room's update is committed and folded into the
 * room's snapshot. Refuses a neighbourhood that already exists unless `merge` is set; a
 * merge keeps the existing neighbourhood record and merges the documents (Yjs).
 */
export async function importNeighbourhood(
  storage: Storage,
  value: unknown,
  options: { merge: boolean },
): Promise<{ nb: string; rooms: number; merged: boolean }> {
  const { backup, updates } = parseBackup(value);
  const exists = await neighbourhoodExists(storage, backup.nb);
  if (exists && !options.merge) {
    throw new BackupError(
      `neighbourhood "${backup.nb}" already exists here; use --merge to merge the backup into it`,
    );
  }
  let rooms = 0;
  for (const [space, update] of updates) {
    const { structs, ds } = Y.decodeUpdate(update);
    if (structs.length === 0 && ds.clients.size === 0) continue;
    const name = roomName(backup.nb, space);
    await storage.appendUpdate(name, update);
    await storage.compact(name);
    rooms++;
  }
  if (backup.neighbourhood && !(await storage.neighbourhood(backup.nb))) {
    await storage.putNeighbourhood({ ...backup.neighbourhood, slug: backup.nb });
  }
  return { nb: backup.nb, rooms, merged: exists };
}
