/**
 * Revocations and suspensions as every storage keeps them: one row per subject with the
 * latest revocation time and, for a suspension, when it ends (moderation: "schorsen").
 */
import type { RevocationRecord } from './storage.js';

/**
 * The end of a subject's revocation after another one: for good stays for good (a removal
 * is never shortened by a later suspension, nor a suspension by a removal's absence), two
 * suspensions end at the later end.
 */
export function mergedEnd(known: number | null | undefined, next: number | null): number | null {
  if (known === null || next === null) return null;
  return known === undefined ? next : Math.max(known, next);
}

/** sub -> revoked-at, as the relay's checks want it. */
export function revokedAtBySub(records: RevocationRecord[]): Map<string, number> {
  return new Map(records.map((record) => [record.sub, record.revokedAt]));
}

/** Unix seconds now: a suspension whose end is not after it no longer counts. */
export const nowInSeconds = (): number => Math.floor(Date.now() / 1000);
