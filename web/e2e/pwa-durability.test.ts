/**
 * What a resident wrote survives the PWA's own machinery, in Chromium (offline-slice.test.ts
 * covers a reload while offline): "saved on the server" appears only once the relay's
 * acknowledgement arrived (the test holds acknowledgements back between page and relay),
 * a post still waiting for the relay survives the service worker's caches being cleared,
 * and survives a new version of the app deployed while the device was offline; each
 * reaches the relay afterwards.
 */
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliRelay } from '../../sync-server/test/helpers/cli.js';
import { tempDir } from '../../sync-server/test/helpers/temp.js';
import { axeViolations, launchChromium } from './support/browser.js';
import { freePort, startRelay } from './support/relay.js';

const PHONE = { width: 390, height: 844 };
/** The relay's acknowledgement message type (docs/protocol.md). */
const MESSAGE_ACK = 100;

/**
 * The page's sync traffic, routed through the test: nothing gets through while `blocked`
 * (the socket opens, but nothing reaches the relay, nor comes back), and acknowledgements
 * are held back while `holdAcks` until `releaseAcks()`.
 */
interface SyncGate {
  blocked: boolean;
  holdAcks: boolean;
  readonly heldAcks: number;
  releaseAcks(): void;
}

async function gateSync(context: BrowserContext): Promise<SyncGate> {
  const held: { route: WebSocketRoute; message: string | Buffer }[] = [];
  const gate: SyncGate = {
    blocked: false,
    holdAcks: false,
    get heldAcks() {
      return held.length;
    },
    releaseAcks() {
      gate.holdAcks = false;
      for (const { route, message } of held.splice(0)) route.send(message);
    },
  };
  await context.routeWebSocket(/\/sync\//, (ws) => {
    if (gate.blocked) return;
    const server = ws.connectToServer();
    ws.onMessage((message) => server.send(message));
    server.onMessage((message) => {
      const type = typeof message === 'string' ? message.charCodeAt(0) : message[0];
      if (gate.holdAcks && type === MESSAGE_ACK) held.push({ route: ws, message });
      else ws.send(message);
    });
  });
  return gate;
}

/** Writes a post through the composer, as a resident does. */
async function post(page: Page, title: string): Promise<void> {
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

const syncStatus = (page: Page) => page.getByRole('status', { name: 'Synchronisatiestatus' });

describe('a resident’s edits and the PWA’s machinery', () => {
  const data = tempDir('buurthub-e2e-');
  let port: number;
  let relay: CliRelay;
  let browser: Browser;
  let page: Page;
  let neighbour: Page;
  let gate: SyncGate;

  beforeAll(async () => {
    port = await freePort();
    relay = await startRelay(port, data.path, ['--demo']);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: PHONE });
    gate = await gateSync(context);
    page = await context.newPage();
    neighbour = await (await browser.newContext({ viewport: PHONE })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await relay?.stop('SIGKILL');
    data.remove();
  });

  const status = () => syncStatus(page);

  it('says "saved on the server" only after the relay acknowledged the post', async () => {
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.getByRole('article').first().waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await neighbour.goto(`http://127.0.0.1:${port}/`);
    await neighbour.getByRole('article').first().waitFor();

    gate.holdAcks = true;
    await post(page, 'Zandzakken bij de sporthal');
    // The relay has it (it fans out only what it stored), but its ack is held back.
    await neighbour.getByRole('article', { name: 'Zandzakken bij de sporthal' }).waitFor();
    await expect.poll(() => gate.heldAcks).toBeGreaterThan(0);
    await expect.poll(() => status().textContent()).toMatch(/\d+ wijziging(en)? wacht/);
    expect(await status().textContent()).not.toMatch(/opgeslagen op de server/);
    expect(await axeViolations(page)).toEqual([]);

    gate.releaseAcks();
    await expect
      .poll(() => status().textContent(), { timeout: 15_000 })
      .toMatch(/opgeslagen op de server/);
  });

  it('keeps a post that is still waiting for the relay when the service worker’s caches are cleared', async () => {
    // The relay cannot be reached for syncing: the post waits on the device.
    gate.blocked = true;
    await page.reload();
    await post(page, 'Koffie in het buurthuis');
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

    gate.blocked = false;
    await page.reload();
    await neighbour
      .getByRole('article', { name: 'Koffie in het buurthuis' })
      .waitFor({ timeout: 30_000 });
    await expect
      .poll(() => status().textContent(), { timeout: 30_000 })
      .toMatch(/opgeslagen op de server/);
  });
});

/** The PWA the relay serves (the build BUURTHUB_WEB_DIST names, as for the relay). */
const BUILT_APP =
  process.env.BUURTHUB_WEB_DIST ?? fileURLToPath(new URL('../dist', import.meta.url));

