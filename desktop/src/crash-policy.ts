/**
 * What the kiosk does when its renderer crashes or hangs: reload after a growing pause
 * (1 s, 2 s, 4 s … at most 30 s), and after too many crashes in a short time show the safe
 * static crisis screen instead of crashing in a loop. A renderer that stayed up for the
 * whole window starts again from a clean record. Pure: the main process passes the clock.
 */

export interface CrashPolicyOptions {
  /** Crashes counted within this window (ms). */
  windowMs: number;
  /** This many crashes within the window: give up reloading. */
  maxCrashes: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_CRASH_POLICY: CrashPolicyOptions = {
  windowMs: 5 * 60_000,
  maxCrashes: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
};

export type CrashAction = { action: 'reload'; delayMs: number } | { action: 'fallback' };

/** Crash times (ms) within the window, the new one included, and what to do about it. */
export function onRendererCrash(
  history: readonly number[],
  now: number,
  options: CrashPolicyOptions = DEFAULT_CRASH_POLICY,
): { history: number[]; next: CrashAction } {
  const recent = [...history.filter((at) => now - at < options.windowMs), now];
  if (recent.length >= options.maxCrashes) return { history: recent, next: { action: 'fallback' } };
  const delayMs = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (recent.length - 1));
  return { history: recent, next: { action: 'reload', delayMs } };
}
