import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  firstOfMonth,
  isCalendarDate,
  startOfWeek,
  zonedDate,
  zonedInstant,
} from './calendar.js';

const HOUR = 3_600_000;

describe('calendar dates and times in Europe/Amsterdam', () => {
  it('accepts real dates only', () => {
    expect(isCalendarDate('2026-10-25')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('25-10-2026')).toBe(false);
    expect(isCalendarDate('2026-10-25T00:00')).toBe(false);
  });

  it('counts days, months and weeks across year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-01');
    expect(firstOfMonth(2026, 3)).toBe('2026-03-01');
    expect(startOfWeek('2026-10-25')).toBe('2026-10-19'); // a Sunday belongs to its Monday
    expect(startOfWeek('2026-10-26')).toBe('2026-10-26');
    expect(() => firstOfMonth(2026, 0)).toThrow(RangeError);
  });

  it('reads the local date, which differs from the UTC date late in the evening', () => {
    expect(zonedDate(Date.UTC(2026, 5, 30, 22, 30))).toBe('2026-07-01'); // 00:30 summer time
    expect(zonedDate(Date.UTC(2026, 11, 31, 22, 59))).toBe('2026-12-31'); // 23:59 winter time
  });

  it('gives the day the clocks go forward 23 hours and the day they go back 25', () => {
    const march = zonedInstant('2026-03-30') - zonedInstant('2026-03-29');
    const october = zonedInstant('2026-10-26') - zonedInstant('2026-10-25');
    expect(march).toBe(23 * HOUR);
    expect(october).toBe(25 * HOUR);
    expect(zonedInstant('2026-03-29', '12:00')).toBe(Date.UTC(2026, 2, 29, 10, 0));
    expect(zonedInstant('2026-10-25', '12:00')).toBe(Date.UTC(2026, 9, 25, 11, 0));
  });

  it('moves a time skipped by the spring change forward, and takes the later of a doubled time', () => {
    expect(zonedInstant('2026-03-29', '02:30')).toBe(Date.UTC(2026, 2, 29, 1, 30)); // 03:30 CEST
    expect(zonedInstant('2026-10-25', '02:30')).toBe(Date.UTC(2026, 9, 25, 1, 30)); // 02:30 CET
  });

  it('refuses an unknown time zone and a malformed time', () => {
    expect(() => zonedDate(0, 'Mars/Olympus')).toThrow(RangeError);
    expect(() => zonedInstant('2026-10-25', '25:00')).toThrow(RangeError);
  });
});
