import { type EventView, dateTimeProperty, escapeText, foldLine } from '@buurthub/shared';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { eventToIcs, icsFileName } from './ics.js';

function view(overrides: Partial<EventView> = {}): EventView {
  return {
    id: 'ev-1',
    title: 'Buurtborrel',
    description: '',
    when: { allDay: false, start: Date.UTC(2026, 5, 12, 17, 0), end: Date.UTC(2026, 5, 12, 19, 0) },
    startsAt: Date.UTC(2026, 5, 12, 17, 0),
    endsAt: Date.UTC(2026, 5, 12, 19, 0),
    place: 'Buurthuis',
    organiser: { id: 'm-1', name: 'Anna', role: 'resident' },
    visibility: 'members',
    createdAt: Date.UTC(2026, 4, 1, 8, 0),
    updatedAt: Date.UTC(2026, 4, 1, 8, 0),
    counts: { going: 0, maybe: 0, not: 0 },
    placesLeft: null,
    full: false,
    overbooked: false,
    ...overrides,
  };
}

const OPTIONS = { nb: 'dijkstraat', url: 'https://buurt.example.nl/nb/dijkstraat/#agenda/ev-1' };

function parse(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  const vevent = component.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return new ICAL.Event(vevent);
}

describe('a single event as an .ics file', () => {
  it('escapes backslashes, semicolons, commas and newlines in text', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    expect(escapeText('bel\u0007l')).toBe('bell');
  });

  it('folds long lines at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'ë'.repeat(100)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });

  it('ends every line in CRLF and parses back with the same text and instants', () => {
    const event = view({
      title: 'Borrel; met hapjes, en drankjes \\ gezelligheid',
      description: 'Neem **iets** mee.\n\n- stoel\n- bord',
      village: 'Mook',
    });
    const text = eventToIcs(event, OPTIONS);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text).toContain('DTSTART;TZID=Europe/Amsterdam:20260612T190000');
    expect(text).toContain('BEGIN:VTIMEZONE');
    const parsed = parse(text);
    expect(parsed.summary).toBe(event.title);
    expect(parsed.location).toBe('Buurthuis, Mook');
    expect(parsed.description).toBe('Neem iets mee.\n\n- stoel\n- bord');
    expect(parsed.uid).toBe('ev-1@dijkstraat.buurthub');
    expect(parsed.startDate.toJSDate().getTime()).toBe(event.startsAt);
    expect(parsed.endDate.toJSDate().getTime()).toBe(event.endsAt);
  });

  it('writes all-day events as dates with an exclusive end', () => {
    const text = eventToIcs(
      view({ when: { allDay: true, startDate: '2026-12-31', endDate: '2027-01-01' } }),
      OPTIONS,
    );
    expect(text).toContain('DTSTART;VALUE=DATE:20261231\r\n');
    expect(text).toContain('DTEND;VALUE=DATE:20270102\r\n');
    expect(text).not.toContain('VTIMEZONE');
    const parsed = parse(text);
    expect(parsed.startDate.isDate).toBe(true);
    expect(parsed.startDate.toString()).toBe('2026-12-31');
  });

  it('keeps the exact instant across the DST changes in Europe/Amsterdam', () => {
    // 02:30 on the October night happens twice: both are written in UTC.
    const first = Date.UTC(2026, 9, 25, 0, 30);
    const second = Date.UTC(2026, 9, 25, 1, 30);
    expect(dateTimeProperty('DTSTART', first)).toBe('DTSTART:20261025T003000Z');
    expect(dateTimeProperty('DTSTART', second)).toBe('DTSTART:20261025T013000Z');
    // Just after the spring change, local summer time.
    const spring = Date.UTC(2026, 2, 29, 1, 0);
    expect(dateTimeProperty('DTSTART', spring)).toBe(
      'DTSTART;TZID=Europe/Amsterdam:20260329T030000',
    );
    for (const start of [first, second, spring, Date.UTC(2026, 2, 29, 0, 59)]) {
      const event = view({ when: { allDay: false, start, end: start + 3_600_000 } });
      const parsed = parse(eventToIcs(event, OPTIONS));
      expect(parsed.startDate.toJSDate().getTime()).toBe(start);
    }
  });

  it('marks a cancelled event STATUS:CANCELLED, modified when it was cancelled', () => {
    const cancelledAt = Date.UTC(2026, 5, 1, 9, 30);
    const text = eventToIcs(
      view({
        cancelled: { at: cancelledAt, by: { id: 'm-1', name: 'Anna', role: 'resident' } },
        updatedAt: cancelledAt,
      }),
      OPTIONS,
    );
    const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent');
    expect(vevent?.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(text).toContain('LAST-MODIFIED:20260601T093000Z\r\n');
    expect(eventToIcs(view(), OPTIONS)).toContain('STATUS:CONFIRMED\r\n');
  });

  it('makes a plain file name from the title', () => {
    expect(icsFileName('Café "De Brug": open!')).toBe('cafe-de-brug-open.ics');
    expect(icsFileName('🎉')).toBe('activiteit.ics');
  });
});
