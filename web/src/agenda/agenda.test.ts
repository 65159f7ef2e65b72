import { type EventView, ValidationError, zonedInstant } from '@buurthub/shared';
import { describe, expect, it } from 'vitest';
import { EMPTY_EVENT_DRAFT, draftToInput, eventToDraft, fieldOfIssue } from './event-form.js';
import { formatDay, formatWhen } from './format.js';
import { eventDays, eventsByDay, monthWeeks, moveDay, parseMonthKey, shiftMonth } from './month.js';

const TZ = 'Europe/Amsterdam';

function timed(start: number, end: number, id = 'e'): EventView {
  return {
    id,
    title: id,
    description: '',
    when: { allDay: false, start, end },
    startsAt: start,
    endsAt: end,
    place: 'x',
    organiser: { id: 'm', name: 'M', role: 'resident' },
    visibility: 'members',
    createdAt: 0,
    updatedAt: 0,
    counts: { going: 0, maybe: 0, not: 0 },
    placesLeft: null,
    full: false,
    overbooked: false,
  };
}

describe('the month grid', () => {
  it('shows whole weeks from Monday, covering the month', () => {
    const weeks = monthWeeks({ year: 2026, month: 3 });
    expect(weeks[0]?.[0]).toBe('2026-02-23');
    expect(weeks.at(-1)?.[6]).toBe('2026-04-05');
    expect(weeks.every((w) => w.length === 7)).toBe(true);
  });

  it('moves between months and reads month keys', () => {
    expect(shiftMonth({ year: 2026, month: 12 }, 1)).toEqual({ year: 2027, month: 1 });
    expect(shiftMonth({ year: 2026, month: 1 }, -1)).toEqual({ year: 2025, month: 12 });
    expect(parseMonthKey('2026-07')).toEqual({ year: 2026, month: 7 });
    expect(parseMonthKey('2026-13')).toBeNull();
  });

  it('puts an event on each local day it covers, not on the day its midnight end falls', () => {
    const start = zonedInstant('2026-03-28', '22:00', TZ);
    const end = zonedInstant('2026-03-30', '00:00', TZ);
    expect(eventDays(timed(start, end), '2026-03-01', '2026-03-31', TZ)).toEqual([
      '2026-03-28',
      '2026-03-29',
    ]);
    const days = monthWeeks({ year: 2026, month: 3 }).flat();
    const map = eventsByDay([timed(start, end, 'a')], days, TZ);
    expect(map.get('2026-03-29')?.map((e) => e.id)).toEqual(['a']);
    expect(map.get('2026-03-30')).toEqual([]);
  });

  it('moves with the arrow keys, Home/End and Page Up/Down', () => {
    expect(moveDay('2026-03-31', 'ArrowRight')).toBe('2026-04-01');
    expect(moveDay('2026-03-02', 'ArrowUp')).toBe('2026-02-23');
    expect(moveDay('2026-03-04', 'Home')).toBe('2026-03-02');
    expect(moveDay('2026-03-04', 'End')).toBe('2026-03-08');
    expect(moveDay('2026-03-31', 'PageUp')).toBe('2026-02-28');
    expect(moveDay('2026-01-31', 'PageDown')).toBe('2026-02-28');
    expect(moveDay('2026-01-31', 'a')).toBeNull();
  });
});

describe('the event form', () => {
  const draft = {
    ...EMPTY_EVENT_DRAFT,
    title: 'Snoeidag',
    place: 'Kerkplein',
    startDate: '2026-10-25',
    startTime: '10:00',
    endTime: '12:00',
  };

  it('reads dates and times as Amsterdam wall-clock time, the end on the start day by default', () => {
    const input = draftToInput(draft, TZ);
    expect(input.when).toEqual({
      allDay: false,
      start: Date.UTC(2026, 9, 25, 9, 0),
      end: Date.UTC(2026, 9, 25, 11, 0),
    });
    expect(input.capacity).toBeUndefined();
  });

  it('gives all-day events dates and a capacity as a number', () => {
    const input = draftToInput({ ...draft, allDay: true, capacity: ' 12 ' }, TZ);
    expect(input.when).toEqual({ allDay: true, startDate: '2026-10-25', endDate: '2026-10-25' });
    expect(input.capacity).toBe(12);
  });

  it('reports missing or unreadable dates, times and capacity as validation issues', () => {
    try {
      draftToInput({ ...draft, startDate: '', endTime: '25:00', capacity: '1.5' }, TZ);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((i) => [i.path, i.code])).toEqual([
        ['when.startDate', 'required'],
        ['when.endDate', 'required'],
        ['when.endTime', 'invalid'],
        ['capacity', 'invalid'],
      ]);
    }
  });

  it('maps the model issue paths to the fields that show them', () => {
    expect(fieldOfIssue('when.end', false)).toBe('endTime');
    expect(fieldOfIssue('when.endDate', true)).toBe('endDate');
    expect(fieldOfIssue('when.startTime', false)).toBe('startTime');
    expect(fieldOfIssue('title', false)).toBe('title');
    expect(fieldOfIssue('organiser', false)).toBeNull();
  });
});

describe('event times', () => {
  it('shows timed events in Amsterdam time and all-day events as dates', () => {
    const when = {
      allDay: false as const,
      start: Date.UTC(2026, 5, 13, 17, 0),
      end: Date.UTC(2026, 5, 13, 19, 30),
    };
    const text = formatWhen(when, 'nl-NL', TZ);
    expect(text).toContain('19:00');
    expect(text).toContain('21:30');
    expect(text).toContain('13 juni 2026');
    const day = { allDay: true as const, startDate: '2026-06-13', endDate: '2026-06-13' };
    expect(formatWhen(day, 'en-GB', TZ)).toMatch(/^Sat,? 13 June 2026$/);
    expect(formatDay('2026-06-13', 'nl-NL')).toBe('zaterdag 13 juni 2026');
  });
});

describe('editing an event in the form', () => {
  it('fills the form with the event as the organiser entered it, and gives the same event back', () => {
    const draft = {
      ...EMPTY_EVENT_DRAFT,
      title: 'Nachtwandeling',
      startDate: '2026-10-24',
      startTime: '22:30',
      endDate: '2026-10-25',
      endTime: '02:15',
      place: 'Kerkplein',
      capacity: '12',
      village: 'Mook',
    };
    const input = draftToInput(draft, TZ);
    const event: EventView = {
      ...timed((input.when as { start: number }).start, (input.when as { end: number }).end),
      title: 'Nachtwandeling',
      place: 'Kerkplein',
      capacity: 12,
      village: 'Mook',
    };
    expect(eventToDraft(event, TZ)).toEqual(draft);
  });

  it('leaves the end date empty for a one-day event, as a new event would have it', () => {
    const input = draftToInput(
      { ...EMPTY_EVENT_DRAFT, startDate: '2026-06-12', startTime: '19:00', endTime: '21:00' },
      TZ,
    );
    const when = input.when as { start: number; end: number };
    expect(eventToDraft(timed(when.start, when.end), TZ)).toMatchObject({
      startDate: '2026-06-12',
      endDate: '',
      startTime: '19:00',
      endTime: '21:00',
    });
  });

  it('fills an all-day event as dates without times', () => {
    const event: EventView = {
      ...timed(0, 1),
      when: { allDay: true, startDate: '2026-03-29', endDate: '2026-03-30' },
    };
    expect(eventToDraft(event, TZ)).toMatchObject({
      allDay: true,
      startDate: '2026-03-29',
      endDate: '2026-03-30',
      startTime: '',
      endTime: '',
      capacity: '',
      village: '',
    });
  });
});
