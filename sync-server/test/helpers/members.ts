/** Members joining a relay the way the app makes them: an invite, then POST /api/join. */
import { expect } from 'vitest';
import { newInviteCode } from '../../src/auth/invites.js';
import type { Invite } from '../../src/index.js';
import type { TestRelay } from './relay.js';

/**
 * Makes a one-use invite for `nb` and `role` in storage and claims it as `name`; the new
 * member's token and id.
 */
export async function joinWithInvite(
  relay: TestRelay,
  nb: string,
  role: Invite['role'],
  name: string,
): Promise<{ token: string; sub: string }> {
  const now = Math.floor(Date.now() / 1000);
  const code = newInviteCode();
  await relay.storage.createInvite({
    code,
    nb,
    role,
    usesLeft: 1,
    expiresAt: now + 3600,
    createdAt: now,
  });
  const res = await fetch(`${relay.url}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, displayName: name, publicKey: 'A'.repeat(43) }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { token: string; sub: string };
}
