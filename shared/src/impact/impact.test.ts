import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startOfWeek, zonedDate } from '../calendar.js';
import { CommunitySpace } from '../community/community-space.js';
import { PermissionError } from '../errors.js';
import type { Author } from '../roles.js';
import { impactCsvRows, impactFigures, type ImpactRow } from './impact.js';

const gemeente: Author = { id: 'gem', name: 'Gemeente', role: 'official' };
const VILLAGES = ['Middelaar', 'Mook', 'Plasmolen'];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Monday 2 March 2026, 00:00 in Amsterdam (CET, UTC+1); four weeks, across the DST change of 29 March.
const FROM = Date.UTC(2026, 2, 1, 23);
const TO = FROM + 28 * DAY - HOUR;

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const week = (at: number) => startOfWeek(zonedDate(at));

/**
 * A generated neighbourhood, written through the model, and the tallies the generator kept
 * of what it wrote: the known counts the figures must match.
 */
function generate(seed: number) {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  let clock = FROM;
  let ids = 0;
  const space = new CommunitySpace(new Y.Doc(), {
    now: () => clock,
    newId: () => `id-${++ids}`,
  });
  const members: Author[] = Array.from({ length: 60 }, (_, i) => ({
    id: `m${i}`,
    name: `Buur ${i}`,
    role: 'resident',
  }));
  const known = new Map<
    string,
    { posts: number; events: number; rsvps: number; active: Set<string> }
  >();
  const tally = (at: number, village: string) => {
    for (const key of [`${week(at)}|all`, `${week(at)}|${village}`]) {
      if (!known.has(key)) known.set(key, { posts: 0, events: 0, rsvps: 0, active: new Set() });
    }
    return [known.get(`${week(at)}|all`)!, known.get(`${week(at)}|${village}`)!];
  };

  for (let i = 0; i < 140; i++) {
    clock = FROM + Math.floor(next() * (TO - FROM));
    const village = pick(VILLAGES);
    const author = pick(members);
    const post = space.posts.create(
      { title: `Bericht ${i}`, body: 'Tekst', category: 'nieuws', village },
      author,
    );
    for (const t of tally(clock, village)) {
      t.posts++;
      t.active.add(author.id);
    }
    if (next() < 0.5) {
      const commenter = pick(members);
      clock += Math.floor(next() * 3 * HOUR);
      if (clock < TO) {
        space.posts.comment(post.id, { body: 'Reactie' }, commenter);
        for (const t of tally(clock, village)) t.active.add(commenter.id);
      }
    }
  }
  for (let i = 0; i < 12; i++) {
    const village = pick(VILLAGES);
    const start = FROM + 2 * DAY + Math.floor(next() * (TO - FROM - 3 * DAY));
    clock = start - 2 * DAY;
    const organiser = pick(members);
    const event = space.events.create(
      {
        title: `Activiteit ${i}`,
        description: 'Samen',
        when: { allDay: false, start, end: start + 2 * HOUR },
        place: 'Buurthuis',
        village,
      },
      organiser,
    );
    for (const t of tally(start, village)) t.events++;
    const answered = new Set<string>();
    for (let r = 0; r < 8; r++) {
      const member = pick(members);
      if (answered.has(member.id)) continue;
      answered.add(member.id);
      clock = start - DAY + r * HOUR;
      const answer = next() < 0.7 ? 'going' : 'maybe';
      space.events.rsvp(event.id, answer, member);
      for (const t of tally(clock, village)) {
        t.rsvps++;
        t.active.add(member.id);
      }
    }
  }
  return { space, known };
}

const row = (rows: ImpactRow[], w: string, village: string | null) =>
  rows.find((r) => r.week === w && r.village === village);

