/**
 * The agenda as iCalendar (RFC 5545), for `GET /nb/<nb>/events.ics`: pure functions from
 * event views to the text of a VCALENDAR. Lines end in CRLF and are folded at 75 octets
 * (never inside a UTF-8 character); TEXT values are escaped (`\ ; ,` and newlines).
 * Times: see time-zone.ts (local Europe/Amsterdam with a VTIMEZONE, UTC where that would
 * be ambiguous). All-day events are DATE values with an exclusive DTEND.
 */
import { addDays, type EventView } from '@buurthub/shared';
import { eventUrl } from './links.js';
import { plainText } from './text.js';
import {
  dateTimeProperty,
  dateValue,
  FEED_TIME_ZONE,
  utcDateTime,
  VTIMEZONE_LINES,
} from './time-zone.js';

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
  if (Buffer.byteLength(line) <= MAX_LINE_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
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

export interface CalendarOptions {
  nb: string;
  /** The neighbourhood's name, for the calendar's title. */
  name: string;
  publicUrl: string;
  events: readonly EventView[];
  /** The personal feed (with members-only events) says so in its title. */
  personal?: boolean;
}

function eventLines(event: EventView, options: CalendarOptions): string[] {
  const { when } = event;
  const lines = [
    'BEGIN:VEVENT',
    `UID:${event.id}@${options.nb}.buurthub`,
    // Without METHOD semantics, DTSTAMP is when the event was last revised (§3.8.7.2).
    `DTSTAMP:${utcDateTime(event.editedAt ?? event.createdAt)}`,
    `CREATED:${utcDateTime(event.createdAt)}`,
    `LAST-MODIFIED:${utcDateTime(event.editedAt ?? event.createdAt)}`,
  ];
  if (when.allDay) {
    lines.push(`DTSTART;VALUE=DATE:${dateValue(when.startDate)}`);
    lines.push(`DTEND;VALUE=DATE:${dateValue(addDays(when.endDate, 1))}`);
  } else {
    lines.push(dateTimeProperty('DTSTART', when.start));
    lines.push(dateTimeProperty('DTEND', when.end));
  }
  lines.push(`SUMMARY:${escapeText(event.title)}`);
  const description = plainText(event.description);
  if (description) lines.push(`DESCRIPTION:${escapeText(description)}`);
  const location = event.village ? `${event.place}, ${event.village}` : event.place;
  lines.push(`LOCATION:${escapeText(location)}`);
  lines.push(`URL:${eventUrl(options.publicUrl, options.nb, event.id)}`);
  lines.push(`CLASS:${event.visibility === 'public' ? 'PUBLIC' : 'PRIVATE'}`);
  if (event.photo) {
    lines.push(
      `IMAGE;VALUE=URI;DISPLAY=BADGE;FMTTYPE=${event.photo.type}:` +
        `${options.publicUrl}/blobs/${event.photo.hash}`,
    );
  }
  lines.push('STATUS:CONFIRMED', 'TRANSP:OPAQUE', 'END:VEVENT');
  return lines;
}

/** The whole VCALENDAR, CRLF-terminated. */
export function renderCalendar(options: CalendarOptions): string {
  const title = `${options.name} – agenda${options.personal ? ' (persoonlijk)' : ''}`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Buurthub//Buurthub relay//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${escapeText(title)}`,
    `X-WR-CALNAME:${escapeText(title)}`,
    `X-WR-TIMEZONE:${FEED_TIME_ZONE}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
    ...VTIMEZONE_LINES,
    ...options.events.flatMap((event) => eventLines(event, options)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
