/**
 * The agenda in the `community` space: events with RSVPs (going / maybe / not).
 *
 * Layout (see docs/schema.md): `events` is a Y.Map from event id to a Y.Map of fields. The
 * time (`when`) is one JSON value, so concurrent edits can never combine one device's start
 * with another's end into an event that ends before it starts. RSVPs live in a nested Y.Map
 * keyed by member id, so answers of different people merge and each member has one answer.
 *
 * Capacity is checked when a member says "going", but two offline devices can both take the
 * last place. Nothing is dropped then: the counts show more people than places, and the view
 * says `overbooked`, so the organiser can sort it out with people rather than the app.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import {
  DEFAULT_TIME_ZONE,
  addDays,
  addMonths,
  firstOfMonth,
  startOfWeek,
  zonedDate,
  zonedInstant,
} from '../calendar.js';
import type { ModelContext } from '../context.js';
import { EventCancelledError, EventFullError, NotFoundError, PermissionError } from '../errors.js';
import { type Author, authorSchema, canModerate, isMember } from '../roles.js';
import { writeTransaction } from '../schema-version.js';
import { parseInput } from '../validation.js';
import {
  type Attendee,
  type EventCancelInput,
  type EventInput,
  type EventPatch,
  type EventView,
  RSVP_ANSWERS,
  type RsvpAnswer,
  eventCancelSchema,
  eventInputSchema,
  eventPatchSchema,
  readEvent,
  readRsvp,
  rsvpsOf,
} from './event-schema.js';

export {
  type Attendee,
  EVENT_CANCEL_REASON_MAX,
  type EventCancelInput,
  type Cancellation,
  CAPACITY_MAX,
  EVENT_DAYS_MAX,
  EVENT_DESCRIPTION_MAX,
  EVENT_TITLE_MAX,
  type EventInput,
  type EventPatch,
  type EventTime,
  type EventView,
  PLACE_MAX,
  RSVP_ANSWERS,
  type RsvpAnswer,
  type RsvpCounts,
  eventInputSchema,
  eventPatchSchema,
  eventTimeSchema,
} from './event-schema.js';

export interface EventsOptions {
  /** The time zone for all-day events and for "this week"; default Europe/Amsterdam. */
  timeZone?: string;
}

type FieldMap = Y.Map<unknown>;

export class Events {
  private readonly map: Y.Map<FieldMap>;
  readonly timeZone: string;

  constructor(
    private readonly doc: Y.Doc,
    private readonly ctx: ModelContext,
    options: EventsOptions = {},
  ) {
    this.map = doc.getMap('events');
    this.timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  }

  /** Throws the ValidationError `create` would throw, so a form can check before saving. */
  validate(input: EventInput): void {
    parseInput(eventInputSchema, input);
  }

  create(input: EventInput, organiser: Author): EventView {
    const data = parseInput(eventInputSchema, input);
    const who = requireMember(organiser);
    const id = this.ctx.newId();
    writeTransaction(this.doc, 'community', () => {
      const event = new Y.Map<unknown>();
      event.set('id', id);
      for (const [key, value] of Object.entries(data)) {
        if (value !== undefined) event.set(key, value);
      }
      event.set('organiser', who);
      event.set('createdAt', this.ctx.now());
      event.set('rsvps', new Y.Map<unknown>());
      this.map.set(id, event);
    });
    return this.require(id);
  }

  /** Changes the given fields (organiser or moderator); `null` clears an optional field. */
  edit(id: string, patch: EventPatch, author: Author): EventView {
    const data = parseInput(eventPatchSchema, patch);
    const event = this.writable(id, author);
    writeTransaction(this.doc, 'community', () => {
      for (const [key, value] of Object.entries(data)) {
        if (value === null) event.delete(key);
        else if (value !== undefined) event.set(key, value);
      }
      // Always written, so an edit that only clears a field still adds content (acks).
      event.set('editedAt', this.ctx.now());
    });
    return this.require(id);
  }

  /**
   * Calls the event off (organiser or moderator), with an optional reason. It stays in the
   * agenda marked as cancelled, so people who planned to come find out; new "going" and
   * "maybe" answers are refused. Cancelling again is refused too: the first reason stands.
   */
  cancel(id: string, input: EventCancelInput, author: Author): EventView {
    const data = parseInput(eventCancelSchema, input);
    const event = this.writable(id, author);
    if (this.require(id).cancelled) throw new EventCancelledError(id);
    writeTransaction(this.doc, 'community', () => {
      event.set('cancelled', {
        at: this.ctx.now(),
        by: parseInput(authorSchema, author),
        ...(data.reason ? { reason: data.reason } : {}),
      });
    });
    return this.require(id);
  }

  /** Removes an event: hidden from every view, its texts and photo cleared. */
  remove(id: string, author: Author): void {
    const event = this.writable(id, author);
    writeTransaction(this.doc, 'community', () => {
      event.set('title', '');
      event.set('description', '');
      event.set('place', '');
      event.delete('photo');
      event.set('deletedAt', this.ctx.now());
    });
  }

