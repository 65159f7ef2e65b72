import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { type EventInput, zonedInstant } from '@buurthub/shared';
import { CommunitySpace } from '@buurthub/shared';
import { mintWithCli, runCli, serveCli } from './helpers/cli.js';
import { stockClient, synced } from './helpers/clients.js';
import { metric } from './helpers/http.js';
import { anna, mieke, writeNeighbourhood } from './helpers/neighbourhood.js';
import { tempDir } from './helpers/temp.js';
import { waitFor } from './helpers/wait.js';
import { startRelay, type TestRelay } from './helpers/relay.js';
import { tokenFor } from './helpers/tokens.js';

const NB = 'maasburen';
const HOUR = 3_600_000;
/** Next year, so every event is upcoming whenever the tests run (feeds skip old events). */
const YEAR = new Date().getUTCFullYear() + 1;
const at = (month: number, day: number, hour = 12) => Date.UTC(YEAR, month - 1, day, hour);

/** The last Sunday of `month` (1-12) of YEAR: the days the clocks change in the EU. */
function lastSunday(month: number): { date: string; day: number } {
  const last = new Date(Date.UTC(YEAR, month, 0));
  const day = last.getUTCDate() - last.getUTCDay();
  return { date: `${YEAR}-${String(month).padStart(2, '0')}-${day}`, day };
}

interface ParsedEvent {
  uid: string;
  summary: string;
  description: string | null;
  location: string | null;
  url: string | null;
  start: ICAL.Time;
  end: ICAL.Time;
}

/** Parses a feed with ical.js, the way a calendar app reads it. */
function parse(text: string): { calendar: ICAL.Component; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description ?? null,
      location: event.location ?? null,
      url: (vevent.getFirstPropertyValue('url') as string | null) ?? null,
      start: event.startDate,
      end: event.endDate,
    };
  });
  return { calendar, events };
}

const byTitle = (events: ParsedEvent[], title: string) => {
  const found = events.find((e) => e.summary === title);
  if (!found) throw new Error(`no event "${title}" in the feed`);
  return found;
};

/** The instant a parsed DATE-TIME means, resolving its TZID against the feed's VTIMEZONE. */
function instant(time: ICAL.Time): number {
  return time.toJSDate().getTime();
}

function timed(
  title: string,
  start: number,
  end: number,
  extra: Partial<EventInput> = {},
): EventInput {
  return {
    title,
    when: { allDay: false, start, end },
    place: 'Buurthuis De Linde',
    visibility: 'public',
    ...extra,
  };
}

async function feed(relay: TestRelay, query = '') {
  const res = await fetch(`${relay.url}/nb/${NB}/events.ics${query}`);
  return { status: res.status, headers: res.headers, text: await res.text() };
}

async function calendarKey(relay: TestRelay, token: string | null) {
  const res = await fetch(`${relay.url}/api/calendar-key`, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: res.status, body: (await res.json()) as { url?: string; error?: string } };
}

/** The path and query of a personal feed URL, to fetch it from the test relay. */
const pathOf = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
};

