/**
 * A busy neighbourhood over several years, written through the public model API
 * (@buurthub/shared), for the performance issue: per household and year about one post
 * with four comments and some reactions, 0.12 events with RSVPs, and notice boards that
 * are re-saved as versions every few weeks. Dutch names, villages and texts; seeded, so the
 * same options give the same neighbourhood.
 *
 * `generate(options)` returns the public and community documents and the counts it wrote;
 * run.mjs stores them in a relay's data directory.
 */
import * as prng from 'lib0/prng';
import * as Y from 'yjs';
import { CommunitySpace, PublicSpace } from '@buurthub/shared';

const DAY = 86_400_000;
const YEAR = 365 * DAY;

const FIRST = [
  'Anja',
  'Bram',
  'Carla',
  'Dirk',
  'Els',
  'Fatima',
  'Gerrit',
  'Hanneke',
  'Ismail',
  'Joke',
  'Kees',
  'Lotte',
  'Mehmet',
  'Noor',
  'Olga',
  'Piet',
  'Rian',
  'Sanne',
  'Tom',
  'Wim',
  'Yara',
  'Zeynep',
];
const LAST = [
  'de Vries',
  'Jansen',
  'van Dijk',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'de Groot',
  'Bos',
  'Peters',
  'Hendriks',
  'van Leeuwen',
  'Dekker',
  'El Amrani',
  'Yilmaz',
];
const VILLAGES = ['Middelaar', 'Mook', 'Molenhoek', 'Plasmolen'];
const THINGS = [
  'ladder',
  'aanhanger',
  'boormachine',
  'kinderfiets',
  'tent',
  'heggenschaar',
  'naaimachine',
  'kruiwagen',
];
const PLACES = [
  'de Schakel',
  'de kerk',
  'het dorpsplein',
  'de speeltuin',
  'de sportkantine',
  'de bibliotheek',
];
const ACTIVITIES = [
  'repaircafé',
  'breicafé',
  'buurtborrel',
  'taalmaatjes',
  'koffieochtend',
  'wandeling',
  'kookavond',
];

/** Title and body per category, with the random words filled in. */
const POSTS = {
  nieuws: (r) => [
    `Nieuws uit ${r.village}: ${r.place} is weer open`,
    `Na de verbouwing is ${r.place} in ${r.village} weer open. Iedereen is welkom.`,
  ],
  'vraag-aanbod': (r) => [
    `Te leen: ${r.thing}`,
    `Wie heeft er een ${r.thing} nodig? Ik leen hem graag uit, ophalen in ${r.village}.`,
  ],
  activiteit: (r) => [
    `${r.activity} in ${r.place}`,
    `Kom ook naar het ${r.activity} in ${r.place}. Koffie staat klaar.`,
  ],
  initiatief: (r) => [
    `Plan: bankjes bij ${r.place}`,
    `Wie helpt mee om bankjes bij ${r.place} te zetten? We zoeken nog vijf handen.`,
  ],
  verhaal: (r) => [
    `Vroeger in ${r.village}`,
    `Mijn opa vertelde altijd over het veer bij ${r.village}. Wie weet er meer?`,
  ],
};
const COMMENTS = [
  'Goed idee!',
  'Ik doe mee.',
  'Dank je wel!',
  'Mag ik hem zaterdag lenen?',
  'Leuk, tot dan.',
  'Wat een mooi verhaal.',
  'Ik neem koekjes mee.',
  'Weet iemand hoe laat het begint?',
];

/** Random draws from one seeded generator, shared by every writer below. */
function drawing(gen) {
  const pick = (list) => list[prng.uint32(gen, 0, list.length - 1)];
  const between = (a, b) => a + Math.floor(prng.real53(gen) * (b - a));
  const fill = () => ({
    village: pick(VILLAGES),
    place: pick(PLACES),
    thing: pick(THINGS),
    activity: pick(ACTIVITIES),
  });
  return { gen, pick, between, fill };
}

/** About 1.3 adults with an account per household. */
function makeMembers(households, pick) {
  return Array.from({ length: Math.max(2, Math.round(households * 1.3)) }, (_, i) => ({
    id: `m${i}`,
    name: `${pick(FIRST)} ${pick(LAST)}`,
    role: 'resident',
  }));
}

/** One post with its comments and reactions over the days after it (`advance(ms)` moves time). */
function writePost(community, { gen, pick, between, fill }, members, counts, advance) {
  const category = pick(Object.keys(POSTS));
  const words = fill();
  const [title, body] = POSTS[category](words);
  const post = community.posts.create(
    { title, body, category, village: words.village },
    pick(members),
  );
  counts.posts++;
  const comments = prng.uint32(gen, 0, 8);
  for (let c = 0; c < comments; c++) {
    advance(between(10 * 60_000, 2 * DAY));
    community.posts.comment(post.id, { body: pick(COMMENTS) }, pick(members));
    counts.comments++;
  }
  const reactions = prng.uint32(gen, 0, 6);
  for (let r = 0; r < reactions; r++) {
    const emoji = pick(['heart', 'thanks', 'helpful', 'laugh']);
    if (community.posts.react(post.id, emoji, pick(members), true)) counts.reactions++;
  }
}

