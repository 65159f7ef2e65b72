/**
 * Crisis alerts in Chromium against a real relay (issue 5): an official publishes a signed
 * alert with a photo from a template; a resident in another browser sees it in the banner
 * with the "Officieel" badge, hears it in the live region and gets a system notification;
 * an unsigned alert written by a plain y-websocket client shows as "Niet geverifieerd"; with
 * the relay stopped and the browser offline the alert page and its photo still open.
 *
 * BH_SHOTS=<dir> (default /tmp/shots) receives screenshots of the banner, the alert page
 * and the composer at 390×844 and 1920×1080.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PublicSpace } from '@buurthub/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockClient, synced } from '../../sync-server/test/helpers/clients.js';
import { type CliRelay } from '../../sync-server/test/helpers/cli.js';
import { tempDir } from '../../sync-server/test/helpers/temp.js';
import { brokenHeadingWords, setTextSize } from './support/a11y.js';
import { axeViolations, launchChromium } from './support/browser.js';
import { freePort, startRelay } from './support/relay.js';
import { cli, inviteLink, joinWithLink } from './support/members.js';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1920, height: 1080 };
const NB = 'maaskant';
const SHOTS = process.env.BH_SHOTS ?? '/tmp/shots';
const MIEKE = { id: 'mieke', name: 'Mieke', role: 'moderator' as const };

/** Records every system notification the page shows. */
function recordNotifications(): void {
  const calls: { title: string; body?: string }[] = [];
  (window as unknown as { __notifications: typeof calls }).__notifications = calls;
  const Real = window.Notification;
  class Recording extends Real {
    constructor(title: string, options?: NotificationOptions) {
      super(title, options);
      calls.push({ title, body: options?.body });
    }
  }
  Object.defineProperty(Recording, 'permission', { get: () => Real.permission });
  window.Notification = Recording as typeof Notification;
}