describe('the agenda as an iCalendar feed', () => {
  let relay: TestRelay;
  afterEach(() => relay?.dispose());

  it('serves public events as a valid, subscribable calendar with links back to the app', async () => {
    relay = await startRelay({ publicUrl: 'https://buurt.example.nl' });
    let id = '';
    await writeNeighbourhood(relay.storage, NB, ({ community, pub }) => {
      pub.settings.set({ name: 'Maasburen', villages: ['Mook'] }, mieke);
      id = community.events.create(
        timed('Koffieochtend', Date.UTC(YEAR, 4, 12, 8), Date.UTC(YEAR, 4, 12, 10), {
          village: 'Mook',
          description: 'Iedereen welkom.',
        }),
        anna,
      ).id;
    });
    const { status, headers, text } = await feed(relay);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);

    const { calendar, events } = parse(text);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Maasburen – agenda');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      uid: `${id}@${NB}.buurthub`,
      summary: 'Koffieochtend',
      description: 'Iedereen welkom.',
      location: 'Buurthuis De Linde, Mook',
      url: `https://buurt.example.nl/nb/${NB}/#agenda/${id}`,
    });
    expect(instant(events[0]!.start)).toBe(Date.UTC(YEAR, 4, 12, 8));
    expect(text).toContain(`DTSTART;TZID=Europe/Amsterdam:${YEAR}0512T100000\r\n`);

    const etag = headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await fetch(`${relay.url}/nb/${NB}/events.ics`, {
      headers: { 'if-none-match': etag! },
    });
    expect(again.status).toBe(304);
  });

  it('keeps event times exact across the DST changes in Europe/Amsterdam', async () => {
    relay = await startRelay();
    const local = (date: string, time: string) => zonedInstant(date, time, 'Europe/Amsterdam');
    const spring = lastSunday(3);
    const autumn = lastSunday(10);
    const compact = (date: string, time: string) =>
      `${date.replaceAll('-', '')}T${time.replace(':', '')}00`;
    const cases = [
      // Last Sunday of March: 02:00 CET becomes 03:00 CEST.
      {
        title: 'Lente 01:30',
        date: spring.date,
        time: '01:30',
        utc: Date.UTC(YEAR, 2, spring.day, 0, 30),
      },
      {
        title: 'Lente 03:30',
        date: spring.date,
        time: '03:30',
        utc: Date.UTC(YEAR, 2, spring.day, 1, 30),
      },
      // Last Sunday of October: 03:00 CEST becomes 02:00 CET again.
      {
        title: 'Herfst 01:30',
        date: autumn.date,
        time: '01:30',
        utc: Date.UTC(YEAR, 9, autumn.day - 1, 23, 30),
      },
      {
        title: 'Herfst 03:30',
        date: autumn.date,
        time: '03:30',
        utc: Date.UTC(YEAR, 9, autumn.day, 2, 30),
      },
    ];
    // 02:30 happens twice that night (CEST, then CET): readers disagree on which one a
    // local 02:30 means, so both must come back exact.
    const firstHalfPast2 = Date.UTC(YEAR, 9, autumn.day, 0, 30);
    const secondHalfPast2 = Date.UTC(YEAR, 9, autumn.day, 1, 30);
    // A night out across the spring change: 22:00 CET to 04:00 CEST is 5 hours, not 6.
    const nightStart = Date.UTC(YEAR, 2, spring.day - 1, 21);
    const nightEnd = local(spring.date, '04:00');
    await writeNeighbourhood(relay.storage, NB, ({ community }) => {
      for (const c of cases) {
        const start = local(c.date, c.time);
        community.events.create(timed(c.title, start, start + HOUR), anna);
      }
      community.events.create(
        timed('Herfst 02:30 (eerste keer)', firstHalfPast2, firstHalfPast2 + 10 * 60_000),
        anna,
      );
      community.events.create(
        timed('Herfst 02:30 (tweede keer)', secondHalfPast2, secondHalfPast2 + HOUR),
        anna,
      );
      community.events.create(timed('Nachtwandeling', nightStart, nightEnd), anna);
    });
    const { text } = await feed(relay);
    const { events } = parse(text);
    for (const c of cases) {
      expect(local(c.date, c.time), c.title).toBe(c.utc);
      const event = byTitle(events, c.title);
      expect(instant(event.start), c.title).toBe(c.utc);
      expect(instant(event.end), c.title).toBe(c.utc + HOUR);
      expect(text).toContain(`DTSTART;TZID=Europe/Amsterdam:${compact(c.date, c.time)}\r\n`);
    }
    const first = byTitle(events, 'Herfst 02:30 (eerste keer)');
    expect(instant(first.start)).toBe(firstHalfPast2);
    expect(instant(first.end)).toBe(firstHalfPast2 + 10 * 60_000);
    const second = byTitle(events, 'Herfst 02:30 (tweede keer)');
    expect(instant(second.start)).toBe(secondHalfPast2);
    expect(text).toContain(`DTSTART:${compact(autumn.date, '00:30')}Z\r\n`);
    expect(text).toContain(`DTSTART:${compact(autumn.date, '01:30')}Z\r\n`);
    const night = byTitle(events, 'Nachtwandeling');
    expect(instant(night.end) - instant(night.start)).toBe(5 * HOUR);
  });

  it('writes all-day events as dates with an exclusive end, also on the day the clocks change', async () => {
    relay = await startRelay();
    const spring = lastSunday(3);
    await writeNeighbourhood(relay.storage, NB, ({ community }) => {
      community.events.create(
        {
          title: 'Zomertijd-markt',
          when: { allDay: true, startDate: spring.date, endDate: spring.date },
          place: 'Markt',
          visibility: 'public',
        },
        anna,
      );
      community.events.create(
        {
          title: 'Kermis',
          when: { allDay: true, startDate: `${YEAR}-09-30`, endDate: `${YEAR}-10-02` },
          place: 'Kerkplein',
          visibility: 'public',
        },
        anna,
      );
    });
    const { text } = await feed(relay);
    const { events } = parse(text);
    const market = byTitle(events, 'Zomertijd-markt');
    expect(market.start.isDate).toBe(true);
    expect(market.start.toString()).toBe(spring.date);
    expect(market.end.toString()).toBe(`${YEAR}-03-${spring.day + 1}`);
    const fair = byTitle(events, 'Kermis');
    expect(fair.start.toString()).toBe(`${YEAR}-09-30`);
    expect(fair.end.toString()).toBe(`${YEAR}-10-03`);
    expect(text).toContain(`DTSTART;VALUE=DATE:${YEAR}0930\r\nDTEND;VALUE=DATE:${YEAR}1003\r\n`);
  });

  it('escapes semicolons, commas, backslashes and newlines so they come back unchanged', async () => {
    relay = await startRelay();
    const title = 'Quiz; vragen, antwoorden \\ prijzen';
    const description = 'Regel één;\nregel twee, met komma\\backslash\n\nEn een nieuwe alinea.';
    await writeNeighbourhood(relay.storage, NB, ({ community }) => {
      community.events.create(
        timed(title, Date.UTC(YEAR, 5, 1, 18), Date.UTC(YEAR, 5, 1, 20), {
          description,
          place: 'Café Zus; achterzaal, eerste verdieping',
        }),
        anna,
      );
    });
    const { text } = await feed(relay);
    expect(text).toContain('SUMMARY:Quiz\\; vragen\\, antwoorden \\\\ prijzen\r\n');
    const event = byTitle(parse(text).events, title);
    expect(event.description).toBe(description);
    expect(event.location).toBe('Café Zus; achterzaal, eerste verdieping');
  });

  it('folds long lines at 75 octets without splitting a character', async () => {
    relay = await startRelay();
    const description = `${'Wandeling langs de Maas met koffie en vlaai – '.repeat(12)}🌳🌊 één café`;
    await writeNeighbourhood(relay.storage, NB, ({ community }) => {
      community.events.create(
        timed('Lange wandeling', Date.UTC(YEAR, 6, 4, 7), Date.UTC(YEAR, 6, 4, 12), {
          description,
        }),
        anna,
      );
    });
    const { text } = await feed(relay);
    const lines = text.split('\r\n');
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    for (const line of lines) expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);
    // No line may end inside a multi-byte character (that would be U+FFFD once decoded).
    expect(text).not.toContain('\ufffd');
    expect(byTitle(parse(text).events, 'Lange wandeling').description).toBe(description);
  });

  it('leaves members-only, hidden and removed events out of the public feed', async () => {
    relay = await startRelay();
    await writeNeighbourhood(relay.storage, NB, ({ community, moderation }) => {
      const at = Date.UTC(YEAR, 7, 1, 16);
      community.events.create(timed('Open dag', at, at + HOUR), anna);
      community.events.create(
        timed('Ledenvergadering', at, at + HOUR, { visibility: 'members' }),
        anna,
      );
      const hidden = community.events.create(timed('Verborgen', at, at + HOUR), anna);
      moderation.hide(hidden.id, 'spam', mieke);
      const removed = community.events.create(timed('Verwijderd', at, at + HOUR), anna);
      community.events.remove(removed.id, anna);
    });
    const { text } = await feed(relay);
    expect(parse(text).events.map((e) => e.summary)).toEqual(['Open dag']);
    expect(text).not.toContain('Ledenvergadering');
  });

  it('keeps a cancelled event in the feed with STATUS:CANCELLED, so calendars mark it', async () => {
    relay = await startRelay();
    const at = Date.UTC(YEAR, 7, 1, 16);
    await writeNeighbourhood(relay.storage, NB, ({ community }) => {
      community.events.create(timed('Open dag', at, at + HOUR), anna);
      const storm = community.events.create(timed('Burendag', at, at + HOUR), anna);
      community.events.cancel(storm.id, { reason: 'Storm verwacht' }, mieke);
    });
    const { text } = await feed(relay);
    const { calendar } = parse(text);
    const status = Object.fromEntries(
      calendar
        .getAllSubcomponents('vevent')
        .map((v) => [v.getFirstPropertyValue('summary'), v.getFirstPropertyValue('status')]),
    );
    expect(status).toEqual({ 'Open dag': 'CONFIRMED', Burendag: 'CANCELLED' });
    // LAST-MODIFIED moves to the cancellation, so calendar apps pick the change up.
    const burendag = calendar
      .getAllSubcomponents('vevent')
      .find((v) => v.getFirstPropertyValue('summary') === 'Burendag');
    const modified = String(burendag?.getFirstPropertyValue('last-modified'));
    const created = String(burendag?.getFirstPropertyValue('created'));
    expect(modified > created).toBe(true);
  });

  it('gives a member a personal feed with members-only events, and a reset stops the old address', async () => {
    relay = await startRelay({ publicUrl: 'https://buurt.example.nl/' });
    await writeNeighbourhood(relay.storage, NB, ({ community, moderation }) => {
      const at = Date.UTC(YEAR, 7, 1, 16);
      community.events.create(timed('Open dag', at, at + HOUR), anna);
      community.events.create(
        timed('Ledenvergadering', at + HOUR, at + 2 * HOUR, { visibility: 'members' }),
        anna,
      );
      const hidden = community.events.create(
        timed('Verborgen', at, at + HOUR, { visibility: 'members' }),
        anna,
      );
      moderation.hide(hidden.id, 'spam', mieke);
    });
    const token = await tokenFor(relay.storage, NB, 'resident', { sub: 'm-anna' });
    const first = await calendarKey(relay, token);
    expect(first.status).toBe(200);
    expect(first.body.url).toMatch(
      /^https:\/\/buurt\.example\.nl\/nb\/maasburen\/events\.ics\?key=[A-Za-z0-9_-]{43}$/,
    );
    const personal = await feed(relay, new URL(first.body.url!).search);
    expect(personal.status).toBe(200);
    expect(personal.headers.get('cache-control')).toMatch(/^private/);
    expect(parse(personal.text).events.map((e) => e.summary)).toEqual([
      'Open dag',
      'Ledenvergadering',
    ]);

    // The key is stored hashed: the secret itself is nowhere in storage.
    const secret = new URL(first.body.url!).searchParams.get('key')!;
    expect(await relay.storage.calendarKey(secret)).toBeNull();

    const second = await calendarKey(relay, token);
    expect(second.body.url).not.toBe(first.body.url);
    expect((await fetch(`${relay.url}${pathOf(first.body.url!)}`)).status).toBe(404);
    expect((await fetch(`${relay.url}${pathOf(second.body.url!)}`)).status).toBe(200);
    // A key only opens its own neighbourhood's agenda.
    const elsewhere = pathOf(second.body.url!).replace('/nb/maasburen/', '/nb/heumen/');
    expect((await fetch(`${relay.url}${elsewhere}`)).status).toBe(404);
  });

  it("stops a revoked member's personal feed", async () => {
    relay = await startRelay();
    await writeNeighbourhood(relay.storage, NB, ({ community }) => {
      community.events.create(
        timed('Open dag', Date.UTC(YEAR, 7, 1, 16), Date.UTC(YEAR, 7, 1, 17)),
        anna,
      );
    });
    const token = await tokenFor(relay.storage, NB, 'resident', { sub: 'm-leaving' });
    const { body } = await calendarKey(relay, token);
    expect((await fetch(`${relay.url}${pathOf(body.url!)}`)).status).toBe(200);
    await relay.storage.revoke('m-leaving', Math.floor(Date.now() / 1000) + 1);
    expect((await fetch(`${relay.url}${pathOf(body.url!)}`)).status).toBe(404);
    expect((await calendarKey(relay, token)).status).toBe(401);
  });

  it('gives personal calendar addresses to members only', async () => {
    relay = await startRelay();
    expect(await calendarKey(relay, null)).toMatchObject({
      status: 401,
      body: { error: 'token-missing' },
    });
    expect((await calendarKey(relay, 'nonsense')).status).toBe(401);
    for (const role of ['guest', 'kiosk'] as const) {
      const refused = await calendarKey(relay, await tokenFor(relay.storage, NB, role));
      expect(refused, role).toMatchObject({ status: 403, body: { error: 'not-a-member' } });
    }
    const wrongMethod = await fetch(`${relay.url}/api/calendar-key`);
    expect(wrongMethod.status).toBe(405);
    expect((await feed(relay, '?key=made-up')).status).toBe(404);
  });

  it('answers 404 for a neighbourhood the relay does not know', async () => {
    relay = await startRelay();
    expect((await fetch(`${relay.url}/nb/nergenshuizen/events.ics`)).status).toBe(404);
    expect((await fetch(`${relay.url}/nb/NOT_A_SLUG/events.ics`)).status).toBe(404);
    // Known from its record alone: an empty, valid calendar.
    await relay.storage.putNeighbourhood({
      slug: 'heumen',
      name: 'Heumen',
      villages: [],
      kioskReadsCommunity: false,
      createdAt: 0,
    });
    const empty = await fetch(`${relay.url}/nb/heumen/events.ics`);
    expect(empty.status).toBe(200);
    expect(parse(await empty.text()).events).toEqual([]);
  });

  it('shows an event a member just added in the app, without keeping the room loaded', async () => {
    relay = await startRelay();
    const client = stockClient(relay.url, `${NB}/community`);
    try {
      await synced(client);
      new CommunitySpace(client.doc).events.create(
        timed('Snoeidag', at(4, 18, 8), at(4, 18, 12)),
        anna,
      );
      const text = await waitFor(async () => {
        const { text } = await feed(relay);
        return text.includes('SUMMARY:Snoeidag') && text;
      }, 'the new event in the feed');
      expect(parse(text).events.map((e) => e.summary)).toEqual(['Snoeidag']);
      const metrics = await (await fetch(`${relay.url}/metrics`)).text();
      // Only the client's own room is loaded; the feed read the others from storage.
      expect(metric(metrics, 'buurthub_rooms')).toBe(1);
    } finally {
      client.destroy();
    }
  });
});

describe('buurthub serve --public-url', () => {
  it('puts the public address into personal calendar URLs', async () => {
    const dir = tempDir();
    const cli = await serveCli(
      dir.path,
      '--public-url',
      'https://buurt.example.nl/',
      '--log-level',
      'warn',
    );
    try {
      const { token } = await mintWithCli(NB, 'resident', dir.path);
      const res = await fetch(`${cli.url}/api/calendar-key`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      const { url } = (await res.json()) as { url: string };
      expect(url).toMatch(/^https:\/\/buurt\.example\.nl\/nb\/maasburen\/events\.ics\?key=/);
    } finally {
      await cli.stop();
      dir.remove();
    }
  });

  it('refuses an address that is not an http(s) URL', async () => {
    const { code, stderr } = await runCli(['serve', '--public-url', 'ftp://x', '--port', '0']);
    expect(code).toBe(2);
    expect(stderr).toContain('--public-url');
  });
});
