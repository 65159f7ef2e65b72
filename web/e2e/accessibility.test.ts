/**
 * Accessibility, languages and security headers across every view (issue 10), in Chromium
 * against the demo neighbourhood on a real relay, as an official (who sees every view):
 *
 * - each view, at 390×844 in Dutch and in English (a phone set to nl-NL or en-GB, so the
 *   language also comes from the device): no axe-core WCAG 2.1 AA violations, headings in
 *   order from one h1, every target at least 44×44 px, no Dutch catalogue text and no raw
 *   message key in English, and no CSP / Trusted Types violation or console error under
 *   the relay's headers; the kiosk the same at 1920×1080;
 * - a keyboard-only walk through the main flows with a visible focus ring at every stop;
 * - each view with text at 200 % on that phone: all text grows, nothing scrolls sideways, no
 *   text is cut off, no heading (nor an agenda item's title, time or place) breaks inside a
 *   word and the header either scrolls away or takes at most a third of the screen;
 * - form errors tied to their fields and announced; reduced motion and more contrast
 *   honoured.
 *
 * BH_SHOTS=<dir> (default /tmp/shots/access) receives the 200 % screenshots.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en.js';
import { nl } from '../src/i18n/nl.js';
import {
  type Focused,
  brokenHeadingWords,
  clippedText,
  focused,
  invalidFields,
  headings,
  movingElements,
  outlineProblems,
  scaleText,
  setTextSize,
  smallTargets,
  visibleText,
  watchPolicyAndErrors,
} from './support/a11y.js';
import { axeViolations } from './support/browser.js';
import { inviteLink } from './support/members.js';
import { type TestSite, startDemoNeighbourhood } from './support/neighbourhood.js';

const PHONE = { width: 390, height: 844 };
const KIOSK = { width: 1920, height: 1080 };
const SHOTS = process.env.BH_SHOTS ?? '/tmp/shots/access';
type Lang = 'nl' | 'en';
const DEVICE: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

/**
 * Phrases only the Dutch catalogue has (text that differs from its English translation,
 * split at parameters, at least three words and sixteen characters, so a name, a shared word
 * such as "Agenda" or a short phrase that also occurs in the demo's Dutch posts does not count).
 */
const DUTCH_ONLY = [
  ...new Set(
    (Object.keys(nl) as (keyof typeof nl)[]).flatMap((key) => {
      const dutch = nl[key];
      const english = en[key];
      const pairs: [string, string][] =
        typeof dutch === 'string'
          ? [[dutch, english as string]]
          : [
              [dutch.one, (english as { one: string }).one],
              [dutch.other, (english as { other: string }).other],
            ];
      return pairs
        .filter(([d, e]) => d !== e)
        .flatMap(([d]) => d.split(/\{\w+\}/))
        .map((part) => part.trim())
        .filter((part) => part.length >= 16 && part.split(' ').length >= 3);
    }),
  ),
];

/** WCAG's contrast ratio of two computed `rgb(r, g, b)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, bl] = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Dutch interface text or raw message keys in what an English user sees. */
function untranslated(text: string): string[] {
  const keys = Object.keys(nl).filter((key) => text.includes(key));
  return [...keys.map((k) => `key ${k}`), ...DUTCH_ONLY.filter((p) => text.includes(p))];
}

interface View {
  name: string;
  /** The hash under /nb/maasburen/, or a path of its own. */
  open(page: Page): Promise<void>;
  /** Where no word may break at 200 % text (the headings, unless a view names more). */
  words?: string;
}