  /**
   * Sets the member's answer (replacing an earlier one). "going" is refused with an
   * EventFullError when no place is left; changing to "maybe" or "not" always works, except
   * that a cancelled event only takes "not" (EventCancelledError).
   */
  rsvp(eventId: string, answer: RsvpAnswer, author: Author): EventView {
    const choice = parseInput(z.enum(RSVP_ANSWERS), answer);
    const who = requireMember(author);
    const event = this.require(eventId);
    const rsvps = this.map.get(eventId)?.get('rsvps');
    if (!(rsvps instanceof Y.Map)) throw new NotFoundError(`No event ${eventId}`);
    if (event.cancelled && choice !== 'not') throw new EventCancelledError(eventId);
    if (choice === 'going' && event.capacity !== undefined) {
      const mine = readRsvp(who.id, rsvps.get(who.id));
      const othersGoing = event.counts.going - (mine?.answer === 'going' ? 1 : 0);
      if (othersGoing >= event.capacity) throw new EventFullError(eventId, event.capacity);
    }
    writeTransaction(this.doc, 'community', () => {
      rsvps.set(who.id, { answer: choice, author: who, at: this.ctx.now() });
    });
    return this.require(eventId);
  }

  /** The member's current answer, or null when they have not answered. */
  rsvpOf(eventId: string, memberId: string): RsvpAnswer | null {
    if (!this.get(eventId)) return null;
    const rsvps = this.map.get(eventId)?.get('rsvps');
    if (!(rsvps instanceof Y.Map)) return null;
    return readRsvp(memberId, rsvps.get(memberId))?.answer ?? null;
  }

  /** Who answered what, for the organiser or a moderator: going, then maybe, then not. */
  attendees(eventId: string, viewer: Author): Attendee[] {
    const event = this.require(eventId);
    const who = parseInput(authorSchema, viewer);
    if (who.id !== event.organiser.id && !canModerate(who.role)) {
      throw new PermissionError('Only the organiser or a moderator sees who is coming.');
    }
    const list = rsvpsOf(this.map.get(eventId)).map((r) => ({
      id: r.author.id,
      name: r.author.name,
      answer: r.answer,
      at: r.at,
    }));
    return list.sort(
      (a, b) =>
        RSVP_ANSWERS.indexOf(a.answer) - RSVP_ANSWERS.indexOf(b.answer) ||
        a.at - b.at ||
        a.id.localeCompare(b.id),
    );
  }

  get(id: string): EventView | null {
    return readEvent(this.map.get(id), this.timeZone);
  }

  /** Every event that is not removed, earliest first. */
  all(): EventView[] {
    const events: EventView[] = [];
    for (const value of this.map.values()) {
      const event = readEvent(value, this.timeZone);
      if (event) events.push(event);
    }
    return events.sort(byStart);
  }

  /** Events not yet over at `now` (including those under way), earliest first. */
  upcoming(now: number): EventView[] {
    const today = zonedDate(now, this.timeZone);
    return this.all().filter((e) => !hasEnded(e, now, today));
  }

  /** Events that are over at `now`, most recent first. */
  past(now: number): EventView[] {
    const today = zonedDate(now, this.timeZone);
    return this.all()
      .filter((e) => hasEnded(e, now, today))
      .reverse();
  }

  /**
   * Events still to come or under way in the calendar week (Monday to Sunday, in the space's
   * time zone) that holds `now`, earliest first: the home screen's "deze week".
   */
  thisWeek(now: number): EventView[] {
    const nextMonday = addDays(startOfWeek(zonedDate(now, this.timeZone)), 7);
    const weekEnd = zonedInstant(nextMonday, '00:00', this.timeZone);
    return this.upcoming(now).filter((e) =>
      e.when.allDay ? e.when.startDate < nextMonday : e.when.start < weekEnd,
    );
  }

  /** Events on any day of a month (`month` counts from 1 = January), earliest first. */
  inMonth(year: number, month: number, timeZone = DEFAULT_TIME_ZONE): EventView[] {
    const first = firstOfMonth(year, month);
    const next = addMonths(first, 1);
    const from = zonedInstant(first, '00:00', timeZone);
    const until = zonedInstant(next, '00:00', timeZone);
    return this.all().filter((e) =>
      e.when.allDay
        ? e.when.startDate < next && e.when.endDate >= first
        : e.when.start < until && e.when.end > from,
    );
  }

  /** Calls `listener` after any change to events or RSVPs; returns the unsubscribe. */
  observe(listener: () => void): () => void {
    const handler = () => listener();
    this.map.observeDeep(handler);
    return () => this.map.unobserveDeep(handler);
  }

  private require(id: string): EventView {
    const event = this.get(id);
    if (!event) throw new NotFoundError(`No event ${id}`);
    return event;
  }

  private writable(id: string, author: Author): FieldMap {
    const event = this.map.get(id);
    const view = this.get(id);
    if (!event || !view) throw new NotFoundError(`No event ${id}`);
    const who = parseInput(authorSchema, author);
    if (view.organiser.id !== who.id && !canModerate(who.role)) {
      throw new PermissionError('Only the organiser or a moderator may change this event.');
    }
    return event;
  }
}

function requireMember(author: Author): Author {
  const who = parseInput(authorSchema, author);
  if (!isMember(who.role)) throw new PermissionError('Only members take part in the agenda.');
  return who;
}

function byStart(a: EventView, b: EventView): number {
  return a.startsAt - b.startsAt || a.endsAt - b.endsAt || a.id.localeCompare(b.id);
}

function hasEnded(event: EventView, now: number, today: string): boolean {
  return event.when.allDay ? event.when.endDate < today : event.when.end <= now;
}
