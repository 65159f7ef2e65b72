import { afterEach, describe, expect, it } from 'vitest';
import {
  DAY,
  gemeente,
  highWater,
  HOUR,
  NB,
  writeHighWater,
  writePublic,
  writeXssAlert,
  XSS,
  XSS_MARKUP,
} from './helpers/crisis.js';
import {
  expectNoElements,
  expectNoneVerbatim,
  get,
  parser,
  parseXml,
  revalidate,
} from './helpers/feeds.js';
import { mieke } from './helpers/neighbourhood.js';
import { startRelay, type TestRelay } from './helpers/relay.js';

const PUBLIC_URL = 'https://buurt.example.nl';

interface Entry {
  id: string;
  title: { '#text': string };
  content: { '#text': string; '@_type': string };
  published: string;
  updated: string;
  author: { name: string };
  category: { '@_term': string; '@_label': string }[];
  link: { '@_rel': string; '@_href': string; '@_type': string }[];
}

async function feed(relay: TestRelay, nb = NB) {
  const res = await get(relay, `/nb/${nb}/crisis.atom`);
  const doc = res.status === 200 ? parseXml<{ feed: { entry?: Entry[] } }>(res.text) : null;
  return { ...res, entries: doc?.feed.entry ?? [] };
}

/** Neighbourhood time as a resident reads it, from the zone database. */
const amsterdam = (ms: number) =>
  new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(ms);

/** 09:00 UTC yesterday: an alert with updates later the same day. */
const morning = () => Math.floor(Date.now() / DAY) * DAY - DAY + 9 * HOUR;

