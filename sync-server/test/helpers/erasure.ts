/**
 * Where erased text could still be, for the erasure tests: raw bytes of the SQLite files,
 * the relay's in-memory document (as a fresh client receives it), a client's document and
 * a neighbourhood export. Every check counts occurrences of a marker in raw bytes, so a
 * copy in any encoding Yjs stores strings in (UTF-8) is found.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { exportNeighbourhood } from '../../src/backup.js';
import { DATABASE_FILE, type Storage } from '../../src/index.js';
import { rawClient } from './clients.js';
import { syncPayloads, syncStep1Frame } from './frames.js';
import { waitFor } from './wait.js';

/** How often `marker` (UTF-8) occurs in `bytes`. */
export function occurrences(bytes: Uint8Array, marker: string): number {
  const haystack = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let count = 0;
  for (let at = haystack.indexOf(marker); at !== -1; at = haystack.indexOf(marker, at + 1)) {
    count++;
  }
  return count;
}

/** Occurrences in the SQLite database file and its -wal and -shm files, read as raw bytes. */
export function sqliteOccurrences(dataDir: string, marker: string): number {
  const file = join(dataDir, DATABASE_FILE);
  return [file, `${file}-wal`, `${file}-shm`]
    .filter((path) => existsSync(path))
    .reduce((sum, path) => sum + occurrences(readFileSync(path), marker), 0);
}

/** A Y.Doc's state as bytes and as JSON, where erased text must not be. */
export function docOccurrences(doc: Y.Doc, marker: string): number {
  return (
    occurrences(Y.encodeStateAsUpdate(doc), marker) +
    occurrences(Buffer.from(JSON.stringify(doc.toJSON())), marker)
  );
}

/**
 * The relay's in-memory document of `room`, exactly: a fresh client with an empty state
 * vector receives `encodeStateAsUpdate` of it as sync step 2.
 */
export async function relayDocument(
  relayUrl: string,
  room: string,
  query = '',
): Promise<Uint8Array> {
  const client = await rawClient(relayUrl, room, query);
  try {
    client.socket.send(syncStep1Frame(new Y.Doc()));
    return await waitFor(() => syncPayloads(client.messages, 1)[0], `sync step 2 of ${room}`);
  } finally {
    client.close();
  }
}

/** Occurrences in the relay's in-memory document, as bytes and as JSON. */
export async function relayMemoryOccurrences(
  relayUrl: string,
  room: string,
  marker: string,
  /** E.g. `?token=…` for a relay whose default test tokens are not registered (the CLI's). */
  query = '',
): Promise<number> {
  const doc = new Y.Doc();
  try {
    const update = await relayDocument(relayUrl, room, query);
    Y.applyUpdate(doc, update);
    return (
      occurrences(update, marker) + occurrences(Buffer.from(JSON.stringify(doc.toJSON())), marker)
    );
  } finally {
    doc.destroy();
  }
}

/** Occurrences in a neighbourhood export (`buurthub export`), its room updates decoded. */
export async function exportOccurrences(
  storage: Storage,
  nb: string,
  marker: string,
): Promise<number> {
  return backupOccurrences(await exportNeighbourhood(storage, nb, new Date()), marker);
}

/** Occurrences in a neighbourhood backup (its JSON, and its room updates decoded). */
export function backupOccurrences(
  backup: { rooms: Record<string, { update: string }> },
  marker: string,
): number {
  let count = occurrences(Buffer.from(JSON.stringify(backup)), marker);
  for (const room of Object.values(backup.rooms)) {
    count += occurrences(Buffer.from(room.update, 'base64'), marker);
  }
  return count;
}
