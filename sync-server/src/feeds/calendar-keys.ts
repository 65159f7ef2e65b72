/**
 * Personal calendar-feed keys: a random 256-bit secret in the feed URL
 * (`/nb/<nb>/events.ics?key=<secret>`) that lets a calendar app — which cannot send a
 * token — fetch the members-only agenda. Storage keeps only the secret's SHA-256, bound to
 * the member (`sub`) and neighbourhood; making a new key replaces the old one, and a
 * revoked member's keys stop working.
 */
import { createHash, randomBytes } from 'node:crypto';
import { isRevoked } from '../auth/authorize.js';
import type { CalendarKey, Storage } from '../storage/storage.js';

const SECRET = /^[A-Za-z0-9_-]{43}$/;

export const hashCalendarSecret = (secret: string): string =>
  createHash('sha256').update(secret, 'utf8').digest('hex');

/** Makes a new key for the member, replacing any earlier one; returns the secret. */
export async function issueCalendarKey(
  storage: Storage,
  member: { sub: string; nb: string },
  now: number,
): Promise<string> {
  const secret = randomBytes(32).toString('base64url');
  await storage.setCalendarKey({
    keyHash: hashCalendarSecret(secret),
    sub: member.sub,
    nb: member.nb,
    createdAt: now,
  });
  return secret;
}

/** The key behind `secret` if it works for `nb`: known, current, and its member not revoked. */
export async function checkCalendarKey(
  storage: Storage,
  secret: string,
  nb: string,
): Promise<CalendarKey | null> {
  if (!SECRET.test(secret)) return null;
  const key = await storage.calendarKey(hashCalendarSecret(secret));
  if (!key || key.nb !== nb) return null;
  if (isRevoked(await storage.revocations(), key.sub, key.createdAt)) return null;
  return key;
}
