/**
 * A big neighbourhood takes seconds to read from the device on a phone: until it is read,
 * the feed says its posts are loading, not "no posts yet, write the first one". The slow
 * read is made by holding IndexedDB's open for a few seconds in the page (the device's
 * copy, the service worker and the relay are real).
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliRelay } from '../../sync-server/test/helpers/cli.js';
import { tempDir } from '../../sync-server/test/helpers/temp.js';
import { axeViolations, launchChromium } from './support/browser.js';
import { freePort, startRelay } from './support/relay.js';

const PHONE = { width: 390, height: 844 };
const HOLD_MS = 3000;

describe('the feed while the device reads its copy', () => {
  const data = tempDir('buurthub-e2e-');
  let port: number;
  let relay: CliRelay;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    port = await freePort();
    relay = await startRelay(port, data.path, ['--demo']);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: PHONE });
  });

  afterAll(async () => {
    await browser?.close();
    await relay?.stop('SIGKILL');
    data.remove();
  });

  it('says the posts are loading, not that there are none, and then shows them', async () => {
    const first = await context.newPage();
    await first.goto(`http://127.0.0.1:${port}/`);
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
    await page.goto(`http://127.0.0.1:${port}/`);
    const loading = page.getByRole('status').filter({ hasText: 'Berichten worden geladen…' });
    await loading.waitFor();
    expect(await page.getByText('Er zijn nog geen berichten').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('article').first().waitFor();
    expect(await loading.count()).toBe(0);
  });
});
