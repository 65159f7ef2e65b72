import { describe, expect, it } from 'vitest';
import { DEFAULT_IDLE, idleOptionsFor, idlePhase } from './idle.js';

const options = { idleMs: 60_000, countdownMs: 10_000 };

describe('kiosk idle reset', () => {
  it('stays on what the visitor opened while they touch the screen', () => {
    expect(idlePhase(1_000, 1_000, options)).toEqual({ phase: 'active' });
    expect(idlePhase(1_000, 60_999, options)).toEqual({ phase: 'active' });
  });

  it('counts down the last seconds, then goes back home', () => {
    expect(idlePhase(0, 60_000, options)).toEqual({ phase: 'countdown', secondsLeft: 10 });
    expect(idlePhase(0, 65_500, options)).toEqual({ phase: 'countdown', secondsLeft: 5 });
    expect(idlePhase(0, 69_999, options)).toEqual({ phase: 'countdown', secondsLeft: 1 });
    expect(idlePhase(0, 70_000, options)).toEqual({ phase: 'reset' });
  });

  it('treats a clock that jumped back as a fresh touch, not as a reset', () => {
    expect(idlePhase(50_000, 10_000, options)).toEqual({ phase: 'active' });
  });

  it('takes the idle time from kiosk.json only when it is sensible', () => {
    expect(idleOptionsFor(90)).toEqual({ ...DEFAULT_IDLE, idleMs: 90_000 });
    for (const bad of [undefined, 5, 99_999, 30.5, '60', null]) {
      expect(idleOptionsFor(bad)).toEqual(DEFAULT_IDLE);
    }
  });
});
