/**
 * The identity API on the relay's HTTP port:
 *
 *   GET  /.well-known/jwks.json  the relay's public signing keys (clients pin them at join)
 *   POST /api/join               {code, displayName, publicKey} -> a member token
 *   GET  /api/challenge          a one-time challenge for refreshing
 *   POST /api/refresh            {token, challenge, signature} -> a new token
 *   POST /api/invites            moderator/official (Bearer token): {role, uses, expiresInDays}
 *                                -> a new invite code for their own neighbourhood
 *   POST /api/device-codes[/lookup|/approve|/token]
 *                                moderator sign-in on a kiosk (auth/device-codes.ts)
 *
 * Refresh proves possession of the device key in the token's `pk` claim: the device signs
 * `buurthub-refresh:<challenge>` (Ed25519, signature base64url). The token may have expired
 * up to REFRESH_GRACE_SECONDS ago; a revoked token is never refreshed. There is no separate
 * refresh token: the device key is the long-lived credential and never leaves the device.
 *
 * Join and refresh are rate-limited per client address (token bucket), so invite codes
 * cannot be guessed.
 */
import { createPublicKey, randomBytes, randomUUID, verify } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { isRevoked } from './auth/authorize.js';
import { createDeviceCodeApi } from './auth/device-codes.js';
import { newInviteCode, normaliseInviteCode } from './auth/invites.js';
import { KeyStore, nowSeconds } from './auth/keys.js';
import { RateLimiter } from './auth/rate-limit.js';
import {
  MEMBER_TOKEN_TTL_SECONDS,
  REFRESH_GRACE_SECONDS,
  TokenError,
  mintToken,
  verifyToken,
} from './auth/tokens.js';
import { sendJson } from './http.js';
import { HttpError, parseBody, readJson } from './json-body.js';
import type { Storage } from './storage/storage.js';

export const REFRESH_SIGNING_PREFIX = 'buurthub-refresh:';
const CHALLENGE_TTL_MS = 2 * 60_000;
const MAX_OPEN_CHALLENGES = 10_000;

const base64url32 = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'an Ed25519 public key, base64url');

const joinSchema = z.object({
  code: z.string().min(4).max(40),
  displayName: z.string().trim().min(1).max(60),
  publicKey: base64url32,
});

const refreshSchema = z.object({
  token: z.string().min(1).max(8192),
  challenge: z.string().min(1).max(200),
  signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'an Ed25519 signature, base64url'),
});

const inviteSchema = z.object({
  role: z.enum(['resident', 'moderator', 'official']),
  uses: z.number().int().min(1).max(500).default(1),
  expiresInDays: z.number().int().min(1).max(90).default(7),
});

/** Whom a member may invite: never a role above their own, and officials stay officials. */
const MAY_INVITE: Readonly<Record<string, readonly string[]>> = {
  moderator: ['resident', 'moderator'],
  official: ['resident', 'official'],
};

export interface ApiOptions {
  storage: Storage;
  keys?: KeyStore;
  /** Join/refresh attempts per client address: burst and per minute. Default 10 and 10. */
  rateLimit?: { burst: number; perMinute: number };
  /** Hub mode: kiosk sign-in codes are made and polled at the upstream. */
  upstream?: { url: string; token: string };
}

export type ApiHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/** Ed25519 signature check with the device key from the token (`pk`, raw base64url). */
export function verifyDeviceSignature(pk: string, message: string, signature: string): boolean {
  try {
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: pk }, format: 'jwk' });
    return verify(null, Buffer.from(message), key, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}

