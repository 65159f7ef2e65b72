/**
 * The certificate that travels with signed content: the author's relay token (a JWT the
 * relay signed with EdDSA, docs/protocol.md "Authentication"). It binds the author's device
 * key (`pk`) to who they are (`sub`, `name`), what they may do (`role`) and where (`nb`).
 *
 * Verification is a pure function of the token, the keys the client pinned when it joined
 * and the moment the content says it was signed: keys are never fetched here, so a relay,
 * kiosk or peer that delivers the data cannot also choose the keys it is checked with.
 */
import { type JSONWebKeySet, createLocalJWKSet, decodeJwt, errors, jwtVerify } from 'jose';
import { z } from 'zod';
import { isNeighbourhoodSlug } from '../rooms.js';
import { ROLES, type Role } from '../roles.js';
import { base64UrlDecode } from './base64url.js';

export const CERT_ISSUER = 'buurthub-relay';
export const CERT_AUDIENCE = 'buurthub';
export const CERT_ALGORITHM = 'EdDSA';
/**
 * How far before the token's `iat` a signature may claim to be made: the device's clock
 * and the relay's differ a little, and a member signs right after joining.
 */
export const CERT_ISSUED_SKEW_MS = 5 * 60_000;

/** The relay's public keys as `/.well-known/jwks.json` serves them, pinned at join. */
export type PinnedJwks = JSONWebKeySet;

export interface CertificateClaims {
  sub: string;
  nb: string;
  role: Role;
  name?: string;
  /** The device's Ed25519 public key, 32 raw bytes. */
  publicKey: Uint8Array;
  /** Unix seconds. */
  iat: number;
  /** Unix seconds. */
  exp: number;
  kid: string;
}

export const CERTIFICATE_PROBLEMS = [
  'malformed',
  'unknown-key',
  'bad-signature',
  'expired',
  'not-yet-valid',
  'no-device-key',
] as const;
export type CertificateProblem = (typeof CERTIFICATE_PROBLEMS)[number];

/** A certificate that must not be trusted; `problem` says why, for logs and the UI. */
export class CertificateError extends Error {
  override readonly name = 'CertificateError';
  constructor(
    readonly problem: CertificateProblem,
    message: string,
  ) {
    super(message);
  }
}

const claimsSchema = z.object({
  sub: z.string().min(1).max(200),
  nb: z.string().refine(isNeighbourhoodSlug),
  role: z.enum(ROLES),
  name: z.string().max(100).optional(),
  pk: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  iat: z.number().int(),
  exp: z.number().int(),
});

/**
 * Checks `token` as a certificate for something signed at `signedAt` (ms): EdDSA only, by a
 * key in `pinned` (matched by `kid`), issuer `buurthub-relay`, audience `buurthub`, and
 * `iat - skew <= signedAt < exp`. A certificate that was valid when the item was signed
 * stays good afterwards; one used after its `exp` is not. Throws CertificateError.
 */
export async function verifyCertificate(
  token: string,
  pinned: PinnedJwks,
  signedAt: number,
): Promise<CertificateClaims> {
  let result;
  try {
    result = await jwtVerify(token, createLocalJWKSet(pinned), {
      algorithms: [CERT_ALGORITHM],
      issuer: CERT_ISSUER,
      audience: CERT_AUDIENCE,
      requiredClaims: ['sub', 'iat', 'exp'],
      typ: 'JWT',
      currentDate: new Date(signedAt),
      clockTolerance: 0,
    });
  } catch (error) {
    throw certificateError(error);
  }
  const parsed = claimsSchema.safeParse(result.payload);
  if (!parsed.success) {
    const noKey = typeof result.payload.pk !== 'string';
    throw new CertificateError(
      noKey ? 'no-device-key' : 'malformed',
      noKey ? 'certificate names no device key' : 'certificate claims malformed',
    );
  }
  const claims = parsed.data;
  if (signedAt < claims.iat * 1000 - CERT_ISSUED_SKEW_MS) {
    throw new CertificateError('not-yet-valid', 'signed before the certificate was issued');
  }
  return {
    sub: claims.sub,
    nb: claims.nb,
    role: claims.role,
    ...(claims.name !== undefined && { name: claims.name }),
    publicKey: base64UrlDecode(claims.pk),
    iat: claims.iat,
    exp: claims.exp,
    kid: String(result.protectedHeader.kid ?? ''),
  };
}

function certificateError(error: unknown): CertificateError {
  if (error instanceof errors.JWTExpired) {
    return new CertificateError('expired', 'signed after the certificate expired');
  }
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'nbf') {
    return new CertificateError('not-yet-valid', 'signed before the certificate was valid');
  }
  if (
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys
  ) {
    return new CertificateError('unknown-key', 'certificate not signed by a pinned relay key');
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new CertificateError('bad-signature', 'certificate signature does not verify');
  }
  const code = error instanceof errors.JOSEError ? ` (${error.code})` : '';
  return new CertificateError('malformed', `certificate not accepted${code}`);
}

/**
 * The claims of a token without checking it: only for a signing device to learn which
 * neighbourhood and member its own token names. Never use it to trust anything.
 */
export function readOwnTokenClaims(token: string): { sub?: string; nb?: string; role?: string } {
  try {
    const payload = decodeJwt(token);
    return {
      ...(typeof payload.sub === 'string' && { sub: payload.sub }),
      ...(typeof payload.nb === 'string' && { nb: payload.nb }),
      ...(typeof payload.role === 'string' && { role: payload.role }),
    };
  } catch {
    return {};
  }
}
