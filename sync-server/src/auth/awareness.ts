/**
 * Awareness bound to its connection (pure, no I/O). A connection's first awareness update
 * claims the client ids in it (those no other connection in the room holds); after that it
 * may only set states for its own ids, and entries for other ids are dropped. The relay
 * writes `user.name` from the token, whatever the client claims.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export interface AwarenessBinding {
  /** Ids this connection owns; null until its first awareness update. */
  claimed: Set<number> | null;
  /** True when another connection in the room already owns `id`. */
  ownedByOther(id: number): boolean;
  /** string: set `user.name`; null: remove it; undefined: leave the state as sent. */
  name: string | null | undefined;
}

export interface BoundAwareness {
  /** The update to apply (only the connection's own entries, names rewritten), or null. */
  update: Uint8Array | null;
  /** The connection's claimed ids after this update. */
  claimed: Set<number>;
  /** How many entries were dropped as spoofed. */
  dropped: number;
}

/** Throws on undecodable input; the caller closes the connection as malformed. */
export function bindAwareness(update: Uint8Array, binding: AwarenessBinding): BoundAwareness {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: { id: number; clock: number; state: string }[] = [];
  for (let i = 0; i < count; i++) {
    entries.push({
      id: decoding.readVarUint(decoder),
      clock: decoding.readVarUint(decoder),
      state: decoding.readVarString(decoder),
    });
  }
  let claimed = binding.claimed;
  if (claimed === null) {
    claimed = new Set(entries.map((e) => e.id).filter((id) => !binding.ownedByOther(id)));
  }
  const kept = entries.filter((entry) => claimed.has(entry.id));
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const entry of kept) {
    encoding.writeVarUint(encoder, entry.id);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, withName(entry.state, binding.name));
  }
  return {
    update: kept.length > 0 ? encoding.toUint8Array(encoder) : null,
    claimed,
    dropped: entries.length - kept.length,
  };
}

/** Rewrites `user.name` in a JSON awareness state; `null` states (gone) stay as they are. */
function withName(stateJson: string, name: string | null | undefined): string {
  if (name === undefined) return stateJson;
  const state: unknown = JSON.parse(stateJson);
  if (state === null || typeof state !== 'object' || Array.isArray(state)) return stateJson;
  const record = state as Record<string, unknown>;
  const user = record.user;
  const userRecord =
    user !== null && typeof user === 'object' && !Array.isArray(user)
      ? { ...(user as Record<string, unknown>) }
      : {};
  if (name === null) {
    if (!('user' in record)) return stateJson;
    delete userRecord.name;
  } else {
    userRecord.name = name;
  }
  // defineProperty, not assignment: a state may carry an own "__proto__" key.
  Object.defineProperty(record, 'user', {
    value: userRecord,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return JSON.stringify(record);
}
