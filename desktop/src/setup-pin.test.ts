import { describe, expect, it } from 'vitest';
import { hashPin, PinGuard } from './setup-pin.js';

describe('the setup PIN', { timeout: 30_000 }, () => {
  it('opens setup with the right PIN and keeps only a salted hash', () => {
    const stored = hashPin('4821');
    expect(JSON.stringify(stored)).not.toContain('4821');
    expect(stored.hash).toMatch(/^[0-9a-f]{64}$/);
    const guard = new PinGuard(stored, () => 0);
    expect(guard.check('1234')).toBe('wrong');
    expect(guard.check('4821')).toBe('ok');
  });

  it('locks out guessing for a growing time after every five wrong PINs', () => {
    let now = 0;
    const guard = new PinGuard(hashPin('4821'), () => now);
    for (let i = 0; i < 4; i++) expect(guard.check(`000${i}`)).toBe('wrong');
    expect(guard.check('0004')).toEqual({ lockedForMs: 60_000 });
    // While locked, even the right PIN does not open it.
    now = 30_000;
    expect(guard.check('4821')).toEqual({ lockedForMs: 30_000 });
    now = 61_000;
    for (let i = 0; i < 4; i++) guard.check(`111${i}`);
    expect(guard.check('1114')).toEqual({ lockedForMs: 120_000 });
    now = 61_000 + 120_000;
    expect(guard.check('4821')).toBe('ok');
  });

  it('refuses to store a PIN that is not 4 to 8 digits, and treats such input as wrong', () => {
    expect(() => hashPin('12a4')).toThrow(RangeError);
    expect(new PinGuard(hashPin('4821'), () => 0).check('4821; DROP')).toBe('wrong');
  });
});
