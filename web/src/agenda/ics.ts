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
import {
  type EventView,
  VTIMEZONE_LINES,
  addDays,
  dateTimeProperty,
  escapeText,
  foldLine,
  markupToPlainText,
  parseMarkup,
  utcDateTime,
} from '@buurthub/shared';
import { fileNameFrom } from '../app/download.js';

export interface IcsOptions {
  /** The neighbourhood slug, for a UID that matches the relay's feed. */
  nb: string;
  /** The event in the PWA (`…/nb/<nb>/#agenda/<id>`). */
  url: string;
}

/** The whole VCALENDAR with one VEVENT, CRLF-terminated. */
export function eventToIcs(event: EventView, options: IcsOptions): string {
  const { when } = event;
  const modified = utcDateTime(event.updatedAt);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Buurthub//Buurthub PWA//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...(when.allDay ? [] : VTIMEZONE_LINES),
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
  lines.push(
    `STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  );
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** A file name from the title: letters, digits and dashes, never empty. */
export function icsFileName(title: string): string {
  return fileNameFrom(title, 'ics', 'activiteit');
}
