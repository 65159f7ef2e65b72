import { afterEach, describe, expect, it } from 'vitest';
import { SEVERITY_COLOURS } from '../src/feeds/crisis-page.js';
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
} from './helpers/crisis.js';
import {
  elementNames,
  expectNoElements,
  expectNoneVerbatim,
  get,
  parser,
  revalidate,
} from './helpers/feeds.js';
import { mieke } from './helpers/neighbourhood.js';
import { startRelay, type TestRelay } from './helpers/relay.js';

async function page(relay: TestRelay, query = '', nb = NB) {
  return get(relay, `/nb/${nb}/crisis${query}`);
}

/** The page as a tree: it is polyglot markup, so an XML parser reads it as a browser would. */
function tree(html: string) {
  return parser.parse(html) as { html: { '@_lang': string; body: unknown } };
}

/** Visible text with tags removed and entities decoded, as a reader sees it. */
function text(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b_] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b_!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('the plain HTML crisis page', () => {
  let relay: TestRelay;
  afterEach(() => relay?.dispose());

  it('shows each active alert with severity, areas, texts and the update timeline newest first, with no script and nothing to load', async () => {
    relay = await startRelay();
    const start = Date.now() - 3 * HOUR;
    let id = '';
    await writePublic(
      relay,
      (pub) => {
        pub.settings.set({ name: 'Maasburen', villages: [] }, mieke);
        id = pub.crisis.create(highWater(), gemeente).id;
      },
      start,
    );
    await writePublic(
      relay,
      (pub) => pub.crisis.addUpdate(id, { text: 'Hoogste stand nu vrijdag 18:00.' }, gemeente),
      start + HOUR,
    );
    await writePublic(
      relay,
      (pub) => pub.crisis.addUpdate(id, { text: 'Zandzakken bij de kazerne.' }, mieke),
      start + 2 * HOUR,
    );
    const { status, headers, text: html } = await page(relay);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(headers.get('cache-control')).toBe('no-cache');
    expect(headers.get('content-security-policy')).toMatch(
      /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+' 'unsafe-inline';/,
    );
    expect(Buffer.byteLength(html)).toBeLessThan(30_000);
    expect(html).not.toMatch(/<script|\son[a-z]+=|src=|<link|@import|url\(/i);
    const doc = tree(html);
    expect(doc.html['@_lang']).toBe('nl');
    const names = elementNames(doc);
    for (const name of ['h1', 'h2', 'time', 'ol', 'li', 'article', 'main']) {
      expect(names.has(name), name).toBe(true);
    }
    const visible = text(html);
    expect(visible).toContain('Crisisinformatie – Maasburen');
    expect(visible).toContain('1 actieve melding');
    expect(visible).toContain('Hoogwater Maas');
    expect(visible).toContain('Ernst: Ernstig');
    expect(visible).toContain('Geldt voor: Middelaar, Mook');
    expect(visible).toContain('Laatst bijgewerkt:');
    expect(visible).toContain('De hoogste stand wordt vrijdag 14:00 verwacht.');
    expect(visible).toContain('Wat moet je doen');
    expect(visible.indexOf('Zandzakken')).toBeLessThan(visible.indexOf('Hoogste stand nu'));
    expect(html).toContain(`href="http://localhost:8080/nb/${NB}/#crisis/${id}"`);
    // Times say their instant exactly, with Amsterdam's offset.
    expect(html).toMatch(/<time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]:00">/);
  });

  it('puts the most severe alert first and colours every severity with at least 4.5:1 contrast', async () => {
    relay = await startRelay();
    await writePublic(relay, (pub) => {
      pub.crisis.create(
        highWater(Date.now(), { severity: 'minor', headline: 'Stremming N271' }),
        mieke,
      );
      pub.crisis.create(
        highWater(Date.now(), { severity: 'extreme', headline: 'Evacuatie Middelaar' }),
        gemeente,
      );
    });
    const visible = text((await page(relay)).text);
    expect(visible).toContain('2 actieve meldingen');
    expect(visible.indexOf('Evacuatie Middelaar')).toBeLessThan(visible.indexOf('Stremming N271'));
    expect(visible).toContain('Ernst: Zeer ernstig');
    expect(visible).toContain('Ernst: Gering');
    for (const [severity, { fg, bg }] of Object.entries(SEVERITY_COLOURS)) {
      expect(contrast(fg, bg), severity).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('switches to English with ?lang=en and keeps the Dutch alert text marked as Dutch', async () => {
    relay = await startRelay();
    await writeHighWater(relay);
    const dutch = await page(relay);
    expect(dutch.text).toContain('<a href="crisis?lang=en" hreflang="en" lang="en">English</a>');
    const english = await page(relay, '?lang=en');
    expect(english.headers.get('content-language')).toBe('en');
    expect(tree(english.text).html['@_lang']).toBe('en');
    const visible = text(english.text);
    expect(visible).toContain('Crisis information');
    expect(visible).toContain('Severity: Severe');
    expect(visible).toContain('What to do');
    expect(english.text).toContain('<h2 id="alert-1" lang="nl">Hoogwater Maas</h2>');
    expect(english.text).toContain('<a href="crisis" hreflang="nl" lang="nl">Nederlands</a>');
  });

  it('says clearly that there is no alert, and names the most recent one that ended', async () => {
    relay = await startRelay();
    const now = Date.now();
    let id = '';
    await writePublic(
      relay,
      (pub) => {
        pub.crisis.create(
          highWater(now, { headline: 'Storm', effective: now - 9 * DAY, expires: now - 8 * DAY }),
          gemeente,
        );
        id = pub.crisis.create(highWater(now, { headline: 'Stroomstoring Mook' }), gemeente).id;
      },
      now - 10 * DAY,
    );
    await writePublic(
      relay,
      (pub) => pub.crisis.cancel(id, { reason: 'Stroom is terug.' }, gemeente),
      now - HOUR,
    );
    const { status, text: html } = await page(relay);
    expect(status).toBe(200);
    const visible = text(html);
    expect(visible).toContain('Er is op dit moment geen crisismelding.');
    expect(visible).toMatch(/Laatste melding: Stroomstoring Mook \(ingetrokken .+\)\./);
    expect(visible).not.toContain('Storm');
    expect(text((await page(relay, '?lang=en')).text)).toContain(
      'There is no crisis alert at the moment.',
    );
  });

  it('renders script, markup and attribute payloads inert, as visible text', async () => {
    relay = await startRelay();
    await writePublic(relay, (pub) => {
      pub.settings.set({ name: '<iframe src=//evil>', villages: [] }, mieke);
      writeXssAlert(pub);
    });
    const { text: html } = await page(relay);
    expect(html.match(/<script/gi)).toBeNull();
    expectNoneVerbatim(html, ['<img', '<svg', '<iframe', '<a href="javascript', '<b ', '<!--']);
    expect(html.match(/<style/g)).toHaveLength(1);
    expectNoElements(tree(html), ['script', 'img', 'svg', 'iframe', 'b', 'headline', 'alert']);
    const visible = text(html);
    for (const payload of [
      XSS.headline,
      XSS.description,
      XSS.instruction,
      XSS.village,
      XSS.author,
      XSS.update,
    ]) {
      expect(visible).toContain(payload);
    }
    expect(html).toContain('&lt;script&gt;alert(&quot;kop&quot;)&lt;/script&gt;');
  });

  it('answers 404 for an unknown neighbourhood and 304 while the page did not change', async () => {
    relay = await startRelay();
    expect((await page(relay, '', 'nergenshuizen')).status).toBe(404);
    await writeHighWater(relay);
    // The page states when it was made, to the minute; two requests in one minute match.
    let statuses: number[] = [];
    for (let attempt = 0; attempt < 2 && !statuses.includes(304); attempt++) {
      const first = await page(relay);
      const again = await revalidate(relay, `/nb/${NB}/crisis`, first);
      statuses = [first.status, again.status];
    }
    expect(statuses).toEqual([200, 304]);
  });
});
