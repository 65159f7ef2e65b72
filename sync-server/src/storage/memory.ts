/**
 * In-memory storage: the twin of the SQLite storage for tests and for throwaway relays.
 * Same contract, nothing survives the process.
 */
import { foldUpdates } from './fold.js';
import type { RoomStats, Storage, StoredRoom } from './storage.js';

interface MemoryRoom {
  snapshot: Uint8Array | null;
  log: { seq: number; update: Uint8Array }[];
}

export class MemoryStorage implements Storage {
  private readonly data = new Map<string, MemoryRoom>();
  private nextSeq = 1;

  private room(name: string): MemoryRoom {
    let room = this.data.get(name);
    if (!room) {
      room = { snapshot: null, log: [] };
      this.data.set(name, room);
    }
    return room;
  }

  async loadRoom(name: string): Promise<StoredRoom> {
    const room = this.data.get(name);
    if (!room) return { updates: [], logLength: 0 };
    const updates = room.log.map((entry) => entry.update);
    if (room.snapshot) updates.unshift(room.snapshot);
    return { updates, logLength: room.log.length };
  }

  async appendUpdate(
    name: string,
    update: Uint8Array,
  ): Promise<{ seq: number; logLength: number }> {
    const room = this.room(name);
    const seq = this.nextSeq++;
    // Copy: the caller's buffer may be a view into a socket frame that gets reused.
    room.log.push({ seq, update: update.slice() });
    return { seq, logLength: room.log.length };
  }

  async removeUpdate(name: string, seq: number): Promise<void> {
    const room = this.data.get(name);
    if (room) room.log = room.log.filter((entry) => entry.seq !== seq);
  }

  async compact(name: string): Promise<{ folded: number }> {
    const room = this.data.get(name);
    if (!room || room.log.length === 0) return { folded: 0 };
    const folded = room.log.length;
    const parts = room.log.map((entry) => entry.update);
    if (room.snapshot) parts.unshift(room.snapshot);
    room.snapshot = foldUpdates(parts);
    room.log = [];
    return { folded };
  }

  async stats(name: string): Promise<RoomStats> {
    const room = this.data.get(name);
    return { logLength: room?.log.length ?? 0, hasSnapshot: Boolean(room?.snapshot) };
  }

  async rooms(): Promise<string[]> {
    return [...this.data.entries()]
      .filter(([, room]) => room.snapshot || room.log.length > 0)
      .map(([name]) => name);
  }

  async close(): Promise<void> {}
}
