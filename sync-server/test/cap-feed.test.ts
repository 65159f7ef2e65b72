import { afterEach, describe, expect, it } from 'vitest';
import { capDateTime } from '../src/feeds/cap.js';
import {
  DAY,
  gemeente,
  highWater,
  HOUR,
  NB,
  validateCap,
  writeHighWater,
  writePublic,
  writeXssAlert,
  XSS,
  XSS_MARKUP,
} from './helpers/crisis.js';
import { expectNoneVerbatim, get, parseXml, revalidate } from './helpers/feeds.js';
import { mieke } from './helpers/neighbourhood.js';
import { startRelay, type TestRelay } from './helpers/relay.js';

const PUBLIC_URL = 'https://buurt.example.nl';
const SENDER = 'buurthub@buurt.example.nl';

interface CapInfo {
  language: string;
  category: string[];
  event: string;
  urgency: string;
  severity: string;
  certainty: string;
  effective: string;
  expires: string;
  senderName: string;
  headline: string;
  description: string;
  instruction?: string;
  web: string;
  area: { areaDesc: string }[];
}
interface CapAlert {
  identifier: string;
  sender: string;
  sent: string;
  status: string;
  msgType: string;
  scope: string;
  note?: string;
  references?: string;
  info: CapInfo[];
}

/** Fetches a CAP document, insists it validates against the OASIS schema, and parses it. */
async function cap(relay: TestRelay, path = `/nb/${NB}/cap.xml`) {
  const res = await get(relay, path);
  expect(res.status).toBe(200);
  const verdict = validateCap(res.text);
  expect(verdict.ok, `${verdict.messages}\n${res.text}`).toBe(true);
  const alert = parseXml<{ alert: CapAlert }>(res.text).alert;
  return { ...res, alert, info: alert.info[0]! };
}

/** CAP times have whole seconds. */
const seconds = (ms: number) => Math.floor(ms / 1000) * 1000;

const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/;