describe('impact figures', () => {
  it('match the known counts of a generated neighbourhood, per week and per village', () => {
    const seed = 20_260_302;
    const { space, known } = generate(seed);
    const result = impactFigures(space, gemeente, { from: FROM, to: TO, threshold: 1 });
    expect(result.weeks, `seed ${seed}`).toEqual([
      '2026-03-02',
      '2026-03-09',
      '2026-03-16',
      '2026-03-23',
    ]);
    expect(result.villages).toEqual(VILLAGES);
    for (const [key, t] of known) {
      const [w, village] = key.split('|') as [string, string];
      const found = row(result.rows, w, village === 'all' ? null : village);
      expect(found?.figures, `seed ${seed}, ${key}`).toMatchObject({
        posts: t.posts,
        events: t.events,
        rsvps: t.rsvps,
        activeMembers: t.active.size,
      });
    }
    const totalPosts = result.rows
      .filter((r) => r.village === null)
      .reduce((n, r) => n + (r.figures.posts ?? 0), 0);
    expect(totalPosts).toBe(140);
  });

  it('counts new connections once per pair of neighbours going to an event together', () => {
    let clock = FROM + DAY;
    const space = new CommunitySpace(new Y.Doc(), { now: () => clock });
    const [a, b, c] = ['a', 'b', 'c'].map((id) => ({ id, name: id, role: 'resident' }) as Author);
    const event = (start: number) =>
      space.events.create(
        {
          title: 'Koffie',
          description: 'x',
          when: { allDay: false, start, end: start + HOUR },
          place: 'Buurthuis',
          village: 'Mook',
        },
        gemeente,
      ).id;
    const first = event(FROM + 2 * DAY);
    const second = event(FROM + 9 * DAY);
    for (const m of [a, b]) space.events.rsvp(first, 'going', m!);
    for (const m of [a, b, c]) space.events.rsvp(second, 'going', m!);
    clock += HOUR;
    const { rows } = impactFigures(space, gemeente, { from: FROM, to: TO, threshold: 1 });
    expect(row(rows, '2026-03-02', null)?.figures.eventConnections).toBe(1); // a–b
    expect(row(rows, '2026-03-09', null)?.figures.eventConnections).toBe(2); // a–c, b–c
  });

  it('counts accepted contact requests per week for the whole neighbourhood, when the relay told it', () => {
    const space = new CommunitySpace(new Y.Doc(), { now: () => FROM });
    const accepted = [FROM + DAY, FROM + 2 * DAY, FROM + 9 * DAY, TO + DAY];
    const known = impactFigures(space, gemeente, {
      from: FROM,
      to: TO,
      threshold: 1,
      contactsAccepted: accepted,
    });
    expect(known.figures).toContain('contactConnections');
    expect(row(known.rows, '2026-03-02', null)?.figures.contactConnections).toBe(2);
    expect(row(known.rows, '2026-03-09', null)?.figures.contactConnections).toBe(1);
    // Offline, the figure is left out rather than shown as zero.
    const offline = impactFigures(space, gemeente, { from: FROM, to: TO, threshold: 1 });
    expect(offline.figures).not.toContain('contactConnections');
    expect(impactCsvRows(offline)[0]).toHaveLength(2 + offline.figures.length);
  });

  it('reports the median time to the first answer of crisis questions', () => {
    let clock = FROM + DAY;
    const space = new CommunitySpace(new Y.Doc(), { now: () => clock });
    const anna: Author = { id: 'anna', name: 'Anna', role: 'resident' };
    for (const minutes of [10, 30, 90]) {
      clock = FROM + DAY;
      const q = space.crisisQuestions.ask('alert-1', { text: `Vraag ${minutes}` }, anna);
      clock += minutes * 60_000;
      space.crisisQuestions.answer(q.id, { text: 'Antwoord' }, gemeente);
    }
    const { rows } = impactFigures(space, gemeente, { from: FROM, to: TO, threshold: 3 });
    expect(row(rows, '2026-03-02', null)?.figures).toMatchObject({
      questionsAnswered: 3,
      medianAnswerMinutes: 30,
    });
    const strict = impactFigures(space, gemeente, { from: FROM, to: TO, threshold: 5 });
    expect(row(strict.rows, '2026-03-02', null)?.figures.medianAnswerMinutes).toBeNull();
  });

  it('hides small counts, and a second village so the hidden one cannot be worked out from the total', () => {
    const space = new CommunitySpace(new Y.Doc(), { now: () => FROM + DAY });
    const post = (village: string, n: number) => {
      for (let i = 0; i < n; i++) {
        space.posts.create(
          { title: 't', body: 'b', category: 'nieuws', village },
          { id: `${village}${i}`, name: 'x', role: 'resident' },
        );
      }
    };
    post('Mook', 9);
    post('Plasmolen', 6);
    post('Middelaar', 2);
    const { rows } = impactFigures(space, gemeente, { from: FROM, to: TO });
    const posts = (village: string | null) => row(rows, '2026-03-02', village)?.figures.posts;
    expect(posts(null)).toBe(17);
    expect(posts('Middelaar')).toBeNull();
    expect(posts('Plasmolen')).toBeNull(); // hidden too: 17 − 9 − 6 would give Middelaar away
    expect(posts('Mook')).toBe(9);
    expect(row(rows, '2026-03-09', null)?.figures.posts).toBe(0);
    const csv = impactCsvRows(impactFigures(space, gemeente, { from: FROM, to: TO }));
    expect(csv.find((r) => r[0] === '2026-03-02' && r[1] === 'Middelaar')?.slice(0, 3)).toEqual([
      '2026-03-02',
      'Middelaar',
      '<5',
    ]);
  });

  it('is only for moderators and officials', () => {
    const space = new CommunitySpace(new Y.Doc());
    expect(() =>
      impactFigures(space, { id: 'anna', name: 'Anna', role: 'resident' }, { from: FROM, to: TO }),
    ).toThrow(PermissionError);
  });
});
