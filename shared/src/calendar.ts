/**
 * Calendar dates (`YYYY-MM-DD`) and wall-clock times in a time zone, for the agenda.
 * Built on Intl only (no DOM, no Node APIs). Days are not always 24 hours long: on the last
 * Sundays of March and October Europe/Amsterdam has days of 23 and 25 hours, so every
 * boundary (start of a day, week or month) is computed from the calendar, never by adding
 * multiples of 24 hours to an instant.
 */

/** The neighbourhoods Buurthub was built for live in the Netherlands. */
export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function dateParts(date: string): [number, number, number] {
  const match = DATE.exec(date);
  if (!match) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function formatUtcDate(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** True for a real calendar date written `YYYY-MM-DD` (so `2026-02-30` is false). */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (y < 1970) return false;
  return formatUtcDate(Date.UTC(y, m - 1, d)) === value;
}

/** The date `days` days after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = dateParts(date);
  return formatUtcDate(Date.UTC(y, m - 1, d + days));
}

/** The first day of the month `months` months after the month of `date`. */
export function addMonths(date: string, months: number): string {
  const [y, m] = dateParts(date);
  return formatUtcDate(Date.UTC(y, m - 1 + months, 1));
}

/** The Monday of the ISO week (Monday to Sunday) that holds `date`. */
export function startOfWeek(date: string): string {
  const [y, m, d] = dateParts(date);
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(date, -weekday);
}

/** `YYYY-MM-01` for a year and a month counted from 1 (January) to 12. */
export function firstOfMonth(year: number, month: number): string {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`Not a month: ${year}-${month} (months count from 1 to 12)`);
  }
  return formatUtcDate(Date.UTC(year, month - 1, 1));
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    // Throws a RangeError for an unknown time zone, which is what a caller should see.
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The wall-clock reading in `timeZone` at `ms`, expressed as if it were UTC. */
function wallClock(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const get = (type: string) => parts[type] ?? 0;
  return Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour') % 24,
    get('minute'),
    get('second'),
  );
}

/** The calendar date in `timeZone` at the instant `ms`. */
export function zonedDate(ms: number, timeZone = DEFAULT_TIME_ZONE): string {
  return formatUtcDate(wallClock(ms, timeZone));
}

/**
 * The instant at which the clocks in `timeZone` show `time` (`HH:MM`, default midnight) on
 * `date`. A time that does not exist (skipped by the spring DST change) moves forward by the
 * gap; a time that happens twice (autumn) gives the later of the two.
 */
export function zonedInstant(date: string, time = '00:00', timeZone = DEFAULT_TIME_ZONE): number {
  const [y, m, d] = dateParts(date);
  const clock = TIME.exec(time);
  if (!clock) throw new RangeError(`Not a time (HH:MM): ${time}`);
  const local = Date.UTC(y, m - 1, d, Number(clock[1]), Number(clock[2]));
  const offset = (at: number) => wallClock(at, timeZone) - Math.floor(at / 1000) * 1000;
  const guess = local - offset(local);
  const corrected = local - offset(guess);
  return corrected;
}
