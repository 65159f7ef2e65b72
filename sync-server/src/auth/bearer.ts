/**
 * `Authorization: Bearer <token>` on plain HTTP requests (blob uploads, calendar keys):
 * the same token checks as the WebSocket upgrade — signature by a relay key, issuer,
 * audience, expiry, revocation — plus "is this a member" (resident and up, DESIGN.md §3).
 */
import type { IncomingMessage } from 'node:http';
import type { Role } from '@buurthub/shared';
import type { Storage } from '../storage/storage.js';
import { isRevoked } from './authorize.js';
import type { KeyStore } from './keys.js';
import { TokenError, type VerifiedToken, verifyToken } from './tokens.js';

/** Roles that count as members of a neighbourhood (guests and kiosks do not). */
export const MEMBER_ROLES: ReadonlySet<Role> = new Set(['resident', 'moderator', 'official']);

export interface BearerRefusal {
  status: 401 | 403;
  code: 'token-missing' | 'token-invalid' | 'token-revoked' | 'not-a-member';
  message: string;
}

export function isBearerRefusal(value: VerifiedToken | BearerRefusal): value is BearerRefusal {
  return 'status' in value;
}

/** The verified member behind the request's bearer token, or why it is refused. */
export async function authenticateMember(
  req: IncomingMessage,
  keys: KeyStore,
  storage: Storage,
): Promise<VerifiedToken | BearerRefusal> {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) {
    return {
      status: 401,
      code: 'token-missing',
      message: 'Send your token as "Authorization: Bearer <token>"',
    };
  }
  let member: VerifiedToken;
  try {
    member = await verifyToken(keys, match[1]);
  } catch (error) {
    if (error instanceof TokenError) {
      return { status: 401, code: 'token-invalid', message: error.message };
    }
    throw error;
  }
  if (isRevoked(await storage.revocations(), member.sub, member.iat)) {
    return { status: 401, code: 'token-revoked', message: 'token revoked' };
  }
  if (!MEMBER_ROLES.has(member.role)) {
    return {
      status: 403,
      code: 'not-a-member',
      message: `A ${member.role} token may not do this; join the neighbourhood first`,
    };
  }
  return member;
}
