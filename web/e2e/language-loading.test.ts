/**
 * The first load carries one language: a Dutch device fetches the Dutch catalogue only, its
 * first paint is already Dutch, and the English catalogue arrives when the user switches
 * (and is remembered for the next start, which then fetches English only).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inviteLink, joinWithLink } from './support/members.js';
import { type TestSite, startNeighbourhood } from './support/neighbourhood.js';

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
  let site: TestSite;
  let context: BrowserContext;

  beforeAll(async () => {
    site = await startNeighbourhood('buurthub-language-', NB, 'Taalbuurt');
    // The service worker would answer later loads from its cache, out of sight of the page.
    context = await site.browser.newContext({ serviceWorkers: 'block' });
  }, 180_000);

  afterAll(() => site?.stop());

  it('loads only Dutch on a Dutch device, and English only when the user switches to it', async () => {
    const page = await context.newPage();
    const fetched = recordCatalogues(page);
    await joinWithLink(page, await inviteLink(site), 'Ineke');
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
    await page.goto(site.url());
    await page.getByRole('heading', { name: 'Posts from the neighbourhood' }).waitFor();
    expect(fetched).toEqual(['en']);
    await page.close();
  });
});
