import { describe, expect, it } from 'vitest';
import { DEFAULT_CRASH_POLICY, onRendererCrash } from './crash-policy.js';

describe('renderer crash recovery', () => {
  it('reloads after a growing pause, then falls back to the static crisis screen', () => {
    let history: number[] = [];
    const actions = [];
    for (let i = 0; i < 5; i++) {
      const result = onRendererCrash(history, 1_000 + i * 10_000);
      history = result.history;
      actions.push(result.next);
    }
    expect(actions).toEqual([
      { action: 'reload', delayMs: 1_000 },
      { action: 'reload', delayMs: 2_000 },
      { action: 'reload', delayMs: 4_000 },
      { action: 'reload', delayMs: 8_000 },
      { action: 'fallback' },
    ]);
  });

  it('forgets crashes older than the window, so a kiosk that ran well gets reloads again', () => {
    const old = [0, 10_000, 20_000, 30_000];
    const later = onRendererCrash(old, DEFAULT_CRASH_POLICY.windowMs + 40_000);
    expect(later).toEqual({
      history: [DEFAULT_CRASH_POLICY.windowMs + 40_000],
      next: { action: 'reload', delayMs: 1_000 },
    });
  });

  it('never waits longer than the maximum pause', () => {
    const options = { ...DEFAULT_CRASH_POLICY, maxCrashes: 100 };
    const history = Array.from({ length: 20 }, (_, i) => i);
    expect(onRendererCrash(history, 50, options).next).toEqual({
      action: 'reload',
      delayMs: 30_000,
    });
  });
});
