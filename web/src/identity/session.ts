/**
 * Member sessions, one per neighbourhood (DESIGN.md §4): the relay-signed token with its
 * expiry, and the role, name and member id it carries. Kept in localStorage so the app opens
 * offline as the member it was; offline work never needs a token, only syncing does.
 *
 *   join(code, name)  POST /api/join {code, displayName, publicKey} -> a session
 *   refresh(nb)       GET /api/challenge, sign `buurthub-refresh:<challenge>` with the device
 *                     key, POST /api/refresh {token, challenge, signature} -> a new token
 *
 * A refresh the relay refuses with 401 (revoked, or expired beyond its grace period) marks
 * the session `needsInvite`: the UI says so and offers the join form; nothing is retried in
 * a silent loop. Network, clock, storage and the device key are passed in, so the rules here
 * are tested in Node.
 */
import { type Author, ROLES, type Role } from '@buurthub/shared';
import type { DeviceKey } from './device-key.js';
import { DeviceKeyUnsupportedError } from './device-key.js';

export interface Session {
  nb: string;
  token: string;
  /** Unix seconds. */
  expiresAt: number;
  role: Role;
  name: string;
  /** The member id the relay gave this device at join; the author id of its content. */
  sub: string;
  /** The relay refused this token (revoked, or too old to refresh): a new invite is needed. */
  needsInvite: boolean;
}

export type JoinFailure =
  | 'invalid-code'
  | 'used-up'
  | 'expired'
  | 'invalid-name'
  | 'offline'
  | 'rate-limited'
  | 'unsupported'
  | 'server';

/** Why a join did not work, as something the UI can explain. */
export class JoinError extends Error {
  constructor(
    readonly reason: JoinFailure,
    /** For 'rate-limited': seconds until the relay takes a new attempt. */
    readonly retryAfterSeconds?: number,
  ) {
    super(`join failed: ${reason}`);
  }
}

/** 'refreshed': new token; 'refused': relay said 401, see needsInvite; 'unavailable': try later. */
export type RefreshOutcome = 'refreshed' | 'refused' | 'unavailable' | 'no-session';

export interface SessionStorage {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

export interface SessionDeps {
  fetch: typeof fetch;
  store: SessionStorage;
  /** Milliseconds since the epoch. */
  now: () => number;
  /** False when the device knows it has no network (`navigator.onLine`). */
  online: () => boolean;
  deviceKey: () => Promise<DeviceKey>;
  /** Prefix of the relay's HTTP API: '' for the same origin, or `https://relay.example`. */
  apiBase?: string;
}

/** Refresh once the token has less than this left (seconds). */
export const REFRESH_WITHIN_SECONDS = 24 * 3600;
export const REFRESH_SIGNING_PREFIX = 'buurthub-refresh:';
const KEY_PREFIX = 'buurthub:session:';
const LAST_KEY = 'buurthub:last-neighbourhood';
const NAME_MAX = 60;

/** What a user typed (any case, spaces or dashes) to the form the relay stores. */
export function normaliseInviteCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** Reads the claims of a JWT without verifying it (the relay verifies; we only display). */
export function tokenClaims(token: string): Record<string, unknown> | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return claims && typeof claims === 'object' ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** A session from a relay answer ({token, expiresAt, nb, role, sub}); null if malformed. */
export function sessionFromResponse(body: unknown, fallbackName: string): Session | null {
  if (!body || typeof body !== 'object') return null;
  const b = body as Record<string, unknown>;
  if (typeof b.token !== 'string' || typeof b.expiresAt !== 'number') return null;
  const claims = tokenClaims(b.token) ?? {};
  const nb = b.nb ?? claims.nb;
  const sub = b.sub ?? claims.sub;
  const role = b.role ?? claims.role;
  const name = typeof claims.name === 'string' && claims.name ? claims.name : fallbackName;
  if (typeof nb !== 'string' || typeof sub !== 'string' || !isRole(role) || !name) return null;
  return { nb, token: b.token, expiresAt: b.expiresAt, role, name, sub, needsInvite: false };
}

function parseStored(text: string | null): Session | null {
  if (!text) return null;
  try {
    const s = JSON.parse(text) as Partial<Session>;
    if (
      typeof s.nb === 'string' &&
      typeof s.token === 'string' &&
      typeof s.expiresAt === 'number' &&
      isRole(s.role) &&
      typeof s.name === 'string' &&
      typeof s.sub === 'string'
    ) {
      return { ...(s as Session), needsInvite: s.needsInvite === true };
    }
  } catch {
    // a corrupt entry is the same as none
  }
  return null;
}

/** The author of new content written under this session. */
export function authorOf(session: Session): Author {
  return { id: session.sub, name: session.name, role: session.role };
}

/** The relay's error body `{error, message}`; empty strings when there is none. */
async function errorBody(response: Response): Promise<{ error: string; message: string }> {
  try {
    const body = (await response.json()) as { error?: unknown; message?: unknown };
    return {
      error: typeof body.error === 'string' ? body.error : '',
      message: typeof body.message === 'string' ? body.message : '',
    };
  } catch {
    return { error: '', message: '' };
  }
}

export class Sessions {
  private readonly listeners = new Set<(nb: string) => void>();
  private readonly inFlight = new Map<string, Promise<RefreshOutcome>>();

  constructor(private readonly deps: SessionDeps) {}

  /** The stored session for `nb`, also an expired or refused one. */
  get(nb: string): Session | null {
    const session = parseStored(this.deps.store.get(KEY_PREFIX + nb));
    return session?.nb === nb ? session : null;
  }

