/**
 * Moderation in Chromium against a real relay (issue 10): a resident reports a post with
 * the keyboard; at the threshold it is hidden from other residents while its author is told
 * why; a moderator sees it in the queue, hides it with a reason (the author reads the
 * reason), restores it (everyone sees it again), and removes the author from the
 * neighbourhood, after which the relay refuses the author's token. A resident reads every
 * decision in the public log. Queue, log and report dialog are scanned with axe.
 *
 * BH_SHOTS=<dir> also saves screenshots of the queue and the log at 390x844 and 1920x1080.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upgradeStatus } from '../../sync-server/test/helpers/auth.js';
import { axeViolations } from './support/browser.js';
import { type TestSite, startNeighbourhood } from './support/neighbourhood.js';
import { writePost } from './support/posts.js';

const PHONE = { width: 390, height: 844 };
const KIOSK = { width: 1920, height: 1080 };
const NB = 'heidebuurt';
const SHOTS = process.env.BH_SHOTS;
const TITLE = 'Fietsen te koop';

/** The focused element inside shadow roots: its tag and accessible label. */
function deepFocus(p: Page): Promise<string> {
  return p.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return `${el?.tagName ?? ''} ${el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? ''}`;
  });
}

describe('reports, the moderation queue and the public log', () => {
  let site: TestSite;
  let anna: Page;
  let bram: Page;
  let mod: Page;

  async function shot(p: Page, name: string): Promise<void> {
    if (!SHOTS) return;
    mkdirSync(SHOTS, { recursive: true });
    await p.evaluate(() => window.scrollTo(0, 0));
    await p.screenshot({ path: join(SHOTS, name), fullPage: true });
  }

  /** Both sizes of a view, for the screenshots. */
  async function shots(p: Page, name: string): Promise<void> {
    if (!SHOTS) return;
    const before = p.viewportSize();
    for (const size of [PHONE, KIOSK]) {
      await p.setViewportSize(size);
      await shot(p, `${name}-${size.width}.png`);
    }
    if (before) await p.setViewportSize(before);
  }

  const feedPost = (p: Page) => p.getByRole('article', { name: TITLE });
  const queueItem = (p: Page) => p.locator('bh-moderation-queue').getByRole('article').first();

  beforeAll(async () => {
    site = await startNeighbourhood('buurthub-moderation-e2e-', NB, 'Heidebuurt');
    anna = await site.member('Anna Hendriks');
    bram = await site.member('Bram de Wit');
    mod = await site.member('Mirjam Buurtverbinder', 'moderator', { viewport: KIOSK });
  }, 180_000);

  afterAll(() => site?.stop());

  it('keeps the queue from residents, and lets a moderator set the report threshold', async () => {
    expect(await bram.getByRole('link', { name: 'Moderatie', exact: true }).count()).toBe(0);
    await bram.goto(site.url('#moderatie'));
    await bram.getByText('De meldingen zijn alleen voor buurtverbinders en de gemeente.').waitFor();

    await mod.getByRole('link', { name: 'Moderatie', exact: true }).click();
    await mod.getByRole('heading', { name: 'Moderatie', level: 2 }).waitFor();
    await mod.getByText('Er is niets gemeld. Mooi zo.').waitFor();
    await mod.getByLabel('Verbergen na dit aantal meldingen van verschillende buren').fill('1');
    await mod.getByRole('button', { name: 'Opslaan' }).click();
    await mod.getByText('Opgeslagen.').waitFor();
    expect(await axeViolations(mod)).toEqual([]);
  });

  it('lets a resident report a post with the keyboard; it is then hidden from others', async () => {
    await writePost(anna, TITLE, 'Bel 06-12345678, alleen contant.');
    // The author does not report their own post.
    expect(
      await feedPost(anna)
        .getByRole('button', { name: /melden/ })
        .count(),
    ).toBe(0);

    await bram.goto(site.url('#berichten'));
    const trigger = feedPost(bram).getByRole('button', { name: `Bericht “${TITLE}” melden` });
    await trigger.waitFor({ timeout: 15_000 });
    await trigger.focus();
    await bram.keyboard.press('Enter');
    const dialog = bram.getByRole('dialog', { name: 'Dit bericht melden' });
    await dialog.waitFor();
    expect(await axeViolations(bram)).toEqual([]);
    // Escape closes the dialog and gives focus back to the trigger.
    await bram.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => deepFocus(bram)).toBe(`BUTTON Bericht “${TITLE}” melden`);

    await bram.keyboard.press('Enter');
    await dialog.waitFor();
    // Sending without a reason says what is missing.
    await dialog.getByRole('button', { name: 'Melding versturen' }).press('Enter');
    await dialog.getByText('Kies wat er mis is.').waitFor();
    await dialog.getByRole('radio', { name: 'Reclame of spam' }).focus();
    await bram.keyboard.press('Space');
    await bram.keyboard.press('Tab');
    await bram.keyboard.type('Verkoop hoort op de marktplaats.');
    await bram.keyboard.press('Tab');
    await bram.keyboard.press('Tab');
    await bram.keyboard.press('Enter');
    await bram.getByText('Bedankt, je melding is opgeslagen.', { exact: false }).waitFor();
    // Threshold 1 reached: hidden for Bram, and focus stays in the view.
    await feedPost(bram).waitFor({ state: 'detached' });
    await expect.poll(() => deepFocus(bram)).not.toMatch(/^BODY\b/);

    await feedPost(anna)
      .getByText('Na meldingen van buren is dit verborgen tot een buurtverbinder ernaar kijkt.')
      .waitFor({ timeout: 15_000 });
  });

  it('lets a moderator hide with a reason the author reads, and restore it', async () => {
    const item = queueItem(mod);
    await item.getByText(TITLE).waitFor({ timeout: 15_000 });
    await item.getByText('Reclame of spam').waitFor();
    await item.getByText('Verkoop hoort op de marktplaats.', { exact: false }).waitFor();
    expect(await axeViolations(mod)).toEqual([]);
    await shots(mod, 'queue-reported');

    // Deciding without a reason is refused; the keyboard reaches every action.
    await item.getByRole('button', { name: 'Verbergen' }).press('Enter');
    await item.getByText('Schrijf een reden: die komt in het logboek.').waitFor();
    await item
      .getByLabel(/Reden van je besluit/)
      .fill('Een telefoonnummer hoort niet in de buurt.');
    await item.getByRole('button', { name: 'Verbergen' }).press('Enter');
    await item.getByText('Verborgen. De schrijver ziet je reden.').waitFor();
    await item.getByText('Verborgen door een buurtverbinder', { exact: false }).waitFor();

    await feedPost(anna)
      .getByText(
        'Verborgen door een buurtverbinder. Reden: Een telefoonnummer hoort niet in de buurt.',
      )
      .waitFor({ timeout: 15_000 });
    expect(await feedPost(bram).count()).toBe(0);

    await item.getByLabel(/Reden van je besluit/).fill('Nummer is weggehaald door Anna.');
    await item.getByRole('button', { name: 'Terugzetten' }).click();
    await mod.getByText('Teruggezet: iedereen ziet het weer.').waitFor();
    await feedPost(bram).waitFor({ timeout: 15_000 });
    await feedPost(anna).getByText('Verborgen door een buurtverbinder', { exact: false }).waitFor({
      state: 'detached',
    });
  });

  it('removes a member: the relay refuses their token from then on', async () => {
    const session = await anna.evaluate((nb) => localStorage.getItem(`buurthub:session:${nb}`), NB);
    const token = (JSON.parse(session ?? '{}') as { token?: string }).token ?? '';
    expect(await upgradeStatus(site.base, `${NB}/community`, token)).toBe(101);

    // Bram reports again: the earlier decision does not count this new report.
    const trigger = feedPost(bram).getByRole('button', {
      name: `Gemeld. Je melding aanpassen: Bericht “${TITLE}” melden`,
    });
    await trigger.click();
    const dialog = bram.getByRole('dialog', { name: 'Dit bericht melden' });
    // The dialog starts from Bram's earlier report of this post.
    expect(await dialog.getByRole('radio', { name: 'Reclame of spam' }).isChecked()).toBe(true);
    expect(await dialog.getByLabel('Toelichting (niet verplicht)').inputValue()).toBe(
      'Verkoop hoort op de marktplaats.',
    );
    await dialog.getByRole('radio', { name: 'Onjuiste informatie' }).check();
    await dialog.getByRole('button', { name: 'Melding versturen' }).click();
    await feedPost(bram).waitFor({ state: 'detached' });

    const item = queueItem(mod);
    await item.getByText('Onjuiste informatie').waitFor({ timeout: 15_000 });
    await item
      .getByLabel(/Reden van je besluit/)
      .fill('Blijft na een waarschuwing spullen verkopen.');
    await item.getByRole('button', { name: 'Uit de buurt verwijderen' }).click();
    await item
      .getByText('Uit de buurt verwijderd; de toegang is ingetrokken.')
      .waitFor({ timeout: 15_000 });
    expect(await upgradeStatus(site.base, `${NB}/community`, token)).toBe(401);
    // Anna's open app is cut off too, and told so.
    await anna
      .getByText('Je toegang tot deze buurt is verlopen of ingetrokken.', { exact: false })
      .waitFor({ timeout: 30_000 });
  });

  it('shows every decision, by role, when and why, to a resident in the log', async () => {
    await bram.getByRole('link', { name: 'Moderatielogboek' }).click();
    const log = bram.locator('bh-moderation-log');
    await log.getByRole('heading', { name: 'Moderatielogboek' }).waitFor();
    const entries = log.getByRole('listitem');
    await expect.poll(() => entries.count(), { timeout: 15_000 }).toBe(3);
    expect(await entries.nth(0).innerText()).toContain(
      'Een buurtverbinder heeft een lid uit de buurt verwijderd.',
    );
    expect(await entries.nth(0).innerText()).toContain(
      'Reden: Blijft na een waarschuwing spullen verkopen.',
    );
    expect(await entries.nth(1).innerText()).toContain(
      'Een buurtverbinder heeft een bericht teruggezet.',
    );
    expect(await entries.nth(2).innerText()).toContain(
      'Een buurtverbinder heeft een bericht verborgen.',
    );
    // Nobody's name is in the log: not the moderator's, not the member's.
    const text = await log.innerText();
    expect(text).not.toContain('Mirjam');
    expect(text).not.toContain('Anna');
    // Dates through Intl, in Dutch.
    expect(await entries.nth(0).locator('time').innerText()).toMatch(
      /\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}/,
    );
    expect(await axeViolations(bram)).toEqual([]);
    await shots(bram, 'log');

    await mod.getByRole('link', { name: 'Logboek' }).click();
    await mod.locator('bh-moderation-log').getByRole('listitem').nth(2).waitFor();
    await mod.getByRole('link', { name: 'Meldingen' }).click();
    await mod.getByText('Er is niets gemeld. Mooi zo.').waitFor({ state: 'detached' });
    await shots(mod, 'queue-after');
  });

  it('deletes for real after confirming, and the relay purges it', async () => {
    const title = 'Mijn adres: Heideweg 3';
    await writePost(bram, title, 'Kom gerust langs.');

    await mod.getByRole('link', { name: 'Berichten' }).click();
    const theirs = mod.getByRole('article', { name: title });
    await theirs.getByRole('button', { name: `Bericht “${title}” melden` }).click({
      timeout: 15_000,
    });
    const report = mod.getByRole('dialog', { name: 'Dit bericht melden' });
    await report.getByRole('radio', { name: 'Persoonlijke gegevens van iemand anders' }).check();
    await report.getByRole('button', { name: 'Melding versturen' }).click();

    await mod.getByRole('link', { name: 'Moderatie', exact: true }).click();
    const item = mod.locator('bh-moderation-queue').getByRole('article').filter({ hasText: title });
    await item
      .getByLabel(/Reden van je besluit/)
      .fill('Een adres hoort niet in de buurtberichten.');
    const remove = item.getByRole('button', { name: 'Echt verwijderen' });
    await remove.focus();
    await mod.keyboard.press('Enter');
    const confirm = mod.getByRole('dialog', { name: 'Echt verwijderen?' });
    await confirm.waitFor();
    expect(await axeViolations(mod)).toEqual([]);
    await mod.keyboard.press('Escape');
    await confirm.waitFor({ state: 'hidden' });
    await expect.poll(() => deepFocus(mod)).toBe('BUTTON Echt verwijderen');
    await mod.keyboard.press('Enter');
    await confirm.getByRole('button', { name: 'Echt verwijderen' }).click();
    await mod.getByText('Verwijderd en voorgoed gewist op de server.').waitFor({ timeout: 30_000 });
    await bram.getByRole('link', { name: 'Berichten' }).click();
    // Bram's own post was the only one he could still see: his feed is empty now.
    await bram.getByText('Er zijn nog geen berichten.', { exact: false }).waitFor();
    expect(await bram.getByRole('article', { name: title }).count()).toBe(0);
    const log = await (async () => {
      await bram.getByRole('link', { name: 'Moderatielogboek' }).click();
      return bram.locator('bh-moderation-log').getByRole('listitem').first().innerText();
    })();
    expect(log).toContain('Een buurtverbinder heeft een bericht verwijderd.');
  });

  it('lets a moderator report and hide while offline; the author hears once it is back', async () => {
    const title = 'Zomerfeest op het plein';
    const reason = 'De datum klopt niet; pas hem aan, dan zet ik het terug.';
    await writePost(bram, title, 'Zaterdag 12 juli, iedereen welkom.');
    await mod.getByRole('link', { name: 'Berichten' }).click();
    const theirs = mod.getByRole('article', { name: title });
    await theirs.waitFor({ timeout: 15_000 });

    await mod.context().setOffline(true);
    await theirs.getByRole('button', { name: `Bericht “${title}” melden` }).click();
    const report = mod.getByRole('dialog', { name: 'Dit bericht melden' });
    await report.getByRole('radio', { name: 'Onjuiste informatie' }).check();
    await report.getByRole('button', { name: 'Melding versturen' }).click();
    await mod.getByRole('link', { name: 'Moderatie', exact: true }).click();
    const item = mod.locator('bh-moderation-queue').getByRole('article').filter({ hasText: title });
    await item.getByLabel(/Reden van je besluit/).fill(reason);
    await item.getByRole('button', { name: 'Verbergen' }).click();
    await item.getByText('Verborgen. De schrijver ziet je reden.').waitFor();
    // The header says the decisions wait on the device.
    await mod
      .locator('bh-header')
      .getByText(/wijzigingen? wacht/)
      .waitFor();
    const mine = bram.getByRole('article', { name: title });
    expect(await mine.getByText(reason, { exact: false }).count()).toBe(0);

    await mod.context().setOffline(false);
    await mine
      .getByText(`Verborgen door een buurtverbinder. Reden: ${reason}`)
      .waitFor({ timeout: 30_000 });
  });

  it('hides a reported comment in its thread and shows it in the queue', async () => {
    const title = 'Zomerfeest op het plein';
    await mod.getByRole('link', { name: 'Berichten' }).click();
    const onMod = mod.getByRole('article', { name: title });
    await onMod.getByLabel('Schrijf een reactie').fill('Ik neem de bank mee!');
    await onMod.getByRole('button', { name: 'Plaats reactie' }).click();

    const onBram = bram.getByRole('article', { name: title });
    await onBram
      .getByRole('button', { name: 'Reactie van Mirjam Buurtverbinder melden' })
      .click({ timeout: 15_000 });
    const dialog = bram.getByRole('dialog', { name: 'Deze reactie melden' });
    await dialog.getByRole('radio', { name: 'Beledigend of kwetsend' }).check();
    await dialog.getByRole('button', { name: 'Melding versturen' }).click();
    await onBram.getByText('Deze reactie is verborgen door moderatie.').waitFor();
    expect(await onBram.getByText('Ik neem de bank mee!').count()).toBe(0);

    // Its author still sees it, marked.
    await onMod
      .getByText('Na meldingen van buren is dit verborgen tot een buurtverbinder ernaar kijkt.')
      .waitFor({ timeout: 15_000 });
    await mod.getByRole('link', { name: 'Moderatie', exact: true }).click();
    const item = mod
      .locator('bh-moderation-queue')
      .getByRole('article')
      .filter({ hasText: 'Ik neem de bank mee!' });
    await item.getByRole('heading', { name: /Reactie/ }).waitFor({ timeout: 15_000 });
    await item.getByText('Geschreven door Mirjam Buurtverbinder').waitFor();
  });
});
