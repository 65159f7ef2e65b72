/**
 * The moderator PIN that opens the kiosk's setup mode. kiosk.json holds only a salted
 * scrypt hash; wrong guesses lock the setup out for a growing time (1, 2, 4 … minutes
 * after every 5 wrong ones), so a visitor cannot try all 10,000 four-digit PINs. The
 * clock is passed in.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

export const PIN_PATTERN = /^\d{4,8}$/;
const KEY_LENGTH = 32;

/** What goes into kiosk.json's `setupPin` (hex). */
export function hashPin(
  pin: string,
  salt = randomBytes(16).toString('hex'),
): { salt: string; hash: string } {
  if (!PIN_PATTERN.test(pin)) throw new RangeError('A PIN is 4 to 8 digits.');
  return { salt, hash: scryptSync(pin, salt, KEY_LENGTH).toString('hex') };
}

export type PinResult = 'ok' | 'wrong' | { lockedForMs: number };

export class PinGuard {
  private failures = 0;
  private lockedUntil = 0;

  constructor(
    private readonly stored: { salt: string; hash: string },
    private readonly now: () => number,
  ) {}

  check(pin: string): PinResult {
    const now = this.now();
    if (now < this.lockedUntil) return { lockedForMs: this.lockedUntil - now };
    const expected = Buffer.from(this.stored.hash, 'hex');
    const given = PIN_PATTERN.test(pin)
      ? scryptSync(pin, this.stored.salt, expected.length)
      : Buffer.alloc(expected.length);
    if (PIN_PATTERN.test(pin) && timingSafeEqual(given, expected)) {
      this.failures = 0;
      return 'ok';
    }
    this.failures++;
    if (this.failures % 5 === 0) {
      const lockMs = 60_000 * 2 ** (this.failures / 5 - 1);
      this.lockedUntil = now + lockMs;
      return { lockedForMs: lockMs };
    }
    return 'wrong';
  }
}
