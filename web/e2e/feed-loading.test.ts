/**
 * A big neighbourhood takes seconds to read from the device on a phone: until it is read,
 * the feed says its posts are loading, not "no posts yet, write the first one". The slow
 * read is made by holding IndexedDB's open for a few seconds in the page (the device's
 * copy, the service worker and the relay are real).
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/browser.js';
import { type TestSite, startDemoNeighbourhood } from './support/neighbourhood.js';

const PHONE = { width: 390, height: 844 };
const HOLD_MS = 3000;

describe('the feed while the device reads its copy', () => {
  let site: TestSite;
  let context: BrowserContext;

  beforeAll(async () => {
    site = await startDemoNeighbourhood('buurthub-e2e-');
    context = await site.browser.newContext({ viewport: PHONE });
  });

  afterAll(() => site?.stop());

  it('says the posts are loading, not that there are none, and then shows them', async () => {
    const first = await context.newPage();
    await first.goto(`${site.base}/`);
    await first.getByRole('article').first().waitFor();
    await first.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await first.close();

    await context.setOffline(true);
    await context.addInitScript((holdMs: number) => {
      const open = IDBFactory.prototype.open;
      IDBFactory.prototype.open = function (...args: Parameters<IDBFactory['open']>) {
        const request = open.apply(this, args);
        let held = true;
        request.addEventListener('success', (event) => {
          if (!held) return;
          event.stopImmediatePropagation();
          setTimeout(() => {
            held = false;
            request.dispatchEvent(new Event('success'));
          }, holdMs);
        });
        return request;
      };
    }, HOLD_MS);
    const page = await context.newPage();
    await page.goto(`${site.base}/`);
    const loading = page.getByRole('status').filter({ hasText: 'Berichten worden geladen…' });
    await loading.waitFor();
    expect(await page.getByText('Er zijn nog geen berichten').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('article').first().waitFor();
    expect(await loading.count()).toBe(0);
  });
});
