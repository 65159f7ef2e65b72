/**
 * The kiosk's full-screen crisis view and the alert page in print (issue 5 "Everywhere"):
 * at 1920×1080 a kiosk first shows the calm "Geen crisismeldingen" screen, then an alert an
 * official published (signed, with an update) with the "Officieel" badge and a QR code of
 * the alert page; the Electron preload's `window.buurthubKiosk` opens the view by itself.
 * At the largest text size ("Groter") no title on the agenda, the notice boards or an alert
 * breaks inside a word. In print media the alert page leaves out the app's header,
 * navigation and banner.
 *
 * BH_SHOTS=<dir> (default /tmp/shots) receives kiosk-none.png, kiosk-agenda-larger.png,
 * kiosk-board-1-larger.png, kiosk-board-2-larger.png, kiosk-alert.png,
 * kiosk-alert-larger.png and alert-print.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type BoardNode, CommunitySpace, PublicSpace } from '@buurthub/shared';
import type { Browser, Locator, Page } from 'playwright-core';
import type * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRelay } from '../../sync-server/test/helpers/cli.js';
import { stockClient, synced } from '../../sync-server/test/helpers/clients.js';
import { tempDir } from '../../sync-server/test/helpers/temp.js';
import { brokenHeadingWords } from './support/a11y.js';
import { axeViolations, launchChromium } from './support/browser.js';
import { freePort, startRelay } from './support/relay.js';
import { cli, inviteLink, joinWithLink } from './support/members.js';

const KIOSK = { width: 1920, height: 1080 };
const NB = 'maasoever';
const SHOTS = process.env.BH_SHOTS ?? '/tmp/shots';
const HEADLINE = 'Hoogwater: kade Mook loopt onder';
const MIEKE = { id: 'mieke', name: 'Mieke', role: 'moderator' as const };
/** What a visitor reads as a title: headings, the top bar, board and event titles. */
const TITLES = 'h1, h2, h3, h4, h5, .boards-title, .calm-nb, .title';

const text = (t: string): BoardNode => ({ type: 'text', text: t, marks: {} });
const para = (t: string): BoardNode => ({ type: 'paragraph', attrs: {}, children: [text(t)] });
const heading = (t: string): BoardNode => ({
  type: 'heading',
  attrs: { level: 1 },
  children: [text(t)],
});

/** Waits until the kiosk's alert has faded in (axe would measure a half-transparent one). */
async function settled(p: Page): Promise<void> {
  await p
    .locator('bh-kiosk article')
    .evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
}

/** Where an element is in the viewport (it must be rendered). */
async function box(locator: Locator): Promise<{ y: number; height: number }> {
  const rect = await locator.boundingBox();
  if (!rect) throw new Error('not rendered');
  return rect;
}

