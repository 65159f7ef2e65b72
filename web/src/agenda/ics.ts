/**
 * One event as an iCalendar file (RFC 5545) for "Toevoegen aan agenda": generated on the
 * device, so it works offline and also for members-only events. The same rules as the
 * relay's feed (docs/protocol.md, "Feeds"): lines end in CRLF and are folded at 75 octets
 * (never inside a UTF-8 character); TEXT values escape `\`, `;`, `,` and newlines; timed
 * events are written in Europe/Amsterdam local time with a VTIMEZONE, or in UTC where that
 * local time would not name the instant exactly (the October hour that happens twice, or
 * where the zone database and the VTIMEZONE rules disagree); all-day events are DATE values
 * with an exclusive DTEND.
 */
import { type EventView, addDays, markupToPlainText, parseMarkup } from '@buurthub/shared';

export const ICS_TIME_ZONE = 'Europe/Amsterdam';
const MAX_LINE_OCTETS = 75;
const HOUR = 3_600_000;
const encoder = new TextEncoder();

const octets = (text: string) => encoder.encode(text).length;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** TEXT escaping (§3.3.11); control characters other than newline are dropped. */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- removing control characters on purpose
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '')
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\n/g, '\\n')
  );
}

/** Folds a content line into parts of at most 75 octets, continuation lines start with a space. */
export function foldLine(line: string): string {
  if (octets(line) <= MAX_LINE_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let used = 0;
  for (const char of line) {
    const size = octets(char);
    // The leading space of a continuation line counts towards its 75 octets.
    const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (used + size > limit) {
      parts.push(current);
      current = '';
      used = 0;
    }
    current += char;
    used += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${ICS_TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** 01:00 UTC on the last Sunday of `month` (0-based): when the EU clocks change. */
function lastSundayOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/** The offset the VTIMEZONE above gives at `ms`. */
function ruleOffset(ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  return ms >= lastSundayOneUtc(year, 2) && ms < lastSundayOneUtc(year, 9) ? 2 * HOUR : HOUR;
}

const wallFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: ICS_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The offset the zone database gives at `ms`. */
function zoneOffset(ms: number): number {
  const parts: Record<string, number> = {};
  for (const part of wallFormat.formatToParts(ms)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const get = (type: string) => parts[type] ?? 0;
  const wall = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour') % 24,
    get('minute'),
    get('second'),
  );
  return wall - Math.floor(ms / 1000) * 1000;
}

function basicDateTime(ms: number): string {
  const d = new Date(ms);
  return (
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`
  );
}

export function utcDateTime(ms: number): string {
  return `${basicDateTime(ms)}Z`;
}

/** `NAME;TZID=Europe/Amsterdam:<local>` when that local time is exact, else `NAME:<utc>Z`. */
export function dateTimeProperty(name: string, ms: number): string {
  const offset = zoneOffset(ms);
  const repeatedHour =
    (offset === HOUR && ruleOffset(ms - HOUR) === 2 * HOUR) ||
    (offset === 2 * HOUR && ruleOffset(ms + HOUR) === HOUR);
  if (offset !== ruleOffset(ms) || repeatedHour) return `${name}:${utcDateTime(ms)}`;
  return `${name};TZID=${ICS_TIME_ZONE}:${basicDateTime(ms + offset)}`;
}

export interface IcsOptions {
  /** The neighbourhood slug, for a UID that matches the relay's feed. */
  nb: string;
  /** The event in the PWA (`…/nb/<nb>/#agenda/<id>`). */
  url: string;
}

/** The whole VCALENDAR with one VEVENT, CRLF-terminated. */
export function eventToIcs(event: EventView, options: IcsOptions): string {
  const { when } = event;
  const modified = utcDateTime(event.editedAt ?? event.createdAt);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Buurthub//Buurthub PWA//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...(when.allDay ? [] : VTIMEZONE),
    'BEGIN:VEVENT',
    `UID:${event.id}@${options.nb}.buurthub`,
    `DTSTAMP:${modified}`,
    `CREATED:${utcDateTime(event.createdAt)}`,
    `LAST-MODIFIED:${modified}`,
  ];
  if (when.allDay) {
    lines.push(`DTSTART;VALUE=DATE:${when.startDate.replaceAll('-', '')}`);
    lines.push(`DTEND;VALUE=DATE:${addDays(when.endDate, 1).replaceAll('-', '')}`);
  } else {
    lines.push(dateTimeProperty('DTSTART', when.start), dateTimeProperty('DTEND', when.end));
  }
  lines.push(`SUMMARY:${escapeText(event.title)}`);
  const description = markupToPlainText(parseMarkup(event.description));
  if (description) lines.push(`DESCRIPTION:${escapeText(description)}`);
  lines.push(
    `LOCATION:${escapeText(event.village ? `${event.place}, ${event.village}` : event.place)}`,
  );
  lines.push(`URL:${options.url}`);
  lines.push(`CLASS:${event.visibility === 'public' ? 'PUBLIC' : 'PRIVATE'}`);
  lines.push('STATUS:CONFIRMED', 'END:VEVENT', 'END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** A file name from the title: letters, digits and dashes, never empty. */
export function icsFileName(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'activiteit'}.ics`;
}
