import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { zonedInstant } from '../calendar.js';
import { EventCancelledError, EventFullError, NotFoundError, PermissionError } from '../errors.js';
import type { Author } from '../roles.js';
import { anna, bram, fixedContext, gemeente, mod } from '../test-support.js';
import { ValidationError } from '../validation.js';
import { CommunitySpace } from './community-space.js';
import type { EventInput } from './events.js';
import { meet } from '../test-support/meet.js';

const HOUR = 3_600_000;
const carla: Author = { id: 'carla', name: 'Carla Smits', role: 'resident' };
const kiosk: Author = { id: 'kiosk-mook', name: 'Kiosk buurthuis Mook', role: 'kiosk' };
const PHOTO = {
  hash: 'a'.repeat(64),
  type: 'image/webp' as const,
  alt: 'Koffie en vlaai op tafel',
  width: 1600,
  height: 1200,
  bytes: 180_000,
};

/** Wall-clock time in Europe/Amsterdam. */
const at = (date: string, time: string) => zonedInstant(date, time);

function space() {
  const ctx = fixedContext(at('2026-11-28', '09:00'));
  return { ctx, community: new CommunitySpace(new Y.Doc(), ctx) };
}

function koffie(overrides: Partial<EventInput> = {}): EventInput {
  return {
    title: 'Koffieochtend',
    description: 'Kom kennismaken met je buren.',
    when: { allDay: false, start: at('2026-12-02', '10:00'), end: at('2026-12-02', '12:00') },
    place: 'Buurthuis Mook',
    ...overrides,
  };
}

function timed(date: string, from: string, until: string) {
  return { allDay: false as const, start: at(date, from), end: at(date, until) };
}

