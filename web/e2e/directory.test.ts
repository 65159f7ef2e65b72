/**
 * The neighbourhood directory in Chromium against a real relay (issue 8): two residents
 * publish profiles (one hides a field), one finds the other by skill and through a
 * suggestion, asks to get in touch (offline first: told plainly, nothing typed lost), the
 * other accepts with their own details, and only then does each see the other's. The
 * hidden field never reaches the other resident; a field shown to moderators only reaches a
 * moderator and no resident. Every view is scanned with axe.
 *
 * BH_SHOTS=<dir> also saves screenshots (390x844) of the search, the profile form and the
 * accepted request.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/browser.js';
import { type TestSite, startNeighbourhood } from './support/neighbourhood.js';

const NB = 'mookerheide';
const SHOTS = process.env.BH_SHOTS;
const HIDDEN_ABOUT = 'Ik bak elke zaterdag brood.';
const FOR_MODERATORS = 'Ik zie slecht; bel me liever dan te appen.';

describe('the directory and contact requests', () => {
  let site: TestSite;
  let anna: Page;
  let bram: Page;

  async function shot(p: Page, name: string): Promise<void> {
    if (!SHOTS) return;
    mkdirSync(SHOTS, { recursive: true });
    await p.evaluate(() => window.scrollTo(0, 0));
    await p.screenshot({ path: join(SHOTS, name), fullPage: true });
  }

  async function publish(
    p: Page,
    area: string,
    ticks: [group: string, topic: string][],
    about?: string,
  ): Promise<void> {
    await p.getByRole('link', { name: 'Buren' }).click();
    await p.getByRole('link', { name: 'Mijn profiel' }).click();
    await p.getByRole('heading', { name: 'Mijn profiel in de buurtgids' }).waitFor();
    await p.getByLabel('Dorp of straat (geen adres)', { exact: true }).fill(area);
    for (const [group, topic] of ticks) {
      await p
        .getByRole('group', { name: group })
        .getByRole('checkbox', { name: topic, exact: true })
        .check();
    }
    if (about) {
      await p.getByLabel('Over mij', { exact: true }).fill(about);
      await p.getByLabel('Wie ziet “Over mij”?').selectOption('hidden');
    }
    await p.getByRole('button', { name: 'Profiel opslaan' }).click();
    await p.getByText('Je profiel staat in de buurtgids.').waitFor();
  }

  beforeAll(async () => {
    site = await startNeighbourhood('buurthub-directory-e2e-', NB, 'Mookerheide');
    anna = await site.member('Anna de Bakker');
    bram = await site.member('Bram Visser');
  });

  afterAll(() => site?.stop());

  it('publishes opt-in profiles, refusing an address as the area', async () => {
    await anna.getByRole('link', { name: 'Buren' }).click();
    await anna.getByText('Je staat nog niet in de buurtgids.').waitFor();
    await anna.getByRole('link', { name: 'Mijn profiel' }).click();
    await anna.getByLabel('Dorp of straat (geen adres)', { exact: true }).fill('Kerkstraat 12');
    await anna.getByRole('button', { name: 'Profiel opslaan' }).click();
    await anna
      .getByText('Een dorp of straat, zonder cijfers: geen huisnummer of postcode.')
      .waitFor();
    expect(await axeViolations(anna)).toEqual([]);
    await publish(
      anna,
      'Mook',
      [
        ['Wat ik kan bijdragen', 'koken'],
        ['Waar ik van houd', 'tuinieren'],
      ],
      HIDDEN_ABOUT,
    );
    await shot(anna, 'directory-profile-390.png');
    await publish(bram, 'Mook', [
      ['Waar ik van houd', 'tuinieren'],
      ['Wat ik wil leren', 'koken'],
    ]);
  });

  it('finds a neighbour by skill and suggests neighbours, without the hidden field', async () => {
    await bram.getByRole('link', { name: 'Zoeken', exact: true }).click();
    await bram.getByRole('heading', { name: 'Buren', level: 2 }).waitFor();
    await bram.getByRole('button', { name: '1 buur kan je koken leren' }).waitFor();
    await bram.getByRole('button', { name: '1 buur in Mook houdt ook van tuinieren' }).waitFor();
    await bram.getByLabel('Onderwerp').selectOption({ label: 'koken' });
    await bram.getByLabel('Soort').selectOption({ label: 'Wat ik kan bijdragen' });
    await bram.getByText('1 buur gevonden').waitFor();
    const card = bram.getByRole('article', { name: 'Anna de Bakker' });
    expect(await card.textContent()).toContain('koken');
    // Hidden on Anna's device only: not in the document Bram's browser holds.
    expect(await bram.getByText(HIDDEN_ABOUT).count()).toBe(0);
    expect(await axeViolations(bram)).toEqual([]);
    await shot(bram, 'directory-search-390.png');
    // Anna's hidden text stays in her own form.
    await anna.reload();
    await anna.getByRole('heading', { name: 'Mijn profiel in de buurtgids' }).waitFor();
    expect(await anna.getByLabel('Over mij', { exact: true }).inputValue()).toBe(HIDDEN_ABOUT);
  });

  it('says plainly that a request needs the network, and keeps what was typed', async () => {
    const card = bram.getByRole('article', { name: 'Anna de Bakker' });
    await card.getByRole('button', { name: 'Contact opnemen' }).click();
    const dialog = bram.getByRole('dialog', { name: 'Contact opnemen met Anna de Bakker' });
    await dialog.getByRole('button', { name: 'Verzoek sturen' }).click();
    await dialog.getByText('Schrijf een kort bericht.').waitFor();
    await dialog.getByText('Vul minstens één manier in om je te bereiken.').waitFor();
    expect(await axeViolations(bram)).toEqual([]);
    await dialog.getByLabel('Je bericht').fill('Wil je me leren koken? Ik help met je tuin.');
    await dialog.getByLabel('E-mail', { exact: true }).fill('bram@example.org');
    await bram.context().setOffline(true);
    await dialog.getByRole('button', { name: 'Verzoek sturen' }).click();
    await dialog.getByText('Je bent offline.', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await bram.context().setOffline(false);
    await card.getByRole('button', { name: 'Contact opnemen' }).click();
    expect(await dialog.getByLabel('Je bericht').inputValue()).toBe(
      'Wil je me leren koken? Ik help met je tuin.',
    );
    expect(await dialog.getByLabel('E-mail', { exact: true }).inputValue()).toBe(
      'bram@example.org',
    );
    await dialog.getByRole('button', { name: 'Verzoek sturen' }).click();
    await bram.getByRole('heading', { name: 'Contactverzoeken' }).waitFor();
    const sent = bram.getByRole('article', { name: 'Aan Anna de Bakker' });
    await sent.getByText('Wacht op antwoord').waitFor();
    expect(await sent.getByText('Zo bereik je Anna de Bakker').count()).toBe(0);
  });

  it('shows both sides each other’s details only after the request is accepted', async () => {
    await anna.getByRole('link', { name: 'Verzoeken', exact: true }).click();
    const request = anna.getByRole('article', { name: 'Van Bram Visser' });
    await request.getByText('Wil je me leren koken?').waitFor();
    expect(await request.textContent()).not.toContain('bram@example.org');
    expect(await axeViolations(anna)).toEqual([]);
    await request.getByLabel('Telefoon', { exact: true }).fill('06 12345678');
    await request.getByRole('button', { name: 'Accepteren' }).click();
    await request.getByText('Zo bereik je Bram Visser').waitFor();
    expect(await request.textContent()).toContain('bram@example.org');

    await bram.getByRole('button', { name: 'Vernieuwen' }).click();
    const sent = bram.getByRole('article', { name: 'Aan Anna de Bakker' });
    await sent.getByText('Zo bereik je Anna de Bakker').waitFor();
    expect(await sent.textContent()).toContain('06 12345678');
    expect(await sent.textContent()).toContain('Geaccepteerd');
    expect(await axeViolations(bram)).toEqual([]);
    await shot(bram, 'directory-accepted-390.png');
  });

  it('shows a field meant for moderators only to a moderator, never to another resident', async () => {
    await bram.getByRole('link', { name: 'Mijn profiel' }).click();
    await bram.getByRole('heading', { name: 'Mijn profiel in de buurtgids' }).waitFor();
    await bram.getByLabel('Over mij', { exact: true }).fill(FOR_MODERATORS);
    await bram.getByLabel('Wie ziet “Over mij”?').selectOption('moderators');
    await bram.getByRole('button', { name: 'Profiel opslaan' }).click();
    await bram.getByText('Je profiel staat in de buurtgids.').waitFor();

    const mod = await site.member('Mo', 'moderator');
    await mod.getByRole('link', { name: 'Buren' }).click();
    const card = mod.getByRole('article', { name: 'Bram Visser' });
    const section = card.getByRole('region', { name: 'Alleen voor buurtverbinders' });
    await section.getByText(FOR_MODERATORS).waitFor();
    expect(await axeViolations(mod)).toEqual([]);
    await shot(mod, 'directory-moderator-390.png');

    // Anna, a resident, has the whole directory room on her device: the text is not in it.
    await anna.getByRole('link', { name: 'Zoeken', exact: true }).click();
    await anna.getByRole('article', { name: 'Bram Visser' }).waitFor();
    expect(await anna.getByText(FOR_MODERATORS).count()).toBe(0);
    expect(await anna.getByRole('region', { name: 'Alleen voor buurtverbinders' }).count()).toBe(0);
    // On a fresh page Bram's form reads the field back from the relay.
    await bram.reload();
    await bram.getByRole('heading', { name: 'Mijn profiel in de buurtgids' }).waitFor();
    expect(await bram.getByLabel('Wie ziet “Over mij”?').inputValue()).toBe('moderators');
    await mod.context().close();
  });
});