  /** The token to send to the relay now, or null (no session, refused or expired). */
  usableToken(nb: string): string | null {
    const session = this.get(nb);
    if (!session || session.needsInvite) return null;
    return session.expiresAt * 1000 > this.deps.now() ? session.token : null;
  }

  /** The neighbourhood this device joined last (opened when the URL names none). */
  lastNeighbourhood(): string | null {
    return this.deps.store.get(LAST_KEY);
  }

  onChange(listener: (nb: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Redeems an invite code; resolves with the new session or rejects with a JoinError. */
  async join(code: string, displayName: string): Promise<Session> {
    const normalised = normaliseInviteCode(code);
    const name = displayName.trim();
    if (!/^[A-Z0-9]{4,40}$/.test(normalised)) throw new JoinError('invalid-code');
    if (!name || name.length > NAME_MAX) throw new JoinError('invalid-name');
    if (!this.deps.online()) throw new JoinError('offline');
    let key: DeviceKey;
    try {
      key = await this.deps.deviceKey();
    } catch (error) {
      if (error instanceof DeviceKeyUnsupportedError) throw new JoinError('unsupported');
      throw error;
    }
    let response: Response;
    try {
      response = await this.deps.fetch(`${this.deps.apiBase ?? ''}/api/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: normalised, displayName: name, publicKey: key.publicKey }),
      });
    } catch {
      throw new JoinError('offline');
    }
    if (!response.ok) throw await this.joinError(response);
    const session = sessionFromResponse(await response.json().catch(() => null), name);
    if (!session) throw new JoinError('server');
    this.save(session);
    this.deps.store.set(LAST_KEY, session.nb);
    return session;
  }

  /** True when the session's token should be renewed now (close to or past expiry). */
  refreshDue(nb: string): boolean {
    const session = this.get(nb);
    if (!session || session.needsInvite) return false;
    return session.expiresAt - this.deps.now() / 1000 < REFRESH_WITHIN_SECONDS;
  }

  /** Refreshes when due and the device is online; otherwise does nothing. */
  async refreshIfDue(nb: string): Promise<RefreshOutcome | 'not-due'> {
    if (!this.refreshDue(nb) || !this.deps.online()) return 'not-due';
    return this.refresh(nb);
  }

  /**
   * Exchanges the token for a new one, proving possession of the device key. Also the way
   * to ask the relay whether a token it keeps refusing at the upgrade is still any good.
   */
  refresh(nb: string): Promise<RefreshOutcome> {
    const running = this.inFlight.get(nb);
    if (running) return running;
    const attempt = this.refreshOnce(nb, 2).finally(() => this.inFlight.delete(nb));
    this.inFlight.set(nb, attempt);
    return attempt;
  }

  /** Forgets the session for `nb` (the device leaves the neighbourhood). */
  forget(nb: string): void {
    this.deps.store.remove(KEY_PREFIX + nb);
    this.changed(nb);
  }

  private async refreshOnce(nb: string, attemptsLeft: number): Promise<RefreshOutcome> {
    const session = this.get(nb);
    if (!session || session.needsInvite) return 'no-session';
    if (!this.deps.online()) return 'unavailable';
    const base = this.deps.apiBase ?? '';
    let response: Response;
    try {
      const challengeResponse = await this.deps.fetch(`${base}/api/challenge`);
      if (!challengeResponse.ok) return 'unavailable';
      const { challenge } = (await challengeResponse.json()) as { challenge?: unknown };
      if (typeof challenge !== 'string') return 'unavailable';
      const key = await this.deps.deviceKey();
      const signature = await key.sign(REFRESH_SIGNING_PREFIX + challenge);
      response = await this.deps.fetch(`${base}/api/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: session.token, challenge, signature }),
      });
    } catch {
      return 'unavailable';
    }
    if (response.status === 401) {
      const { error: code } = await errorBody(response);
      // A challenge that timed out between the two requests says nothing about the token.
      if (code === 'challenge-invalid') {
        return attemptsLeft > 1 ? this.refreshOnce(nb, attemptsLeft - 1) : 'unavailable';
      }
      this.save({ ...session, needsInvite: true });
      return 'refused';
    }
    if (!response.ok) return 'unavailable';
    const next = sessionFromResponse(await response.json().catch(() => null), session.name);
    if (!next || next.nb !== nb) return 'unavailable';
    this.save(next);
    return 'refreshed';
  }

  private async joinError(response: Response): Promise<JoinError> {
    const { error: code, message } = await errorBody(response);
    switch (response.status) {
      case 404:
        return new JoinError('invalid-code');
      case 410:
        return new JoinError(code === 'invite-expired' ? 'expired' : 'used-up');
      case 429: {
        const retry = Number(response.headers.get('retry-after'));
        return new JoinError('rate-limited', Number.isFinite(retry) && retry > 0 ? retry : 60);
      }
      case 400:
        // The relay names the field first: "displayName: ..." or "code: ...".
        if (code !== 'invalid') return new JoinError('server');
        return new JoinError(message.startsWith('displayName') ? 'invalid-name' : 'invalid-code');
      default:
        return new JoinError('server');
    }
  }

  /** Keeps `session` and tells the listeners (also for the kiosk's memory-only sessions). */
  protected save(session: Session): void {
    this.deps.store.set(KEY_PREFIX + session.nb, JSON.stringify(session));
    this.changed(session.nb);
  }

  private changed(nb: string): void {
    for (const listener of this.listeners) listener(nb);
  }
}
