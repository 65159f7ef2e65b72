/**
 * The kiosk never opens the member directory (personal data, issue 8): in the kiosk window
 * (the preload's bridge) the app shows only the kiosk view, `#buren` leads nowhere, and no
 * connection to `<nb>/directory` is opened. A moderator's session saved in the browser
 * earlier is not used there either: on the kiosk a moderator signs in with a code, for that
 * visit only (kiosk-moderator.test.ts, which checks the directory stays closed then too).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRelay } from '../../sync-server/test/helpers/cli.js';
import { tempDir } from '../../sync-server/test/helpers/temp.js';
import { launchChromium } from './support/browser.js';
import { cli, inviteLink, joinWithLink } from './support/members.js';
import { freePort, startRelay } from './support/relay.js';

const NB = 'maasoever';

describe('kiosk and the member directory', () => {
  const data = tempDir('buurthub-kiosk-dir-');
  let relay: CliRelay;
  let browser: Browser;
  let kiosk: Page;
  const sockets: string[] = [];

  beforeAll(async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    await cli(['neighbourhood', 'create', NB, '--name', 'Maasoever', '--data', data.path]);
    relay = await startRelay(port, data.path);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    kiosk = await context.newPage();
    const link = await inviteLink({ nb: NB, dataDir: data.path, base }, 'moderator');
    await joinWithLink(kiosk, link, 'Buurtverbinder Els');
    await context.addInitScript(() => {
      (window as unknown as { buurthubKiosk: object }).buurthubKiosk = Object.freeze({
        isKiosk: true,
      });
    });
    // Leave the member's app first, so only the kiosk window's connections are counted.
    await kiosk.goto('about:blank');
    kiosk.on('websocket', (socket) => sockets.push(new URL(socket.url()).pathname));
    await kiosk.goto(`${base}/nb/${NB}/`);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await relay?.stop('SIGKILL');
    data.remove();
  });

  it('has no route into the directory and opens no directory connection, and ignores a saved session', async () => {
    const view = kiosk.locator('bh-kiosk');
    await view.getByRole('heading', { name: 'Geen crisismeldingen' }).waitFor();
    await expect.poll(() => sockets.some((s) => s.endsWith(`/${NB}/public`))).toBe(true);
    // The moderator who joined in this browser is not signed in on the kiosk.
    await view.getByRole('button', { name: 'Buurtverbinder' }).waitFor();
    expect(sockets.filter((s) => s.endsWith('/community'))).toEqual([]);
    await kiosk.evaluate(() => (location.hash = '#buren'));
    await kiosk.evaluate(() => (location.hash = '#buren/profiel'));
    await view.getByRole('heading', { name: 'Geen crisismeldingen' }).waitFor();
    expect(await kiosk.locator('bh-directory').count()).toBe(0);
    expect(await kiosk.getByRole('navigation').count()).toBe(0);
    expect(sockets.filter((s) => s.includes('/directory'))).toEqual([]);
  });
});