describe('crisis alerts as CAP 1.2', () => {
  let relay: TestRelay;
  afterEach(() => relay?.dispose());

  it('serves the active alert as a CAP message that validates against the OASIS schema', async () => {
    relay = await startRelay({ publicUrl: PUBLIC_URL });
    let id = '';
    let createdAt = 0;
    await writePublic(
      relay,
      (pub) => {
        pub.settings.set({ name: 'Maasburen', villages: ['Middelaar', 'Mook'] }, mieke);
        ({ id, createdAt } = pub.crisis.create(highWater(), gemeente));
      },
      Date.now() - 2 * HOUR,
    );
    const { alert, info, headers } = await cap(relay);
    expect(headers.get('content-type')).toBe('application/cap+xml; charset=utf-8');
    expect(headers.get('etag')).toBeTruthy();
    expect(alert['@_xmlns' as keyof CapAlert]).toBe('urn:oasis:names:tc:emergency:cap:1.2');
    expect(alert).toMatchObject({
      identifier: `${NB}-${id}`,
      sender: SENDER,
      status: 'Actual',
      msgType: 'Alert',
      scope: 'Public',
    });
    expect(alert.references).toBeUndefined();
    expect(alert.sent).toMatch(DATE_TIME);
    expect(Date.parse(alert.sent)).toBe(seconds(createdAt));
    expect(info).toMatchObject({
      language: 'nl-NL',
      category: ['Other'],
      event: 'Crisismelding',
      urgency: 'Unknown',
      severity: 'Severe',
      certainty: 'Unknown',
      senderName: 'Gemeente Mook en Middelaar',
      headline: 'Hoogwater Maas',
      description: 'Het waterpeil stijgt.\nDe hoogste stand wordt vrijdag 14:00 verwacht.',
      instruction: 'Zet spullen uit de kelder hoger.',
      web: `${PUBLIC_URL}/nb/${NB}/#crisis/${id}`,
      area: [{ areaDesc: 'Middelaar' }, { areaDesc: 'Mook' }],
    });
    expect(info.effective).toMatch(DATE_TIME);
    expect(info.expires).toMatch(DATE_TIME);
    expect(alert.info).toHaveLength(1);
  });

  it('publishes an alert with updates as a CAP Update that references every earlier message', async () => {
    relay = await startRelay({ publicUrl: PUBLIC_URL });
    let id = '';
    const start = Date.now() - 3 * HOUR;
    await writePublic(relay, (pub) => (id = pub.crisis.create(highWater(), gemeente).id), start);
    const first = await cap(relay);
    const updateIds: string[] = [];
    const times: number[] = [];
    for (const [offset, text, author] of [
      [HOUR, 'Hoogste stand nu vrijdag 18:00.', gemeente],
      [2 * HOUR, 'Zandzakken bij de kazerne.', mieke],
    ] as const) {
      await writePublic(
        relay,
        (pub) => {
          const update = pub.crisis.addUpdate(id, { text }, author);
          updateIds.push(update.id);
          times.push(update.at);
        },
        start + offset,
      );
    }
    const { alert, info } = await cap(relay);
    expect(alert.msgType).toBe('Update');
    expect(alert.identifier).toBe(`${NB}-${id}-${updateIds[1]}`);
    expect(Date.parse(alert.sent)).toBe(seconds(times[1]!));
    const second = `${SENDER},${NB}-${id}-${updateIds[0]},${capDateTime(times[0]!)}`;
    expect(alert.references).toBe(
      `${SENDER},${first.alert.identifier},${first.alert.sent} ${second}`,
    );
    // The newest news first, then the original description.
    const paragraphs = info.description.split('\n\n');
    expect(paragraphs[0]).toMatch(/^\[Update .*\] Zandzakken bij de kazerne\.$/);
    expect(paragraphs[1]).toMatch(/^\[Update .*\] Hoogste stand nu vrijdag 18:00\.$/);
    expect(paragraphs[2]).toBe(
      'Het waterpeil stijgt.\nDe hoogste stand wordt vrijdag 14:00 verwacht.',
    );
  });

  it('maps the CAP fields an official filled in, superseded by later updates, with links and photos as resources', async () => {
    relay = await startRelay({ publicUrl: PUBLIC_URL });
    const photo = {
      hash: 'b'.repeat(64),
      type: 'image/jpeg' as const,
      alt: 'De kade bij Middelaar',
      bytes: 4096,
    };
    let id = '';
    await writePublic(relay, (pub) => {
      id = pub.crisis.create(
        highWater(Date.now(), {
          event: 'Hoogwater',
          category: 'Met',
          urgency: 'expected',
          certainty: 'likely',
          areaDesc: 'Uiterwaarden langs de Maas',
          web: 'https://www.mookenmiddelaar.nl/hoogwater',
          links: [{ url: 'https://www.rijkswaterstaat.nl/water', title: 'Waterstanden' }],
          media: [photo],
        }),
        gemeente,
      ).id;
      pub.crisis.addUpdate(
        id,
        {
          text: 'Het water stijgt sneller.',
          changes: { severity: 'extreme', urgency: 'immediate', certainty: 'observed' },
        },
        gemeente,
      );
    });
    const { info } = await cap(relay);
    expect(info).toMatchObject({
      category: ['Met'],
      event: 'Hoogwater',
      urgency: 'Immediate',
      severity: 'Extreme',
      certainty: 'Observed',
    });
    expect(info.area.map((area) => area.areaDesc)).toEqual([
      'Middelaar',
      'Mook',
      'Uiterwaarden langs de Maas',
    ]);
    const resources = (info as unknown as { resource: Record<string, string>[] }).resource;
    expect(resources).toMatchObject([
      {
        resourceDesc: 'De kade bij Middelaar',
        mimeType: 'image/jpeg',
        size: '4096',
        uri: `${PUBLIC_URL}/blobs/${photo.hash}`,
      },
      {
        resourceDesc: 'Meer informatie',
        mimeType: 'text/html',
        uri: 'https://www.mookenmiddelaar.nl/hoogwater',
      },
      {
        resourceDesc: 'Waterstanden',
        mimeType: 'text/html',
        uri: 'https://www.rijkswaterstaat.nl/water',
      },
    ]);
  });

  it('publishes a cancelled alert as a CAP Cancel at its own address, and no longer at cap.xml', async () => {
    relay = await startRelay({ publicUrl: PUBLIC_URL });
    let id = '';
    let cancelId = '';
    await writePublic(relay, (pub) => {
      id = pub.crisis.create(highWater(), gemeente).id;
      pub.crisis.addUpdate(id, { text: 'Peil stabiel.' }, gemeente);
      cancelId = pub.crisis.cancel(
        id,
        { reason: 'Het water zakt; de dijken houden.' },
        gemeente,
      ).id;
    });
    expect((await get(relay, `/nb/${NB}/cap.xml`)).status).toBe(204);
    const { alert } = await cap(relay, `/nb/${NB}/cap/${id}.xml`);
    expect(alert.msgType).toBe('Cancel');
    expect(alert.identifier).toBe(`${NB}-${id}-${cancelId}`);
    expect(alert.note).toBe('Ingetrokken: Het water zakt; de dijken houden.');
    expect(alert.references?.split(' ')).toHaveLength(2);
    expect(alert.references).toMatch(new RegExp(`^${SENDER},${NB}-${id},`));
  });

  it('serves the most severe of several active alerts at cap.xml and every alert at its own address', async () => {
    relay = await startRelay({ publicUrl: PUBLIC_URL });
    const ids: Record<string, string> = {};
    await writePublic(relay, (pub) => {
      ids.minor = pub.crisis.create(
        highWater(Date.now(), { severity: 'minor', headline: 'Stremming N271' }),
        mieke,
      ).id;
      ids.extreme = pub.crisis.create(
        highWater(Date.now(), { severity: 'extreme', headline: 'Evacuatie Middelaar' }),
        gemeente,
      ).id;
    });
    const main = await cap(relay);
    expect(main.info.headline).toBe('Evacuatie Middelaar');
    expect(main.info.severity).toBe('Extreme');
    const link = main.headers.get('link') ?? '';
    expect(link).toContain(
      `<${PUBLIC_URL}/nb/${NB}/cap/${ids.minor}.xml>; rel="related"; type="application/cap+xml"`,
    );
    expect(link).toContain(`<${PUBLIC_URL}/nb/${NB}/crisis.atom>; rel="alternate"`);
    const minor = await cap(relay, `/nb/${NB}/cap/${ids.minor}.xml`);
    expect(minor.info).toMatchObject({ headline: 'Stremming N271', severity: 'Minor' });
    expect(minor.alert.identifier).toBe(`${NB}-${ids.minor}`);
  });

  it('answers 204 with a link to the Atom index when no alert is in force', async () => {
    relay = await startRelay({ publicUrl: PUBLIC_URL });
    let expiredId = '';
    await writePublic(
      relay,
      (pub) => {
        expiredId = pub.crisis.create(
          highWater(Date.now(), { effective: Date.now() - 3 * DAY, expires: Date.now() - DAY }),
          gemeente,
        ).id;
        pub.crisis.create(
          highWater(Date.now(), { effective: Date.now() + DAY, expires: Date.now() + 2 * DAY }),
          gemeente,
        );
      },
      Date.now() - 4 * DAY,
    );
    const res = await get(relay, `/nb/${NB}/cap.xml`);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(res.headers.get('link')).toContain(`/nb/${NB}/crisis.atom>`);
    // The expired alert's own message stays available, and still validates.
    const expired = await cap(relay, `/nb/${NB}/cap/${expiredId}.xml`);
    expect(expired.alert.msgType).toBe('Alert');
  });

  it('marks exercise and test alerts with their CAP status and a note', async () => {
    relay = await startRelay();
    const ids: string[] = [];
    await writePublic(relay, (pub) => {
      ids.push(pub.crisis.create(highWater(Date.now(), { status: 'exercise' }), gemeente).id);
      ids.push(pub.crisis.create(highWater(Date.now(), { status: 'test' }), gemeente).id);
    });
    const exercise = await cap(relay, `/nb/${NB}/cap/${ids[0]}.xml`);
    expect(exercise.alert.status).toBe('Exercise');
    expect(exercise.alert.note).toContain('Oefening');
    const test = await cap(relay, `/nb/${NB}/cap/${ids[1]}.xml`);
    expect(test.alert.status).toBe('Test');
    expect(test.alert.sender).toBe('buurthub@localhost:8080');
  });

  it('keeps script and markup payloads as escaped text and still validates', async () => {
    relay = await startRelay({ publicUrl: PUBLIC_URL });
    await writePublic(relay, writeXssAlert);
    const { text, info } = await cap(relay);
    expectNoneVerbatim(text, [...XSS_MARKUP, '</headline><alert>']);
    expect(info.headline).toBe(XSS.headline);
    expect(info.instruction).toBe(XSS.instruction);
    expect(info.senderName).toBe(XSS.author);
    expect(info.area.map((area) => area.areaDesc)).toEqual([XSS.village]);
    expect(info.description).toContain(XSS.description);
    expect(info.description).toContain(XSS.update);
  });

  it('has a schema check that rejects what CAP forbids, so passing it means something', async () => {
    relay = await startRelay();
    await writeHighWater(relay);
    const { text } = await get(relay, `/nb/${NB}/cap.xml`);
    expect(validateCap(text).ok).toBe(true);
    const utc = text.replace(/<sent>([^<]+)[+-]\d\d:\d\d<\/sent>/, '<sent>$1Z</sent>');
    expect(validateCap(utc).ok).toBe(false);
    expect(validateCap(text.replace('<scope>Public</scope>', '')).ok).toBe(false);
    expect(validateCap(text.replace('<severity>Severe', '<severity>Ernstig')).ok).toBe(false);
  });

  it('writes CAP times in Europe/Amsterdam with their offset, never with Z', () => {
    expect(capDateTime(Date.UTC(2026, 0, 15, 13, 0, 5, 999))).toBe('2026-01-15T14:00:05+01:00');
    expect(capDateTime(Date.UTC(2026, 6, 1, 12, 30))).toBe('2026-07-01T14:30:00+02:00');
    // The October night: the same wall-clock hour twice, told apart by the offset.
    expect(capDateTime(Date.UTC(2026, 9, 25, 0, 30))).toBe('2026-10-25T02:30:00+02:00');
    expect(capDateTime(Date.UTC(2026, 9, 25, 1, 30))).toBe('2026-10-25T02:30:00+01:00');
  });

  it('answers 404 for an unknown neighbourhood or alert, 304 when unchanged and 405 for POST', async () => {
    relay = await startRelay();
    expect((await get(relay, '/nb/nergenshuizen/cap.xml')).status).toBe(404);
    expect((await get(relay, '/nb/nergenshuizen/cap/x.xml')).status).toBe(404);
    expect((await get(relay, '/nb/NOT_A_SLUG/cap.xml')).status).toBe(404);
    await writeHighWater(relay);
    expect((await get(relay, `/nb/${NB}/cap/nope.xml`)).status).toBe(404);
    expect((await get(relay, `/nb/${NB}/cap/%E0%A4%A.xml`)).status).toBe(404);
    const first = await get(relay, `/nb/${NB}/cap.xml`);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    const again = await revalidate(relay, `/nb/${NB}/cap.xml`, first);
    expect(again.status).toBe(304);
    const post = await fetch(`${relay.url}/nb/${NB}/cap.xml`, { method: 'POST' });
    expect(post.status).toBe(405);
  });
});