describe('accessibility, languages and security headers', () => {
  let site: TestSite;
  const phones = {} as Record<Lang, Page>;
  const reports = {} as Record<Lang, () => Promise<string[]>>;

  /** Joins with a fresh invite through the join view, in whatever language it shows. */
  async function joinAs(page: Page, role: string, name: string): Promise<void> {
    await page.goto(await inviteLink(site, role));
    await page.locator('bh-join input[name=name]').fill(name);
    await page.locator('bh-join button[type=submit]').click();
    await page.locator('bh-feed article').first().waitFor({ timeout: 20_000 });
  }

  async function go(page: Page, hash: string, ready = 'main h2'): Promise<void> {
    await page.goto(site.url(hash));
    await page.locator(ready).first().waitFor({ timeout: 45_000 });
  }

  /** The first link in the page whose href has `part` and none of `not`. */
  async function firstHref(page: Page, part: string, not: string[] = []): Promise<string> {
    const hrefs = await page
      .locator(`a[href*="${part}"]`)
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    const href = hrefs.find((h) => !not.some((n) => h.includes(n)));
    if (!href) throw new Error(`no link with ${part} in ${hrefs.join(', ')}`);
    return href.slice(href.indexOf('#'));
  }

  const viaList =
    (list: string, part: string, not: string[], ready = 'main h2', suffix = '') =>
    async (page: Page) => {
      await go(page, list);
      await page.locator(`a[href*="${part}"]`).first().waitFor({ timeout: 20_000 });
      await go(page, `${await firstHref(page, part, not)}${suffix}`, ready);
    };

  const VIEWS: View[] = [
    {
      name: 'the join view',
      open: async (page) => {
        await page.goto(`${site.base}/join/`);
        await page.locator('bh-join input[name=code]').waitFor();
      },
    },
    { name: 'the feed', open: (page) => go(page, '#berichten', 'bh-feed article') },
    {
      name: 'a post opened from its link',
      open: async (page) => {
        await go(page, '#berichten', 'bh-feed article');
        const labelledBy = await page
          .locator('bh-feed article')
          .first()
          .getAttribute('aria-labelledby');
        const id = labelledBy?.replace(/^title-/, '') ?? '';
        await go(page, `#berichten/${encodeURIComponent(id)}`, 'bh-feed article');
      },
    },
    { name: 'the post composer', open: (page) => go(page, '#nieuw', 'bh-composer form') },
    { name: 'the invite view', open: (page) => go(page, '#uitnodigen', 'bh-invite h2') },
    {
      name: 'the agenda',
      open: (page) => go(page, '#agenda', 'bh-agenda h3'),
      words: 'h1, h2, .event-title, .event-when, .event-place',
    },
    { name: 'the agenda month', open: (page) => go(page, '#agenda/maand', 'bh-month-view') },
    {
      name: 'the event composer',
      open: (page) => go(page, '#agenda/nieuw', 'bh-event-composer form'),
    },
    {
      name: 'an event with RSVP',
      open: viaList('#agenda', '#agenda/', ['maand', 'nieuw'], 'bh-event-detail article'),
    },
    { name: 'the notice boards', open: (page) => go(page, '#prikborden', 'bh-boards h2') },
    {
      name: 'a notice board',
      open: viaList('#prikborden', '#prikborden/', ['/bewerken', '/geschiedenis', '/poster']),
    },
    {
      name: 'the notice board editor',
      open: viaList(
        '#prikborden',
        '#prikborden/',
        ['/bewerken', '/geschiedenis', '/poster'],
        'bh-board-editor .ProseMirror',
        '/bewerken',
      ),
    },
    {
      name: 'a notice board’s history',
      open: viaList(
        '#prikborden',
        '#prikborden/',
        ['/bewerken', '/geschiedenis', '/poster'],
        'bh-board-history h2',
        '/geschiedenis',
      ),
    },
    {
      name: 'a notice board poster',
      open: viaList(
        '#prikborden',
        '#prikborden/',
        ['/bewerken', '/geschiedenis', '/poster'],
        'bh-board-poster bh-qr-code',
        '/poster',
      ),
    },
    {
      name: 'the participation rounds',
      open: (page) => go(page, '#meedoen', 'bh-participation h2'),
    },
    {
      name: 'a participation round',
      open: viaList('#meedoen', '#meedoen/', ['nieuw'], 'bh-round h2'),
    },
    {
      name: 'a new participation round',
      open: (page) => go(page, '#meedoen/nieuw', 'bh-participation form'),
    },
    { name: 'the directory', open: (page) => go(page, '#buren', 'bh-directory h2') },
    {
      name: 'the directory profile',
      open: (page) => go(page, '#buren/profiel', 'bh-profile-editor form'),
    },
    {
      name: 'the contact requests',
      open: (page) => go(page, '#buren/verzoeken', 'bh-contact-requests h2'),
    },
    { name: 'the social map', open: (page) => go(page, '#sociale-kaart', 'bh-social-map h2') },
    {
      name: 'an entry on the social map',
      open: viaList('#sociale-kaart', '#sociale-kaart/', [], 'bh-social-map h2'),
    },
    { name: 'the impact figures', open: (page) => go(page, '#impact', 'bh-impact h2') },
    { name: 'the crisis alerts', open: (page) => go(page, '#crisis', 'bh-crisis-page h2') },
    {
      name: 'a crisis alert',
      open: viaList('#crisis', '#crisis/', [], 'bh-crisis-alert h2'),
    },
    {
      name: 'the crisis composer',
      open: (page) => go(page, '#crisis-nieuw', 'bh-crisis-composer form'),
    },
    {
      name: 'the moderation queue',
      open: (page) => go(page, '#moderatie', 'bh-moderation-queue h2'),
    },
    {
      name: 'the moderation log',
      open: (page) => go(page, '#moderatie/logboek', 'bh-moderation-log h2'),
    },
    { name: 'my account and data', open: (page) => go(page, '#account', 'bh-account h2') },
  ];

  beforeAll(async () => {
    site = await startDemoNeighbourhood('buurthub-a11y-e2e-');
    for (const lang of ['nl', 'en'] as const) {
      const page = await site.page({ viewport: PHONE, locale: DEVICE[lang] });
      reports[lang] = await watchPolicyAndErrors(page);
      await joinAs(page, 'official', lang === 'nl' ? 'Gemeente Mook' : 'Municipality of Mook');
      phones[lang] = page;
    }
  }, 120_000);

  afterAll(() => site?.stop());

  async function problems(page: Page, lang: Lang, report: () => Promise<string[]>) {
    return {
      lang,
      axe: await axeViolations(page),
      outline: outlineProblems(await headings(page)),
      targets: await smallTargets(page),
      untranslated: lang === 'en' ? untranslated(await visibleText(page)) : [],
      policy: await report(),
    };
  }

  const CLEAN = { axe: [], outline: [], targets: [], untranslated: [], policy: [] };

  it('picks Dutch or English from the device, and shows it in <html lang>', async () => {
    for (const lang of ['nl', 'en'] as const) {
      await go(phones[lang], '#berichten', 'bh-feed article');
      expect(await phones[lang].locator('html').getAttribute('lang')).toBe(lang);
    }
    expect(await phones.en.getByRole('link', { name: 'New post' }).count()).toBe(1);
    expect(await phones.nl.getByRole('link', { name: 'Nieuw bericht' }).count()).toBe(1);
  });

  /**
   * Sets the text to 200 % the way the browser's text-size setting does (Chrome's font size,
   * Android's font scale change the default font size, which the whole UI is sized in: rem),
   * and returns what breaks: text that did not grow, how far the page scrolls sideways, text
   * cut off by its box, heading words split over two lines, and whether the app's header
   * stays on screen while taking more than a third of it. Leaves a screenshot of the view's
   * content, then resets the size.
   */
  async function at200(page: Page, shot: string, words?: string) {
    const notGrown = await scaleText(page, 200, 1.9);
    const overflow = await page.evaluate(() => {
      const root = document.scrollingElement as Element;
      return root.scrollWidth - root.clientWidth;
    });
    const clipped = await clippedText(page);
    const brokenWords = await brokenHeadingWords(page, words);
    // The view's own heading in the middle of the shot, as when reading down to it.
    await page
      .locator('main :is(h1, h2)')
      .first()
      .evaluate((heading) => heading.scrollIntoView({ block: 'center' }));
    // A header that stays on screen (sticky) must leave room to read: a third at most.
    const headerStaysOverAThird = await page.locator('bh-header').evaluate((header) => {
      const stays = ['sticky', 'fixed'].includes(getComputedStyle(header).position);
      return stays && header.getBoundingClientRect().height > innerHeight / 3;
    });
    await page.screenshot({ path: join(SHOTS, `${shot}-200.png`) });
    await setTextSize(page, 100);
    return {
      notGrown,
      overflow,
      clipped,
      brokenWords,
      headerStaysOverAThird,
    };
  }

  const WHOLE = {
    notGrown: [],
    overflow: 0,
    clipped: [],
    brokenWords: [],
    headerStaysOverAThird: false,
  };

  for (const view of VIEWS) {
    it(`${view.name}: passes axe (WCAG 2.1 AA), keeps headings in order and targets at 44 px, in Dutch and in English without Dutch, under the CSP, and stays whole at 200 % text`, async () => {
      mkdirSync(SHOTS, { recursive: true });
      for (const lang of ['nl', 'en'] as const) {
        await view.open(phones[lang]);
        expect.soft(await problems(phones[lang], lang, reports[lang])).toEqual({ lang, ...CLEAN });
        const shot = `${view.name.replace(/\W+/g, '-')}-${lang}`;
        expect
          .soft({ lang, ...(await at200(phones[lang], shot, view.words)) })
          .toEqual({ lang, ...WHOLE });
      }
    });
  }

  it('the kiosk at 1920×1080: passes axe, headings in order, targets at 44 px, in Dutch and English, under the CSP', async () => {
    for (const lang of ['nl', 'en'] as const) {
      const kiosk = await site.page({ viewport: KIOSK, locale: DEVICE[lang] });
      const report = await watchPolicyAndErrors(kiosk);
      await kiosk.goto(site.url('#kiosk'));
      await kiosk.locator('bh-kiosk h1').first().waitFor({ timeout: 45_000 });
      await kiosk
        .locator('bh-kiosk')
        .evaluate((el) => Promise.all(el.shadowRoot?.getAnimations().map((a) => a.finished) ?? []));
      expect.soft(await problems(kiosk, lang, report)).toEqual({ lang, ...CLEAN });
    }
  });

  it('announces form errors: each invalid field is described by its message and gets focus', async () => {
    const page = phones.nl;
    const forms = [
      { hash: '#nieuw', ready: 'bh-composer form', submit: 'Plaatsen' },
      { hash: '#agenda/nieuw', ready: 'bh-event-composer form', submit: 'Activiteit plaatsen' },
    ];
    for (const form of forms) {
      await go(page, form.hash, form.ready);
      await page.getByRole('button', { name: form.submit, exact: true }).click();
      await expect.poll(async () => (await invalidFields(page)).length).toBeGreaterThan(0);
      const fields = await invalidFields(page);
      expect(
        fields.filter((f) => f.description === ''),
        form.hash,
      ).toEqual([]);
      // Focus goes to the first invalid field, so a screen reader reads it with its message.
      expect((await focused(page))?.what, form.hash).toBe(fields[0]?.what);
    }
    // The join view says what is wrong in an alert region as well.
    await page.goto(`${site.base}/join/`);
    await page.locator('bh-join button[type=submit]').click();
    await page.locator('bh-join [role=alert] p').waitFor();
    expect((await invalidFields(page)).filter((f) => f.description === '')).toEqual([]);
  });

  it('honours prefers-reduced-motion: nothing animates or transitions', async () => {
    const still = await site.page({ viewport: KIOSK, reducedMotion: 'reduce' });
    const moving = await site.page({ viewport: KIOSK });
    for (const page of [still, moving]) {
      await page.goto(site.url('#kiosk'));
      await page.locator('bh-kiosk h1').first().waitFor({ timeout: 45_000 });
    }
    // Without the preference the kiosk fades its slides in: the check sees motion.
    expect(await movingElements(moving)).not.toEqual([]);
    expect(await movingElements(still)).toEqual([]);
    const phone = await site.page({ viewport: PHONE, reducedMotion: 'reduce' });
    for (const [hash, ready] of [
      ['#berichten', 'bh-feed article'],
      ['#nieuw', 'bh-composer form'],
      ['#agenda', 'bh-agenda h3'],
      ['#prikborden', 'bh-boards h2'],
    ] as const) {
      await go(phone, hash, ready);
      expect(await movingElements(phone), hash).toEqual([]);
    }
  });

  it('honours prefers-contrast: more with darker card edges and secondary text', async () => {
    const measure = async (page: Page) => {
      await go(page, '#berichten', 'bh-feed article');
      return page
        .locator('bh-post-card')
        .first()
        .evaluate((card) => {
          const root = card.shadowRoot as ShadowRoot;
          const article = getComputedStyle(root.querySelector('article') as Element);
          const meta = getComputedStyle(root.querySelector('.meta') as Element);
          return {
            edge: article.borderTopColor,
            surface: article.backgroundColor,
            muted: meta.color,
          };
        });
    };
    const normal = await measure(await site.page({ viewport: PHONE }));
    const more = await measure(await site.page({ viewport: PHONE, contrast: 'more' }));
    // Card edges are decoration at normal contrast, and a clear 3:1 line when asked for more.
    expect(contrast(normal.edge, normal.surface)).toBeLessThan(3);
    expect(contrast(more.edge, more.surface)).toBeGreaterThanOrEqual(3);
    // Secondary text goes from AA to AAA (7:1).
    expect(contrast(normal.muted, normal.surface)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(more.muted, more.surface)).toBeGreaterThanOrEqual(7);
  });

  it('walks the main flows by keyboard only, with a visible focus ring at every stop', async () => {
    const page = phones.nl;
    const noRing = new Set<string>();
    async function press(key: string, match: (f: Focused) => boolean, what: string) {
      for (let i = 0; i < 300; i++) {
        await page.keyboard.press(key);
        const f = await focused(page);
        if (f && !f.ring) noRing.add(f.what);
        if (f && match(f)) return f;
      }
      throw new Error(`${what} not reached with ${key}`);
    }
    const fromSkipLink = async () => {
      await press('Shift+Tab', (f) => f.text === 'Naar de inhoud', 'the skip link');
    };

    // Skip link → the feed → a post's comment field → post the comment.
    await go(page, '#berichten', 'bh-feed article');
    await fromSkipLink();
    await page.keyboard.press('Enter');
    expect((await focused(page))?.tag).toBe('main');
    await press('Tab', (f) => f.label === 'Schrijf een reactie', 'a comment field');
    await page.keyboard.type('Ik help zaterdag mee met sjouwen.');
    await press('Tab', (f) => f.text === 'Plaats reactie', 'the comment button');
    await page.keyboard.press('Enter');
    await page.locator('bh-feed').getByText('Ik help zaterdag mee met sjouwen.').waitFor();

    // Compose a post from the menu.
    await fromSkipLink();
    await press('Tab', (f) => f.tag === 'a' && f.text === 'Nieuw bericht', 'the compose link');
    await page.keyboard.press('Enter');
    await page.locator('bh-composer h2').waitFor();
    await press('Tab', (f) => f.label === 'Titel', 'the title field');
    await page.keyboard.type('Sleutelbos gevonden');
    await press('Tab', (f) => f.label === 'Bericht', 'the message field');
    await page.keyboard.type('Bij de bushalte in Mook. Af te halen in het buurthuis.');
    await press('Tab', (f) => f.label === 'Categorie', 'the category');
    await page.keyboard.press('ArrowDown');
    await press('Tab', (f) => f.text === 'Plaatsen', 'the post button');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Sleutelbos gevonden' }).waitFor();

    // Agenda → an event → RSVP.
    await fromSkipLink();
    await press('Tab', (f) => f.tag === 'a' && f.text === 'Agenda', 'the agenda link');
    await page.keyboard.press('Enter');
    await page.locator('bh-agenda h3').first().waitFor();
    await press('Tab', (f) => /#agenda\/(?!maand|nieuw)/.test(f.href), 'an event');
    await page.keyboard.press('Enter');
    await press('Tab', (f) => /^Ik kom \d+$/.test(f.text), 'the RSVP button');
    await page.keyboard.press('Space');
    await page.getByText('Je komt. Leuk!').waitFor();

    // Switch the language to English and back.
    await fromSkipLink();
    await press('Tab', (f) => f.text === 'EN', 'the English button');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('link', { name: 'New post' }).waitFor();
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page))?.text).toBe('NL');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('nl');

    expect([...noRing]).toEqual([]);
  });
});