/**
 * A second version of the built app, as a deployment brings: its index.html differs (a
 * marker the test can see) and its service worker's precache manifest says so, with the
 * file's new revision, as a rebuild would.
 */
function nextVersion(from: string, to: string): void {
  cpSync(from, to, { recursive: true });
  const indexPath = join(to, 'index.html');
  const index = readFileSync(indexPath, 'utf8').replace(
    '</head>',
    '<meta name="buurthub-test-version" content="2"></head>',
  );
  writeFileSync(indexPath, index);
  const revision = createHash('md5').update(index).digest('hex');
  const swPath = join(to, 'sw.js');
  const sw = readFileSync(swPath, 'utf8');
  const updated = sw.replace(
    /"revision":"[0-9a-f]+","url":"index.html"/,
    `"revision":"${revision}","url":"index.html"`,
  );
  if (updated === sw) throw new Error(`no index.html entry in the precache manifest of ${swPath}`);
  writeFileSync(swPath, updated);
}

describe('an app update deployed while the device was offline with edits waiting', () => {
  const data = tempDir('buurthub-e2e-');
  const versions = tempDir('buurthub-web-');
  const first = join(versions.path, 'v1');
  const second = join(versions.path, 'v2');
  let port: number;
  let relay: CliRelay | undefined;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let gate: SyncGate;

  /** Starts the relay serving the app from `webDist` (what installing a version does). */
  async function serve(webDist: string): Promise<void> {
    const before = process.env.BUURTHUB_WEB_DIST;
    process.env.BUURTHUB_WEB_DIST = webDist;
    try {
      relay = await startRelay(port, data.path, ['--demo']);
    } finally {
      if (before === undefined) delete process.env.BUURTHUB_WEB_DIST;
      else process.env.BUURTHUB_WEB_DIST = before;
    }
  }

  beforeAll(async () => {
    cpSync(BUILT_APP, first, { recursive: true });
    nextVersion(first, second);
    port = await freePort();
    await serve(first);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: PHONE });
    gate = await gateSync(context);
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await relay?.stop('SIGKILL');
    data.remove();
    versions.remove();
  });

  const status = () => syncStatus(page);
  const version = () =>
    page.evaluate(
      () =>
        document.querySelector('meta[name="buurthub-test-version"]')?.getAttribute('content') ??
        '1',
    );

  it('keeps the waiting post through the update, and saves it on the server afterwards', async () => {
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.getByRole('article').first().waitFor();
    // The first visit is already served by the service worker (it claims the page).
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    // The relay cannot be reached for syncing: the post waits on the device.
    gate.blocked = true;
    await page.reload();
    await post(page, 'Aggregaat in de gymzaal');
    await expect.poll(() => status().textContent()).toMatch(/\d+ wijziging(en)? wacht/);
    const waiting = await status().textContent();

    // Offline, and meanwhile the operator installs version 2 and restarts the relay.
    await relay?.stop('SIGKILL');
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('article', { name: 'Aggregaat in de gymzaal' }).waitFor();
    expect(await version()).toBe('1');

    // Back online, while the relay is still down; then version 2 is up, and the next time
    // the app is opened the browser finds it, and the app offers it.
    await context.setOffline(false);
    await serve(second);
    await page.reload();
    const update = page.getByRole('button', { name: 'Vernieuwen' });
    await update.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: '/tmp/notes/reliability-update-toast.png' });
    expect(await axeViolations(page)).toEqual([]);
    // Still version 1 until the resident accepts, and the post still waits.
    expect(await version()).toBe('1');
    await update.click();
    await expect.poll(version, { timeout: 30_000 }).toBe('2');

    // Version 2 shows the same post, with the same count of waiting changes.
    await page.getByRole('article', { name: 'Aggregaat in de gymzaal' }).waitFor();
    await expect.poll(() => status().textContent()).toBe(waiting);

    // The relay is reachable again: the post is sent, "saved" only after the acknowledgement.
    gate.holdAcks = true;
    gate.blocked = false;
    await page.reload();
    const neighbour = await (await browser.newContext({ viewport: PHONE })).newPage();
    await neighbour.goto(`http://127.0.0.1:${port}/`);
    await neighbour
      .getByRole('article', { name: 'Aggregaat in de gymzaal' })
      .waitFor({ timeout: 30_000 });
    await expect.poll(() => gate.heldAcks).toBeGreaterThan(0);
    expect(await status().textContent()).not.toMatch(/opgeslagen op de server/);
    gate.releaseAcks();
    await expect
      .poll(() => status().textContent(), { timeout: 30_000 })
      .toMatch(/opgeslagen op de server/);
  });
});
