/**
 * The foundation's end-to-end slice in Chromium: a resident posts, a neighbour sees it live;
 * with the relay gone and the network off the app still opens, shows the feed and takes a
 * new post, which reaches the neighbour once the relay is back.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliRelay } from '../../sync-server/test/helpers/cli.js';
import { tempDir } from '../../sync-server/test/helpers/temp.js';
import { axeViolations, launchChromium } from './support/browser.js';
import { freePort, startRelay } from './support/relay.js';

const PHONE = { width: 390, height: 844 };

describe('a resident using the PWA', () => {
  const data = tempDir('buurthub-e2e-');
  let port: number;
  let relay: CliRelay;
  let browser: Browser;
  let anna: BrowserContext;
  let bram: BrowserContext;
  let annaPage: Page;
  let bramPage: Page;

  beforeAll(async () => {
    port = await freePort();
    relay = await startRelay(port, data.path, ['--demo']);
    browser = await launchChromium();
    anna = await browser.newContext({ viewport: PHONE });
    bram = await browser.newContext({ viewport: PHONE });
    annaPage = await anna.newPage();
    bramPage = await bram.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await relay?.stop('SIGKILL');
    data.remove();
  });

  async function post(page: Page, title: string, body: string): Promise<void> {
    await page.getByRole('link', { name: 'Nieuw bericht' }).click();
    await page.getByLabel('Titel').fill(title);
    await page.getByLabel('Bericht', { exact: true }).fill(body);
    await page.getByLabel('Categorie').selectOption('nieuws');
    await page.getByRole('button', { name: 'Plaatsen' }).click();
  }

  it('opens the Maasburen demo neighbourhood in Dutch', async () => {
    await annaPage.goto(`http://127.0.0.1:${port}/`);
    await expect.poll(() => annaPage.locator('html').getAttribute('lang')).toBe('nl');
    await annaPage.getByRole('article').first().waitFor();
    // The feed renders only the posts near the screen; each says how many there are.
    const total = await annaPage
      .locator('bh-feed li[aria-setsize]')
      .first()
      .getAttribute('aria-setsize');
    expect(Number(total)).toBeGreaterThanOrEqual(8);
    await expect.poll(() => annaPage.getByText('Maasburen').first().isVisible()).toBe(true);
    // The service worker has precached the app shell once it is ready.
    await annaPage.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  });

  it('shows a new post live to a neighbour in another browser', async () => {
    await bramPage.goto(`http://127.0.0.1:${port}/`);
    await bramPage.getByRole('article').first().waitFor();

    await post(
      annaPage,
      'Fiets gevonden bij de kerk',
      'Een blauwe damesfiets, staat bij de pastorie.',
    );
    const dialog = annaPage.getByRole('dialog', { name: 'Hoe heet je?' });
    await dialog.getByLabel('Je naam').fill('Anna de Vries');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await annaPage.getByText('Je bericht is geplaatst.').waitFor();

    await bramPage.getByRole('article', { name: 'Fiets gevonden bij de kerk' }).waitFor();
    const status = annaPage.getByRole('status', { name: 'Synchronisatiestatus' });
    await expect
      .poll(() => status.textContent(), { timeout: 10_000 })
      .toMatch(/opgeslagen op de server/);
  });

  it('keeps a half-written comment and post draft across a reload', async () => {
    const article = annaPage.getByRole('article', { name: 'Fiets gevonden bij de kerk' });
    await article.getByLabel('Schrijf een reactie').fill('Is hij van de buren van nummer 12?');
    await annaPage.getByRole('link', { name: 'Nieuw bericht' }).click();
    await annaPage.getByLabel('Titel').fill('Half af');
    await annaPage.reload();
    await annaPage.getByText('Je concept is teruggezet.').waitFor();
    expect(await annaPage.getByLabel('Titel').inputValue()).toBe('Half af');
    await annaPage.getByLabel('Titel').fill('');
    await annaPage.getByRole('link', { name: 'Berichten' }).click();
    const field = annaPage
      .getByRole('article', { name: 'Fiets gevonden bij de kerk' })
      .getByLabel('Schrijf een reactie');
    expect(await field.inputValue()).toBe('Is hij van de buren van nummer 12?');
    await field.fill('');
  });

  it('has no WCAG 2.1 AA violations in the feed', async () => {
    await annaPage.getByRole('link', { name: 'Berichten' }).click();
    await annaPage.getByRole('article').first().waitFor();
    expect(await axeViolations(annaPage)).toEqual([]);
  });

  it('still opens and takes a post with the relay down and the network off', async () => {
    await relay.stop('SIGKILL');
    await anna.setOffline(true);
    await annaPage.reload();
    await annaPage.getByRole('article', { name: 'Fiets gevonden bij de kerk' }).waitFor();
    const status = annaPage.getByRole('status', { name: 'Synchronisatiestatus' });
    await expect.poll(() => status.textContent()).toMatch(/Offline/);

    await post(
      annaPage,
      'Stroom uit in Molenhoek',
      'Bij ons in de straat is de stroom uitgevallen.',
    );
    await annaPage.getByText('Je bericht is geplaatst.').waitFor();
    await expect.poll(() => status.textContent()).toMatch(/1 wijziging wacht/);

    // A reload while still offline keeps both the post and the honest count.
    await annaPage.reload();
    await annaPage.getByRole('article', { name: 'Stroom uit in Molenhoek' }).waitFor();
    await expect.poll(() => status.textContent()).toMatch(/1 wijziging wacht/);
  });

  it('delivers the offline post to the neighbour when the relay is back', async () => {
    // Still the demo relay: without --demo it refuses token-less residents (and rightly so).
    relay = await startRelay(port, data.path, ['--demo']);
    await anna.setOffline(false);
    await bramPage
      .getByRole('article', { name: 'Stroom uit in Molenhoek' })
      .waitFor({ timeout: 30_000 });
    const status = annaPage.getByRole('status', { name: 'Synchronisatiestatus' });
    await expect
      .poll(() => status.textContent(), { timeout: 30_000 })
      .toMatch(/Online · laatst opgeslagen op de server/);
  });
});
