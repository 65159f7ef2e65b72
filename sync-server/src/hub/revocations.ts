/**
 * Revocations reach the hub (issue 7, the hub): a member revoked upstream is refused on the
 * hub too. The upstream lists its neighbourhood's revocations at `GET /api/revocations`
 * for a hub's device token (kiosk, moderator or official of that neighbourhood); the hub
 * polls it and writes what it learns into its own storage, where the relay's usual checks
 * take over: new upgrades are refused and open connections closed (4401) by the sweep.
 * While the upstream is unreachable the hub keeps what it learnt last.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { isRevoked } from '../auth/authorize.js';
import type { KeyStore } from '../auth/keys.js';
import { TokenError, verifyToken } from '../auth/tokens.js';
import { sendJson } from '../http.js';
import type { Logger } from '../log.js';
import type { Storage } from '../storage/storage.js';
import { deviceTokenClaims } from './upstream.js';

const HUB_ROLES = new Set(['kiosk', 'moderator', 'official']);

const listSchema = z.object({
  revocations: z
    .array(
      z.object({
        sub: z.string().min(1).max(100),
        revokedAt: z.number().int().positive(),
        // A suspension's end (unix seconds); absent from relays before suspensions ended.
        endsAt: z.number().int().positive().nullable().optional(),
      }),
    )
    .max(100_000),
});

/**
 * `GET /api/revocations` (Bearer: a hub's device token): `{ revocations: [{ sub, revokedAt }] }`
 * for the token's neighbourhood: its members' revocations and those of subjects the relay
 * has no member record for (an operator's `buurthub revoke`).
 */
export function createRevocationListRoute(options: { storage: Storage; keys: KeyStore }) {
  const { storage, keys } = options;
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if ((req.url ?? '').split('?')[0] !== '/api/revocations') return false;
    if (req.method !== 'GET') {
      res.setHeader('Allow', 'GET');
      sendJson(res, 405, { error: 'method-not-allowed', message: 'Use GET' });
      return true;
    }
    const token = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
    let verified;
    try {
      if (!token) throw new TokenError('token missing');
      verified = await verifyToken(keys, token);
    } catch (error) {
      if (!(error instanceof TokenError)) throw error;
      sendJson(res, 401, { error: 'token-invalid', message: error.message });
      return true;
    }
    const revoked = await storage.revocations();
    if (isRevoked(revoked, verified.sub, verified.iat)) {
      sendJson(res, 401, { error: 'token-revoked', message: 'token revoked' });
      return true;
    }
    if (!HUB_ROLES.has(verified.role)) {
      sendJson(res, 403, { error: 'forbidden', message: 'Only a hub device token lists these' });
      return true;
    }
    const revocations = [];
    for (const { sub, revokedAt, endsAt } of await storage.revocationRecords()) {
      const member = await storage.member(sub);
      if (!member || member.nb === verified.nb) revocations.push({ sub, revokedAt, endsAt });
    }
    res.setHeader('Cache-Control', 'no-store');
    sendJson(res, 200, { revocations });
    return true;
  };
}

/** `wss://host/sync` → `https://host/api/revocations`. */
export function revocationListUrl(syncUrl: string): string {
  const url = new URL(syncUrl);
  url.protocol = url.protocol === 'wss:' ? 'https:' : 'http:';
  url.pathname = '/api/revocations';
  url.search = '';
  return url.toString();
}

/** The hub's poll of the upstream's list: `stop()` ends it. */
export interface RevocationFollower {
  stop(): void;
  /** When the list was last fetched and applied (ms since the epoch); null: not yet. */
  readonly fetchedAt: number | null;
}

export function followUpstreamRevocations(options: {
  upstream: { url: string; token: string };
  storage: Storage;
  log: Logger;
  pollMs: number;
}): RevocationFollower {
  const { upstream, storage, log } = options;
  deviceTokenClaims(upstream.token); // fails early for a token that is not ours
  const url = revocationListUrl(upstream.url);
  let polling = false;
  let fetchedAt: number | null = null;
  const poll = async () => {
    if (polling) return;
    polling = true;
    try {
      const res = await fetch(url, {
        headers: { Authorization: `Bearer ${upstream.token}` },
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const { revocations } = listSchema.parse(await res.json());
      const known = await storage.revocations();
      for (const { sub, revokedAt, endsAt } of revocations) {
        if ((known.get(sub) ?? 0) >= revokedAt) continue;
        await storage.revoke(sub, revokedAt, endsAt ?? undefined);
        log.info('revocation learnt from the upstream', { sub });
      }
      fetchedAt = Date.now();
    } catch (error) {
      log.warn(`upstream revocations not fetched (${String(error)}); keeping what is known`);
    } finally {
      polling = false;
    }
  };
  void poll();
  const timer = setInterval(() => void poll(), options.pollMs);
  timer.unref();
  return {
    stop: () => clearInterval(timer),
    get fetchedAt() {
      return fetchedAt;
    },
  };
}
