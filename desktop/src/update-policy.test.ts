import { describe, expect, it } from 'vitest';
import { CHECK_EVERY_MS, type KioskMoment, updateStep } from './update-policy.js';

const quiet: KioskMoment = {
  now: 10 * CHECK_EVERY_MS,
  hour: 14,
  crisis: false,
  visitor: false,
  lastCheckAt: null,
  downloaded: false,
};

describe('when the kiosk updates itself', () => {
  it('checks on start and then every six hours', () => {
    expect(updateStep(quiet)).toBe('check');
    expect(updateStep({ ...quiet, lastCheckAt: quiet.now - CHECK_EVERY_MS + 1 })).toBe('wait');
    expect(updateStep({ ...quiet, lastCheckAt: quiet.now - CHECK_EVERY_MS })).toBe('check');
  });

  it('never checks or restarts during a crisis takeover or while a visitor uses it', () => {
    for (const busy of [{ crisis: true }, { visitor: true }]) {
      expect(updateStep({ ...quiet, ...busy })).toBe('wait');
      expect(updateStep({ ...quiet, ...busy, downloaded: true, hour: 3 })).toBe('wait');
    }
  });

  it('installs a downloaded update only at night', () => {
    expect(updateStep({ ...quiet, downloaded: true, hour: 14 })).toBe('wait');
    expect(updateStep({ ...quiet, downloaded: true, hour: 1 })).toBe('wait');
    expect(updateStep({ ...quiet, downloaded: true, hour: 2 })).toBe('install');
    expect(updateStep({ ...quiet, downloaded: true, hour: 4 })).toBe('install');
    expect(updateStep({ ...quiet, downloaded: true, hour: 5 })).toBe('wait');
  });
});