export function createApi(options: ApiOptions): ApiHandler {
  const { storage } = options;
  const keys = options.keys ?? new KeyStore(storage);
  const limiter = new RateLimiter(options.rateLimit ?? { burst: 10, perMinute: 10 });
  const challenges = new Map<string, number>();
  const deviceCodes = createDeviceCodeApi({
    storage,
    keys,
    limiter,
    ...(options.upstream && { upstream: options.upstream }),
  });

  function limit(req: IncomingMessage): void {
    const wait = limiter.take(req.socket.remoteAddress ?? 'unknown');
    if (wait > 0) {
      throw new HttpError(429, 'rate-limited', `Too many attempts; try again in ${wait} s`);
    }
  }

  async function join(req: IncomingMessage): Promise<unknown> {
    limit(req);
    const body = parseBody(joinSchema, await readJson(req));
    const now = nowSeconds();
    const redeemed = await storage.redeemInvite(normaliseInviteCode(body.code), now);
    if ('refused' in redeemed) {
      if (redeemed.refused === 'unknown') {
        throw new HttpError(404, 'invite-unknown', 'No invite with this code');
      }
      throw new HttpError(
        410,
        `invite-${redeemed.refused}`,
        redeemed.refused === 'expired' ? 'This invite has expired' : 'This invite has been used up',
      );
    }
    const { invite } = redeemed;
    const sub = `m-${randomUUID()}`;
    const minted = await mintToken(
      keys,
      { sub, nb: invite.nb, role: invite.role, name: body.displayName, pk: body.publicKey },
      MEMBER_TOKEN_TTL_SECONDS,
      now,
    );
    await storage.putMember({
      sub,
      nb: invite.nb,
      role: invite.role,
      name: body.displayName,
      joinedAt: now,
    });
    return {
      token: minted.token,
      expiresAt: minted.expiresAt,
      nb: invite.nb,
      role: invite.role,
      sub,
    };
  }

  async function createInvite(req: IncomingMessage): Promise<unknown> {
    const header = req.headers.authorization ?? '';
    if (!header.startsWith('Bearer ')) {
      throw new HttpError(
        401,
        'token-missing',
        'Send your token as "Authorization: Bearer <token>"',
      );
    }
    let member;
    try {
      member = await verifyToken(keys, header.slice('Bearer '.length).trim());
    } catch (error) {
      if (error instanceof TokenError) throw new HttpError(401, 'token-invalid', error.message);
      throw error;
    }
    if (isRevoked(await storage.revocations(), member.sub, member.iat)) {
      throw new HttpError(401, 'token-revoked', 'token revoked');
    }
    const body = parseBody(inviteSchema, await readJson(req));
    if (!MAY_INVITE[member.role]?.includes(body.role)) {
      throw new HttpError(403, 'forbidden', `A ${member.role} may not invite a ${body.role}`);
    }
    const now = nowSeconds();
    const invite = {
      code: newInviteCode(),
      nb: member.nb,
      role: body.role,
      usesLeft: body.uses,
      expiresAt: now + body.expiresInDays * 86_400,
      createdAt: now,
    };
    await storage.createInvite(invite);
    return {
      code: invite.code,
      nb: invite.nb,
      role: invite.role,
      usesLeft: invite.usesLeft,
      expiresAt: invite.expiresAt,
    };
  }

  function challenge(): unknown {
    const now = Date.now();
    for (const [value, expires] of challenges) if (expires <= now) challenges.delete(value);
    if (challenges.size >= MAX_OPEN_CHALLENGES) {
      throw new HttpError(503, 'busy', 'Too many open challenges; try again shortly');
    }
    const value = randomBytes(24).toString('base64url');
    challenges.set(value, now + CHALLENGE_TTL_MS);
    return { challenge: value, expiresAt: Math.floor((now + CHALLENGE_TTL_MS) / 1000) };
  }

  async function refresh(req: IncomingMessage): Promise<unknown> {
    limit(req);
    const body = parseBody(refreshSchema, await readJson(req));
    const expires = challenges.get(body.challenge);
    // One use only, whatever the outcome.
    challenges.delete(body.challenge);
    if (expires === undefined || expires <= Date.now()) {
      throw new HttpError(401, 'challenge-invalid', 'Unknown or expired challenge');
    }
    let verified;
    try {
      verified = await verifyToken(keys, body.token, { graceSeconds: REFRESH_GRACE_SECONDS });
    } catch (error) {
      if (error instanceof TokenError) throw new HttpError(401, 'token-invalid', error.message);
      throw error;
    }
    if (isRevoked(await storage.revocations(), verified.sub, verified.iat)) {
      throw new HttpError(401, 'token-revoked', 'token revoked');
    }
    if (verified.pk === undefined) {
      throw new HttpError(401, 'no-device-key', 'This token has no device key; join again');
    }
    if (
      !verifyDeviceSignature(verified.pk, REFRESH_SIGNING_PREFIX + body.challenge, body.signature)
    ) {
      throw new HttpError(401, 'signature-invalid', 'Signature does not match the device key');
    }
    const { sub, nb, role, name, pk } = verified;
    const minted = await mintToken(keys, { sub, nb, role, name, pk }, MEMBER_TOKEN_TTL_SECONDS);
    return { token: minted.token, expiresAt: minted.expiresAt, nb, role, sub };
  }

  return async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    let run: (() => unknown) | undefined;
    let method = 'GET';
    if (path === '/.well-known/jwks.json') run = () => keys.jwks();
    else if (path === '/api/challenge') run = challenge;
    else if (path === '/api/join') [run, method] = [() => join(req), 'POST'];
    else if (path === '/api/refresh') [run, method] = [() => refresh(req), 'POST'];
    else if (path === '/api/invites') [run, method] = [() => createInvite(req), 'POST'];
    else if (path === '/api/device-codes') [run, method] = [() => deviceCodes.create(req), 'POST'];
    else if (path === '/api/device-codes/lookup') {
      [run, method] = [() => deviceCodes.lookup(req), 'POST'];
    } else if (path === '/api/device-codes/approve') {
      [run, method] = [() => deviceCodes.approve(req), 'POST'];
    } else if (path === '/api/device-codes/token') {
      [run, method] = [() => deviceCodes.poll(req), 'POST'];
    }
    if (!run) return false;
    if (req.method !== method && !(method === 'GET' && req.method === 'HEAD')) {
      res.setHeader('Allow', method === 'GET' ? 'GET, HEAD' : method);
      sendJson(res, 405, { error: 'method-not-allowed', message: `Use ${method}` });
      return true;
    }
    try {
      sendJson(res, 200, await run());
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      if (error.status === 429) res.setHeader('Retry-After', error.message.replace(/\D/g, ''));
      sendJson(res, error.status, { error: error.code, message: error.message });
    }
    return true;
  };
}
