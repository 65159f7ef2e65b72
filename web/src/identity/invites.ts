/**
 * Invites made in the PWA by moderators and officials (issue 3): which roles a member may
 * invite, the call to the relay's `POST /api/invites`, and how a code and its link are shown.
 *
 * The relay is the authority (a moderator may invite resident|moderator, an official
 * resident|official); the UI only offers what the relay will accept, so a refusal (403) means
 * the role changed since the token was issued. Network and clock are passed in, so the rules
 * are tested in Node.
 */
import type { Role } from '@buurthub/shared';

export type InvitableRole = 'resident' | 'moderator' | 'official';

/** What each role may hand out; mirrors the relay's rule. Roles not listed may not invite. */
const MAY_INVITE: Partial<Record<Role, readonly InvitableRole[]>> = {
  moderator: ['resident', 'moderator'],
  official: ['resident', 'official'],
};

export const USES_MIN = 1;
export const USES_MAX = 500;
export const DAYS_MIN = 1;
export const DAYS_MAX = 90;

/** The roles `role` may invite; empty when it may not invite at all. */
export function invitableRoles(role: Role | undefined): readonly InvitableRole[] {
  return (role && MAY_INVITE[role]) ?? [];
}

export function mayInvite(role: Role | undefined): boolean {
  return invitableRoles(role).length > 0;
}

export interface InviteRequest {
  role: InvitableRole;
  uses: number;
  expiresInDays: number;
}

export interface Invite {
  code: string;
  nb: string;
  role: InvitableRole;
  usesLeft: number;
  /** Unix seconds. */
  expiresAt: number;
}

export type InviteFailure =
  'offline' | 'unauthorized' | 'forbidden' | 'invalid' | 'rate-limited' | 'server';

export class InviteError extends Error {
  constructor(readonly reason: InviteFailure) {
    super(`invite failed: ${reason}`);
  }
}

export interface InviteDeps {
  fetch: typeof fetch;
  online: () => boolean;
  apiBase?: string;
}

/** `ABCDEFGH` -> `ABCD-EFGH`, as printed by the CLI; other lengths unchanged. */
export function formatInviteCode(code: string): string {
  return /^[A-Z0-9]{8}$/.test(code) ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

/** The link that opens the join view with the code filled in. */
export function inviteLink(origin: string, code: string): string {
  return `${origin.replace(/\/$/, '')}/join/${encodeURIComponent(code)}`;
}

/** Which field of the form is out of range, or null when the request is valid. */
export function invalidField(request: InviteRequest): 'uses' | 'expiresInDays' | null {
  const { uses, expiresInDays } = request;
  if (!Number.isInteger(uses) || uses < USES_MIN || uses > USES_MAX) return 'uses';
  if (!Number.isInteger(expiresInDays) || expiresInDays < DAYS_MIN || expiresInDays > DAYS_MAX) {
    return 'expiresInDays';
  }
  return null;
}

function parseInvite(body: unknown): Invite | null {
  if (!body || typeof body !== 'object') return null;
  const b = body as Record<string, unknown>;
  if (
    typeof b.code !== 'string' ||
    !/^[A-Z0-9]{4,40}$/.test(b.code) ||
    typeof b.nb !== 'string' ||
    (b.role !== 'resident' && b.role !== 'moderator' && b.role !== 'official') ||
    typeof b.usesLeft !== 'number' ||
    typeof b.expiresAt !== 'number'
  ) {
    return null;
  }
  return { code: b.code, nb: b.nb, role: b.role, usesLeft: b.usesLeft, expiresAt: b.expiresAt };
}

/** Asks the relay for a new invite with the member's token; rejects with an InviteError. */
export async function createInvite(
  deps: InviteDeps,
  token: string,
  request: InviteRequest,
): Promise<Invite> {
  if (invalidField(request)) throw new InviteError('invalid');
  if (!deps.online()) throw new InviteError('offline');
  let response: Response;
  try {
    response = await deps.fetch(`${deps.apiBase ?? ''}/api/invites`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(request),
    });
  } catch {
    throw new InviteError('offline');
  }
  switch (response.status) {
    case 200:
      break;
    case 400:
      throw new InviteError('invalid');
    case 401:
      throw new InviteError('unauthorized');
    case 403:
      throw new InviteError('forbidden');
    case 429:
      throw new InviteError('rate-limited');
    default:
      throw new InviteError('server');
  }
  const invite = parseInvite(await response.json().catch(() => null));
  if (!invite) throw new InviteError('server');
  return invite;
}
