/**
 * A kiosk in a neighbourhood that does not let kiosks read its community room (the default;
 * `--kiosk-reads-community` turns it on), in Chromium against a real relay: the kiosk window
 * (the preload's bridge with a `kiosk` token the relay signed) shows the public room and
 * stops asking for the community room once the relay has refused it, instead of knocking
 * again every few seconds for as long as the screen is on. The relay's own count of refused
 * connections (/metrics) is what the test reads.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRelay } from '../../sync-server/test/helpers/cli.js';
import { tempDir } from '../../sync-server/test/helpers/temp.js';
import { axeViolations, launchChromium } from './support/browser.js';
import { kioskWindowPage, kioskWindowToken } from './support/kiosk-window.js';
import { cli } from './support/members.js';
import { freePort, startRelay } from './support/relay.js';

const NB = 'lindehof';
/** Longer than two of the app's longest waits between attempts (5 s, space-connection.ts). */
const QUIET_MS = 12_000;

describe('a kiosk the neighbourhood does not let read its community room', () => {
  const data = tempDir('buurthub-kiosk-refused-');
  let base: string;
  let relay: CliRelay;
  let browser: Browser;
  let kiosk: Page;

  /** Connections the relay refused because the token may not read the room. */
  async function refusals(): Promise<number> {
    const text = await (await fetch(`${base}/metrics`)).text();
    const line = /^buurthub_rejected_connections_total\{reason="not-allowed"\} (\d+)/m.exec(text);
    return Number(line?.[1] ?? 0);
  }

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    await cli(['neighbourhood', 'create', NB, '--name', 'Buurt Lindehof', '--data', data.path]);
    const windowToken = await kioskWindowToken(NB, data.path);
    relay = await startRelay(port, data.path);
    browser = await launchChromium();
    kiosk = await kioskWindowPage(browser, { windowToken });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await relay?.stop('SIGKILL');
    data.remove();
  });

  it('shows the public room and stops asking for the community room once refused', async () => {
    await kiosk.goto(`${base}/nb/${NB}/`);
    const view = kiosk.locator('bh-kiosk');
    await view.getByRole('heading', { name: 'Geen crisismeldingen' }).waitFor();
    // The neighbourhood's name comes from the public room: the kiosk reads it.
    await view.getByText('Buurt Lindehof').waitFor({ timeout: 15_000 });
    // The relay refuses the community room to the kiosk token a few times ...
    await expect.poll(refusals, { timeout: 20_000 }).toBeGreaterThan(0);
    await kiosk.waitForTimeout(QUIET_MS);
    const settled = await refusals();
    // ... and then the window stops asking.
    await kiosk.waitForTimeout(QUIET_MS);
    expect(await refusals()).toBe(settled);
    expect(settled).toBeLessThanOrEqual(4);
    await view.getByText('Buurt Lindehof').waitFor();
    expect(await axeViolations(kiosk)).toEqual([]);
  });
});
