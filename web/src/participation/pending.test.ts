import { describe, expect, it } from 'vitest';
import { waitsForRelay } from './pending.js';

describe('an idea waiting for the relay', () => {
  it('shows as waiting when it was written after the last confirmation and changes wait', () => {
    expect(waitsForRelay(2_000, true, { pending: 1, lastSavedAt: 1_000 })).toBe(true);
    expect(waitsForRelay(2_000, true, { pending: 1, lastSavedAt: null })).toBe(true);
  });

  it('no longer shows as waiting once the relay confirmed everything', () => {
    expect(waitsForRelay(2_000, true, { pending: 0, lastSavedAt: 3_000 })).toBe(false);
    expect(waitsForRelay(2_000, true, { pending: 2, lastSavedAt: 3_000 })).toBe(false);
  });

  it('never marks someone else’s idea as waiting on this device', () => {
    expect(waitsForRelay(2_000, false, { pending: 1, lastSavedAt: 1_000 })).toBe(false);
  });
});
