/**
 * The relay's default `Authorize` hook: verifies the token in the `token` query parameter
 * and applies the permission table, before the WebSocket upgrade.
 *
 *   no token (or an empty one)          -> guest
 *   token that does not verify          -> HTTP 401 (never silently a guest: a client with a
 *                                          broken token should learn it, not lose access
 *                                          to its community without a word)
 *   token revoked                       -> HTTP 401
 *   token for another neighbourhood     -> HTTP 403
 *   role may not read this space        -> HTTP 403
 *
 * Demo mode (`serve --demo` only): connections WITHOUT a token to the demo neighbourhood
 * are residents, so the PWA works before it has a join flow. Never the default.
 */
import type { IncomingMessage } from 'node:http';
import type { Role } from '@buurthub/shared';
import type { Access, Authorize, Refusal, RoomRef } from '../auth.js';
import type { Storage } from '../storage/storage.js';
import { KeyStore } from './keys.js';
import { DEFAULT_SETTINGS, permissions } from './permissions.js';
import { TokenError, verifyToken } from './tokens.js';

export interface TokenAuthOptions {
  storage: Storage;
  keys?: KeyStore;
  /** DEMO ONLY: tokenless connections to this neighbourhood get role resident. */
  demoNeighbourhood?: string;
}

/** The token from `?token=`; empty counts as none. */
export function tokenFromRequest(request: IncomingMessage): string | null {
  try {
    const token = new URL(request.url ?? '/', 'http://relay.invalid').searchParams.get('token');
    return token ? token : null;
  } catch {
    return null;
  }
}

/** True when a token issued at `issuedAt` to `sub` has been revoked. */
export function isRevoked(
  revocations: Map<string, number>,
  sub: string | undefined,
  issuedAt: number | undefined,
): boolean {
  if (sub === undefined) return false;
  const revokedAt = revocations.get(sub);
  return revokedAt !== undefined && (issuedAt ?? 0) <= revokedAt;
}

export function tokenAuthorizer(options: TokenAuthOptions): Authorize {
  const { storage, demoNeighbourhood } = options;
  const keys = options.keys ?? new KeyStore(storage);

  async function access(role: Role, room: RoomRef): Promise<Access | Refusal> {
    const record = await storage.neighbourhood(room.nb);
    const settings = record ?? DEFAULT_SETTINGS;
    const permission = permissions(role, room.space, settings);
    if (!permission.read) {
      return { status: 403, message: `Role ${role} may not read ${room.name}` };
    }
    return { role, canWrite: permission.write };
  }

  return async (request, room) => {
    const token = tokenFromRequest(request);
    if (token === null) {
      if (demoNeighbourhood !== undefined && room.nb === demoNeighbourhood) {
        return access('resident', room);
      }
      const result = await access('guest', room);
      return 'status' in result ? result : { ...result, name: null };
    }
    let verified;
    try {
      verified = await verifyToken(keys, token);
    } catch (error) {
      if (error instanceof TokenError) return { status: 401, message: error.message };
      throw error;
    }
    if (isRevoked(await storage.revocations(), verified.sub, verified.iat)) {
      return { status: 401, message: 'token revoked' };
    }
    if (verified.nb !== room.nb) {
      return { status: 403, message: `token is for neighbourhood ${verified.nb}` };
    }
    const result = await access(verified.role, room);
    if ('status' in result) return result;
    return { ...result, sub: verified.sub, issuedAt: verified.iat, name: verified.name ?? null };
  };
}
