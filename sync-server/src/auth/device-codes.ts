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
 * the invite alphabet) is shown on the screen and typed or scanned on the phone. Codes live
 * in this process's memory for 5 minutes and are used once: the token is handed out on the
 * first poll after the approval, then the code is gone. The token carries the approver's
 * sub, name and role, lives 30 minutes, has no device key (so it cannot be refreshed) and
 * a `kiosk` claim naming the screen, so it is told apart from the member's own token.
 *
 * Who may ask for a code: a kiosk token (role kiosk) for its neighbourhood: a kiosk's
 * device token, or the token the embedded hub signs for its own window (desktop
 * window-token.ts). A code asked for with another token would let whoever holds it phish a
 * moderator into signing in on a screen that is not in the buurthuis. On a hub (`upstream`)
 * the window's request is passed to the upstream with the hub's device token, since the
 * moderators' phones live there; so are the polls.
 */
import { randomBytes } from 'node:crypto';
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
import type { Storage } from '../storage/storage.js';

export const DEVICE_CODE_TTL_SECONDS = 5 * 60;
/** How often the kiosk polls (seconds). */
export const DEVICE_CODE_INTERVAL_SECONDS = 3;
export const KIOSK_SESSION_TTL_SECONDS = 30 * 60;
const MAX_OPEN_CODES = 1000;
/** Roles that may sign in on a kiosk (they moderate or look along). */
const APPROVERS = new Set(['moderator', 'official']);

interface PendingCode {
  deviceCode: string;
  userCode: string;
  nb: string;
  /** The kiosk as the approver sees it: its device token's name, or its sub. */
  kiosk: string;
  expiresAt: number;
  approvedBy: VerifiedToken | null;
}

export type TakeResult =
  | { state: 'pending' }
  | { state: 'approved'; approver: VerifiedToken; nb: string; kiosk: string }
  | { state: 'unknown' }
  | { state: 'expired' };

/** The open codes of one relay process (in memory: they outlive nothing but 5 minutes). */
export class DeviceCodes {
  private readonly byDevice = new Map<string, PendingCode>();
  private readonly byUser = new Map<string, PendingCode>();

  constructor(private readonly now: () => number = nowSeconds) {}

  create(nb: string, kiosk: string) {
    this.prune();
    if (this.byDevice.size >= MAX_OPEN_CODES) {
      throw new HttpError(503, 'busy', 'Too many open sign-in codes; try again shortly');
    }
    let userCode = newInviteCode();
    while (this.byUser.has(userCode)) userCode = newInviteCode();
    const code: PendingCode = {
      deviceCode: randomBytes(32).toString('base64url'),
      userCode,
      nb,
      kiosk,
      expiresAt: this.now() + DEVICE_CODE_TTL_SECONDS,
      approvedBy: null,
    };
    this.byDevice.set(code.deviceCode, code);
    this.byUser.set(code.userCode, code);
    return {
      deviceCode: code.deviceCode,
      userCode: formatInviteCode(code.userCode),
      nb,
      expiresAt: code.expiresAt,
      interval: DEVICE_CODE_INTERVAL_SECONDS,
    };
  }

  /** The open, unexpired code a moderator typed (any case, with or without the dash). */
  find(userCode: string): PendingCode | 'unknown' | 'expired' {
    const code = this.byUser.get(normaliseInviteCode(userCode));
    if (!code || code.approvedBy) return 'unknown';
    return code.expiresAt <= this.now() ? 'expired' : code;
  }

  approve(code: PendingCode, approver: VerifiedToken): void {
    code.approvedBy = approver;
  }

  /** The kiosk's poll: once approved, the code is handed out and forgotten. */
  take(deviceCode: string): TakeResult {
    const code = this.byDevice.get(deviceCode);
    if (!code) return { state: 'unknown' };
    if (code.expiresAt <= this.now()) {
      this.forget(code);
      return { state: 'expired' };
    }
    if (!code.approvedBy) return { state: 'pending' };
    this.forget(code);
    return { state: 'approved', approver: code.approvedBy, nb: code.nb, kiosk: code.kiosk };
  }

  private forget(code: PendingCode): void {
    this.byDevice.delete(code.deviceCode);
    this.byUser.delete(code.userCode);
  }

  private prune(): void {
    const now = this.now();
    for (const code of this.byDevice.values()) if (code.expiresAt <= now) this.forget(code);
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
  const codes = new DeviceCodes();
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
    if (!APPROVERS.has(member.role)) {
      throw new HttpError(403, 'forbidden', 'Only a moderator or official signs in on a kiosk');
    }
    if (member.kiosk !== undefined) {
      throw new HttpError(403, 'forbidden', 'A kiosk session cannot sign in another kiosk');
    }
    const code = codes.find(userCode);
    if (code === 'unknown') throw new HttpError(404, 'code-unknown', 'No open code like this');
    if (code === 'expired') throw new HttpError(410, 'code-expired', 'This code has expired');
    // Another neighbourhood's code is answered like an unknown one: nothing leaks.
    if (code.nb !== member.nb) throw new HttpError(404, 'code-unknown', 'No open code like this');
    return { member, code };
  }

  async function lookup(req: IncomingMessage): Promise<unknown> {
    const { code } = await approverAndCode(req);
    return { kiosk: code.kiosk, nb: code.nb, expiresAt: code.expiresAt };
  }

  async function approve(req: IncomingMessage): Promise<unknown> {
    const { member, code } = await approverAndCode(req);
    codes.approve(code, member);
    return { kiosk: code.kiosk, nb: code.nb };
  }

  async function poll(req: IncomingMessage): Promise<unknown> {
    limit(req, polls);
    const body = parseBody(tokenSchema, await readJson(req));
    if (upstream) return forwardToUpstream(upstream, '/api/device-codes/token', body, false);
    const taken = codes.take(body.deviceCode);
    if (taken.state === 'pending') return { status: 'pending' };
    if (taken.state === 'unknown') {
      throw new HttpError(404, 'code-unknown', 'Unknown or already used device code');
    }
    if (taken.state === 'expired') throw new HttpError(410, 'code-expired', 'Code expired');
    const { approver } = taken;
    // Revoked in the minutes between approving and polling: no token.
    if (isRevoked(await storage.revocations(), approver.sub, approver.iat)) {
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
