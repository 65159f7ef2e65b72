/**
 * Reporting ideas, in Chromium against a real relay with the demo neighbourhood (issue 10):
 * a resident reports an idea in a participation round, which at the threshold is hidden from
 * others and reaches the moderation queue as an idea the moderator can hide.
 *
 * BH_SHOTS=<dir> (an existing folder) also receives a screenshot of an idea with its button.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestSite, startDemoNeighbourhood } from './support/neighbourhood.js';

describe('reporting an idea', () => {
  let site: TestSite;
  let resident: Page;
  let mod: Page;

  const queueItem = (text: string) =>
    mod.locator('bh-moderation-queue').getByRole('article').filter({ hasText: text });

  beforeAll(async () => {
    site = await startDemoNeighbourhood('buurthub-moderation-ideas-e2e-');
    resident = await site.member('Sanne Verhoeven', 'resident', { locale: 'nl-NL' });
    mod = await site.member('Mirjam Buurtverbinder', 'moderator', { locale: 'nl-NL' });
    // One report hides an item pending review, so one resident's report shows the effect.
    await mod.goto(site.url('#moderatie'));
    await mod.getByLabel('Verbergen na dit aantal meldingen van verschillende buren').fill('1');
    await mod.getByRole('button', { name: 'Opslaan' }).click();
    await mod.getByText('Opgeslagen.').waitFor();
  }, 180_000);

  afterAll(() => site?.stop());

  it('lets a resident report an idea: hidden from others, and in the queue as an idea to hide', async () => {
    await resident.goto(site.url('#meedoen'));
    const round = resident.locator('bh-participation a[href*="#meedoen/"]:not([href*="nieuw"])');
    await round.first().click({ timeout: 30_000 });
    const idea = resident.locator('bh-round article.idea').first();
    await idea.waitFor({ timeout: 20_000 });
    const title = (await idea.locator('h4').innerText()).trim();
    const ideaNamed = resident.locator('bh-round article.idea').filter({ hasText: title });
    if (process.env.BH_SHOTS) {
      await idea.scrollIntoViewIfNeeded();
      await resident.screenshot({ path: join(process.env.BH_SHOTS, 'idea-to-report-390.png') });
    }

    await idea.getByRole('button', { name: `Idee “${title}” melden` }).click();
    const dialog = resident.getByRole('dialog', { name: 'Dit idee melden' });
    await dialog.getByRole('radio', { name: 'Reclame of spam' }).check();
    await dialog.getByLabel('Toelichting (niet verplicht)').fill('Dit is een advertentie.');
    await dialog.getByRole('button', { name: 'Melding versturen' }).click();
    await ideaNamed.waitFor({ state: 'detached', timeout: 15_000 });

    await mod.goto(site.url('#moderatie'));
    const item = queueItem(title);
    await item.getByRole('heading', { name: /Idee/ }).waitFor({ timeout: 20_000 });
    await item.getByText('Dit is een advertentie.', { exact: false }).waitFor();
    await item.getByLabel(/Reden van je besluit/).fill('Reclame hoort niet in een buurtronde.');
    await item.getByRole('button', { name: 'Verbergen' }).click();
    await item.getByText('Verborgen. De schrijver ziet je reden.').waitFor();
    await item.getByText('Verborgen door een buurtverbinder', { exact: false }).waitFor();
    expect(await ideaNamed.count()).toBe(0);
  });
});