describe('events', () => {
  it('shows a new event with its organiser, place and time, visible to members by default', () => {
    const { community } = space();
    const event = community.events.create(koffie({ capacity: 20, photo: PHOTO }), anna);
    expect(event).toMatchObject({
      title: 'Koffieochtend',
      place: 'Buurthuis Mook',
      organiser: anna,
      capacity: 20,
      photo: PHOTO,
      visibility: 'members',
      startsAt: Date.UTC(2026, 11, 2, 9, 0),
      endsAt: Date.UTC(2026, 11, 2, 11, 0),
      counts: { going: 0, maybe: 0, not: 0 },
      placesLeft: 20,
      full: false,
      overbooked: false,
    });
    expect(community.events.get(event.id)).toEqual(event);
  });

  it('keeps an all-day event as calendar dates, the last day included', () => {
    const { community } = space();
    const feest = community.events.create(
      koffie({
        title: 'Buurtfeest Plasmolen',
        when: { allDay: true, startDate: '2026-12-05', endDate: '2026-12-06' },
        visibility: 'public',
      }),
      anna,
    );
    expect(feest.when).toEqual({ allDay: true, startDate: '2026-12-05', endDate: '2026-12-06' });
    expect(feest.startsAt).toBe(at('2026-12-05', '00:00'));
    expect(feest.endsAt).toBe(at('2026-12-07', '00:00'));
    expect(feest.visibility).toBe('public');
  });

  it('refuses an event that ends before it starts, an impossible date, or a video as photo', () => {
    const { community } = space();
    const start = at('2026-12-02', '10:00');
    expect(() =>
      community.events.create(koffie({ when: { allDay: false, start, end: start } }), anna),
    ).toThrow(ValidationError);
    expect(() =>
      community.events.create(
        koffie({ when: { allDay: true, startDate: '2027-02-29', endDate: '2027-02-29' } }),
        anna,
      ),
    ).toThrow(ValidationError);
    expect(() =>
      community.events.create(
        koffie({ when: { allDay: true, startDate: '2026-12-06', endDate: '2026-12-05' } }),
        anna,
      ),
    ).toThrow(ValidationError);
    expect(() =>
      community.events.create(koffie({ photo: { ...PHOTO, type: 'video/mp4' } }), anna),
    ).toThrow(ValidationError);
    expect(() => community.events.create(koffie({ capacity: 0 }), anna)).toThrow(ValidationError);
    expect(community.events.all()).toEqual([]);
  });

  it('names every invalid field in one error', () => {
    const { community } = space();
    try {
      community.events.validate(koffie({ title: ' ', place: '' }));
      expect.unreachable();
    } catch (error) {
      expect((error as ValidationError).issues.map((i) => i.path).sort()).toEqual([
        'place',
        'title',
      ]);
    }
  });

  it('lets the organiser or a moderator edit, and marks the edit', () => {
    const { community, ctx } = space();
    const event = community.events.create(koffie({ capacity: 10, village: 'Mook' }), anna);
    ctx.advance(60_000);
    expect(() => community.events.edit(event.id, { place: 'Elders' }, bram)).toThrow(
      PermissionError,
    );
    const moved = community.events.edit(
      event.id,
      { place: 'Dorpshuis Molenhoek', capacity: null, village: null },
      anna,
    );
    expect(moved.place).toBe('Dorpshuis Molenhoek');
    expect(moved.capacity).toBeUndefined();
    expect(moved.village).toBeUndefined();
    expect(moved.full).toBe(false);
    expect(moved.editedAt).toBe(event.createdAt + 60_000);
    expect(community.events.edit(event.id, { title: 'Koffie!' }, mod).title).toBe('Koffie!');
  });

  it('removes an event for everyone, but only by the organiser or a moderator', () => {
    const { community } = space();
    const event = community.events.create(koffie({ photo: PHOTO }), anna);
    expect(() => community.events.remove(event.id, bram)).toThrow(PermissionError);
    community.events.remove(event.id, mod);
    expect(community.events.get(event.id)).toBeNull();
    expect(community.events.all()).toEqual([]);
    const stored = community.doc.getMap('events').get(event.id) as Y.Map<unknown>;
    expect(stored.get('title')).toBe('');
    expect(stored.has('photo')).toBe(false);
    expect(() => community.events.rsvp(event.id, 'going', bram)).toThrow(NotFoundError);
  });

  it('keeps a cancelled event in the agenda, marked cancelled with its reason', () => {
    const { community, ctx } = space();
    const event = community.events.create(koffie(), anna);
    community.events.rsvp(event.id, 'going', bram);
    ctx.advance(60_000);
    expect(() => community.events.cancel(event.id, {}, bram)).toThrow(PermissionError);
    const cancelled = community.events.cancel(
      event.id,
      { reason: '  De verwarming is stuk. ' },
      anna,
    );
    expect(cancelled.cancelled).toEqual({
      at: event.createdAt + 60_000,
      by: anna,
      reason: 'De verwarming is stuk.',
    });
    expect(cancelled.updatedAt).toBe(event.createdAt + 60_000);
    expect(cancelled.editedAt).toBeUndefined();
    expect(community.events.upcoming(event.createdAt).map((e) => e.id)).toEqual([event.id]);
    // Who was going still counts, so the organiser knows whom to tell.
    expect(cancelled.counts.going).toBe(1);
  });

  it('lets a moderator cancel without a reason, once, and refuses new answers but "not"', () => {
    const { community } = space();
    const event = community.events.create(koffie(), anna);
    expect(community.events.cancel(event.id, {}, mod).cancelled).toEqual({
      at: event.createdAt,
      by: mod,
    });
    expect(() => community.events.cancel(event.id, { reason: 'Nog eens' }, anna)).toThrow(
      EventCancelledError,
    );
    expect(() => community.events.rsvp(event.id, 'going', bram)).toThrow(EventCancelledError);
    expect(() => community.events.rsvp(event.id, 'maybe', bram)).toThrow(EventCancelledError);
    expect(community.events.rsvp(event.id, 'not', bram).counts.not).toBe(1);
    expect(() => community.events.cancel(event.id, { reason: 'x'.repeat(501) }, anna)).toThrow(
      ValidationError,
    );
  });

  it('keeps an edit and a cancel made on two devices offline, and ignores a malformed cancel', () => {
    const { community: a } = space();
    const event = a.events.create(koffie(), anna);
    const b = new CommunitySpace(new Y.Doc(), fixedContext());
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    a.events.edit(event.id, { place: 'Dorpshuis Molenhoek' }, anna);
    b.events.cancel(event.id, { reason: 'Storm' }, mod);
    meet(a.doc, b.doc);
    for (const side of [a, b]) {
      const merged = side.events.get(event.id);
      expect(merged?.place).toBe('Dorpshuis Molenhoek');
      expect(merged?.cancelled?.reason).toBe('Storm');
    }
    (a.doc.getMap('events').get(event.id) as Y.Map<unknown>).set('cancelled', { at: 'gisteren' });
    expect(a.events.get(event.id)?.cancelled).toBeUndefined();
    expect(a.events.get(event.id)?.title).toBe('Koffieochtend');
  });

  it('counts one answer per member, and lets a member change it', () => {
    const { community } = space();
    const event = community.events.create(koffie(), anna);
    community.events.rsvp(event.id, 'going', bram);
    community.events.rsvp(event.id, 'maybe', carla);
    expect(community.events.get(event.id)?.counts).toEqual({ going: 1, maybe: 1, not: 0 });
    const changed = community.events.rsvp(event.id, 'not', bram);
    expect(changed.counts).toEqual({ going: 0, maybe: 1, not: 1 });
    expect(community.events.rsvpOf(event.id, 'bram')).toBe('not');
    expect(community.events.rsvpOf(event.id, 'anna')).toBeNull();
  });

  it('refuses an RSVP from the kiosk or for an event that does not exist', () => {
    const { community } = space();
    const event = community.events.create(koffie(), anna);
    expect(() => community.events.rsvp(event.id, 'going', kiosk)).toThrow(PermissionError);
    expect(() => community.events.rsvp('nope', 'going', bram)).toThrow(NotFoundError);
    expect(() => community.events.rsvp(event.id, 'yes' as never, bram)).toThrow(ValidationError);
  });

  it('says the event is full and refuses another "going", but still takes "maybe"', () => {
    const { community } = space();
    const event = community.events.create(koffie({ capacity: 1 }), anna);
    const full = community.events.rsvp(event.id, 'going', bram);
    expect(full).toMatchObject({ full: true, overbooked: false, placesLeft: 0 });
    expect(() => community.events.rsvp(event.id, 'going', carla)).toThrow(EventFullError);
    expect(community.events.rsvp(event.id, 'maybe', carla).counts.maybe).toBe(1);
    // Saying "going" again keeps your own place.
    expect(community.events.rsvp(event.id, 'going', bram).counts.going).toBe(1);
    // A place that frees up can be taken.
    community.events.rsvp(event.id, 'not', bram);
    expect(community.events.rsvp(event.id, 'going', carla).counts.going).toBe(1);
  });

  it('shows an overbooking honestly when two offline devices took the last place', () => {
    const a = new CommunitySpace(new Y.Doc(), fixedContext());
    const event = a.events.create(koffie({ capacity: 1 }), anna);
    const b = new CommunitySpace(new Y.Doc(), fixedContext());
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    a.events.rsvp(event.id, 'going', bram);
    b.events.rsvp(event.id, 'going', carla);
    meet(a.doc, b.doc);
    const merged = a.events.get(event.id);
    expect(merged).toMatchObject({
      counts: { going: 2, maybe: 0, not: 0 },
      full: true,
      overbooked: true,
      placesLeft: 0,
    });
    expect(b.events.get(event.id)).toEqual(merged);
  });

  it('merges RSVPs of many members given concurrently on two devices (seeded)', () => {
    const seed = 20261128;
    let state = seed;
    const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) as number;
    const answers = ['going', 'maybe', 'not'] as const;
    const a = new CommunitySpace(new Y.Doc(), fixedContext());
    const event = a.events.create(koffie(), anna);
    const b = new CommunitySpace(new Y.Doc(), fixedContext());
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    for (let i = 0; i < 40; i++) {
      const member: Author = {
        id: `m${Math.floor(random() * 12)}`,
        name: 'Buur',
        role: 'resident',
      };
      const device = random() < 0.5 ? a : b;
      device.events.rsvp(event.id, answers[Math.floor(random() * 3)] ?? 'going', member);
      if (random() < 0.2) {
        meet(a.doc, b.doc);
      }
    }
    meet(a.doc, b.doc);
    const counts = a.events.get(event.id)?.counts;
    expect(b.events.get(event.id)?.counts, `seed ${seed}`).toEqual(counts);
    expect(a.events.attendees(event.id, anna), `seed ${seed}`).toEqual(
      b.events.attendees(event.id, anna),
    );
    const total = (counts?.going ?? 0) + (counts?.maybe ?? 0) + (counts?.not ?? 0);
    expect(total, `seed ${seed}`).toBe(a.events.attendees(event.id, anna).length);
    expect(total, `seed ${seed}`).toBeLessThanOrEqual(12);
  });

  it('shows the organiser and moderators who is coming, and nobody else', () => {
    const { community, ctx } = space();
    const event = community.events.create(koffie(), anna);
    community.events.rsvp(event.id, 'maybe', carla);
    ctx.advance(1_000);
    community.events.rsvp(event.id, 'going', bram);
    const list = community.events.attendees(event.id, anna);
    expect(list.map((p) => [p.name, p.answer])).toEqual([
      ['Bram Janssen', 'going'],
      ['Carla Smits', 'maybe'],
    ]);
    expect(community.events.attendees(event.id, mod)).toEqual(list);
    expect(community.events.attendees(event.id, gemeente)).toEqual(list);
    expect(() => community.events.attendees(event.id, bram)).toThrow(PermissionError);
  });

  it('lists upcoming events earliest first and past events most recent first', () => {
    const { community } = space();
    const now = at('2026-11-28', '09:00');
    const morgen = community.events.create(
      koffie({ title: 'Morgen', when: timed('2026-11-29', '10:00', '11:00') }),
      anna,
    );
    const bezig = community.events.create(
      koffie({ title: 'Nu bezig', when: timed('2026-11-28', '08:00', '10:00') }),
      anna,
    );
    const vandaag = community.events.create(
      koffie({
        title: 'Hele dag vandaag',
        when: { allDay: true, startDate: '2026-11-28', endDate: '2026-11-28' },
      }),
      anna,
    );
    const gisteren = community.events.create(
      koffie({ title: 'Gisteren', when: timed('2026-11-27', '10:00', '11:00') }),
      anna,
    );
    const vorigeWeek = community.events.create(
      koffie({ title: 'Vorige week', when: timed('2026-11-20', '10:00', '11:00') }),
      anna,
    );
    expect(community.events.upcoming(now).map((e) => e.id)).toEqual([
      vandaag.id,
      bezig.id,
      morgen.id,
    ]);
    expect(community.events.past(now).map((e) => e.id)).toEqual([gisteren.id, vorigeWeek.id]);
  });

  it('shows "this week" up to Sunday night, also when the clocks go back that Sunday', () => {
    const { community } = space();
    const sundayLate = community.events.create(
      koffie({ title: 'Zondagavond', when: timed('2026-10-25', '23:30', '23:59') }),
      anna,
    );
    const doubledHour = community.events.create(
      koffie({ title: 'Nachtwandeling', when: timed('2026-10-25', '02:30', '03:30') }),
      anna,
    );
    community.events.create(
      koffie({ title: 'Maandagnacht', when: timed('2026-10-26', '00:30', '01:30') }),
      anna,
    );
    const monday = at('2026-10-19', '09:00');
    expect(community.events.thisWeek(monday).map((e) => e.title)).toEqual([
      doubledHour.title,
      sundayLate.title,
    ]);
  });

  it('ends "this week" at midnight on the Sunday the clocks go forward', () => {
    const { community } = space();
    community.events.create(
      koffie({ title: 'Zondagavond', when: timed('2026-03-29', '23:30', '23:59') }),
      anna,
    );
    community.events.create(
      koffie({ title: 'Maandagnacht', when: timed('2026-03-30', '00:30', '01:30') }),
      anna,
    );
    community.events.create(
      koffie({
        title: 'Hele maandag',
        when: { allDay: true, startDate: '2026-03-30', endDate: '2026-03-30' },
      }),
      anna,
    );
    const titles = community.events.thisWeek(at('2026-03-26', '12:00')).map((e) => e.title);
    expect(titles).toEqual(['Zondagavond']);
    // On the Sunday itself the week is not over yet; on Monday a new week starts.
    expect(community.events.thisWeek(at('2026-03-29', '22:00')).map((e) => e.title)).toEqual([
      'Zondagavond',
    ]);
    expect(community.events.thisWeek(at('2026-03-30', '00:10')).map((e) => e.title)).toEqual([
      'Hele maandag',
      'Maandagnacht',
    ]);
  });

  it('puts events on the DST Sundays in their own month, and late-night events in the right one', () => {
    const { community } = space();
    const create = (title: string, when: EventInput['when']) =>
      community.events.create(koffie({ title, when }), anna).title;
    create('Klokken vooruit', timed('2026-03-29', '02:30', '04:00'));
    create('Laatste avond maart', timed('2026-03-31', '23:30', '23:45'));
    create('Eerste nacht april', timed('2026-04-01', '00:30', '01:00'));
    create('Klokken terug', timed('2026-10-25', '02:30', '03:30'));
    create('Halloween laat', timed('2026-10-31', '23:30', '23:45'));
    create('Allerheiligen vroeg', timed('2026-11-01', '00:15', '00:45'));
    create('Zomerkamp', { allDay: true, startDate: '2026-07-30', endDate: '2026-08-02' });
    const titles = (month: number) => community.events.inMonth(2026, month).map((e) => e.title);
    expect(titles(3)).toEqual(['Klokken vooruit', 'Laatste avond maart']);
    expect(titles(4)).toEqual(['Eerste nacht april']);
    expect(titles(10)).toEqual(['Klokken terug', 'Halloween laat']);
    expect(titles(11)).toEqual(['Allerheiligen vroeg']);
    expect(titles(7)).toEqual(['Zomerkamp']);
    expect(titles(8)).toEqual(['Zomerkamp']);
    // Asked in UTC, the first night of April (22:30 UTC on 31 March) still belongs to March.
    expect(community.events.inMonth(2026, 3, 'UTC').map((e) => e.title)).toEqual([
      'Klokken vooruit',
      'Laatste avond maart',
      'Eerste nacht april',
    ]);
  });

  it('gives an all-day event on the DST Sundays a day of 23 and 25 hours', () => {
    const { community } = space();
    const spring = community.events.create(
      koffie({ when: { allDay: true, startDate: '2026-03-29', endDate: '2026-03-29' } }),
      anna,
    );
    const autumn = community.events.create(
      koffie({ when: { allDay: true, startDate: '2026-10-25', endDate: '2026-10-25' } }),
      anna,
    );
    expect(spring.endsAt - spring.startsAt).toBe(23 * HOUR);
    expect(autumn.endsAt - autumn.startsAt).toBe(25 * HOUR);
    expect(community.events.inMonth(2026, 10).map((e) => e.id)).toEqual([autumn.id]);
  });

  it('skips a malformed event from another client, and hides only a bad photo', () => {
    const { community } = space();
    const good = community.events.create(koffie({ photo: PHOTO }), anna);
    const bad = new Y.Map<unknown>();
    bad.set('title', 'Geen tijd');
    community.doc.getMap('events').set('bad', bad);
    const stored = community.doc.getMap('events').get(good.id) as Y.Map<unknown>;
    stored.set('photo', { hash: 'not-a-hash', type: 'image/png' });
    stored.set('visibility', 'everyone-in-the-galaxy');
    const view = community.events.get(good.id);
    expect(community.events.all().map((e) => e.id)).toEqual([good.id]);
    expect(view?.photo).toBeUndefined();
    expect(view?.visibility).toBe('members');
  });

  it('ignores an RSVP filed under another member id', () => {
    const { community } = space();
    const event = community.events.create(koffie(), anna);
    const rsvps = (community.doc.getMap('events').get(event.id) as Y.Map<unknown>).get(
      'rsvps',
    ) as Y.Map<unknown>;
    rsvps.set('carla', { answer: 'going', author: bram, at: 0 });
    expect(community.events.get(event.id)?.counts.going).toBe(0);
  });

  it('tells observers about new RSVPs', () => {
    const { community } = space();
    const event = community.events.create(koffie(), anna);
    let calls = 0;
    const stop = community.events.observe(() => calls++);
    community.events.rsvp(event.id, 'going', bram);
    stop();
    community.events.rsvp(event.id, 'maybe', carla);
    expect(calls).toBe(1);
  });
});