describe('kiosk view and print', () => {
  const data = tempDir('buurthub-kiosk-e2e-');
  let base: string;
  let relay: CliRelay;
  let browser: Browser;
  let official: Page;
  let kiosk: Page;
  let alertUrl = '';

  async function joinAs(p: Page, name: string, role: string): Promise<void> {
    await joinWithLink(p, await inviteLink({ nb: NB, dataDir: data.path, base }, role), name);
  }

  async function shot(p: Page, name: string): Promise<void> {
    mkdirSync(SHOTS, { recursive: true });
    await p.screenshot({ path: join(SHOTS, name) });
  }

  /** Writes to one of the neighbourhood's rooms as a moderator's device would. */
  async function writeAsModerator(room: string, write: (doc: Y.Doc) => void): Promise<void> {
    const out = await cli(['token', NB, '--role', 'moderator', '--data', data.path]);
    const token = out.trim().split('\n').at(-1) as string;
    const client = stockClient(base, `${NB}/${room}`, { token });
    try {
      await synced(client);
      write(client.doc);
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      client.destroy();
    }
  }

  /** Picks a text size on the kiosk's bar, as a visitor does. */
  async function textSize(p: Page, name: 'Normaal' | 'Groter'): Promise<void> {
    const sizes = p.locator('bh-kiosk').getByRole('group', { name: 'Tekstgrootte' });
    await sizes.getByRole('button', { name, exact: true }).click();
    await p.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  }

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    await cli([
      'neighbourhood',
      'create',
      NB,
      '--name',
      'Maasoever',
      '--villages',
      'Mook,Middelaar',
      '--data',
      data.path,
    ]);
    relay = await startRelay(port, data.path);
    browser = await launchChromium();
    official = await (await browser.newContext({ viewport: KIOSK })).newPage();
    const kioskContext = await browser.newContext({ viewport: KIOSK });
    kiosk = await kioskContext.newPage();
    await joinAs(official, 'Gemeente Mook', 'official');
    await joinAs(kiosk, 'Buurthuis', 'resident');
    // A CLI run, a relay and two joins: slow on a busy machine.
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await relay?.stop('SIGKILL');
    data.remove();
  });

  it('shows a calm screen with a join QR code when no alert is active', async () => {
    await kiosk.evaluate(() => (location.hash = '#kiosk'));
    const view = kiosk.locator('bh-kiosk');
    await view.getByRole('heading', { name: 'Geen crisismeldingen' }).waitFor();
    await view.getByText('Maasoever').first().waitFor();
    await view.getByRole('img', { name: 'QR-code om lid te worden van de buurt' }).waitFor();
    expect(await kiosk.locator('bh-header').count()).toBe(0);
    expect(await kiosk.getByRole('navigation').count()).toBe(0);
    expect(await axeViolations(kiosk)).toEqual([]);
    await shot(kiosk, 'kiosk-none.png');
  });

  it('keeps the words of every title whole on the agenda and the notice boards at the largest text size', async () => {
    const event = 'Burenhulpspreekuur in het buurthuis';
    await writeAsModerator('community', (doc) => {
      // Starting in a minute: still to come this week (unless run in its very last minute).
      const start = Date.now() + 60_000;
      new CommunitySpace(doc).events.create(
        {
          title: event,
          description: 'Vragen over formulieren.',
          place: 'De Linde',
          when: { allDay: false, start, end: start + 3_600_000 },
        },
        MIEKE,
      );
    });
    const view = kiosk.locator('bh-kiosk');
    const agenda = view.getByRole('region', { name: 'Deze week in de buurt' });
    await agenda.getByText(event).waitFor({ timeout: 20_000 });
    await textSize(kiosk, 'Groter');
    expect(await brokenHeadingWords(kiosk, TITLES)).toEqual([]);
    await shot(kiosk, 'kiosk-agenda-larger.png');

    await writeAsModerator('public', (doc) => {
      const boards = new PublicSpace(doc).boards;
      boards.create(
        {
          title: 'Openingstijden',
          content: [heading('Buurthuis De Schakel'), para('Koffie staat klaar.')],
        },
        MIEKE,
      );
      boards.create(
        {
          title: 'Voedselbank en kledingbank',
          content: [heading('Aanmelden'), para('Elke vrijdag.')],
        },
        MIEKE,
      );
    });
    for (const n of [1, 2]) {
      await view.getByRole('button', { name: `Prikbord ${n} van 2` }).click({ timeout: 20_000 });
      await view.getByRole('article', { name: `Prikbord ${n} van 2` }).waitFor();
      await kiosk.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await settled(kiosk);
      expect(await brokenHeadingWords(kiosk, TITLES)).toEqual([]);
      await shot(kiosk, `kiosk-board-${n}-larger.png`);
    }
    await textSize(kiosk, 'Normaal');
  });

  it('shows an official alert full screen with its badge, update and QR code', async () => {
    await official.getByRole('navigation').getByRole('link', { name: 'Crisis' }).click();
    await official.getByRole('link', { name: 'Crisisbericht maken' }).click();
    await official.getByLabel('Sjabloon').selectOption('hoogwater');
    await official.getByLabel('Kop').fill(HEADLINE);
    // The neighbourhood's villages (from `neighbourhood create --villages`) are checkboxes.
    await official.getByRole('checkbox', { name: 'Mook' }).check();
    await official.getByRole('checkbox', { name: 'Middelaar' }).check();
    await official
      .getByLabel('Wat er aan de hand is')
      .fill('Het water stijgt. De hoogste stand wordt vrijdag 14:00 verwacht.');
    await official.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
    await official.getByRole('button', { name: 'Ondertekenen en plaatsen' }).click();
    await expect.poll(() => official.evaluate(() => location.hash)).toMatch(/^#crisis\/.+/);
    alertUrl = official.url();
    const page = official.locator('bh-crisis-alert');
    await page.locator('.badge.official').first().waitFor({ timeout: 15_000 });
    await page.getByLabel('Tekst van de update').fill('Hoogste stand nu verwacht vrijdag 18:00.');
    await page.getByRole('button', { name: 'Update ondertekenen en plaatsen' }).click();
    await page.locator('.timeline').getByText('Hoogste stand nu verwacht vrijdag 18:00.').waitFor();

    const view = kiosk.locator('bh-kiosk');
    const article = view.getByRole('article', { name: 'Melding 1 van 1' });
    await article.getByRole('heading', { name: HEADLINE }).waitFor({ timeout: 20_000 });
    await article.getByText('Officieel', { exact: true }).waitFor({ timeout: 15_000 });
    expect(await article.getByText('Niet geverifieerd').count()).toBe(0);
    await article
      .getByText('Hoogste stand nu verwacht vrijdag 18:00.')
      .waitFor({ timeout: 15_000 });
    await article.getByText(/Laatst bijgewerkt/).waitFor();
    await article.getByText('Geldt voor: Mook, Middelaar').waitFor();
    const qr = article.locator('bh-qr-code');
    const id = decodeURIComponent(new URL(alertUrl).hash.replace(/^#crisis\//, ''));
    expect(await qr.evaluate((el) => (el as HTMLElement & { value: string }).value)).toBe(
      `${base}/nb/${NB}/#crisis/${encodeURIComponent(id)}`,
    );
    await settled(kiosk);
    expect(await axeViolations(kiosk)).toEqual([]);
    await shot(kiosk, 'kiosk-alert.png');
    await textSize(kiosk, 'Groter');
    expect(await brokenHeadingWords(kiosk, TITLES)).toEqual([]);
    await shot(kiosk, 'kiosk-alert-larger.png');
    await textSize(kiosk, 'Normaal');
  });

  it('opens the kiosk view by itself in the kiosk window', async () => {
    const context = kiosk.context();
    await context.addInitScript(() => {
      (window as unknown as { buurthubKiosk: object }).buurthubKiosk = Object.freeze({
        isKiosk: true,
      });
    });
    // Leaving #kiosk for the feed is a same-document navigation: reload to run the preload.
    await kiosk.evaluate(() => (location.hash = '#berichten'));
    await kiosk.reload();
    await kiosk
      .locator('bh-kiosk')
      .getByRole('heading', { name: HEADLINE })
      .waitFor({ timeout: 20_000 });
    expect(await kiosk.getByRole('navigation').count()).toBe(0);
  });

  it('offers dots and buttons to move between several alerts, by touch and keyboard', async () => {
    await official.evaluate(() => (location.hash = '#crisis-nieuw'));
    await official.getByLabel('Sjabloon').selectOption('storm');
    await official.getByLabel('Kop').fill('Storm: blijf binnen');
    await official.getByRole('checkbox', { name: 'Mook' }).check();
    await official.getByRole('checkbox', { name: 'Middelaar' }).setChecked(false);
    await official.getByLabel('Wat er aan de hand is').fill('Zware windstoten tot 110 km/u.');
    await official.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
    await official.getByRole('button', { name: 'Ondertekenen en plaatsen' }).click();
    const view = kiosk.locator('bh-kiosk');
    const dots = view.getByRole('group', { name: 'Kies een melding' });
    await dots.waitFor({ timeout: 20_000 });
    expect(await dots.getByRole('button').count()).toBe(2);
    await dots.getByRole('button', { name: 'Melding 2 van 2' }).click();
    await view.getByRole('article', { name: 'Melding 2 van 2' }).waitFor();
    expect(
      await dots.getByRole('button', { name: 'Melding 2 van 2' }).getAttribute('aria-current'),
    ).toBe('true');
    await view.getByRole('button', { name: 'Volgende melding' }).focus();
    await kiosk.keyboard.press('Enter');
    await view.getByRole('article', { name: 'Melding 1 van 2' }).waitFor();
    await view.getByRole('button', { name: 'Pauzeren' }).click();
    await view.getByRole('button', { name: 'Doorbladeren' }).waitFor();
    // The next alert fades in (not with prefers-reduced-motion): check contrast once it is in.
    await settled(kiosk);
    expect(await axeViolations(kiosk)).toEqual([]);
    await kiosk.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await shot(kiosk, 'kiosk-alerts-2.png');
  });

  it('goes back to the first alert, rotating and in Dutch, after a visitor leaves it alone', async () => {
    const visitor = await (await browser.newContext({ viewport: KIOSK })).newPage();
    await visitor.clock.install();
    await joinAs(visitor, 'Buurthuis hal', 'resident');
    await visitor.evaluate(() => (location.hash = '#kiosk'));
    const view = visitor.locator('bh-kiosk');
    const dots = view.getByRole('group', { name: 'Kies een melding' });
    await dots.getByRole('button', { name: 'Melding 2 van 2' }).click();
    await view.getByRole('button', { name: 'Pauzeren' }).click();
    await view.getByRole('button', { name: 'EN', exact: true }).click();
    await view.getByRole('button', { name: 'Play' }).waitFor();

    // Nobody there and nothing touched: no countdown, however long.
    await visitor.clock.fastForward('01:50');
    expect(await view.getByRole('alertdialog').count()).toBe(0);
    await visitor.clock.fastForward('00:15');
    const countdown = view.getByRole('alertdialog');
    await countdown.getByText(/Back to the start in \d+ s/).waitFor();
    // The countdown hides none of the rotation controls: each one is on screen, above it.
    const bar = await box(countdown);
    const controls = view.locator('.controls button');
    expect(await controls.count()).toBe(5);
    for (const control of await controls.all()) {
      const rect = await box(control);
      expect(rect.y).toBeGreaterThanOrEqual(0);
      expect(rect.y + rect.height).toBeLessThanOrEqual(bar.y);
    }
    expect(bar.y + bar.height).toBeLessThanOrEqual(KIOSK.height);
    expect(await axeViolations(visitor)).toEqual([]);
    await shot(visitor, 'kiosk-idle-countdown.png');
    // A touch keeps everything as the visitor left it.
    await countdown.getByRole('button', { name: "I'm still here" }).click();
    expect(await view.getByRole('alertdialog').count()).toBe(0);
    await view.getByRole('button', { name: 'Play' }).waitFor();

    // A touch on a slide control during the countdown does what it says, and ends it.
    await visitor.clock.fastForward('02:05');
    await countdown.waitFor();
    await view.getByRole('button', { name: 'Previous alert' }).click();
    await view.getByRole('article', { name: 'Alert 1 of 2' }).waitFor();
    expect(await view.getByRole('alertdialog').count()).toBe(0);

    await visitor.clock.fastForward('02:15');
    await view.getByRole('button', { name: 'Pauzeren' }).waitFor();
    expect(await view.getByRole('alertdialog').count()).toBe(0);
    expect(
      await dots.getByRole('button', { name: 'Melding 1 van 2' }).getAttribute('aria-current'),
    ).toBe('true');
    await visitor.context().close();
  });

  it('prints the alert page without the header, navigation, sync state and banner', async () => {
    await official.goto(alertUrl);
    const page = official.locator('bh-crisis-alert');
    await page.getByRole('heading', { name: HEADLINE }).waitFor();
    await official.locator('bh-crisis-banner').getByRole('article').first().waitFor();
    const display = (selector: string) =>
      official.evaluate((sel) => {
        const root = document.querySelector('bh-app')?.shadowRoot;
        const el = root?.querySelector(sel);
        return el ? getComputedStyle(el).display : 'missing';
      }, selector);
    expect(await display('bh-header')).not.toBe('none');
    await official.emulateMedia({ media: 'print' });
    try {
      for (const selector of ['bh-header', 'nav', 'bh-crisis-banner']) {
        expect(await display(selector)).toBe('none');
      }
      expect(await page.getByRole('heading', { name: HEADLINE }).isVisible()).toBe(true);
      mkdirSync(SHOTS, { recursive: true });
      await official.screenshot({ path: join(SHOTS, 'alert-print.png'), fullPage: true });
    } finally {
      await official.emulateMedia({ media: null });
    }
  });
});
