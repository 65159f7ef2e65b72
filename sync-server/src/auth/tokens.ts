/**
 * Relay tokens: JWTs signed with the relay's current Ed25519 key (EdDSA).
 *
 * Claims (docs/protocol.md, "Authentication"):
 *   iss  'buurthub-relay'   aud 'buurthub'   (both checked)
 *   sub  the member's id (random per join; free text for operator tokens)
 *   nb   the neighbourhood slug the token is for
 *   role guest | kiosk | resident | moderator | official
 *   name display name (optional; the relay puts it into the member's awareness state)
 *   pk   the device's Ed25519 public key, base64url of the 32 raw bytes (WebCrypto
 *        `exportKey('raw')`); optional, and required to refresh
 *   kiosk the kiosk screen a moderator signed in on (auth/device-codes.ts); only in
 *        those short kiosk sessions
 *   iat, exp  unix seconds; exp is required
 */
import { jwtVerify, SignJWT, errors, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { ROLES, isNeighbourhoodSlug, type Role } from '@buurthub/shared';
import type { Storage } from '../storage/storage.js';
import { KeyStore, SIGNING_ALGORITHM, nowSeconds } from './keys.js';

export const ISSUER = 'buurthub-relay';
export const AUDIENCE = 'buurthub';
/** How long after `exp` a token can still be exchanged for a new one (`POST /api/refresh`). */
export const REFRESH_GRACE_SECONDS = 14 * 24 * 3600;
/** Lifetime of a token from `/api/join` or `/api/refresh`. */
export const MEMBER_TOKEN_TTL_SECONDS = 7 * 24 * 3600;

export interface TokenClaims {
  sub: string;
  nb: string;
  role: Role;
  name?: string;
  pk?: string;
  kiosk?: string;
}

export interface VerifiedToken extends TokenClaims {
  iat: number;
  exp: number;
  kid: string;
}

/** A token that must not be accepted; `message` is safe to show the client. */
export class TokenError extends Error {}

const claimsSchema = z.object({
  sub: z.string().min(1).max(200),
  nb: z.string().refine(isNeighbourhoodSlug, 'not a neighbourhood slug'),
  role: z.enum(ROLES),
  name: z.string().max(100).optional(),
  pk: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, '32 bytes, base64url')
    .optional(),
  kiosk: z.string().min(1).max(100).optional(),
  iat: z.number().int(),
  exp: z.number().int(),
});

export interface Minted {
  token: string;
  /** Unix seconds. */
  expiresAt: number;
  kid: string;
}

/** Signs a token with the current key of `keys` (created on first use). */
export async function mintToken(
  keys: KeyStore,
  claims: TokenClaims,
  ttlSeconds: number,
  now: number = nowSeconds(),
): Promise<Minted> {
  if (!isNeighbourhoodSlug(claims.nb))
    throw new Error(`"${claims.nb}" is not a neighbourhood slug`);
  const { kid, crypto } = await keys.signingKey();
  const expiresAt = now + ttlSeconds;
  const payload: Record<string, string> = { nb: claims.nb, role: claims.role };
  if (claims.name !== undefined) payload.name = claims.name;
  if (claims.pk !== undefined) payload.pk = claims.pk;
  if (claims.kiosk !== undefined) payload.kiosk = claims.kiosk;
  const token = await new SignJWT(payload)
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, typ: 'JWT', kid })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(claims.sub)
    .setIssuedAt(now)
    .setExpirationTime(expiresAt)
    .sign(crypto);
  // Keeps this key published (after a rotation) for as long as the token can be used.
  await keys.noteUse(kid, expiresAt + REFRESH_GRACE_SECONDS);
  return { token, expiresAt, kid };
}

/** Convenience for tests and the CLI: mint with the keys kept in `storage`. */
export async function mintTokenFor(
  storage: Storage,
  claims: TokenClaims,
  ttlSeconds = 3600,
): Promise<Minted> {
  return mintToken(new KeyStore(storage), claims, ttlSeconds);
}

/**
 * Checks signature (EdDSA only, by a published relay key), issuer, audience, `exp` and the
 * claim types. `graceSeconds` accepts a token that expired that long ago (refresh only).
 * Revocation is checked by the caller, which keeps the revocation list.
 */
export async function verifyToken(
  keys: KeyStore,
  token: string,
  options: { graceSeconds?: number; now?: number } = {},
): Promise<VerifiedToken> {
  const getKey: JWTVerifyGetKey = async (header) => {
    if (typeof header.kid !== 'string') throw new TokenError('token has no key id');
    const key = await keys.verificationKey(header.kid);
    if (!key) throw new TokenError('token signed by an unknown key');
    return key;
  };
  let result;
  try {
    result = await jwtVerify(token, getKey, {
      algorithms: [SIGNING_ALGORITHM],
      issuer: ISSUER,
      audience: AUDIENCE,
      requiredClaims: ['exp', 'iat', 'sub'],
      clockTolerance: options.graceSeconds ?? 5,
      currentDate: options.now === undefined ? undefined : new Date(options.now * 1000),
      typ: 'JWT',
    });
  } catch (error) {
    if (error instanceof TokenError) throw error;
    if (error instanceof errors.JWTExpired) throw new TokenError('token expired');
    if (error instanceof errors.JOSEError) throw new TokenError(`invalid token (${error.code})`);
    throw new TokenError('invalid token');
  }
  const parsed = claimsSchema.safeParse(result.payload);
  if (!parsed.success) throw new TokenError('token claims malformed');
  return { ...parsed.data, kid: result.protectedHeader.kid as string };
}
