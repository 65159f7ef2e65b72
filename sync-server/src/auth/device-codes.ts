/**
 * Moderator sign-in on the kiosk: a device-authorization grant in the spirit of RFC 8628.
 * The kiosk cannot take a password on a public touch screen, so a moderator approves it
 * from the phone they are already signed in on:
 *
 *   kiosk      POST /api/device-codes          -> {deviceCode, userCode, expiresAt, interval}
 *   moderator  POST /api/device-codes/lookup   {userCode} -> which kiosk asks
 *   moderator  POST /api/device-codes/approve  {userCode}
 *   kiosk      POST /api/device-codes/token    {deviceCode} -> pending | a kiosk session token
 *
 * The device code is the kiosk's secret (32 random bytes); the user code (8 characters of
 * the invite alphabet) is shown on the screen and typed or scanned on the phone. Codes are
 * kept in the relay's storage for 5 minutes, so every relay process on it (the scaled-out
 * mode) answers for them, and are used once: the token is handed out on the first poll
 * after the approval, then the code is gone. Storage keeps only the device code's SHA-256.
 * The token carries the approver's sub, name and role, lives 30 minutes, has no device key
 * (so it cannot be refreshed) and a `kiosk` claim naming the screen, so it is told apart
 * from the member's own token.
 *
 * Who may ask for a code: a kiosk token (role kiosk) for its neighbourhood: a kiosk's
 * device token, or the token the embedded hub signs for its own window (desktop
 * window-token.ts). A code asked for with another token would let whoever holds it phish a
 * moderator into signing in on a screen that is not in the buurthuis. On a hub (`upstream`)
 * the window's request is passed to the upstream with the hub's device token, since the
 * moderators' phones live there; so are the polls.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { forwardToUpstream } from '../hub/device-codes-upstream.js';
import { deviceTokenClaims } from '../hub/upstream.js';
import { HttpError, parseBody, readJson } from '../json-body.js';
import { isRevoked } from './authorize.js';
import { authenticateMember, isBearerRefusal } from './bearer.js';
import { formatInviteCode, newInviteCode, normaliseInviteCode } from './invites.js';
import { nowSeconds, type KeyStore } from './keys.js';
import { RateLimiter } from './rate-limit.js';
import { TokenError, type VerifiedToken, mintToken, verifyToken } from './tokens.js';
import type { DeviceCode, DeviceCodeApprover, Storage } from '../storage/storage.js';

export const DEVICE_CODE_TTL_SECONDS = 5 * 60;
/** How often the kiosk polls (seconds). */
export const DEVICE_CODE_INTERVAL_SECONDS = 3;
export const KIOSK_SESSION_TTL_SECONDS = 30 * 60;
/** Open codes across all processes on the storage; more are refused with 503. */
const MAX_OPEN_CODES = 1000;
/** A user code drawn that is open already is drawn again, a few times at most. */
const USER_CODE_DRAWS = 5;
/** Roles that may sign in on a kiosk (they moderate or look along). */
const isApproverRole = (role: string): role is DeviceCodeApprover['role'] =>
  role === 'moderator' || role === 'official';

export type TakeResult =
  | { state: 'pending' }
  | { state: 'approved'; approver: DeviceCodeApprover; nb: string; kiosk: string }
  | { state: 'unknown' }
  | { state: 'expired' };

const hashOf = (deviceCode: string): string =>
  createHash('sha256').update(deviceCode, 'utf8').digest('hex');

/** The open codes, in the relay's storage (shared by every process on it). */
export class DeviceCodes {
  constructor(
    private readonly storage: Storage,
    private readonly now: () => number = nowSeconds,
  ) {}

