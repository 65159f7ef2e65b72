/**
 * The shapes of events and RSVPs: input schemas (checked before writing), stored schemas
 * (checked again on every read) and the view types the UI gets. See docs/schema.md.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { addDays, isCalendarDate, zonedInstant } from '../calendar.js';
import { type MediaRef, imageRefSchema } from '../media.js';
import { type Author, authorSchema } from '../roles.js';
import { readStored } from '../validation.js';
import { type Visibility, storedVisibility, visibilitySchema } from './visibility.js';

export const EVENT_TITLE_MAX = 140;
export const EVENT_DESCRIPTION_MAX = 5_000;
export const PLACE_MAX = 200;
export const CAPACITY_MAX = 10_000;
/** Longest event, in days (a summer exhibition, not a permanent fixture). */
export const EVENT_DAYS_MAX = 366;
const DAY = 24 * 60 * 60 * 1000;

export const RSVP_ANSWERS = ['going', 'maybe', 'not'] as const;
export type RsvpAnswer = (typeof RSVP_ANSWERS)[number];

const calendarDate = z.string().refine(isCalendarDate, 'must be a date written YYYY-MM-DD');

/** A timed event: instants in ms since the epoch, `end` after `start`. */
const timedSchema = z
  .object({
    allDay: z.literal(false),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((t) => t.end > t.start, { path: ['end'], message: 'end must be after start' })
  .refine((t) => t.end - t.start <= EVENT_DAYS_MAX * DAY, {
    path: ['end'],
    message: `an event lasts at most ${EVENT_DAYS_MAX} days`,
  });

/**
 * An all-day event: calendar dates, both inclusive (`endDate` is the last day, equal to
 * `startDate` for a one-day event). Dates do not move with time zones; in iCalendar they are
 * DATE values with an exclusive DTEND of `addDays(endDate, 1)`.
 */
const allDaySchema = z
  .object({ allDay: z.literal(true), startDate: calendarDate, endDate: calendarDate })
  .refine((t) => t.endDate >= t.startDate, {
    path: ['endDate'],
    message: 'endDate must not be before startDate',
  })
  .refine((t) => t.endDate < addDays(t.startDate, EVENT_DAYS_MAX), {
    path: ['endDate'],
    message: `an event lasts at most ${EVENT_DAYS_MAX} days`,
  });

export const eventTimeSchema = z.discriminatedUnion('allDay', [timedSchema, allDaySchema]);
export type EventTime = z.infer<typeof eventTimeSchema>;

const title = z.string().trim().min(1).max(EVENT_TITLE_MAX);
const description = z.string().trim().max(EVENT_DESCRIPTION_MAX);
const place = z.string().trim().min(1).max(PLACE_MAX);
const capacity = z.number().int().min(1).max(CAPACITY_MAX);
const village = z.string().trim().min(1).max(80);

export const eventInputSchema = z.object({
  title,
  /** Text in Buurthub markup (see markup.ts); may be empty. */
  description: description.default(''),
  when: eventTimeSchema,
  place,
  capacity: capacity.optional(),
  photo: imageRefSchema.optional(),
  /** Default `members`: an organiser chooses to make an event public. */
  visibility: visibilitySchema.default('members'),
  village: village.optional(),
});
export type EventInput = z.input<typeof eventInputSchema>;

/** Fields to change; `null` clears an optional field (capacity, photo, village). */
export const eventPatchSchema = z.object({
  title: title.optional(),
  description: description.optional(),
  when: eventTimeSchema.optional(),
  place: place.optional(),
  capacity: capacity.nullable().optional(),
  photo: imageRefSchema.nullable().optional(),
  visibility: visibilitySchema.optional(),
  village: village.nullable().optional(),
});
export type EventPatch = z.input<typeof eventPatchSchema>;

const storedEvent = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  when: eventTimeSchema,
  place: z.string(),
  organiser: authorSchema,
  capacity: z.number().int().min(1).optional(),
  visibility: storedVisibility,
  village: z.string().optional(),
  createdAt: z.number(),
  editedAt: z.number().optional(),
  deletedAt: z.number().optional(),
});