/**
 * One more day of the same neighbourhood's posts (households / 365, with their comments and
 * reactions) written into `communityDoc` at `day`: what a device that was offline for a day
 * has to catch up on (bench/client measures the bytes of that catch-up against this).
 * @param {Y.Doc} communityDoc
 * @param {{ households?: number, seed?: number, day: number }} options
 */
export function writeDay(communityDoc, options) {
  const households = options.households ?? 5000;
  const draw = drawing(prng.create(options.seed ?? 2));
  let clock = options.day;
  let ids = 0;
  const ctx = {
    now: () => clock,
    newId: () => `d${options.day.toString(36)}-${(++ids).toString(36)}`,
  };
  const community = new CommunitySpace(communityDoc, ctx);
  const members = makeMembers(households, draw.pick);
  const counts = { posts: 0, comments: 0, reactions: 0 };
  const postCount = Math.max(1, Math.round(households / 365));
  for (let p = 0; p < postCount; p++) {
    clock = options.day + draw.between(0, DAY);
    writePost(community, draw, members, counts, (ms) => (clock += ms));
  }
  return counts;
}

/**
 * @param {{ years?: number, households?: number, seed?: number, end?: number }} options
 */
export function generate(options = {}) {
  const years = options.years ?? 5;
  const households = options.households ?? 5000;
  const gen = prng.create(options.seed ?? 1);
  const end = options.end ?? Date.UTC(2026, 10, 1);
  const start = end - years * YEAR;
  const { pick, between, fill } = drawing(gen);

  let clock = start;
  let ids = 0;
  const ctx = { now: () => clock, newId: () => `g${(++ids).toString(36)}` };
  const publicDoc = new Y.Doc();
  const communityDoc = new Y.Doc();
  const pub = new PublicSpace(publicDoc, ctx);
  const community = new CommunitySpace(communityDoc, ctx);

  const members = makeMembers(households, pick);
  const moderator = { id: 'mod', name: 'Anja (buurtverbinder)', role: 'moderator' };
  const gemeente = { id: 'gem', name: 'Gemeente Mook en Middelaar', role: 'official' };
  clock = start;
  pub.settings.set({ name: 'Groot Maasburen', villages: VILLAGES }, moderator);

  const counts = {
    posts: 0,
    comments: 0,
    reactions: 0,
    events: 0,
    rsvps: 0,
    boards: 0,
    boardVersions: 0,
  };
  // Posts in time order, each with its comments and reactions in the days after.
  const postCount = Math.round(years * households);
  const postTimes = Array.from({ length: postCount }, () => between(start, end)).sort(
    (a, b) => a - b,
  );
  for (const at of postTimes) {
    clock = at;
    writePost(community, { gen, pick, between, fill }, members, counts, (ms) => (clock += ms));
  }

  // Events: planned a few weeks ahead, with RSVPs.
  const eventCount = Math.round(years * households * 0.12);
  for (let e = 0; e < eventCount; e++) {
    const startsAt = between(start + 30 * DAY, end);
    clock = startsAt - between(7 * DAY, 30 * DAY);
    const words = fill();
    const event = community.events.create(
      {
        title: `${words.activity} in ${words.place}`,
        description: `Samen met de buurt: ${words.activity}.`,
        when: { allDay: false, start: startsAt, end: startsAt + 2 * 3_600_000 },
        place: words.place,
        village: words.village,
      },
      pick(members),
    );
    counts.events++;
    const rsvps = prng.uint32(gen, 2, 25);
    for (let r = 0; r < rsvps; r++) {
      clock += between(60_000, DAY);
      community.events.rsvp(event.id, pick(['going', 'going', 'maybe', 'not']), pick(members));
      counts.rsvps++;
    }
  }

  // Notice boards, re-titled and saved as a version about every three weeks.
  const boardTitles = [
    'De Schakel: openingstijden',
    'Voedselbank',
    'Wie bel ik?',
    'Deze week',
    'Sport en spel',
  ];
  clock = start;
  const boards = boardTitles.map((title) =>
    pub.boards.create(
      {
        title,
        content: [
          { type: 'paragraph', attrs: {}, children: [{ type: 'text', text: title, marks: {} }] },
        ],
      },
      moderator,
    ),
  );
  counts.boards = boards.length;
  const versionsPerBoard = Math.min(100, Math.round((years * 52) / 3));
  for (const board of boards) {
    for (let v = 0; v < versionsPerBoard; v++) {
      clock = start + Math.floor(((v + 1) * (end - start)) / (versionsPerBoard + 1));
      pub.boards.update(board.id, { title: `${board.title} (${v + 1})` }, moderator);
      pub.boards.saveVersion(board.id, `Week ${v + 1}`, moderator);
      counts.boardVersions++;
    }
  }
  clock = end;
  pub.crisis.create(
    {
      headline: 'Hoogwater op de Maas',
      description: 'Het water stijgt.',
      severity: 'moderate',
      status: 'exercise',
      villages: ['Mook'],
      effective: end - DAY,
      expires: end + DAY,
    },
    gemeente,
  );
  return { publicDoc, communityDoc, counts };
}
