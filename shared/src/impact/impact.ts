/**
 * Impact figures for officials and moderators: privacy-preserving aggregates per week and
 * per village, computed on the device from the community document (nothing leaves it).
 *
 * What counts (docs/architecture.md, "Impact figures"):
 * - posts, events (by start), RSVPs ("going" or "maybe", by when they were given);
 * - active members: distinct members who posted, commented, gave an RSVP, asked or answered
 *   a question, or submitted or responded to an idea that week (reactions carry no time);
 * - questions answered (crisis questions, by the week they were asked) and the median
 *   time to the first answer, in minutes;
 * - new connections through events: pairs of members going to the same event who had not
 *   been going to an event together before (counted in the week the event starts);
 * - new connections through contact requests: requests accepted that week, for the whole
 *   neighbourhood only (a request has no village). They live on the relay, not in the
 *   document, so the caller passes their times in; without them the figure is left out.
 *
 * Suppression: a count from 1 to `threshold - 1` is reported as null ("fewer than N"), and
 * so is a median over fewer than `threshold` questions. When exactly one village of a
 * week and figure is suppressed while the total is shown, the next smallest village is
 * suppressed too, so no count can be worked out by subtraction.
 */
import { DEFAULT_TIME_ZONE, startOfWeek, zonedDate } from '../calendar.js';
import type { CsvValue } from '../csv.js';
import type { CommunitySpace } from '../community/community-space.js';
import { PermissionError } from '../errors.js';
import { type Author, authorSchema, canModerate } from '../roles.js';
import { parseInput } from '../validation.js';

export const FIGURES = [
  'posts',
  'events',
  'rsvps',
  'activeMembers',
  'questionsAnswered',
  'medianAnswerMinutes',
  'eventConnections',
  'contactConnections',
] as const;
export type Figure = (typeof FIGURES)[number];

export const DEFAULT_THRESHOLD = 5;

export interface ImpactOptions {
  /** Inclusive start and exclusive end of the period (ms). */
  from: number;
  to: number;
  /** Smallest count shown; smaller counts (above 0) are suppressed. */
  threshold?: number;
  timeZone?: string;
  /**
   * When contact requests in the neighbourhood were accepted (ms; the relay's
   * `GET /api/contacts/accepted`), or undefined when not known (offline).
   */
  contactsAccepted?: number[];
}

/** One week (its Monday, `YYYY-MM-DD`) for one village, or for all (`village: null`). */
export interface ImpactRow {
  week: string;
  village: string | null;
  /** null: suppressed. */
  figures: Record<Figure, number | null>;
}

export interface ImpactFigures {
  /** The figures computed, in order: FIGURES without those whose data was not at hand. */
  figures: Figure[];
  weeks: string[];
  villages: string[];
  threshold: number;
  rows: ImpactRow[];
}

/** Raw tallies for one (week, village) cell before suppression. */
interface Cell {
  posts: number;
  events: number;
  rsvps: number;
  active: Set<string>;
  answered: number;
  answerMinutes: number[];
  connections: number;
  contacts: number;
}

const ALL = '\u0000all';

export function impactFigures(
  space: CommunitySpace,
  viewer: Author,
  options: ImpactOptions,
): ImpactFigures {
  const who = parseInput(authorSchema, viewer);
  if (!canModerate(who.role)) {
    throw new PermissionError('Only moderators and officials see impact figures.');
  }
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const inPeriod = (at: number) => at >= options.from && at < options.to;
  const weekOf = (at: number) => startOfWeek(zonedDate(at, timeZone));
  const cells = new Map<string, Cell>();
  const villages = new Set<string>();

  const cell = (at: number, village: string | undefined): Cell[] => {
    const keys = [ALL, ...(village ? [village] : [])];
    if (village) villages.add(village);
    return keys.map((v) => {
      const key = `${weekOf(at)}|${v}`;
      let found = cells.get(key);
      if (!found) {
        found = {
          posts: 0,
          events: 0,
          rsvps: 0,
          active: new Set(),
          answered: 0,
          answerMinutes: [],
          connections: 0,
          contacts: 0,
        };
        cells.set(key, found);
      }
      return found;
    });
  };
  const activity = (at: number, village: string | undefined, memberId: string) => {
    if (inPeriod(at)) for (const c of cell(at, village)) c.active.add(memberId);
  };

  for (const post of space.posts.list()) {
    if (inPeriod(post.createdAt)) for (const c of cell(post.createdAt, post.village)) c.posts++;
    activity(post.createdAt, post.village, post.author.id);
    for (const comment of post.comments) {
      if (!comment.removed) activity(comment.createdAt, post.village, comment.author.id);
    }
  }

  // Events in start order, so "met before" means at an earlier event.
  const events = space.events.all().sort((a, b) => a.startsAt - b.startsAt);
  const metBefore = new Set<string>();
  for (const event of events) {
    if (event.cancelled) continue;
    if (inPeriod(event.startsAt)) for (const c of cell(event.startsAt, event.village)) c.events++;
    const answers = space.events.attendees(event.id, who);
    for (const rsvp of answers) {
      if (rsvp.answer === 'not') continue;
      if (inPeriod(rsvp.at)) for (const c of cell(rsvp.at, event.village)) c.rsvps++;
      activity(rsvp.at, event.village, rsvp.id);
    }
    const going = answers
      .filter((a) => a.answer === 'going')
      .map((a) => a.id)
      .sort();
    let fresh = 0;
    for (let i = 0; i < going.length; i++) {
      for (let j = i + 1; j < going.length; j++) {
        const pair = `${going[i]}|${going[j]}`;
        if (!metBefore.has(pair)) fresh++;
        metBefore.add(pair);
      }
    }
    if (inPeriod(event.startsAt)) {
      for (const c of cell(event.startsAt, event.village)) c.connections += fresh;
    }
  }

  for (const question of space.crisisQuestions.all()) {
    activity(question.createdAt, undefined, question.author.id);
    for (const answer of question.answers) activity(answer.at, undefined, answer.author.id);
    const first = question.answers[0];
    if (first && inPeriod(question.createdAt)) {
      for (const c of cell(question.createdAt, undefined)) {
        c.answered++;
        c.answerMinutes.push(Math.max(0, Math.round((first.at - question.createdAt) / 60_000)));
      }
    }
  }

  for (const round of space.participation.list()) {
    for (const idea of round.ideas) {
      activity(idea.createdAt, round.village, idea.author.id);
      for (const response of idea.responses) {
        activity(response.at, round.village, response.author.id);
      }
    }
  }

  for (const at of options.contactsAccepted ?? []) {
    if (inPeriod(at)) for (const c of cell(at, undefined)) c.contacts++;
  }

  const weeks = weeksBetween(options.from, options.to, weekOf);
  const villageList = [...villages].sort((a, b) => a.localeCompare(b, 'nl'));
  const rows: ImpactRow[] = [];
  for (const week of weeks) {
    const raw = [null, ...villageList].map((village) => ({
      village,
      cell: cells.get(`${week}|${village ?? ALL}`),
    }));
    const shown = raw.map(({ village, cell: c }) => ({
      week,
      village,
      figures: suppress(c, threshold),
    }));
    protectBySubtraction(
      shown,
      raw.map(({ cell: c }) => c),
    );
    rows.push(...shown);
  }
  const figures = FIGURES.filter(
    (f) => f !== 'contactConnections' || options.contactsAccepted !== undefined,
  );
  return { figures, weeks, villages: villageList, threshold, rows };
}