  async create(nb: string, kiosk: string) {
    const deviceCode = randomBytes(32).toString('base64url');
    for (let draw = 0; draw < USER_CODE_DRAWS; draw++) {
      const code: DeviceCode = {
        deviceHash: hashOf(deviceCode),
        userCode: newInviteCode(),
        nb,
        kiosk,
        expiresAt: this.now() + DEVICE_CODE_TTL_SECONDS,
        approvedBy: null,
      };
      const stored = await this.storage.createDeviceCode(code, this.now(), MAX_OPEN_CODES);
      if (stored === 'busy') break;
      if (stored === 'created') {
        return {
          deviceCode,
          userCode: formatInviteCode(code.userCode),
          nb,
          expiresAt: code.expiresAt,
          interval: DEVICE_CODE_INTERVAL_SECONDS,
        };
      }
    }
    throw new HttpError(503, 'busy', 'Too many open sign-in codes; try again shortly');
  }

  /** The open, unexpired code a moderator typed (any case, with or without the dash). */
  async find(userCode: string): Promise<DeviceCode | 'unknown' | 'expired'> {
    const code = await this.storage.deviceCode(normaliseInviteCode(userCode));
    if (!code) return 'unknown';
    return code.expiresAt <= this.now() ? 'expired' : code;
  }

  /** False when the code was approved meanwhile (by another moderator) or expired. */
  approve(code: DeviceCode, approver: DeviceCodeApprover): Promise<boolean> {
    return this.storage.approveDeviceCode(code.userCode, approver, this.now());
  }

  /** The kiosk's poll: once approved, the code is handed out and forgotten. */
  async take(deviceCode: string): Promise<TakeResult> {
    const taken = await this.storage.takeDeviceCode(hashOf(deviceCode), this.now());
    if (taken.state !== 'approved') return { state: taken.state };
    const { code, approvedBy } = taken;
    return { state: 'approved', approver: approvedBy, nb: code.nb, kiosk: code.kiosk };
  }
}

export interface DeviceCodeApiOptions {
  storage: Storage;
  keys: KeyStore;
  /** Hub mode: codes are made and polled at this upstream relay. */
  upstream?: { url: string; token: string };
  /** Attempts per client address at create, lookup and approve (guessing user codes). */
  limiter: RateLimiter;
}

const userCodeSchema = z.object({ userCode: z.string().trim().min(8).max(20) });
const tokenSchema = z.object({
  deviceCode: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a device code'),
});

function bearerOf(req: IncomingMessage): string | null {
  return /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1] ?? null;
}

