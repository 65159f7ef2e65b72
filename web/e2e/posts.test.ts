/**
 * Changing posts in Chromium against a real relay (issue 4): the author edits a post and a
 * comment (neighbours see "bewerkt" live) and removes them after a native confirm dialog,
 * a neighbour gets no such buttons on someone else's post, a `#berichten/<id>` link (as in
 * the relay's feeds) scrolls to and focuses that post, and "Delen" shares that same link.
 * Photos picked in the composer survive a reload like the text of the draft.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/browser.js';
import { inviteLink, joinWithLink } from './support/members.js';
import { type TestSite, startNeighbourhood } from './support/neighbourhood.js';
import { writePost } from './support/posts.js';

const PHONE = { width: 390, height: 844 };
const NB = 'molenwijk';

/** The element that has focus, looking through shadow roots. */
function deepFocus(p: Page): Promise<string> {
  return p.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return `${el?.tagName ?? ''} ${el?.getAttribute('aria-labelledby') ?? ''}`.trim();
  });
}

describe('editing, removing and linking posts', () => {
  let site: TestSite;
  let anna: Page;
  let bram: Page;

  const page = () => site.page({ clipboard: true });

  async function joinAs(p: Page, name: string): Promise<void> {
    await joinWithLink(p, await inviteLink(site), name);
  }

  beforeAll(async () => {
    site = await startNeighbourhood('buurthub-posts-e2e-', NB, 'Molenwijk');
    anna = await page();
    bram = await page();
    await joinAs(anna, 'Anna Molenaar');
    await joinAs(bram, 'Bram Janssen');
  });

  afterAll(() => site?.stop());

  it('lets the author edit a post, and the neighbour sees the new text marked "bewerkt"', async () => {
    await writePost(anna, 'Kat vermist', 'Grijze kat, luistert naar Pluis.');
    const mine = anna.getByRole('article', { name: 'Kat vermist' });
    await mine.getByRole('button', { name: 'Bewerken' }).click();
    await mine.getByLabel('Titel').fill('');
    await mine.getByRole('button', { name: 'Opslaan' }).click();
    await mine.getByText('Geef je bericht een titel.').waitFor();
    expect(await axeViolations(anna)).toEqual([]);
    await mine.getByLabel('Titel').fill('Kat gevonden');
    await mine.getByRole('button', { name: 'Opslaan' }).click();
    const edited = anna.getByRole('article', { name: 'Kat gevonden' });
    await edited.getByText('(bewerkt)').waitFor();
    // Focus goes back to the edit button.
    await expect.poll(() => deepFocus(anna)).toBe('BUTTON');

    const theirs = bram.getByRole('article', { name: 'Kat gevonden' });
    await theirs.getByText('(bewerkt)').waitFor({ timeout: 15_000 });
    expect(await theirs.getByRole('button', { name: 'Bewerken' }).count()).toBe(0);
    expect(await theirs.getByRole('button', { name: 'Verwijderen' }).count()).toBe(0);
  });

  it('lets a neighbour edit and remove their own comment, after confirming', async () => {
    const theirs = bram.getByRole('article', { name: 'Kat gevonden' });
    await theirs.getByLabel('Schrijf een reactie').fill('Fijn dat hij er weer is!');
    await theirs.getByRole('button', { name: 'Plaats reactie' }).click();
    await theirs.getByRole('button', { name: 'Reactie van Bram Janssen bewerken' }).click();
    await theirs.getByLabel('Je reactie').fill('Fijn dat ze er weer is!');
    await theirs.getByRole('button', { name: 'Opslaan' }).click();
    await theirs.getByText('Fijn dat ze er weer is!').waitFor();
    const annas = anna.getByRole('article', { name: 'Kat gevonden' });
    await annas.getByText('Fijn dat ze er weer is!').waitFor({ timeout: 15_000 });
    expect(await annas.locator('.comments .edited').count()).toBe(1);

    await theirs.getByRole('button', { name: 'Reactie van Bram Janssen verwijderen' }).click();
    const dialog = bram.getByRole('dialog', { name: 'Deze reactie verwijderen?' });
    await dialog.waitFor();
    expect(await axeViolations(bram)).toEqual([]);
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await theirs.getByText('Fijn dat ze er weer is!').waitFor();
    await theirs.getByRole('button', { name: 'Reactie van Bram Janssen verwijderen' }).click();
    await dialog.getByRole('button', { name: 'Verwijderen' }).click();
    await theirs.getByText('Fijn dat ze er weer is!').waitFor({ state: 'detached' });
    await annas
      .getByText('Fijn dat ze er weer is!')
      .waitFor({ state: 'detached', timeout: 15_000 });
  });

  it('opens a #berichten/<id> link at that post, and "Delen" shares that link', async () => {
    await writePost(anna, 'Ouder bericht', 'Dit staat lager in de lijst.');
    for (let i = 1; i <= 5; i++)
      await writePost(anna, `Nieuwer bericht ${i}`, 'Vulling.\n\nMeer tekst.');
    // The feed renders only the posts near the screen: find the older one by searching.
    await anna.getByRole('searchbox', { name: 'Zoeken' }).fill('Ouder bericht');
    const older = anna.getByRole('article', { name: 'Ouder bericht' });
    await older.getByRole('button', { name: 'Delen' }).click();
    await older.getByText('Link gekopieerd.').waitFor();
    const link = await anna.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(new RegExp(`^${site.base}/nb/${NB}/#berichten/[^/]+$`));

    await bram.goto(link);
    const target = bram.getByRole('article', { name: 'Ouder bericht' });
    await target.waitFor({ timeout: 15_000 });
    await expect.poll(() => deepFocus(bram)).toMatch(/^ARTICLE title-/);
    const box = await target.boundingBox();
    expect(box && box.y >= 0 && box.y < PHONE.height).toBe(true);
  });

  it('keeps photos picked in the composer, with their description, across a reload', async () => {
    await anna.getByRole('link', { name: 'Nieuw bericht' }).click();
    await anna.getByLabel('Titel').fill('Bloeiende kastanje');
    const png = await anna.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 320;
      canvas.height = 240;
      const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
      ctx.fillStyle = '#c05050';
      ctx.fillRect(0, 0, 320, 240);
      ctx.fillStyle = '#f0e0a0';
      ctx.fillRect(40, 40, 120, 90);
      return canvas.toDataURL('image/png').split(',')[1] as string;
    });
    await anna.getByLabel('Foto kiezen').setInputFiles({
      name: 'kastanje.png',
      mimeType: 'image/png',
      buffer: Buffer.from(png, 'base64'),
    });
    await anna.getByLabel('Beschrijving van foto 1').fill('Rode kastanje in bloei');
    await anna.reload();
    await anna.getByText('Je concept is teruggezet.').waitFor();
    const alt = anna.getByLabel('Beschrijving van foto 1');
    await expect.poll(() => alt.inputValue(), { timeout: 10_000 }).toBe('Rode kastanje in bloei');
    expect(await anna.locator('bh-composer .photo-list img').count()).toBe(1);
    expect(await anna.getByLabel('Titel').inputValue()).toBe('Bloeiende kastanje');
    await anna.getByLabel('Bericht', { exact: true }).fill('Bij de molen.');
    await anna.getByLabel('Categorie').selectOption('verhaal');
    await anna.getByRole('button', { name: 'Plaatsen' }).click();
    await anna.getByText('Je bericht is geplaatst.').waitFor();
    // Bram is further down the feed (the previous link): he finds the new post by searching.
    await bram.getByRole('searchbox', { name: 'Zoeken' }).fill('Bloeiende kastanje');
    const published = bram.getByRole('article', { name: 'Bloeiende kastanje' });
    await published
      .getByRole('img', { name: 'Rode kastanje in bloei' })
      .waitFor({ timeout: 20_000 });
    // The draft is gone: the composer is empty again.
    await anna.getByRole('link', { name: 'Nieuw bericht' }).click();
    expect(await anna.locator('bh-composer .photo-list img').count()).toBe(0);
  });

  it('lets the author remove a post after confirming in a dialog', async () => {
    await anna.getByRole('link', { name: 'Berichten', exact: true }).click();
    // Older posts are found the way a neighbour finds them in a long feed: by searching.
    for (const page of [anna, bram]) {
      await page.getByRole('searchbox', { name: 'Zoeken' }).fill('Kat gevonden');
      await page.getByRole('article', { name: 'Kat gevonden' }).waitFor();
    }
    const mine = anna.getByRole('article', { name: 'Kat gevonden' });
    await mine.getByRole('button', { name: 'Verwijderen' }).first().click();
    const dialog = anna.getByRole('dialog', { name: 'Dit bericht verwijderen?' });
    await dialog.getByRole('button', { name: 'Verwijderen' }).click();
    await anna.getByText('Het bericht is verwijderd.').waitFor();
    await mine.waitFor({ state: 'detached' });
    await bram
      .getByRole('article', { name: 'Kat gevonden' })
      .waitFor({ state: 'detached', timeout: 15_000 });
  });
});