/** Why an event was called off; written once, by the organiser or a moderator. */
export const EVENT_CANCEL_REASON_MAX = 500;
export const eventCancelSchema = z.object({
  reason: z.string().trim().max(EVENT_CANCEL_REASON_MAX).optional(),
});
export type EventCancelInput = z.input<typeof eventCancelSchema>;

const storedCancellation = z.object({
  at: z.number(),
  by: authorSchema,
  reason: z.string().max(EVENT_CANCEL_REASON_MAX).optional(),
});
export type Cancellation = z.infer<typeof storedCancellation>;

export const storedRsvp = z.object({
  answer: z.enum(RSVP_ANSWERS),
  author: authorSchema,
  at: z.number(),
});

export interface RsvpCounts {
  going: number;
  maybe: number;
  not: number;
}

export interface EventView {
  id: string;
  title: string;
  description: string;
  when: EventTime;
  /** When it starts: `when.start`, or midnight of `startDate` in the space's time zone. */
  startsAt: number;
  /** When it ends (exclusive): `when.end`, or midnight after `endDate`. */
  endsAt: number;
  place: string;
  organiser: Author;
  capacity?: number;
  photo?: MediaRef;
  visibility: Visibility;
  village?: string;
  createdAt: number;
  editedAt?: number;
  /** Set once the event is called off; it stays in the agenda, marked as cancelled. */
  cancelled?: Cancellation;
  /** The latest of `createdAt`, `editedAt` and the cancellation: when it last changed. */
  updatedAt: number;
  counts: RsvpCounts;
  /** Places left, never below 0; null without a capacity. */
  placesLeft: number | null;
  /** No place left: a new "going" is refused. */
  full: boolean;
  /** More people going than places, after RSVPs from offline devices met. */
  overbooked: boolean;
}

export interface Attendee {
  id: string;
  name: string;
  answer: RsvpAnswer;
  /** When this answer was given. */
  at: number;
}

export function readRsvp(memberId: string, value: unknown): z.infer<typeof storedRsvp> | null {
  const rsvp = readStored(storedRsvp, value);
  // The key is the member: an entry filed under someone else's id is not theirs to count.
  return rsvp && rsvp.author.id === memberId ? rsvp : null;
}

export function rsvpsOf(event: unknown): z.infer<typeof storedRsvp>[] {
  const rsvps = event instanceof Y.Map ? event.get('rsvps') : undefined;
  if (!(rsvps instanceof Y.Map)) return [];
  const list: z.infer<typeof storedRsvp>[] = [];
  for (const [memberId, value] of rsvps.entries()) {
    const rsvp = readRsvp(memberId, value);
    if (rsvp) list.push(rsvp);
  }
  return list;
}

export function readEvent(value: unknown, timeZone: string): EventView | null {
  if (!(value instanceof Y.Map)) return null;
  const fields: Record<string, unknown> = {};
  for (const [key, field] of value.entries()) if (key !== 'rsvps') fields[key] = field;
  const stored = readStored(storedEvent, fields);
  if (!stored || stored.deletedAt !== undefined) return null;
  const { deletedAt: _deleted, ...rest } = stored;
  const counts: RsvpCounts = { going: 0, maybe: 0, not: 0 };
  for (const rsvp of rsvpsOf(value)) counts[rsvp.answer] += 1;
  // A bad photo reference hides the photo, and a bad cancellation is ignored, not the event.
  const photo = readStored(imageRefSchema, fields.photo) ?? undefined;
  const cancelled = readStored(storedCancellation, fields.cancelled) ?? undefined;
  const { when } = stored;
  const startsAt = when.allDay ? zonedInstant(when.startDate, '00:00', timeZone) : when.start;
  const endsAt = when.allDay ? zonedInstant(addDays(when.endDate, 1), '00:00', timeZone) : when.end;
  const cap = stored.capacity;
  return {
    ...rest,
    ...(photo ? { photo } : {}),
    ...(cancelled ? { cancelled } : {}),
    updatedAt: Math.max(stored.createdAt, stored.editedAt ?? 0, cancelled?.at ?? 0),
    startsAt,
    endsAt,
    counts,
    placesLeft: cap === undefined ? null : Math.max(0, cap - counts.going),
    full: cap !== undefined && counts.going >= cap,
    overbooked: cap !== undefined && counts.going > cap,
  };
}