/** The four routes, each answering a JSON body or throwing an `HttpError`. */
export function createDeviceCodeApi(options: DeviceCodeApiOptions) {
  const { storage, keys, upstream, limiter } = options;
  const hubNb = upstream ? deviceTokenClaims(upstream.token).nb : null;
  const codes = new DeviceCodes(storage);
  // A kiosk polls every few seconds for up to 5 minutes; that must not eat the budget
  // that protects the user codes from guessing.
  const polls = new RateLimiter({ burst: 30, perMinute: 30 });

  function limit(req: IncomingMessage, bucket: RateLimiter = limiter): void {
    const wait = bucket.take(req.socket.remoteAddress ?? 'unknown');
    if (wait > 0) {
      throw new HttpError(429, 'rate-limited', `Too many attempts; try again in ${wait} s`);
    }
  }

  /** The kiosk behind a device token (role kiosk), for its own neighbourhood. */
  async function kioskOf(token: string): Promise<{ nb: string; kiosk: string }> {
    let verified: VerifiedToken;
    try {
      verified = await verifyToken(keys, token);
    } catch (error) {
      if (error instanceof TokenError) throw new HttpError(401, 'token-invalid', error.message);
      throw error;
    }
    if (isRevoked(await storage.revocations(), verified.sub, verified.iat)) {
      throw new HttpError(401, 'token-revoked', 'token revoked');
    }
    if (verified.role !== 'kiosk') {
      throw new HttpError(403, 'not-a-kiosk', 'Only a kiosk asks for a sign-in code');
    }
    return { nb: verified.nb, kiosk: (verified.name ?? verified.sub).slice(0, 100) };
  }

  async function create(req: IncomingMessage): Promise<unknown> {
    limit(req);
    parseBody(z.object({}).strict(), await readJson(req));
    const token = bearerOf(req);
    if (!token) throw new HttpError(401, 'token-missing', 'A kiosk asks with its kiosk token');
    const { nb, kiosk } = await kioskOf(token);
    if (!upstream) return codes.create(nb, kiosk);
    if (nb !== hubNb) {
      throw new HttpError(403, 'forbidden', `This hub signs in for neighbourhood ${hubNb}`);
    }
    return forwardToUpstream(upstream, '/api/device-codes', {}, true);
  }

  /** The signed-in moderator or official of the code's neighbourhood, and the open code. */
  async function approverAndCode(req: IncomingMessage) {
    limit(req);
    const member = await authenticateMember(req, keys, storage);
    if (isBearerRefusal(member)) throw new HttpError(member.status, member.code, member.message);
    const { userCode } = parseBody(userCodeSchema, await readJson(req));
    const { role } = member;
    if (!isApproverRole(role)) {
      throw new HttpError(403, 'forbidden', 'Only a moderator or official signs in on a kiosk');
    }
    if (member.kiosk !== undefined) {
      throw new HttpError(403, 'forbidden', 'A kiosk session cannot sign in another kiosk');
    }
    const code = await codes.find(userCode);
    if (code === 'unknown') throw new HttpError(404, 'code-unknown', 'No open code like this');
    if (code === 'expired') throw new HttpError(410, 'code-expired', 'This code has expired');
    // Another neighbourhood's code is answered like an unknown one: nothing leaks.
    if (code.nb !== member.nb) throw new HttpError(404, 'code-unknown', 'No open code like this');
    const approver: DeviceCodeApprover = {
      sub: member.sub,
      role,
      ...(member.name !== undefined && { name: member.name }),
      issuedAt: member.iat,
    };
    return { approver, code };
  }

  async function lookup(req: IncomingMessage): Promise<unknown> {
    const { code } = await approverAndCode(req);
    return { kiosk: code.kiosk, nb: code.nb, expiresAt: code.expiresAt };
  }

  async function approve(req: IncomingMessage): Promise<unknown> {
    const { approver, code } = await approverAndCode(req);
    if (!(await codes.approve(code, approver))) {
      throw new HttpError(404, 'code-unknown', 'No open code like this');
    }
    return { kiosk: code.kiosk, nb: code.nb };
  }

  async function poll(req: IncomingMessage): Promise<unknown> {
    limit(req, polls);
    const body = parseBody(tokenSchema, await readJson(req));
    if (upstream) return forwardToUpstream(upstream, '/api/device-codes/token', body, false);
    const taken = await codes.take(body.deviceCode);
    if (taken.state === 'pending') return { status: 'pending' };
    if (taken.state === 'unknown') {
      throw new HttpError(404, 'code-unknown', 'Unknown or already used device code');
    }
    if (taken.state === 'expired') throw new HttpError(410, 'code-expired', 'Code expired');
    const { approver } = taken;
    // Revoked in the minutes between approving and polling: no token.
    if (isRevoked(await storage.revocations(), approver.sub, approver.issuedAt)) {
      throw new HttpError(401, 'token-revoked', 'The approving member was revoked');
    }
    const minted = await mintToken(
      keys,
      {
        sub: approver.sub,
        nb: taken.nb,
        role: approver.role,
        ...(approver.name !== undefined && { name: approver.name }),
        kiosk: taken.kiosk,
      },
      KIOSK_SESSION_TTL_SECONDS,
    );
    return {
      status: 'approved',
      token: minted.token,
      expiresAt: minted.expiresAt,
      nb: taken.nb,
      role: approver.role,
      sub: approver.sub,
    };
  }

  return { create, lookup, approve, poll };
}