function counts(c: Cell | undefined): Record<Figure, number> {
  return {
    posts: c?.posts ?? 0,
    events: c?.events ?? 0,
    rsvps: c?.rsvps ?? 0,
    activeMembers: c?.active.size ?? 0,
    questionsAnswered: c?.answered ?? 0,
    medianAnswerMinutes: c ? median(c.answerMinutes) : 0,
    eventConnections: c?.connections ?? 0,
    contactConnections: c?.contacts ?? 0,
  };
}

function suppress(c: Cell | undefined, threshold: number): Record<Figure, number | null> {
  const raw = counts(c);
  const figures = {} as Record<Figure, number | null>;
  for (const figure of FIGURES) {
    const value = raw[figure];
    if (figure === 'medianAnswerMinutes') {
      figures[figure] = (c?.answerMinutes.length ?? 0) >= threshold ? value : null;
    } else {
      figures[figure] = value > 0 && value < threshold ? null : value;
    }
  }
  return figures;
}

/**
 * Secondary suppression: the total row is `shown[0]`, villages follow. Where a figure has
 * exactly one suppressed village and a shown total, suppress the smallest other village
 * with a non-zero count, so the hidden one is not total minus the rest.
 */
function protectBySubtraction(shown: ImpactRow[], cells: (Cell | undefined)[]): void {
  const [total, ...villages] = shown;
  if (!total || villages.length === 0) return;
  for (const figure of FIGURES) {
    if (figure === 'medianAnswerMinutes' || total.figures[figure] === null) continue;
    const hidden = villages.filter((row) => row.figures[figure] === null);
    if (hidden.length !== 1) continue;
    const candidates = villages
      .map((row, i) => ({ row, value: counts(cells[i + 1])[figure] }))
      .filter(({ row, value }) => row.figures[figure] !== null && value > 0)
      .sort((a, b) => a.value - b.value);
    const next = candidates[0];
    // Without another village to hide, the total would give the hidden one away.
    if (next) next.row.figures[figure] = null;
    else total.figures[figure] = null;
  }
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : Math.round(((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2);
}

/** Every week (Monday) that overlaps the period, in order. */
function weeksBetween(from: number, to: number, weekOf: (at: number) => string): string[] {
  const weeks: string[] = [];
  for (let at = from; at < to; at += 24 * 3_600_000) {
    const week = weekOf(at);
    if (weeks.at(-1) !== week) weeks.push(week);
  }
  const last = weekOf(to - 1);
  if (weeks.at(-1) !== last) weeks.push(last);
  return weeks;
}

/**
 * Rows for the CSV export (`toCsv`, header supplied by the app): week, village (empty for
 * all), then each figure in FIGURES order; a suppressed count reads `<threshold`, a
 * suppressed median is empty.
 */
export function impactCsvRows(result: ImpactFigures): CsvValue[][] {
  return result.rows.map((r) => [
    r.week,
    r.village ?? '',
    ...result.figures.map(
      (f) => r.figures[f] ?? (f === 'medianAnswerMinutes' ? '' : `<${result.threshold}`),
    ),
  ]);
}
