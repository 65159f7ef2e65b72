/**
 * The month view's calendar arithmetic, pure and on calendar dates (`YYYY-MM-DD`) so the
 * DST days of Europe/Amsterdam fall where a resident expects: the weeks (Monday first) that
 * show a month, the days an event covers, and keyboard moves between days.
 */
import {
  type EventView,
  addDays,
  addMonths,
  firstOfMonth,
  startOfWeek,
  zonedDate,
} from '@buurthub/shared';

export interface MonthRef {
  year: number;
  /** 1 = January. */
  month: number;
}

export function monthOf(date: string): MonthRef {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
}

export function shiftMonth(ref: MonthRef, by: number): MonthRef {
  return monthOf(addMonths(firstOfMonth(ref.year, ref.month), by));
}

/** `YYYY-MM` for a hash or a key. */
export function monthKey(ref: MonthRef): string {
  return `${ref.year}-${String(ref.month).padStart(2, '0')}`;
}

export function parseMonthKey(key: string | undefined): MonthRef | null {
  const match = /^(\d{4})-(\d{2})$/.exec(key ?? '');
  if (!match) return null;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? { year: Number(match[1]), month } : null;
}

/** Whole weeks, Monday to Sunday, from the week of the 1st to the week of the last day. */
export function monthWeeks(ref: MonthRef): string[][] {
  const first = firstOfMonth(ref.year, ref.month);
  const last = addDays(addMonths(first, 1), -1);
  const weeks: string[][] = [];
  for (let monday = startOfWeek(first); monday <= last; monday = addDays(monday, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(monday, i)));
  }
  return weeks;
}

/** The calendar days (in `timeZone`) on which the event takes place, within [from, to]. */
export function eventDays(event: EventView, from: string, to: string, timeZone: string): string[] {
  const first = event.when.allDay ? event.when.startDate : zonedDate(event.startsAt, timeZone);
  // A timed event ending at midnight does not take place on the next day.
  const last = event.when.allDay ? event.when.endDate : zonedDate(event.endsAt - 1, timeZone);
  const days: string[] = [];
  for (let day = first < from ? from : first; day <= last && day <= to; day = addDays(day, 1)) {
    days.push(day);
  }
  return days;
}

/** Events per day for the days shown, each day's events in the given (start) order. */
export function eventsByDay(
  events: readonly EventView[],
  days: readonly string[],
  timeZone: string,
): Map<string, EventView[]> {
  const map = new Map<string, EventView[]>(days.map((d) => [d, []]));
  const from = days[0];
  const to = days[days.length - 1];
  if (!from || !to) return map;
  for (const event of events) {
    for (const day of eventDays(event, from, to, timeZone)) map.get(day)?.push(event);
  }
  return map;
}

/** The day a key press moves to in the grid (null: not a key the grid handles). */
export function moveDay(date: string, key: string): string | null {
  switch (key) {
    case 'ArrowLeft':
      return addDays(date, -1);
    case 'ArrowRight':
      return addDays(date, 1);
    case 'ArrowUp':
      return addDays(date, -7);
    case 'ArrowDown':
      return addDays(date, 7);
    case 'Home':
      return startOfWeek(date);
    case 'End':
      return addDays(startOfWeek(date), 6);
    case 'PageUp':
    case 'PageDown': {
      const target = addMonths(date, key === 'PageUp' ? -1 : 1);
      // Same day number, or the last day of a shorter month.
      const day = Number(date.slice(8, 10));
      const lastDay = Number(addDays(addMonths(target, 1), -1).slice(8, 10));
      return `${target.slice(0, 8)}${String(Math.min(day, lastDay)).padStart(2, '0')}`;
    }
    default:
      return null;
  }
}
