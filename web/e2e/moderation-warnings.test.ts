/**
 * Telling a warned member, in Chromium against a real relay with the demo neighbourhood
 * (issue 10): a member a moderator warns is told so in the app on their own device, with
 * the reason, until they mark it as read (the public log names nobody).
 *
 * BH_SHOTS=<dir> (an existing folder) also receives a screenshot of the notice on a phone.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/browser.js';
import { type TestSite, startDemoNeighbourhood } from './support/neighbourhood.js';
import { writePost } from './support/posts.js';

describe('a warned member', () => {
  let site: TestSite;
  let resident: Page;
  let mod: Page;

  const queueItem = (text: string) =>
    mod.locator('bh-moderation-queue').getByRole('article').filter({ hasText: text });

  beforeAll(async () => {
    site = await startDemoNeighbourhood('buurthub-moderation-warnings-e2e-');
    resident = await site.member('Sanne Verhoeven', 'resident', { locale: 'nl-NL' });
    mod = await site.member('Mirjam Buurtverbinder', 'moderator', { locale: 'nl-NL' });
  }, 180_000);

  afterAll(() => site?.stop());

  it('tells a warned member in the app, with the reason, until they mark it as read', async () => {
    const title = 'Aanhanger te huur';
    await writePost(resident, title, 'Tien euro per dag.');

    // The moderator reports it and warns its author from the queue.
    await mod.goto(site.url('#berichten'));
    await mod
      .getByRole('article', { name: title })
      .getByRole('button', { name: `Bericht “${title}” melden` })
      .click({ timeout: 20_000 });
    const report = mod.getByRole('dialog', { name: 'Dit bericht melden' });
    await report.getByRole('radio', { name: 'Reclame of spam' }).check();
    await report.getByRole('button', { name: 'Melding versturen' }).click();
    await mod.goto(site.url('#moderatie'));
    const item = queueItem(title);
    const why = 'Verhuur hoort op de marktplaats, niet tussen de buurtberichten.';
    await item.getByLabel(/Reden van je besluit/).fill(why);
    await item.getByRole('button', { name: 'Waarschuwen' }).click({ timeout: 20_000 });
    await item.getByText('Waarschuwing staat in het logboek.').waitFor();

    // The resident is told on their own device, whatever view is open.
    await resident.goto(site.url('#agenda'));
    const notice = resident.locator('bh-moderation-warnings').getByRole('region');
    await notice
      .getByText('Een buurtverbinder heeft je gewaarschuwd', { exact: false })
      .waitFor({ timeout: 20_000 });
    await notice.getByText(`Reden: ${why}`).waitFor();
    expect(await axeViolations(resident)).toEqual([]);
    if (process.env.BH_SHOTS) {
      await resident.screenshot({ path: join(process.env.BH_SHOTS, 'warned-member-390.png') });
    }
    // The moderator, who was not warned, sees no such notice.
    expect(await mod.locator('bh-moderation-warnings').getByRole('region').count()).toBe(0);

    await notice.getByRole('button', { name: 'Gelezen' }).click();
    await notice.waitFor({ state: 'detached' });
    // Read stays read on this device after a reload.
    await resident.reload();
    await resident.locator('main h2').first().waitFor({ timeout: 30_000 });
    expect(await resident.locator('bh-moderation-warnings').getByRole('region').count()).toBe(0);
  });
});
