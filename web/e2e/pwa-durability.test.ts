/**
 * What a resident wrote survives the PWA's own machinery, in Chromium (offline-slice.test.ts
 * covers a reload while offline): "saved on the server" appears only once the relay's
 * acknowledgement arrived (the test holds acknowledgements back between page and relay),
 * and a post still waiting for the relay survives the service worker's caches being
 * cleared, and reaches the relay afterwards.
 */
import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliRelay } from '../../sync-server/test/helpers/cli.js';
import { tempDir } from '../../sync-server/test/helpers/temp.js';
import { axeViolations, launchChromium } from './support/browser.js';
import { freePort, startRelay } from './support/relay.js';

const PHONE = { width: 390, height: 844 };
/** The relay's acknowledgement message type (docs/protocol.md). */
const MESSAGE_ACK = 100;

describe('a resident’s edits and the PWA’s machinery', () => {
  const data = tempDir('buurthub-e2e-');
  let port: number;
  let relay: CliRelay;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let neighbour: Page;
  /** Between page and relay: acknowledgements are held while `holdAcks`, all traffic while `blocked`. */
  let holdAcks = false;
  let blocked = false;
  const heldAcks: { route: WebSocketRoute; message: string | Buffer }[] = [];

  beforeAll(async () => {
    port = await freePort();
    relay = await startRelay(port, data.path, ['--demo']);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: PHONE });
    await context.routeWebSocket(/\/sync\//, (ws) => {
      // Blocked: the page's socket opens, but nothing reaches the relay, nor comes back.
      if (blocked) return;
      const server = ws.connectToServer();
      ws.onMessage((message) => server.send(message));
      server.onMessage((message) => {
        const first = typeof message === 'string' ? message.charCodeAt(0) : message[0];
        if (holdAcks && first === MESSAGE_ACK) heldAcks.push({ route: ws, message });
        else ws.send(message);
      });
    });
    page = await context.newPage();
    neighbour = await (await browser.newContext({ viewport: PHONE })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await relay?.stop('SIGKILL');
    data.remove();
  });

  const status = () => page.getByRole('status', { name: 'Synchronisatiestatus' });

  async function post(title: string): Promise<void> {
    await page.getByRole('link', { name: 'Nieuw bericht' }).click();
    await page.getByLabel('Titel').fill(title);
    await page
      .getByLabel('Bericht', { exact: true })
      .fill('Geschreven voor de betrouwbaarheidstest.');
    await page.getByLabel('Categorie').selectOption('nieuws');
    await page.getByRole('button', { name: 'Plaatsen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Hoe heet je?' });
    if (await dialog.isVisible()) {
      await dialog.getByLabel('Je naam').fill('Sanne Peters');
      await dialog.getByRole('button', { name: 'Opslaan' }).click();
    }
    await page.getByText('Je bericht is geplaatst.').waitFor();
  }

  it('says "saved on the server" only after the relay acknowledged the post', async () => {
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.getByRole('article').first().waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await neighbour.goto(`http://127.0.0.1:${port}/`);
    await neighbour.getByRole('article').first().waitFor();

    holdAcks = true;
    await post('Zandzakken bij de sporthal');
    // The relay has it (it fans out only what it stored), but its ack is held back.
    await neighbour.getByRole('article', { name: 'Zandzakken bij de sporthal' }).waitFor();
    await expect.poll(() => heldAcks.length).toBeGreaterThan(0);
    await expect.poll(() => status().textContent()).toMatch(/\d+ wijziging(en)? wacht/);
    expect(await status().textContent()).not.toMatch(/opgeslagen op de server/);
    expect(await axeViolations(page)).toEqual([]);

    holdAcks = false;
    for (const { route, message } of heldAcks.splice(0)) route.send(message);
    await expect
      .poll(() => status().textContent(), { timeout: 15_000 })
      .toMatch(/opgeslagen op de server/);
  });

  it('keeps a post that is still waiting for the relay when the service worker’s caches are cleared', async () => {
    // The relay cannot be reached for syncing: the post waits on the device.
    blocked = true;
    await page.reload();
    await post('Koffie in het buurthuis');
    await expect.poll(() => status().textContent()).toMatch(/\d+ wijziging(en)? wacht/);

    // What a browser's "clear site cache" or an evicted cache does: the app shell is gone.
    const cleared = await page.evaluate(async () => {
      const names = await caches.keys();
      await Promise.all(names.map((name) => caches.delete(name)));
      return names.length;
    });
    expect(cleared).toBeGreaterThan(0);
    await page.reload();
    await page.getByRole('article', { name: 'Koffie in het buurthuis' }).waitFor();
    await expect.poll(() => status().textContent()).toMatch(/\d+ wijziging(en)? wacht/);

    blocked = false;
    await page.reload();
    await neighbour
      .getByRole('article', { name: 'Koffie in het buurthuis' })
      .waitFor({ timeout: 30_000 });
    await expect
      .poll(() => status().textContent(), { timeout: 30_000 })
      .toMatch(/opgeslagen op de server/);
  });
});
