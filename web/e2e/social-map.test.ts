/**
 * The social map in Chromium against a real relay (issue 8): a moderator adds an
 * organisation, a regulation it helps with and a resident's story (refused without the
 * resident's consent); a guest without an account finds them by help area and words, and
 * reads the organisation's page with its regulation and the story. Every view is scanned
 * with axe.
 *
 * BH_SHOTS=<dir> also saves a screenshot (390x844) of the organisation's page.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/browser.js';
import { inviteLink, joinWithLink } from './support/members.js';
import { type TestSite, startNeighbourhood } from './support/neighbourhood.js';

const PHONE = { width: 390, height: 844 };
const NB = 'maasoever';
const SHOTS = process.env.BH_SHOTS;

describe('the social map', () => {
  let site: TestSite;
  let moderator: Page;

  beforeAll(async () => {
    site = await startNeighbourhood('buurthub-social-map-e2e-', NB, 'Maasoever');
    moderator = await (await site.browser.newContext({ viewport: PHONE })).newPage();
    const link = await inviteLink(site, 'moderator');
    await joinWithLink(moderator, link, 'Mieke Buurtverbinder');
  });

  afterAll(() => site?.stop());

  it('lets a moderator add an organisation, a regulation and a consented story', async () => {
    await moderator.getByRole('link', { name: 'Sociale kaart' }).click();
    await moderator.getByRole('heading', { name: 'Sociale kaart', level: 2 }).waitFor();
    await moderator.getByRole('button', { name: 'Organisatie toevoegen' }).click();
    await moderator.getByLabel('Naam', { exact: true }).fill('Voedselbank Maasland');
    await moderator.getByLabel('In het kort').fill('Pakketten voor wie even niet rondkomt.');
    await moderator.getByLabel('Wat ze bieden').fill('Elke week een voedselpakket.');
    await moderator.getByLabel('Voor wie', { exact: true }).fill('Huishoudens met weinig geld.');
    await moderator.getByRole('button', { name: 'Opslaan' }).click();
    await moderator.getByText('Kies minstens één hulpgebied.').waitFor();
    expect(await axeViolations(moderator)).toEqual([]);
    await moderator.getByRole('checkbox', { name: 'Eten' }).check();
    await moderator.getByRole('button', { name: 'Opslaan' }).click();
    await moderator.getByText('Opgeslagen op de sociale kaart.').waitFor();

    await moderator.getByRole('button', { name: 'Regeling toevoegen' }).click();
    await moderator.getByLabel('Naam', { exact: true }).fill('Energietoeslag');
    await moderator.getByLabel('In het kort').fill('Geld van de gemeente voor de energierekening.');
    await moderator.getByLabel('Voor wie is het').fill('Inkomen tot 120% van het minimum.');
    await moderator.getByLabel('Zo vraag je het aan').fill('Via het formulier van de gemeente.');
    await moderator.getByRole('checkbox', { name: 'Voedselbank Maasland' }).check();
    await moderator.getByRole('checkbox', { name: 'Energie' }).check();
    await moderator.getByRole('button', { name: 'Opslaan' }).click();
    await moderator.getByText('Opgeslagen op de sociale kaart.').waitFor();

    await moderator.getByRole('button', { name: 'Ervaring toevoegen' }).click();
    await moderator.getByLabel('Titel', { exact: true }).fill('Hulp zonder schaamte');
    await moderator.getByLabel('De ervaring').fill('Ik werd er vriendelijk ontvangen.');
    await moderator.getByLabel('Naam eronder (mag)').fill('Els (67), Mook');
    await moderator.getByRole('checkbox', { name: 'Voedselbank Maasland' }).check();
    await moderator.getByRole('button', { name: 'Opslaan' }).click();
    await moderator.getByText('Deel een ervaring alleen met toestemming van de bewoner.').waitFor();
    await moderator.getByRole('checkbox', { name: /toestemming gegeven/ }).check();
    await moderator.getByRole('button', { name: 'Opslaan' }).click();
    await moderator.getByText('Opgeslagen op de sociale kaart.').waitFor();
    expect(await moderator.getByText('3 resultaten').count()).toBe(1);
  });

  it('lets a guest find help by area and words and read an organisation’s page', async () => {
    const guest = await (await site.browser.newContext({ viewport: PHONE })).newPage();
    await guest.goto(site.url());
    await guest.getByRole('heading', { name: 'Word lid van de buurt' }).waitFor();
    await guest.getByRole('link', { name: 'Sociale kaart' }).click();
    await guest.getByRole('heading', { name: 'Sociale kaart', level: 2 }).waitFor();
    await guest.getByText('3 resultaten').waitFor({ timeout: 15_000 });
    expect(await guest.getByRole('button', { name: 'Organisatie toevoegen' }).count()).toBe(0);
    await guest.getByLabel('Hulpgebied').selectOption({ label: 'Energie' });
    await guest.getByText('1 resultaat').waitFor();
    await guest.getByRole('link', { name: 'Energietoeslag' }).waitFor();
    await guest.getByLabel('Hulpgebied').selectOption({ label: 'Alle hulpgebieden' });
    await guest.getByLabel('Zoeken').fill('voedselpakket');
    await guest.getByText('1 resultaat').waitFor();
    expect(await axeViolations(guest)).toEqual([]);
    await guest.getByRole('link', { name: 'Voedselbank Maasland' }).click();
    await guest.getByRole('heading', { name: 'Voedselbank Maasland', level: 2 }).waitFor();
    await guest.getByRole('link', { name: 'Energietoeslag' }).waitFor();
    await guest.getByText('Ik werd er vriendelijk ontvangen.').waitFor();
    await guest.getByText('Els (67), Mook').waitFor();
    expect(await axeViolations(guest)).toEqual([]);
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await guest.screenshot({
        path: join(SHOTS, 'social-map-organisation-390.png'),
        fullPage: true,
      });
    }
    await guest.getByRole('link', { name: 'Energietoeslag' }).click();
    await guest.getByRole('heading', { name: 'Energietoeslag', level: 2 }).waitFor();
    await guest.getByRole('link', { name: 'Voedselbank Maasland' }).waitFor();
    await guest.getByText('Inkomen tot 120% van het minimum.').waitFor();
    expect(await axeViolations(guest)).toEqual([]);
  });
});