describe('crisis alerts and their updates as an Atom feed', () => {
  let relay: TestRelay;
  afterEach(() => relay?.dispose());

  it('lists each alert and each update as an entry, newest first, with the headline in update titles', async () => {
    relay = await startRelay({ publicUrl: PUBLIC_URL });
    const start = morning();
    let id = '';
    await writePublic(
      relay,
      (pub) => {
        pub.settings.set({ name: 'Maasburen', villages: [] }, mieke);
        id = pub.crisis.create(highWater(start, { expires: start + 3 * DAY }), gemeente).id;
      },
      start,
    );
    const times: number[] = [];
    for (const [offset, text] of [
      [2 * HOUR, 'Hoogste stand nu vrijdag 18:00.'],
      [5 * HOUR, 'Zandzakken bij de kazerne.'],
    ] as const) {
      await writePublic(
        relay,
        (pub) => times.push(pub.crisis.addUpdate(id, { text }, mieke).at),
        start + offset,
      );
    }
    const { status, headers, entries, text } = await feed(relay);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const parsed = parser.parse(text) as { feed: { title: { '#text': string }; updated: string } };
    expect(parsed.feed.title['#text']).toBe('Maasburen – crisisinformatie');
    expect(entries.map((e) => e.title['#text'])).toEqual([
      `Hoogwater Maas — update ${amsterdam(times[1]!)}`,
      `Hoogwater Maas — update ${amsterdam(times[0]!)}`,
      'Hoogwater Maas',
    ]);
    const [newest, , original] = entries;
    expect(parsed.feed.updated).toBe(newest!.updated);
    expect(newest!.content).toEqual({ '#text': 'Zandzakken bij de kazerne.', '@_type': 'text' });
    expect(newest!.author.name).toBe('Mieke (buurtverbinder)');
    expect(original!.author.name).toBe('Gemeente Mook en Middelaar');
    expect(original!.content['#text']).toContain('Ernst: Ernstig');
    expect(original!.content['#text']).toContain('Geldt voor: Middelaar, Mook');
    expect(original!.content['#text']).toContain(
      'Wat moet je doen: Zet spullen uit de kelder hoger.',
    );
    expect(original!.category).toEqual([{ '@_term': 'severe', '@_label': 'Ernstig' }]);
    expect(new Set(entries.map((e) => e.id)).size).toBe(3);
  });

  it('links every entry to the alert page in the app and to its CAP message', async () => {
    relay = await startRelay({ publicUrl: PUBLIC_URL });
    let id = '';
    await writePublic(relay, (pub) => {
      id = pub.crisis.create(highWater(), gemeente).id;
      pub.crisis.addUpdate(id, { text: 'Nieuw' }, gemeente);
    });
    const { entries } = await feed(relay);
    for (const entry of entries) {
      expect(entry.link).toEqual([
        {
          '@_rel': 'alternate',
          '@_type': 'text/html',
          '@_href': `${PUBLIC_URL}/nb/${NB}/#crisis/${id}`,
        },
        {
          '@_rel': 'related',
          '@_type': 'application/cap+xml',
          '@_href': `${PUBLIC_URL}/nb/${NB}/cap/${id}.xml`,
        },
      ]);
    }
  });

  it('keeps expired alerts for 30 days and marks exercises in the title', async () => {
    relay = await startRelay();
    const now = Date.now();
    await writePublic(
      relay,
      (pub) => {
        // Ended a week ago, and ended a month and a day ago: in the feed, and gone from it.
        for (const [headline, from, to] of [
          ['Stroomstoring vorige week', 8, 7],
          ['Storm vorig jaar', 40, 31],
        ] as const) {
          const ended = { headline, effective: now - from * DAY, expires: now - to * DAY };
          pub.crisis.create(highWater(now, ended), gemeente);
        }
      },
      now - 40 * DAY,
    );
    await writePublic(
      relay,
      (pub) =>
        pub.crisis.create(
          highWater(now, { headline: 'Evacuatieoefening', status: 'exercise' }),
          gemeente,
        ),
      now - HOUR,
    );
    const titles = (await feed(relay)).entries.map((e) => e.title['#text']);
    expect(titles).toEqual(['[Oefening] Evacuatieoefening', 'Stroomstoring vorige week']);
  });

  it('lists a cancellation as an entry of its own with the reason', async () => {
    relay = await startRelay();
    await writePublic(relay, (pub) => {
      const { id } = pub.crisis.create(highWater(), gemeente);
      pub.crisis.cancel(id, { reason: 'Loos alarm.' }, gemeente);
    });
    const [cancel, alert] = (await feed(relay)).entries;
    expect(cancel!.title['#text']).toMatch(/^Hoogwater Maas — ingetrokken \d\d:\d\d$/);
    expect(cancel!.content['#text']).toBe('Deze melding is ingetrokken: Loos alarm.');
    expect(alert!.title['#text']).toBe('Hoogwater Maas');
  });

  it('shows script and markup payloads as text, never as markup', async () => {
    relay = await startRelay();
    await writePublic(relay, writeXssAlert);
    const { text, entries } = await feed(relay);
    expectNoneVerbatim(text, [...XSS_MARKUP, '<style']);
    const [update, alert] = entries;
    expect(update!.title['#text']).toMatch(
      /^<script>alert\("kop"\)<\/script> & <\/headline><alert> — update /,
    );
    expect(update!.content['#text']).toBe(XSS.update);
    expect(alert!.author.name).toBe(XSS.author);
    expect(alert!.content['#text']).toContain(XSS.description);
    expect(alert!.content['#text']).toContain(XSS.village);
    expectNoElements(parser.parse(text), ['script', 'img', 'svg', 'a', 'b', 'style', 'alert']);
  });

  it('is an empty but valid feed when there were no alerts, 404 for an unknown neighbourhood and 304 when unchanged', async () => {
    relay = await startRelay();
    expect((await feed(relay, 'nergenshuizen')).status).toBe(404);
    await writePublic(relay, (pub) => pub.settings.set({ name: 'Maasburen', villages: [] }, mieke));
    const empty = await feed(relay);
    expect(empty.status).toBe(200);
    expect(empty.entries).toEqual([]);
    await writeHighWater(relay);
    const first = await feed(relay);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    const again = await revalidate(relay, `/nb/${NB}/crisis.atom`, first);
    expect(again.status).toBe(304);
  });
});
