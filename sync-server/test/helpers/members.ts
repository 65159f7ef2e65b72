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
  const res = await claimInvite(relay.url, code, name);
  expect(res.status).toBe(200);
  return res.body as { token: string; sub: string };
}

/**
 * Claims invite `code` as the app does, POST /api/join with a name and a device key (any
 * well-formed one unless the test needs its own); the relay's answer, headers included
 * because a refused claim says when to try again.
 */
export async function claimInvite(
  relayUrl: string,
  code: string,
  displayName: string,
  publicKey = 'A'.repeat(43),
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const res = await fetch(`${relayUrl}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, displayName, publicKey }),
  });
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown>,
    headers: res.headers,
  };
}
