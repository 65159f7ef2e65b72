/**
 * Reactions on a post or a comment: a small fixed set, at most one of each kind per member.
 *
 * Stored as a nested Y.Map from `<kind>:<memberId>` to a boolean. Taking a reaction back
 * writes `false` instead of deleting the key, so every change adds content the relay can
 * acknowledge; reactions of different members (and different kinds) never conflict.
 */
import * as Y from 'yjs';

export const REACTIONS = ['heart', 'thanks', 'helpful', 'laugh'] as const;
export type ReactionKind = (typeof REACTIONS)[number];

export function reactionKey(kind: ReactionKind, memberId: string): string {
  return `${kind}:${memberId}`;
}

function parseKey(key: string): { kind: ReactionKind; memberId: string } | null {
  const colon = key.indexOf(':');
  if (colon < 0) return null;
  const kind = key.slice(0, colon);
  const memberId = key.slice(colon + 1);
  if (!(REACTIONS as readonly string[]).includes(kind) || memberId.length === 0) return null;
  return { kind: kind as ReactionKind, memberId };
}

/**
 * Turns the reaction under `key` on or off in `item`'s `reactions` map (without `on`: toggles
 * it) and returns whether it is on now. Call inside a write transaction. Items written before
 * reactions existed get the map on their first reaction.
 */
export function setReaction(item: Y.Map<unknown>, key: string, on?: boolean): boolean {
  let reactions = item.get('reactions');
  if (!(reactions instanceof Y.Map)) {
    reactions = new Y.Map<boolean>();
    item.set('reactions', reactions);
  }
  const map = reactions as Y.Map<unknown>;
  const next = on ?? map.get(key) !== true;
  map.set(key, next);
  return next;
}

export function emptyReactions(): Record<ReactionKind, string[]> {
  return { heart: [], thanks: [], helpful: [], laugh: [] };
}

/** Per kind, the sorted ids of members whose reaction is on; anything else is ignored. */
export function readReactions(value: unknown): Record<ReactionKind, string[]> {
  const result = emptyReactions();
  if (!(value instanceof Y.Map)) return result;
  for (const [key, on] of value.entries()) {
    const parsed = parseKey(key);
    if (parsed && on === true) result[parsed.kind].push(parsed.memberId);
  }
  for (const kind of REACTIONS) result[kind].sort();
  return result;
}
