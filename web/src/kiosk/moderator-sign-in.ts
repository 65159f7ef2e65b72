/**
 * A moderator signs in on the kiosk (docs/protocol.md "Moderator sign-in on a kiosk"): the
 * kiosk asks its hub for a code pair with its window token, shows the user code and a QR
 * link into the app (`#kiosk-koppelen/<code>`), and polls until a moderator approved it on
 * their phone. The session it gets lives only in this window's memory (`KioskSessions`):
 * never in localStorage, gone on a reload and at the idle reset, and never refreshed (the
 * token has no device key; after 30 minutes the moderator signs in again). Network and
 * answers are checked here, so the rules are tested in Node.
 */
import { type RelayApiDeps, RelayApiError, callRelay } from '../app/relay-api.js';
import {
  type Session,
  type SessionStorage,
  Sessions,
  sessionFromResponse,
} from '../identity/session.js';

export interface SignInCode {
  deviceCode: string;
  /** `ABCD-EFGH`, as shown on the screen. */
  userCode: string;
  /** Unix seconds. */
  expiresAt: number;
  /** Seconds between polls. */
  interval: number;
}

/** Why no code or no session came: said in words on the screen. */
export type SignInFailure = 'needs-internet' | 'offline' | 'refused' | 'busy';

export type PollResult =
  | { state: 'pending' }
  | { state: 'approved'; session: Session }
  | { state: 'expired' }
  | { state: 'failed'; failure: SignInFailure };

const USER_CODE = /^[A-Z2-9]{4}-[A-Z2-9]{4}$/;
const DEVICE_CODE = /^[A-Za-z0-9_-]{43}$/;

function failureOf(error: unknown): SignInFailure {
  if (!(error instanceof RelayApiError)) throw error;
  if (error.code === 'upstream-unreachable') return 'needs-internet';
  if (error.reason === 'offline') return 'offline';
  if (error.status === 429 || error.status === 503) return 'busy';
  return 'refused';
}

/** Asks the hub for a code pair; `deps.token` is the kiosk window's token. */
export async function askSignInCode(
  deps: RelayApiDeps,
): Promise<SignInCode | { failure: SignInFailure }> {
  let answer: unknown;
  try {
    answer = await callRelay(deps, 'POST', '/api/device-codes', {});
  } catch (error) {
    return { failure: failureOf(error) };
  }
  const a = answer as Partial<SignInCode>;
  if (
    typeof a.deviceCode === 'string' &&
    DEVICE_CODE.test(a.deviceCode) &&
    typeof a.userCode === 'string' &&
    USER_CODE.test(a.userCode) &&
    typeof a.expiresAt === 'number' &&
    typeof a.interval === 'number'
  ) {
    const interval = Math.min(Math.max(a.interval, 1), 30);
    return { deviceCode: a.deviceCode, userCode: a.userCode, expiresAt: a.expiresAt, interval };
  }
  return { failure: 'refused' };
}

/** One poll: still waiting, the moderator's kiosk session, or why not. */
export async function pollSignIn(deps: RelayApiDeps, deviceCode: string): Promise<PollResult> {
  let answer: unknown;
  try {
    answer = await callRelay(deps, 'POST', '/api/device-codes/token', { deviceCode });
  } catch (error) {
    if (error instanceof RelayApiError && (error.status === 410 || error.status === 404)) {
      return { state: 'expired' };
    }
    return { state: 'failed', failure: failureOf(error) };
  }
  const a = answer as { status?: unknown };
  if (a.status === 'pending') return { state: 'pending' };
  const session = a.status === 'approved' ? sessionFromResponse(answer, '') : null;
  // Only someone who may moderate or look along signs in here.
  if (!session || (session.role !== 'moderator' && session.role !== 'official')) {
    return { state: 'failed', failure: 'refused' };
  }
  return { state: 'approved', session };
}

/** Where the QR code on the screen leads: the approval view of the app, code filled in. */
export function approvalUrl(base: string, nb: string, userCode: string): string {
  return `${base}/nb/${encodeURIComponent(nb)}/#kiosk-koppelen/${encodeURIComponent(userCode)}`;
}

/** Seconds left until `expiresAt` (unix seconds), never below 0. */
export function secondsLeft(expiresAt: number, nowMs: number): number {
  return Math.max(0, Math.ceil(expiresAt - nowMs / 1000));
}

/** `4:05`: minutes and seconds, the same in Dutch and English. */
export function countdown(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

class MemoryStore implements SessionStorage {
  private readonly values = new Map<string, string>();
  get(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  set(key: string, value: string): void {
    this.values.set(key, value);
  }
  remove(key: string): void {
    this.values.delete(key);
  }
}

/**
 * The kiosk window's sessions: in memory only, and never refreshed (a kiosk session token
 * has no device key; asking would only mark it refused). Nobody joins on a kiosk.
 */
export class KioskSessions extends Sessions {
  constructor(now: () => number = Date.now) {
    super({
      fetch: () => Promise.reject(new Error('a kiosk does not join')),
      store: new MemoryStore(),
      now,
      online: () => true,
      deviceKey: () => Promise.reject(new Error('a kiosk has no device key')),
    });
  }

  /** The approved moderator, for the rest of the token's life or until `signOut`. */
  signIn(session: Session): void {
    this.save(session);
  }

  signOut(nb: string): void {
    if (this.get(nb)) this.forget(nb);
  }

  override refreshDue(): boolean {
    return false;
  }

  override refresh(): Promise<'no-session'> {
    return Promise.resolve('no-session');
  }
}