describe('crisis alerts', () => {
  const data = tempDir('buurthub-crisis-e2e-');
  let base: string;
  let relay: CliRelay;
  let browser: Browser;
  let official: Page;
  let resident: Page;
  let alertUrl = '';

  async function joinAs(p: Page, name: string, role: string): Promise<void> {
    await joinWithLink(p, await inviteLink({ nb: NB, dataDir: data.path, base }, role), name);
  }

  async function shot(p: Page, name: string, fullPage = true): Promise<void> {
    mkdirSync(SHOTS, { recursive: true });
    await p.evaluate(() => window.scrollTo(0, 0));
    await p.screenshot({ path: join(SHOTS, name), fullPage });
  }

  /** A small photo of "the quay" as a JPEG. */
  async function photo(p: Page): Promise<Buffer> {
    const url = await p.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 800;
      canvas.height = 600;
      const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
      ctx.fillStyle = '#5b7fa6';
      ctx.fillRect(0, 0, 800, 600);
      ctx.fillStyle = '#8a6d3b';
      ctx.fillRect(0, 380, 800, 220);
      return canvas.toDataURL('image/jpeg', 0.9);
    });
    return Buffer.from(url.split(',')[1] as string, 'base64');
  }

  /** Writes the public space as a plain y-websocket client with a moderator token. */
  async function writePublic(write: (space: PublicSpace) => void): Promise<void> {
    const out = await cli(['token', NB, '--role', 'moderator', '--data', data.path]);
    const token = out.trim().split('\n').at(-1) as string;
    const client = stockClient(base, `${NB}/public`, { token });
    try {
      await synced(client);
      write(new PublicSpace(client.doc));
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      client.destroy();
    }
  }

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    await cli([
      'neighbourhood',
      'create',
      NB,
      '--name',
      'Maaskant',
      '--villages',
      'Mook,Middelaar,Plasmolen,Molenhoek',
      '--data',
      data.path,
    ]);
    relay = await startRelay(port, data.path);
    // The villages a moderator set for the neighbourhood (public space settings).
    await writePublic((space) =>
      space.settings.set({ name: 'Maaskant', villages: ['Mook', 'Middelaar', 'Plasmolen'] }, MIEKE),
    );
    browser = await launchChromium();
    const officialContext = await browser.newContext({ viewport: DESKTOP });
    official = await officialContext.newPage();
    const residentContext = await browser.newContext({ viewport: PHONE });
    await residentContext.grantPermissions(['notifications'], { origin: base });
    await residentContext.addInitScript(recordNotifications);
    resident = await residentContext.newPage();
    await joinAs(official, 'Gemeente Mook', 'official');
    await joinAs(resident, 'Anna Maas', 'resident');
    // The service worker controls the resident's page from the next load on.
    await resident.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await resident.reload();
    await resident.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
  });

  afterAll(async () => {
    await browser?.close();
    await relay?.stop('SIGKILL');
    data.remove();
  });

  it('lets an official compose an alert from a template with a photo and preview it, with village names whole at 200 % text', async () => {
    await official.getByRole('navigation').getByRole('link', { name: 'Crisis' }).click();
    await official.getByRole('heading', { name: 'Actuele crisisberichten' }).waitFor();
    await official.getByRole('link', { name: 'Crisisbericht maken' }).click();
    await official.getByRole('heading', { name: 'Nieuw crisisbericht' }).waitFor();
    await official.getByLabel('Sjabloon').selectOption('storm');
    await official.getByLabel('Sjabloon').selectOption('hoogwater');
    expect(await official.getByLabel('Soort gebeurtenis').inputValue()).toBe('Hoogwater');
    await official.getByLabel('Kop').fill('Hoogwater Maas: kade Mook loopt onder');
    await official.getByRole('checkbox', { name: 'Mook' }).check();
    await official.getByRole('checkbox', { name: 'Middelaar' }).check();
    // Validation in Dutch: an empty description is refused.
    await official.getByLabel('Wat er aan de hand is').fill('');
    await official.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
    await official.getByText('Beschrijf wat er aan de hand is', { exact: false }).waitFor();
    await official
      .getByLabel('Wat er aan de hand is')
      .fill('Het water stijgt. De hoogste stand wordt vrijdag 14:00 verwacht.');
    await official
      .getByLabel('Foto kiezen')
      .setInputFiles({ name: 'kade.jpg', mimeType: 'image/jpeg', buffer: await photo(official) });
    await official
      .getByLabel('Beschrijving van foto 1')
      .fill('De kade bij de veerpont onder water.');
    expect(await axeViolations(official)).toEqual([]);
    await shot(official, 'crisis-composer-1920.png');
    await official.setViewportSize(PHONE);
    await shot(official, 'crisis-composer-390.png');
    // At 200 % text on the phone the village names stay whole next to their checkboxes.
    await setTextSize(official, 200);
    expect(await brokenHeadingWords(official, '.check')).toEqual([]);
    await official.getByRole('checkbox', { name: 'Middelaar' }).scrollIntoViewIfNeeded();
    await official.screenshot({ path: join(SHOTS, 'crisis-composer-390-200.png') });
    await setTextSize(official, 100);
    await official.setViewportSize(DESKTOP);

    await official.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
    const preview = official.locator('bh-crisis-composer article.preview');
    await preview.getByText('Officieel').waitFor();
    await preview.getByRole('heading', { name: 'Hoogwater Maas: kade Mook loopt onder' }).waitFor();
    await preview.getByRole('img', { name: 'De kade bij de veerpont onder water.' }).waitFor();
    expect(await axeViolations(official)).toEqual([]);
  });

  it('publishes it signed, and the official sees it as official', async () => {
    await official.getByRole('button', { name: 'Ondertekenen en plaatsen' }).click();
    await expect.poll(() => official.evaluate(() => location.hash)).toMatch(/^#crisis\/.+/);
    alertUrl = official.url();
    const page = official.locator('bh-crisis-alert');
    await page.getByRole('heading', { name: 'Hoogwater Maas: kade Mook loopt onder' }).waitFor();
    await page.locator('.badge.official').first().waitFor({ timeout: 15_000 });
  });

  it('shows the resident the banner with the Officieel badge, an announcement and a notification', async () => {
    const banner = resident.locator('bh-crisis-banner');
    const article = banner.getByRole('article', { name: 'Hoogwater Maas: kade Mook loopt onder' });
    await article.waitFor({ timeout: 20_000 });
    await article.getByText('Officieel', { exact: true }).waitFor({ timeout: 15_000 });
    expect(await article.getByText('Niet geverifieerd').count()).toBe(0);
    const live = banner.locator('[aria-live]');
    await expect
      .poll(() => live.textContent(), { timeout: 15_000 })
      .toContain('Nieuw crisisbericht: Hoogwater Maas: kade Mook loopt onder (Officieel)');
    const notes = await resident.evaluate(
      () => (window as unknown as { __notifications: { title: string }[] }).__notifications,
    );
    expect(notes.map((n) => n.title)).toContain(
      'Nieuw crisisbericht: Hoogwater Maas: kade Mook loopt onder (Officieel)',
    );
    expect(await axeViolations(resident)).toEqual([]);
    await shot(resident, 'crisis-banner-390.png', false);
  });

  it('opens the alert page with its photo from the banner', async () => {
    await resident
      .locator('bh-crisis-banner')
      .getByRole('link', { name: /Alle informatie en vragen/ })
      .click();
    const page = resident.locator('bh-crisis-alert');
    await page.getByRole('heading', { name: 'Hoogwater Maas: kade Mook loopt onder' }).waitFor();
    const img = page.getByRole('img', { name: 'De kade bij de veerpont onder water.' });
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth), { timeout: 30_000 })
      .toBe(800);
    await page.getByText('Waarschijnlijk').waitFor();
    await page
      .getByLabel('Stel een vraag over dit bericht')
      .fill('Is de pont vandaag in de vaart?');
    await page.getByRole('button', { name: 'Vraag stellen' }).click();
    await page.getByText('Is de pont vandaag in de vaart?').waitFor();
    expect(await axeViolations(resident)).toEqual([]);
    await shot(resident, 'crisis-alert-390.png');
  });

  it('lets the official answer, pin the question and publish a signed update', async () => {
    await official.goto(alertUrl);
    const page = official.locator('bh-crisis-alert');
    await page.getByText('Is de pont vandaag in de vaart?').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Beantwoorden' }).click();
    await page.getByLabel('Je antwoord').fill('Nee, de pont vaart tot maandag niet.');
    await page.getByRole('button', { name: 'Antwoord plaatsen' }).click();
    await page.getByRole('button', { name: 'Vastzetten als veelgestelde vraag' }).click();
    await page.getByText('Veelgestelde vragen').waitFor();
    await page.getByLabel('Tekst van de update').fill('Hoogste stand nu verwacht vrijdag 18:00.');
    await page.getByLabel('Ernst', { exact: true }).selectOption('extreme');
    await page.getByRole('button', { name: 'Update ondertekenen en plaatsen' }).click();
    await page.locator('.timeline').getByText('Hoogste stand nu verwacht vrijdag 18:00.').waitFor();
    await expect.poll(() => page.locator('.timeline .badge.official').count()).toBe(1);
    expect(await axeViolations(official)).toEqual([]);
    await shot(official, 'crisis-alert-1920.png');

    const banner = resident.locator('bh-crisis-banner');
    await expect
      .poll(() => banner.locator('[aria-live]').textContent(), { timeout: 20_000 })
      .toContain('Update bij Hoogwater Maas: kade Mook loopt onder (Officieel)');
    await resident
      .locator('bh-crisis-alert')
      .getByText('Nee, de pont vaart tot maandag niet.')
      .waitFor();
  });

  it('shows an alert without a valid signature as Niet geverifieerd', async () => {
    await writePublic((space) => {
      const now = Date.now();
      space.crisis.create(
        {
          status: 'actual',
          severity: 'extreme',
          headline: 'Evacueer nu naar de kerk',
          description: 'Vals bericht zonder handtekening.',
          villages: ['Mook'],
          effective: now - 60_000,
          expires: now + 3_600_000,
        },
        { id: 'nep', name: 'Gemeente Mook', role: 'official' },
      );
    });
    const forged = resident
      .locator('bh-crisis-banner')
      .getByRole('article', { name: 'Evacueer nu naar de kerk' });
    await forged.waitFor({ timeout: 20_000 });
    await forged.getByText('Niet geverifieerd', { exact: true }).waitFor({ timeout: 15_000 });
    expect(await forged.getByText('Officieel', { exact: true }).count()).toBe(0);
    await expect
      .poll(() => resident.locator('bh-crisis-banner [aria-live]').textContent(), {
        timeout: 15_000,
      })
      .toContain('(Niet geverifieerd)');
    await resident.evaluate(() => (location.hash = '#berichten'));
    expect(await axeViolations(resident)).toEqual([]);
    await shot(resident, 'crisis-banner-forged-390.png', false);
    await official.goto(alertUrl.replace(/#.*$/, '#berichten'));
    await official
      .locator('bh-crisis-banner')
      .getByRole('article', { name: 'Evacueer nu naar de kerk' })
      .waitFor();
    await shot(official, 'crisis-banner-1920.png', false);
  });

  it('opens the alert page with its photo with the relay stopped and the browser offline', async () => {
    await relay.stop('SIGKILL');
    await resident.context().setOffline(true);
    await resident.goto(alertUrl.replace(/^https?:\/\/[^/]+/, base));
    const page = resident.locator('bh-crisis-alert');
    await page.getByRole('heading', { name: 'Hoogwater Maas: kade Mook loopt onder' }).waitFor();
    const img = page.getByRole('img', { name: 'De kade bij de veerpont onder water.' });
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth), { timeout: 20_000 })
      .toBe(800);
    await page.locator('.badge.official').first().waitFor();
  });
});
