/**
 * A participation round in Chromium against a real relay (issue 8), with two people in
 * separate browsers: an official of the municipality and a resident. The official starts a
 * round with the legal frame and the room for choice; the resident reads it while it only
 * informs, gives an idea once ideas open (written offline, it shows "Wacht op verbinding"
 * until the relay has it), and supports it; the official moves the round on, records what
 * happens to the idea, the decision and the feedback; the resident ends up reading the
 * decision and what was done with their idea, with no forms left to fill in, and downloads
 * the ideas as CSV for the council report. A moderator writes an idea down for a resident
 * ("op verzoek van"). The official sees the impact charts; the resident gets none. Every
 * view is scanned with axe.
 *
 * BH_SHOTS=<dir> also saves screenshots (390x844) of the round in the ideas and the
 * feedback phase.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokenHeadingWords, setTextSize } from './support/a11y.js';
import { axeViolations } from './support/browser.js';
import { type TestSite, startNeighbourhood } from './support/neighbourhood.js';

const NB = 'dorpsplein';
const SHOTS = process.env.BH_SHOTS;
const ROUND = 'Herinrichting Dorpsplein';
const IDEA = 'Bankjes in de schaduw';

describe('a participation round from inform to feedback', () => {
  let site: TestSite;
  let official: Page;
  let resident: Page;
  let roundUrl = '';

  async function shot(p: Page, name: string): Promise<void> {
    if (!SHOTS) return;
    mkdirSync(SHOTS, { recursive: true });
    await p.evaluate(() => window.scrollTo(0, 0));
    await p.screenshot({ path: join(SHOTS, name), fullPage: true });
  }

  async function advanceTo(phase: string): Promise<void> {
    await official.getByRole('button', { name: `Naar de volgende fase: ${phase}` }).click();
    await official
      .getByRole('list', { name: 'Fasen van deze ronde' })
      .locator('[aria-current="step"]', { hasText: phase })
      .waitFor();
  }

  beforeAll(async () => {
    site = await startNeighbourhood('buurthub-participation-e2e-', NB, 'Dorpsplein');
    official = await site.member('Olga van de Gemeente', 'official', { acceptDownloads: true });
    resident = await site.member('Rik Peters', 'resident', { acceptDownloads: true });
  });

  afterAll(() => site?.stop());

  it('lets an official start a round with the legal frame and the room for choice', async () => {
    await official.getByRole('link', { name: 'Meedoen' }).click();
    await official.getByRole('heading', { name: 'Meedoen aan plannen' }).waitFor();
    await official.getByRole('link', { name: 'Nieuwe ronde starten' }).click();
    await official.getByRole('heading', { name: 'Nieuwe ronde starten' }).waitFor();
    await official.getByRole('button', { name: 'Ronde starten' }).click();
    await official.getByText('Geef het plan een titel.').waitFor();
    expect(await official.getByText('Zeg wat vastligt.').count()).toBe(1);
    expect(await axeViolations(official)).toEqual([]);
    await official.getByLabel('Titel van het plan').fill(ROUND);
    await official
      .getByLabel('Het plan', { exact: true })
      .fill('Het plein krijgt in 2027 nieuwe bestrating en groen.');
    await official
      .getByLabel('Wat vastligt')
      .fill('Het budget is € 400.000 en de bushalte blijft waar hij is.');
    await official
      .getByLabel('Waar je over meepraat')
      .fill('Bankjes, bomen en speelplek: waar en hoeveel.');
    await official.getByRole('button', { name: 'Ronde starten' }).click();
    await official.getByRole('heading', { name: ROUND, level: 2 }).waitFor();
    roundUrl = official.url();
    expect(roundUrl).toContain('#meedoen/');
    const current = official
      .getByRole('list', { name: 'Fasen van deze ronde' })
      .locator('[aria-current="step"]');
    expect(await current.textContent()).toContain('Informeren');
    expect(await axeViolations(official)).toEqual([]);
  });

  it('shows the resident the plan while it informs, and takes ideas once they open', async () => {
    await resident.getByRole('link', { name: 'Meedoen' }).click();
    await resident.getByText('Fase: Informeren').waitFor();
    expect(await axeViolations(resident)).toEqual([]);
    await resident.getByRole('link', { name: ROUND }).click();
    await resident.getByRole('heading', { name: ROUND, level: 2 }).waitFor();
    await resident.getByText('de bushalte blijft waar hij is').waitFor();
    await resident.getByText('Bankjes, bomen en speelplek').waitFor();
    expect(await resident.getByRole('button', { name: 'Idee plaatsen' }).count()).toBe(0);
    expect(await resident.getByRole('button', { name: /Naar de volgende fase/ }).count()).toBe(0);
    expect(await axeViolations(resident)).toEqual([]);

    await advanceTo('Ideeën');
    await resident.getByRole('button', { name: 'Idee plaatsen' }).waitFor();
    await resident.getByRole('button', { name: 'Idee plaatsen' }).click();
    await resident.getByText('Geef je idee een titel.').waitFor();
    // A resident has no "op verzoek van" field: that is for moderators at the kiosk.
    expect(await resident.getByLabel('Op verzoek van (mag)').count()).toBe(0);
    expect(await axeViolations(resident)).toEqual([]);
  });

  it('keeps an idea written offline marked as waiting until the relay has it', async () => {
    await resident.context().setOffline(true);
    await resident.getByLabel('Titel van je idee').fill(IDEA);
    await resident
      .getByLabel('Je idee', { exact: true })
      .fill('Onder de linde, bij de speeltuin, zodat ouders kunnen zitten.');
    await resident.getByRole('button', { name: 'Idee plaatsen' }).click();
    const idea = resident.getByRole('article', { name: IDEA });
    await idea.getByText('Wacht op verbinding').waitFor();
    await resident.context().setOffline(false);
    await idea.getByText('Wacht op verbinding').waitFor({ state: 'detached', timeout: 20_000 });
    await official.getByRole('article', { name: IDEA }).waitFor();
    expect(await official.getByRole('article', { name: IDEA }).textContent()).toContain(
      'Van Rik Peters',
    );
  });

  it('lets a moderator write an idea down for a resident at the kiosk', async () => {
    const moderator = await site.member('Mieke Buurtverbinder', 'moderator');
    await moderator.goto(roundUrl);
    await moderator.getByLabel('Titel van je idee').fill('Watertappunt');
    await moderator
      .getByLabel('Je idee', { exact: true })
      .fill('Een kraan voor de hond en de fiets.');
    await moderator.getByLabel('Op verzoek van (mag)').fill('Mevrouw Smits');
    await moderator.getByRole('button', { name: 'Idee plaatsen' }).click();
    const idea = resident.getByRole('article', { name: 'Watertappunt' });
    await idea.waitFor();
    expect(await idea.textContent()).toContain('Van Mevrouw Smits');
    expect(await idea.textContent()).toContain('opgeschreven door Mieke Buurtverbinder');
    await moderator.context().close();
  });

  it('counts the resident’s support and takes responses after ideas close', async () => {
    const idea = resident.getByRole('article', { name: IDEA });
    const support = idea.getByRole('button', { name: 'Ik steun dit' });
    await support.click();
    await expect.poll(() => support.getAttribute('aria-pressed')).toBe('true');
    await official.getByRole('article', { name: IDEA }).getByText('1 steunbetuiging').waitFor();
    await shot(resident, 'participation-ideas-390.png');

    await advanceTo('Reacties');
    await resident.getByRole('button', { name: 'Idee plaatsen' }).waitFor({ state: 'detached' });
    await idea.getByLabel(`Reageer op “${IDEA}”`).fill('En graag een prullenbak erbij.');
    await idea.getByRole('button', { name: 'Reactie plaatsen' }).click();
    await official
      .getByRole('article', { name: IDEA })
      .getByText('En graag een prullenbak erbij.')
      .waitFor();
  });

  it('ends with the resident reading the decision and what happened to their idea', async () => {
    await advanceTo('Besluit');
    const card = official.getByRole('article', { name: IDEA });
    await card.getByRole('radio', { name: 'Overgenomen', exact: true }).check();
    await card.getByLabel('Uitleg voor de buurt').fill('Er komen drie bankjes onder de linde.');
    await card.getByRole('button', { name: 'Uitkomst opslaan' }).click();
    await official
      .getByLabel('Het besluit')
      .fill('De raad stemt in met het ontwerp met bankjes en twee nieuwe bomen.');
    await official.getByRole('button', { name: 'Besluit plaatsen' }).click();
    await official.getByRole('heading', { name: 'Besluit', level: 3 }).waitFor();
    expect(await axeViolations(official)).toEqual([]);
    await advanceTo('Terugkoppeling');
    await official
      .getByLabel('Wat is er met de ideeën gedaan?')
      .fill('Drie bankjes staan er sinds mei; de prullenbak komt erbij.');
    await official.getByRole('button', { name: 'Terugkoppeling plaatsen' }).click();

    await resident.getByText('Drie bankjes staan er sinds mei').waitFor();
    await resident.getByText('De raad stemt in met het ontwerp').waitFor();
    const idea = resident.getByRole('article', { name: IDEA });
    await idea.getByText('Er komen drie bankjes onder de linde.').waitFor();
    expect(await idea.textContent()).toContain('Overgenomen');
    const current = resident
      .getByRole('list', { name: 'Fasen van deze ronde' })
      .locator('[aria-current="step"]');
    expect(await current.textContent()).toContain('Terugkoppeling');
    // The round stays readable, but nothing is open any more.
    expect(await idea.getByRole('button', { name: 'Ik steun dit' }).count()).toBe(0);
    expect(await resident.getByRole('button', { name: 'Reactie plaatsen' }).count()).toBe(0);
    expect(await axeViolations(resident)).toEqual([]);
    await shot(resident, 'participation-feedback-390.png');

    const [download] = await Promise.all([
      resident.waitForEvent('download'),
      resident.getByRole('button', { name: 'Ideeën downloaden (CSV)' }).click(),
    ]);
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    const [header, row] = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe(
      'idee-id,titel,idee,ingediend door,opgeschreven door,ingediend op,steunbetuigingen,reacties,uitkomst,uitleg,te laat',
    );
    expect(row).toContain(`${IDEA},`);
    expect(csv).toContain(',Mevrouw Smits,Mieke Buurtverbinder,');
    expect(row).toContain(',Rik Peters,,');
    expect(row).toContain(',1,1,Overgenomen,Er komen drie bankjes onder de linde.,');
    expect(download.suggestedFilename()).toBe('herinrichting-dorpsplein-ideeen.csv');
  });

  it('shows an official the impact charts with small counts suppressed and tables whole at 200 % text, and a resident none', async () => {
    await official.setViewportSize({ width: 1280, height: 800 });
    await official.getByRole('link', { name: 'Impact' }).click();
    await official.getByRole('heading', { name: 'Impact', level: 2 }).waitFor();
    for (const figure of [
      'Berichten',
      'Actieve buren',
      'Nieuwe contacten via activiteiten',
      'Nieuwe contacten via contactverzoeken',
    ]) {
      await official.getByRole('heading', { name: figure, level: 3 }).waitFor();
    }
    // Two members took part this week: fewer than five, so the count is not shown.
    const active = official.getByRole('figure', { name: 'Actieve buren' });
    await active.getByText('Cijfers als tabel').click();
    expect(await active.getByRole('cell', { name: '< 5' }).count()).toBe(1);
    expect(await active.getByRole('img').getAttribute('aria-label')).toContain(
      'weken met een klein aantal (niet getoond): 1.',
    );
    expect(await axeViolations(official)).toEqual([]);
    await shot(official, 'impact-1280.png');
    // At 200 % text on a phone the table's words stay whole: its column headers are left
    // to screen readers (the chart's heading names the figure), the weeks and figures stay.
    await official.setViewportSize({ width: 390, height: 844 });
    await setTextSize(official, 200);
    const contacts = official.getByRole('figure', {
      name: 'Nieuwe contacten via contactverzoeken',
    });
    await contacts.getByText('Cijfers als tabel').click();
    expect(await brokenHeadingWords(official, 'table')).toEqual([]);
    expect(await contacts.getByRole('columnheader').allTextContents()).toEqual([
      'Week van',
      'Nieuwe contacten via contactverzoeken',
    ]);
    expect(await axeViolations(official)).toEqual([]);
    await contacts.getByRole('table').evaluate((table) => table.scrollIntoView({ block: 'start' }));
    if (SHOTS) await official.screenshot({ path: join(SHOTS, 'impact-390-200.png') });
    await setTextSize(official, 100);
    await official.setViewportSize({ width: 1280, height: 800 });
    const [download] = await Promise.all([
      official.waitForEvent('download'),
      official.getByRole('button', { name: 'Cijfers downloaden (CSV)' }).click(),
    ]);
    const csv = readFileSync((await download.path()) ?? '', 'utf8').replace(/^\uFEFF/, '');
    expect(csv.split('\r\n')[0]).toBe(
      'Week van,Dorp,Berichten,Activiteiten,Aanmeldingen voor activiteiten,Actieve buren,Beantwoorde vragen,Tijd tot antwoord (mediaan),Nieuwe contacten via activiteiten,Nieuwe contacten via contactverzoeken',
    );
    // The small count leaves the device as "<5" too, never as the number.
    expect(csv).toContain(',<5,');
    // Offline, the relay's contact figure is left out and the view says why.
    await official.context().setOffline(true);
    await official.getByRole('link', { name: 'Berichten' }).click();
    await official.getByRole('link', { name: 'Impact' }).click();
    await official.getByText('Nieuwe contacten via contactverzoeken staan op de server').waitFor();
    expect(
      await official
        .getByRole('heading', { name: 'Nieuwe contacten via contactverzoeken' })
        .count(),
    ).toBe(0);
    await official.context().setOffline(false);

    expect(await resident.getByRole('link', { name: 'Impact' }).count()).toBe(0);
    await resident.goto(site.url('#impact'));
    await resident
      .getByText('De impactcijfers zijn er voor buurtverbinders en de gemeente.')
      .waitFor();
  });
});
