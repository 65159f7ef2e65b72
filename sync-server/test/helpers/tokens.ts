/**
 * Tokens for tests. A relay started with `startRelay()` has auth on, like every relay, so
 * clients made with `stockClient` / `rawClient` against it carry a moderator token for the
 * room's neighbourhood by default (moderators may write every space): tests that are not
 * about permissions read as before. Pass `token` yourself to choose; `token: ''` (or
 * `?token=` in a raw query) connects without one, as a guest.
 */
import type { Role } from '@buurthub/shared';
import { mintTokenFor, type Storage } from '../../src/index.js';

/** Neighbourhoods the test files use; their default tokens are minted up front. */
export const TEST_NEIGHBOURHOODS = ['maasburen', 'heumen', 'molenhoek'];

const defaults = new Map<string, Map<string, string>>();

export async function registerDefaultTokens(relayUrl: string, storage: Storage): Promise<void> {
  const byNb = new Map<string, string>();
  for (const nb of TEST_NEIGHBOURHOODS) {
    byNb.set(nb, (await mintTokenFor(storage, { sub: `test-${nb}`, nb, role: 'moderator' })).token);
  }
  defaults.set(relayUrl, byNb);
}

export function forgetDefaultTokens(relayUrl: string): void {
  defaults.delete(relayUrl);
}

/** The default token for `room` (`<nb>/<space>`) on this relay, if it has one. */
export function defaultToken(relayUrl: string, room: string): string | undefined {
  return defaults.get(relayUrl)?.get(room.split('/')[0] ?? '');
}

/** A token for `nb` with `role`, signed with the relay's keys. */
export async function tokenFor(
  storage: Storage,
  nb: string,
  role: Role,
  extra: { sub?: string; name?: string; ttl?: number } = {},
): Promise<string> {
  const sub = extra.sub ?? `test-${role}-${Math.random().toString(36).slice(2)}`;
  return (await mintTokenFor(storage, { sub, nb, role, name: extra.name }, extra.ttl ?? 3600))
    .token;
}
