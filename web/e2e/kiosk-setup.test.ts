/**
 * The kiosk's setup mode in Chromium at 1920×1080 touch. The main process's side (PIN hash,
 * lock-out, writing kiosk.json, sender checks) is tested in Node (desktop/src/setup-ipc
 * .test.ts); here the preload's `setup` door answers the same shapes from the page, so the
 * screen's side is tested: PIN pad, the messages, the settings form, the idle reset.
 *
 * BH_SHOTS=<dir> (default /tmp/shots) receives kiosk-setup-pin.png and kiosk-setup.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRelay } from '../../sync-server/test/helpers/cli.js';
import { tempDir } from '../../sync-server/test/helpers/temp.js';
import { axeViolations, launchChromium } from './support/browser.js';
import { cli } from './support/members.js';
import { freePort, startRelay } from './support/relay.js';

const NB = 'maasoever';
const SHOTS = process.env.BH_SHOTS ?? '/tmp/shots';

interface Calls {
  unlock: string[];
  saved: unknown[];
  locks: number;
}

describe('kiosk setup mode', () => {
  const data = tempDir('buurthub-kiosk-setup-');
  let relay: CliRelay;
  let browser: Browser;
  let kiosk: Page;

  const calls = () =>
    kiosk.evaluate(() => (window as unknown as { __setupCalls: Calls }).__setupCalls);

  beforeAll(async () => {
    const port = await freePort();
    await cli(['neighbourhood', 'create', NB, '--name', 'Maasoever', '--data', data.path]);
    relay = await startRelay(port, data.path);
    browser = await launchChromium();
    const context = await browser.newContext({
      viewport: { width: 1920, height: 1080 },
      hasTouch: true,
    });
    await context.addInitScript(() => {
      const calls: Calls = { unlock: [], saved: [], locks: 0 };
      let wrong = 0;
      (window as unknown as { __setupCalls: Calls }).__setupCalls = calls;
      (window as unknown as { buurthubKiosk: object }).buurthubKiosk = Object.freeze({
        isKiosk: true,
        idleSeconds: 60,
        show: { crisis: true, agenda: true, boards: true, joinQr: true },
        setup: {
          // The answers of desktop/src/setup-ipc.ts.
          unlock: async (pin: string) => {
            calls.unlock.push(pin);
            if (pin === '4821') {
              return {
                result: 'ok',
                session: 'session-1',
                settings: {
                  idleSeconds: 120,
                  show: { crisis: true, agenda: true, boards: true, joinQr: true },
                },
              };
            }
            wrong++;
            return wrong % 5 === 0
              ? { result: 'locked', lockedForMs: 60_000 }
              : { result: 'wrong' };
          },
          save: async (session: string, settings: unknown) => {
            calls.saved.push({ session, settings });
            return { result: 'saved' };
          },
          lock: async () => void calls.locks++,
        },
      });
    });
    kiosk = await context.newPage();
    await kiosk.clock.install();
    await kiosk.goto(`http://127.0.0.1:${port}/nb/${NB}/`);
    await kiosk
      .locator('bh-kiosk')
      .getByRole('heading', { name: 'Geen crisismeldingen' })
      .waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await relay?.stop('SIGKILL');
    data.remove();
  });

  async function enter(pin: string): Promise<void> {
    const pad = kiosk.getByRole('group', { name: 'Cijfers' });
    for (const digit of pin) await pad.getByRole('button', { name: digit, exact: true }).tap();
    await kiosk.getByRole('dialog').getByRole('button', { name: 'Openen' }).tap();
  }

  it('opens with the PIN after a wrong one, and saves the idle time and what to show', async () => {
    await kiosk.getByRole('button', { name: 'Beheer' }).tap();
    const dialog = kiosk.getByRole('dialog', { name: 'Kiosk beheren' });
    await dialog.waitFor();
    await enter('1234');
    await dialog.getByText('Deze pincode klopt niet.').waitFor();
    expect(await axeViolations(kiosk)).toEqual([]);
    mkdirSync(SHOTS, { recursive: true });
    await kiosk.screenshot({ path: join(SHOTS, 'kiosk-setup-pin.png') });

    await enter('4821');
    const idle = dialog.getByLabel('Terug naar het begin na (seconden, 15 tot 3600)');
    expect(await idle.inputValue()).toBe('120');
    await idle.fill('300');
    await dialog.getByLabel('Agenda van deze week').uncheck();
    await dialog.getByText(/alleen in kiosk.json/).waitFor();
    expect(await axeViolations(kiosk)).toEqual([]);
    await kiosk.screenshot({ path: join(SHOTS, 'kiosk-setup.png') });
    await dialog.getByRole('button', { name: 'Opslaan' }).tap();
    await dialog.getByText('Opgeslagen. De kiosk start opnieuw').waitFor();
    const seen = await calls();
    expect(seen.unlock).toEqual(['1234', '4821']);
    expect(seen.saved).toEqual([
      {
        session: 'session-1',
        settings: {
          idleSeconds: 300,
          show: { crisis: true, agenda: false, boards: true, joinQr: true },
        },
      },
    ]);
    await kiosk.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('tells how long it is locked after five wrong PINs, and works by keyboard', async () => {
    const open = kiosk.getByRole('button', { name: 'Beheer' });
    await open.focus();
    await kiosk.keyboard.press('Enter');
    const dialog = kiosk.getByRole('dialog', { name: 'Kiosk beheren' });
    await dialog.waitFor();
    for (let i = 0; i < 4; i++) await enter('0000');
    await dialog
      .getByText('Te vaak een verkeerde pincode. Probeer het over 1 min opnieuw.')
      .waitFor();
    await dialog.getByRole('button', { name: 'Sluiten' }).focus();
    await kiosk.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    // Focus goes back to the button that opened it.
    expect(await open.evaluate((el) => el.matches(':focus'))).toBe(true);
  });

  it('closes setup and ends its session when the kiosk goes back to the start', async () => {
    const locks = (await calls()).locks;
    await kiosk.getByRole('button', { name: 'Beheer' }).tap();
    const dialog = kiosk.getByRole('dialog', { name: 'Kiosk beheren' });
    await dialog.waitFor();
    await enter('4821');
    await dialog.getByLabel('Agenda van deze week').waitFor();
    await kiosk.clock.fastForward('01:15');
    await dialog.waitFor({ state: 'hidden', timeout: 15_000 });
    expect((await calls()).locks).toBeGreaterThan(locks);
  });
});
