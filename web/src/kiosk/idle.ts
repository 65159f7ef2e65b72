/**
 * The kiosk's idle reset, as a pure function of the time since the last touch: after
 * `idleMs` untouched a countdown of `countdownMs` starts (shown on screen, any touch
 * cancels it), and when it runs out the kiosk goes back to its home screen, clearing the
 * visitor's state (open views, form input, a signed-in moderator) but never the replica.
 * The component asks every second; tests pass the times.
 */

export interface IdleOptions {
  idleMs: number;
  countdownMs: number;
}

export const DEFAULT_IDLE: IdleOptions = { idleMs: 120_000, countdownMs: 10_000 };

export type IdlePhase =
  { phase: 'active' } | { phase: 'countdown'; secondsLeft: number } | { phase: 'reset' };

/** The options for kiosk.json's `idleSeconds` (from the preload): 15 s to 1 h, else the default. */
export function idleOptionsFor(seconds: unknown): IdleOptions {
  const valid =
    Number.isInteger(seconds) && (seconds as number) >= 15 && (seconds as number) <= 3600;
  return valid ? { ...DEFAULT_IDLE, idleMs: (seconds as number) * 1000 } : DEFAULT_IDLE;
}

export function idlePhase(
  lastTouch: number,
  now: number,
  options: IdleOptions = DEFAULT_IDLE,
): IdlePhase {
  const idle = Math.max(0, now - lastTouch);
  if (idle < options.idleMs) return { phase: 'active' };
  const left = options.idleMs + options.countdownMs - idle;
  if (left > 0) return { phase: 'countdown', secondsLeft: Math.ceil(left / 1000) };
  return { phase: 'reset' };
}
