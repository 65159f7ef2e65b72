/**
 * iCalendar (RFC 5545) building blocks shared by the relay's agenda feed and the PWA's
 * "add to calendar" file, so both write exactly the same text: TEXT escaping, line folding
 * at 75 octets (never inside a UTF-8 character), and Europe/Amsterdam times with their
 * VTIMEZONE (the EU rules in force since 1996: CEST from the last Sunday of March 01:00 UTC
 * to the last Sunday of October 01:00 UTC).
 *
 * A local time with `TZID=Europe/Amsterdam` is only written when it means exactly the
 * instant the event has: the zone database (Intl) and the VTIMEZONE rules agree at that
 * instant, and the local time is not in the hour that happens twice on an October night
 * (02:00–03:00). RFC 5545 §3.3.5 says a repeated local time means its first occurrence,
 * but readers differ (ical.js takes the second), so both occurrences are written in UTC,
 * which every reader takes the same way.
 */

/** UTF-8 length of `text` in octets (shared/ has neither Buffer nor TextEncoder types). */
function utf8Length(text: string): number {
  let octets = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    octets += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return octets;
}

const MAX_LINE_OCTETS = 75;

/**
 * TEXT escaping (RFC 5545 §3.3.11). Control characters other than tab and newline are not
 * allowed in content lines and are dropped; CRLF and CR count as one newline.
 */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\n/g, '\\n')
  );
}

/**
 * Folds one content line into lines of at most 75 octets (the CRLF not counted), each
 * continuation starting with a space, splitting only between UTF-8 characters.
 */
export function foldLine(line: string): string {
  if (utf8Length(line) <= MAX_LINE_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char);
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export const ICAL_TIME_ZONE = 'Europe/Amsterdam';

const HOUR = 3_600_000;

/** The VTIMEZONE lines for `ICAL_TIME_ZONE` (content lines, not yet folded). */
export const VTIMEZONE_LINES: readonly string[] = [
  'BEGIN:VTIMEZONE',
  `TZID:${ICAL_TIME_ZONE}`,
  `X-LIC-LOCATION:${ICAL_TIME_ZONE}`,
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

/** 01:00 UTC on the last Sunday of `month` (0-based) in `year`. */
function lastSundayOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  const sunday = lastDay.getUTCDate() - lastDay.getUTCDay();
  return Date.UTC(year, month, sunday, 1);
}

/** The UTC offset the VTIMEZONE above gives at instant `ms`. */
export function ruleOffset(ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  const summer = ms >= lastSundayOneUtc(year, 2) && ms < lastSundayOneUtc(year, 9);
  return summer ? 2 * HOUR : HOUR;
}

const wallFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: ICAL_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The UTC offset the zone database gives at `ms` (whole seconds). */
export function zoneOffset(ms: number): number {
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

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYYMMDDTHHMMSS` of the UTC clock at `ms` (no `Z`). */
function basicDateTime(ms: number): string {
  const d = new Date(ms);
  return (
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`
  );
}

/** A UTC DATE-TIME value: `20260329T003000Z`. */
export function utcDateTime(ms: number): string {
  return `${basicDateTime(ms)}Z`;
}

/**
 * A DATE-TIME property for instant `ms`: `NAME;TZID=Europe/Amsterdam:<local>` when that
 * local time means exactly `ms` (see the file header), otherwise `NAME:<utc>Z`.
 */
export function dateTimeProperty(name: string, ms: number): string {
  const offset = zoneOffset(ms);
  const repeatedHour =
    (offset === HOUR && ruleOffset(ms - HOUR) === 2 * HOUR) || // second 02:xx
    (offset === 2 * HOUR && ruleOffset(ms + HOUR) === HOUR); // first 02:xx
  if (offset !== ruleOffset(ms) || repeatedHour) return `${name}:${utcDateTime(ms)}`;
  return `${name};TZID=${ICAL_TIME_ZONE}:${basicDateTime(ms + offset)}`;
}

/** A DATE value from `YYYY-MM-DD`: `20260329`. */
export function dateValue(date: string): string {
  return date.replaceAll('-', '');
}
