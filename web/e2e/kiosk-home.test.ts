/**
 * The kiosk's home screen on a real hub (issue 7): an upstream relay and a hub replicating
 * it (`buurthub serve --upstream … --token …` with a kiosk device token), both on 127.0.0.1;
 * the neighbourhood lets kiosks read its community room. The kiosk page is loaded from the
 * hub with the preload's bridge, as in the kiosk window: no member signed in, only the
 * window's own kiosk token from the hub (desktop/src/window-token.ts). A resident posts an event
 * upstream; the kiosk shows it under "Deze week", with the hub's upstream state, the LAN
 * address with a QR code, and a text-size control that the idle reset puts back. Cutting
 * the upstream shows the building is on its own.
 *
 * BH_SHOTS=<dir> (default /tmp/shots) receives kiosk-home.png, kiosk-home-larger.png and
 * kiosk-home-offline.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRelay } from '../../sync-server/test/helpers/cli.js';
import { tempDir } from '../../sync-server/test/helpers/temp.js';
import { axeViolations, launchChromium } from './support/browser.js';
import { cli, inviteLink, joinWithLink } from './support/members.js';
import { kioskWindowPage, kioskWindowToken } from './support/kiosk-window.js';
import { freePort, startRelay } from './support/relay.js';

const NB = 'maasoever';
const SHOTS = process.env.BH_SHOTS ?? '/tmp/shots';
const EVENT = 'Repair café in het buurthuis';
const LAN = 'http://192.168.1.20:8080';

/** Today in the neighbourhood's time zone, as the date field wants it. */
const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

describe('kiosk home on a hub', () => {
  const upData = tempDir('buurthub-kiosk-up-');
  const hubData = tempDir('buurthub-kiosk-hub-');
  let upBase: string;
  let hubBase: string;
  let upstream: CliRelay;
  let hub: CliRelay;
  let browser: Browser;
  let resident: Page;
  let kiosk: Page;

  async function shot(p: Page, name: string): Promise<void> {
    mkdirSync(SHOTS, { recursive: true });
    await p.screenshot({ path: join(SHOTS, name) });
  }

  beforeAll(async () => {
    const [upPort, hubPort] = [await freePort(), await freePort()];
    upBase = `http://127.0.0.1:${upPort}`;
    hubBase = `http://127.0.0.1:${hubPort}`;
    const lastLine = (out: string) => out.trim().split('\n').at(-1) as string;
    await cli([
      'neighbourhood',
      'create',
      NB,
      '--name',
      'Maasoever',
      '--kiosk-reads-community',
      '--data',
      upData.path,
    ]);
    // The hub learns the setting from the upstream's answer, not from its own record.
    await cli(['neighbourhood', 'create', NB, '--name', 'Maasoever', '--data', hubData.path]);
    upstream = await startRelay(upPort, upData.path);
    const deviceToken = lastLine(
      await cli(['token', NB, '--role', 'kiosk', '--sub', 'buurthuis', '--data', upData.path]),
    );
    hub = await startRelay(hubPort, hubData.path, [
      '--upstream',
      `ws://127.0.0.1:${upPort}/sync`,
      '--token',
      deviceToken,
    ]);
    browser = await launchChromium();
    resident = await (
      await browser.newContext({ viewport: { width: 390, height: 844 } })
    ).newPage();
    await joinWithLink(
      resident,
      await inviteLink({ nb: NB, dataDir: upData.path, base: upBase }),
      'Anna',
    );

    // What main mints for its window with the hub's keys, and the window's preload: kiosk
    // mode, the LAN address and that token.
    const windowToken = await kioskWindowToken(NB, hubData.path);
    kiosk = await kioskWindowPage(browser, { windowToken, idleSeconds: 60, lanUrl: LAN });
    // Noon today, so the evening's event is "still to come this week" whenever this runs.
    await kiosk.clock.install({ time: new Date(`${today()}T12:00:00+01:00`) });
    await kiosk.goto(`${hubBase}/nb/${NB}/#kiosk`);
    // Two relays, four CLI runs and two joins: slow on a busy machine.
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await hub?.stop('SIGKILL');
    await upstream?.stop('SIGKILL');
    upData.remove();
    hubData.remove();
  });

  it("shows this week's agenda from upstream, the link state and the LAN address with a QR code", async () => {
    await resident.getByRole('link', { name: 'Agenda', exact: true }).click();
    await resident.getByRole('link', { name: 'Nieuwe activiteit' }).click();
    await resident.getByLabel('Titel', { exact: true }).fill(EVENT);
    await resident.getByLabel('Datum', { exact: true }).fill(today());
    await resident.getByLabel('Begintijd').fill('22:00');
    await resident.getByLabel('Eindtijd').fill('23:00');
    await resident.getByLabel('Plaats', { exact: true }).fill('Buurthuis De Linde');
    await resident.getByRole('button', { name: 'Activiteit plaatsen' }).click();

    const view = kiosk.locator('bh-kiosk');
    const agenda = view.getByRole('region', { name: 'Deze week in de buurt' });
    await agenda.getByText(EVENT).waitFor({ timeout: 30_000 });
    await agenda.getByText('Buurthuis De Linde').waitFor();
    await view
      .getByRole('status')
      .getByText('Verbonden met de buurtserver')
      .waitFor({ timeout: 20_000 });
    await view
      .getByRole('img', { name: 'QR-code naar de buurt op het netwerk van het buurthuis' })
      .waitFor();
    await view.getByText('192.168.1.20:8080').waitFor();
    await view.getByRole('img', { name: 'QR-code om lid te worden van de buurt' }).waitFor();
    expect(await axeViolations(kiosk)).toEqual([]);
    await shot(kiosk, 'kiosk-home.png');
  });

  it('offers three text sizes with large touch targets, and the idle reset returns to normal', async () => {
    const view = kiosk.locator('bh-kiosk');
    const size = () => view.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const normal = await size();
    const sizes = view.getByRole('group', { name: 'Tekstgrootte' });
    await sizes.getByRole('button', { name: 'Groter' }).tap();
    expect(await sizes.getByRole('button', { name: 'Groter' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(await size()).toBeCloseTo(normal * 1.5, 0);
    // Every control a visitor can touch is at least 44 by 44 px.
    const small = await view.evaluate(
      (host) =>
        [...(host.shadowRoot?.querySelectorAll('button') ?? [])]
          .map((b) => b.getBoundingClientRect())
          .filter((r) => r.width < 44 || r.height < 44).length,
    );
    expect(small).toBe(0);
    expect(await axeViolations(kiosk)).toEqual([]);
    await shot(kiosk, 'kiosk-home-larger.png');

    await kiosk.clock.fastForward('01:15');
    await view.getByRole('alertdialog').waitFor({ state: 'detached', timeout: 15_000 });
    await expect
      .poll(() => sizes.getByRole('button', { name: 'Normaal' }).getAttribute('aria-pressed'))
      .toBe('true');
    expect(await size()).toBeCloseTo(normal, 0);
  });

  it('says so on screen when the building is cut off from the neighbourhood server', async () => {
    await upstream.stop('SIGKILL');
    const view = kiosk.locator('bh-kiosk');
    await kiosk.clock.fastForward('00:11');
    await view
      .getByRole('status')
      .getByText(/Geen verbinding met de buurtserver/)
      .waitFor({ timeout: 30_000 });
    // The replica keeps the agenda on screen.
    await view.getByText(EVENT).waitFor();
    expect(await axeViolations(kiosk)).toEqual([]);
    await shot(kiosk, 'kiosk-home-offline.png');
  });
});
