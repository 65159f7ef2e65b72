/**
 * The first load carries one language: a Dutch device fetches the Dutch catalogue only, its
 * first paint is already Dutch, and the English catalogue arrives when the user switches
 * (and is remembered for the next start, which then fetches English only).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRelay } from '../../sync-server/test/helpers/cli.js';
import { tempDir } from '../../sync-server/test/helpers/temp.js';
import { launchChromium } from './support/browser.js';
import { cli, inviteLink, joinWithLink } from './support/members.js';
import { freePort, startRelay } from './support/relay.js';

const NB = 'taalbuurt';

/** The catalogue chunks (assets/nl-<hash>.js, assets/en-<hash>.js) a page fetches. */
function recordCatalogues(page: Page): string[] {
  const fetched: string[] = [];
  page.on('request', (request) => {
    const language = /\/assets\/(nl|en)-[\w-]+\.js$/.exec(new URL(request.url()).pathname)?.[1];
    if (language) fetched.push(language);
  });
  return fetched;
}

describe('the language catalogue', () => {
  const data = tempDir('buurthub-language-');
  let relay: CliRelay;
  let browser: Browser;
  let context: BrowserContext;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    await cli(['neighbourhood', 'create', NB, '--name', 'Taalbuurt', '--data', data.path]);
    relay = await startRelay(port, data.path);
    browser = await launchChromium();
    // The service worker would answer later loads from its cache, out of sight of the page.
    context = await browser.newContext({ serviceWorkers: 'block' });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await relay?.stop('SIGKILL');
    data.remove();
  });

  it('loads only Dutch on a Dutch device, and English only when the user switches to it', async () => {
    const page = await context.newPage();
    const fetched = recordCatalogues(page);
    await joinWithLink(page, await inviteLink({ nb: NB, dataDir: data.path, base }), 'Ineke');
    expect(fetched).toEqual(['nl']);

    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { name: 'Posts from the neighbourhood' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(fetched).toEqual(['nl', 'en']);
    await page.close();
  });

  it('starts in the language picked last time, fetching that catalogue only', async () => {
    const page = await context.newPage();
    const fetched = recordCatalogues(page);
    await page.goto(`${base}/nb/${NB}/`);
    await page.getByRole('heading', { name: 'Posts from the neighbourhood' }).waitFor();
    expect(fetched).toEqual(['en']);
    await page.close();
  });
});
