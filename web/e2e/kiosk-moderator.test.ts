/**
 * A buurtverbinder at the kiosk, in Chromium against a real relay: the kiosk page (1920x1080
 * touch, with the preload's bridge and a kiosk token the relay signed) shows a sign-in code;
 * the moderator approves it from the app on their phone (a second browser context) after
 * the question "Aanmelden op het scherm in het buurthuis?"; the kiosk signs them in, they
 * hide a reported post from the kiosk's moderation queue (the resident who wrote it reads
 * the reason on their phone) and find the decision in the moderation log, one touch away in
 * the same panel; the idle reset signs them out again, leaving nothing in the window's
 * storage. The sign-in, queue and log screens are scanned with axe; at the largest text size
 * the sign-in's title and code stay whole.
 *
 * BH_SHOTS=<dir> (default /tmp/shots) receives kiosk-sign-in.png, kiosk-sign-in-larger.png,
 * kiosk-approve-390.png (the phone's question), kiosk-queue.png, kiosk-log.png and
 * kiosk-on-behalf.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRelay } from '../../sync-server/test/helpers/cli.js';
import { tempDir } from '../../sync-server/test/helpers/temp.js';
import { brokenHeadingWords } from './support/a11y.js';
import { axeViolations, launchChromium } from './support/browser.js';
import { cli, inviteLink, joinWithLink } from './support/members.js';
import { kioskWindowPage, kioskWindowToken } from './support/kiosk-window.js';
import { freePort, startRelay } from './support/relay.js';

const NB = 'lindehof';
const PHONE = { width: 390, height: 844 };
const SHOTS = process.env.BH_SHOTS ?? '/tmp/shots';
const TITLE = 'Grofvuil op de stoep';
const REASON = 'Adres van een buur hoort hier niet.';
const ROUND = 'Groen op het Lindepleintje';

describe('a buurtverbinder signed in on the kiosk', () => {
  const data = tempDir('buurthub-kiosk-moderator-');
  let base: string;
  let relay: CliRelay;
  let browser: Browser;
  let kiosk: Page;
  let anna: Page;
  let mirjam: Page;
  const sockets: string[] = [];

  async function member(name: string, role: string): Promise<Page> {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await joinWithLink(page, await inviteLink({ nb: NB, dataDir: data.path, base }, role), name);
    return page;
  }

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    await cli(['neighbourhood', 'create', NB, '--name', 'Lindehof', '--data', data.path]);
    const windowToken = await kioskWindowToken(NB, data.path, [
      '--name',
      'Buurthuis De Linde',
      '--ttl',
      '1d',
    ]);
    relay = await startRelay(port, data.path, ['--public-url', base]);
    browser = await launchChromium();
    anna = await member('Anna Hendriks', 'resident');
    mirjam = await member('Mirjam', 'moderator');

    kiosk = await kioskWindowPage(browser, { windowToken, idleSeconds: 120 });
    kiosk.on('websocket', (socket) => sockets.push(new URL(socket.url()).pathname));
    await kiosk.clock.install();
    await kiosk.goto(`${base}/nb/${NB}/`);
    await kiosk
      .locator('bh-kiosk')
      .getByRole('heading', { name: 'Geen crisismeldingen' })
      .waitFor();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await relay?.stop('SIGKILL');
    data.remove();
  });

  it('shows a code the moderator approves on their phone, and then who is signed in', async () => {
    await kiosk.getByRole('button', { name: 'Buurtverbinder' }).tap();
    const dialog = kiosk.getByRole('dialog', { name: 'Aanmelden als buurtverbinder' });
    const code = (await dialog.locator('.user-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await dialog.getByRole('img', { name: 'QR-code om je op dit scherm aan te melden' }).waitFor();
    await dialog.getByText('Nog 5:00 minuten geldig').waitFor();
    expect(await axeViolations(kiosk)).toEqual([]);
    mkdirSync(SHOTS, { recursive: true });
    await kiosk.screenshot({ path: join(SHOTS, 'kiosk-sign-in.png') });
    // At the largest text size the title and the code keep their words whole (the dialog
    // then covers the text sizes until it closes).
    const sizes = kiosk.locator('bh-kiosk').getByRole('group', { name: 'Tekstgrootte' });
    await sizes.getByRole('button', { name: 'Groter' }).tap();
    expect(await brokenHeadingWords(kiosk, 'h2, .user-code')).toEqual([]);
    await kiosk.screenshot({ path: join(SHOTS, 'kiosk-sign-in-larger.png') });

    // A resident cannot approve: the view says so and offers no field.
    await anna.goto(`${base}/nb/${NB}/#kiosk-koppelen/${code}`);
    await anna
      .getByText(
        'Alleen buurtverbinders en de gemeente kunnen zich op het scherm in het buurthuis aanmelden.',
      )
      .waitFor();
    expect(await anna.getByLabel('Code op het scherm').count()).toBe(0);

    // The QR code's link opens the approval with the code filled in.
    await mirjam.goto(`${base}/nb/${NB}/#kiosk-koppelen/${code}`);
    const field = mirjam.getByLabel('Code op het scherm');
    expect(await field.inputValue()).toBe(code);
    await mirjam.getByRole('button', { name: 'Verder' }).click();
    await mirjam
      .getByRole('heading', { name: 'Aanmelden op het scherm in het buurthuis?' })
      .waitFor();
    await mirjam.getByText('Scherm: Buurthuis De Linde').waitFor();
    expect(await axeViolations(mirjam)).toEqual([]);
    await mirjam.screenshot({ path: join(SHOTS, 'kiosk-approve-390.png') });
    await mirjam.getByRole('button', { name: 'Ja, aanmelden' }).click();
    await mirjam.getByText('Je bent aangemeld op het scherm: Buurthuis De Linde.').waitFor();

    // The kiosk's next poll brings the session.
    await expect
      .poll(
        async () => {
          await kiosk.clock.runFor(3_000);
          return kiosk.getByText('Aangemeld: Mirjam (buurtverbinder)').isVisible();
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    expect(await dialog.isVisible()).toBe(false);
    await sizes.getByRole('button', { name: 'Normaal' }).tap();
  });

  it('lets the moderator hide a reported post from the kiosk queue', async () => {
    await anna.goto(`${base}/nb/${NB}/#nieuw`);
    await anna.getByLabel('Titel').fill(TITLE);
    await anna.getByLabel('Bericht', { exact: true }).fill('Staat al een week bij Lindelaan 4.');
    await anna.getByLabel('Categorie').selectOption('nieuws');
    await anna.getByRole('button', { name: 'Plaatsen' }).click();
    await anna.getByText('Je bericht is geplaatst.').waitFor();

    await mirjam.goto(`${base}/nb/${NB}/#berichten`);
    await mirjam
      .getByRole('article', { name: TITLE })
      .getByRole('button', { name: `Bericht “${TITLE}” melden` })
      .click({ timeout: 15_000 });
    const report = mirjam.getByRole('dialog', { name: 'Dit bericht melden' });
    await report.getByRole('radio', { name: 'Reclame of spam' }).check();
    await report.getByRole('button', { name: 'Melding versturen' }).click();
    await mirjam.getByText('Bedankt, je melding is opgeslagen.', { exact: false }).waitFor();

    await kiosk.getByRole('button', { name: 'Moderatie' }).tap();
    const queue = kiosk.locator('bh-moderation-queue');
    const item = queue.getByRole('article').filter({ hasText: TITLE });
    await expect
      .poll(
        async () => {
          await kiosk.clock.runFor(1_000);
          return item.count();
        },
        { timeout: 20_000 },
      )
      .toBe(1);
    expect(await axeViolations(kiosk)).toEqual([]);
    await kiosk.screenshot({ path: join(SHOTS, 'kiosk-queue.png') });

    await item.getByLabel(/Reden van je besluit/).fill(REASON);
    await item.getByRole('button', { name: 'Verbergen' }).tap();
    await item.getByText('Verborgen. De schrijver ziet je reden.').waitFor();
    // Moderating on the kiosk opens the moderation room, never the members' directory.
    expect(sockets.filter((s) => s.endsWith(`/${NB}/moderation`)).length).toBeGreaterThan(0);
    expect(sockets.filter((s) => s.endsWith('/directory'))).toEqual([]);
    // The decision reached the relay: Anna reads the reason on her phone.
    await anna.goto(`${base}/nb/${NB}/#berichten`);
    await anna
      .getByRole('article', { name: TITLE })
      .getByText(`Verborgen door een buurtverbinder. Reden: ${REASON}`)
      .waitFor({ timeout: 15_000 });
  });

  it("opens the moderation log from the kiosk queue's switch, with the decision just taken, and back", async () => {
    const views = kiosk.getByRole('navigation', { name: 'Moderatie: onderdelen' });
    await kiosk.locator('bh-moderation-queue').getByRole('link', { name: 'Logboek' }).tap();
    const log = kiosk.locator('bh-moderation-log');
    await log.getByRole('heading', { name: 'Moderatielogboek' }).waitFor();
    await log.getByText(`Reden: ${REASON}`).waitFor();
    expect(await views.getByRole('link', { name: 'Logboek' }).getAttribute('aria-current')).toBe(
      'page',
    );
    // The kiosk window stays the kiosk: the panel switched, the address did not.
    expect(await kiosk.evaluate(() => location.hash)).toBe('');
    expect(await axeViolations(kiosk)).toEqual([]);
    await kiosk.screenshot({ path: join(SHOTS, 'kiosk-log.png') });

    await views.getByRole('link', { name: 'Meldingen' }).focus();
    await kiosk.keyboard.press('Enter');
    await kiosk
      .locator('bh-moderation-queue')
      .getByRole('heading', { name: 'Moderatie' })
      .waitFor();
    expect(await log.count()).toBe(0);
  });

  it('writes a question and an idea down for a visitor, marked as on their behalf by the moderator', async () => {
    // The municipality opens a round for ideas.
    const olga = await member('Olga van de Gemeente', 'official');
    await olga.goto(`${base}/nb/${NB}/#meedoen/nieuw`);
    await olga.getByLabel('Titel van het plan').fill(ROUND);
    await olga.getByLabel('Het plan', { exact: true }).fill('Het pleintje krijgt nieuw groen.');
    await olga.getByLabel('Wat vastligt').fill('Het budget is € 20.000.');
    await olga.getByLabel('Waar je over meepraat').fill('Welke bomen en waar.');
    await olga.getByRole('button', { name: 'Ronde starten' }).click();
    await olga.getByRole('button', { name: 'Naar de volgende fase: Ideeën' }).click();
    await olga
      .getByRole('list', { name: 'Fasen van deze ronde' })
      .locator('[aria-current="step"]', { hasText: 'Ideeën' })
      .waitFor();
    const roundUrl = olga.url();

    await kiosk.getByRole('button', { name: 'Terug naar het scherm' }).tap();
    await kiosk.getByRole('button', { name: 'Vraag of idee namens een bezoeker' }).tap();
    const form = kiosk.locator('bh-kiosk-on-behalf');

    // A question to the neighbourhood, with the posts.
    await form.getByLabel('Een vraag aan de buurt (bij de berichten)').check();
    await form.getByLabel('Titel van de vraag').fill('Wie knipt mijn heg?');
    await form.getByLabel('De vraag', { exact: true }).fill('Ik kan niet meer op de ladder.');
    await form.getByLabel('Voornaam van de bezoeker (mag)').fill('Tineke');
    expect(await axeViolations(kiosk)).toEqual([]);
    await form.getByRole('button', { name: 'Opschrijven' }).tap();
    await form
      .getByText(
        'Opgeschreven bij de berichten: “Wie knipt mijn heg?”, namens Tineke, door Mirjam.',
      )
      .waitFor();
    await olga.goto(`${base}/nb/${NB}/#berichten`);
    const question = olga.getByRole('article').filter({ hasText: 'Wie knipt mijn heg?' });
    await question
      .getByText('namens Tineke, opgeschreven door Mirjam')
      .waitFor({ timeout: 15_000 });

    // An idea for the round, once the round has reached the kiosk.
    const ideaChoice = form.getByLabel('Een idee voor een ronde van de gemeente');
    await expect
      .poll(
        async () => {
          await kiosk.clock.runFor(1_000);
          return ideaChoice.isEnabled();
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    await ideaChoice.check();
    await form.getByRole('option', { name: ROUND }).waitFor({ state: 'attached' });
    await form.getByLabel('Titel van het idee').fill('Een walnotenboom');
    await form.getByLabel('Het idee', { exact: true }).fill('Voor schaduw bij het bankje.');
    await form.getByLabel('Voornaam van de bezoeker (mag)').fill('Tineke');
    expect(await axeViolations(kiosk)).toEqual([]);
    await form.getByRole('button', { name: 'Opschrijven' }).tap();
    await form
      .getByText('Opgeschreven: “Een walnotenboom”, op verzoek van Tineke, door Mirjam.')
      .waitFor();
    await kiosk.screenshot({ path: join(SHOTS, 'kiosk-on-behalf.png') });

    // In the round, the idea carries the visitor's name and who wrote it down.
    await olga.goto(roundUrl);
    await olga.getByText('Een walnotenboom').first().waitFor({ timeout: 15_000 });
    await olga.getByText('Tineke', { exact: false }).first().waitFor();
    await olga.getByText('opgeschreven door Mirjam', { exact: false }).first().waitFor();
  });

  it('signs the moderator out at the idle reset, keeping nothing in the window', async () => {
    await kiosk.getByRole('button', { name: 'Terug naar het scherm' }).tap();
    await kiosk.clock.runFor(121_000);
    await kiosk.getByText(/Terug naar het begin over \d+ s/).waitFor();
    await kiosk.clock.runFor(11_000);
    await kiosk.getByRole('button', { name: 'Buurtverbinder' }).waitFor();
    expect(await kiosk.getByText('Aangemeld: Mirjam (buurtverbinder)').count()).toBe(0);
    const stored = await kiosk.evaluate(() =>
      Object.keys(localStorage).filter((key) => key.startsWith('buurthub:session')),
    );
    expect(stored).toEqual([]);
  });
});
