/**
 * How an event's time reads: in the neighbourhood's time zone (not the device's), with the
 * weekday, and all-day events as dates only (they do not move with time zones).
 */
import type { EventTime } from '@buurthub/shared';

/** A calendar date as an instant that has that date in UTC (noon, far from any edge). */
const dateInstant = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), 12);

/** "zaterdag 13 juni 2026" / "Saturday 13 June 2026" for a `YYYY-MM-DD`. */
export function formatDay(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(dateInstant(date));
}

/** The event's dates and times as one phrase; all-day events as dates (a range if longer). */
export function formatWhen(when: EventTime, locale: string, timeZone: string): string {
  if (when.allDay) {
    const format = new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      weekday: 'short',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
    return when.startDate === when.endDate
      ? format.format(dateInstant(when.startDate))
      : format.formatRange(dateInstant(when.startDate), dateInstant(when.endDate));
  }
  const format = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return format.formatRange(when.start, when.end);
}

/** "juni 2026" for the month heading. */
export function formatMonth(year: number, month: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    month: 'long',
    year: 'numeric',
  }).format(Date.UTC(year, month - 1, 1, 12));
}

/** Short weekday names, Monday first ("ma", "di", …) and their long forms. */
export function weekdayNames(locale: string): { short: string; long: string }[] {
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => {
    const at = Date.UTC(2024, 0, 1 + i, 12);
    return {
      short: new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short' }).format(at),
      long: new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long' }).format(at),
    };
  });
}
