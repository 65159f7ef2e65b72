/**
 * The agenda as iCalendar (RFC 5545), for `GET /nb/<nb>/events.ics`: pure functions from
 * event views to the text of a VCALENDAR. Lines end in CRLF and are folded at 75 octets
 * (never inside a UTF-8 character); TEXT values are escaped (`\ ; ,` and newlines).
 * Times: see shared/src/icalendar.ts (local Europe/Amsterdam with a VTIMEZONE, UTC where that would
 * be ambiguous). All-day events are DATE values with an exclusive DTEND.
 */
import {
  addDays,
  dateTimeProperty,
  dateValue,
  escapeText,
  type EventView,
  foldLine,
  ICAL_TIME_ZONE,
  utcDateTime,
  VTIMEZONE_LINES,
} from '@buurthub/shared';
import { eventUrl } from './links.js';
import { plainText } from './text.js';

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
    `DTSTAMP:${utcDateTime(event.updatedAt)}`,
    `CREATED:${utcDateTime(event.createdAt)}`,
    `LAST-MODIFIED:${utcDateTime(event.updatedAt)}`,
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
  // A cancelled event stays in the feed, so subscribed calendars mark it instead of silently
  // dropping it; an opaque slot would still block the time, so it becomes transparent.
  lines.push(
    ...(event.cancelled
      ? ['STATUS:CANCELLED', 'TRANSP:TRANSPARENT']
      : ['STATUS:CONFIRMED', 'TRANSP:OPAQUE']),
    'END:VEVENT',
  );
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
    `X-WR-TIMEZONE:${ICAL_TIME_ZONE}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
    ...VTIMEZONE_LINES,
    ...options.events.flatMap((event) => eventLines(event, options)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
