/**
 * Inviting from the PWA (issue 3) in Chromium against a real relay without --demo: a
 * moderator who joined with a CLI-made moderator invite creates a resident invite in the
 * app (link, ABCD-EFGH code, QR code, copy button), a second person joins with that code
 * and posts; residents do not get the view; range and offline errors are explained.
 *
 * BH_SHOTS=<dir> also saves screenshots of the invite view at phone and desktop size.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/browser.js';
import { inviteLink, joinWithLink } from './support/members.js';
import { type TestSite, startNeighbourhood } from './support/neighbourhood.js';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1920, height: 1080 };
const NB = 'kerkpad';
const SHOTS = process.env.BH_SHOTS;

describe('inviting neighbours from the app', () => {
  let site: TestSite;
  let moderator: Page;
  let invited: { code: string; link: string };

  const page = (viewport = PHONE) => site.page({ viewport, clipboard: true });

  beforeAll(async () => {
    site = await startNeighbourhood('buurthub-invite-e2e-', NB, 'Kerkpad');
  });

  afterAll(() => site?.stop());

  it('lets a moderator create a resident invite with link, code and QR code, without axe violations', async () => {
    moderator = await page();
    await joinWithLink(moderator, await inviteLink(site, 'moderator'), 'Mieke Buurtverbinder');
    await moderator.getByRole('link', { name: 'Uitnodigen' }).click();
    await moderator.getByRole('heading', { name: 'Buren uitnodigen' }).waitFor();
    expect(new URL(moderator.url()).hash).toBe('#uitnodigen');
    // A moderator hands out resident and moderator invites, never official ones.
    const group = moderator.getByRole('group', { name: 'Uitnodigen als' });
    expect(await group.getByRole('radio').count()).toBe(2);
    expect(await group.getByRole('radio', { name: 'bewoner' }).isChecked()).toBe(true);
    await group.getByRole('radio', { name: 'buurtverbinder' }).waitFor();
    expect(await axeViolations(moderator)).toEqual([]);
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await moderator.screenshot({ path: join(SHOTS, 'invite-form-390.png'), fullPage: true });
    }

    await moderator.getByLabel('Aantal keer te gebruiken').fill('3');
    await moderator.getByLabel('Geldig (dagen)').fill('14');
    await moderator.getByRole('button', { name: 'Uitnodiging maken' }).click();
    const result = moderator.getByRole('heading', { name: 'Je uitnodiging is klaar' });
    await result.waitFor();
    await moderator.getByText('Voor 3 mensen als bewoner', { exact: false }).waitFor();
    const code = (await moderator.locator('bh-invite .code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const link = await moderator.getByLabel('Link', { exact: true }).inputValue();
    expect(link).toBe(`${site.base}/join/${code.replace('-', '')}`);
    const qr = moderator.getByRole('img', {
      name: `QR-code van de uitnodigingslink, code ${code}`,
    });
    await qr.waitFor();
    expect(await qr.locator('rect').count()).toBeGreaterThan(50);
    invited = { code, link };

    await moderator.getByRole('button', { name: 'Link kopiëren' }).click();
    await moderator.getByText('De link is gekopieerd.').waitFor();
    expect(await moderator.evaluate(() => navigator.clipboard.readText())).toBe(link);
    expect(await axeViolations(moderator)).toEqual([]);
    if (SHOTS) {
      // From the top, so the sticky header sits where it belongs in the full-page picture.
      await moderator.evaluate(() => window.scrollTo(0, 0));
      await moderator.screenshot({ path: join(SHOTS, 'invite-390.png'), fullPage: true });
    }
  });

  it('lets a neighbour join with that code and post, seen by the moderator', async () => {
    const neighbour = await page();
    await neighbour.goto(`${site.base}/join`);
    await neighbour.getByLabel('Uitnodigingscode').fill(invited.code);
    await neighbour.locator('bh-join').getByLabel('Je naam').fill('Sanne Nieuw');
    await neighbour.getByRole('button', { name: 'Lid worden' }).click();
    await neighbour.getByRole('heading', { name: 'Berichten uit de buurt' }).waitFor();
    // A resident cannot invite: no link, and the hash alone does not open the view.
    expect(await neighbour.getByRole('link', { name: 'Uitnodigen' }).count()).toBe(0);
    await neighbour.getByRole('link', { name: 'Nieuw bericht' }).click();
    await neighbour.getByText('Je schrijft als Sanne Nieuw (bewoner).').waitFor();
    await neighbour.getByLabel('Titel').fill('Hallo buren');
    await neighbour.getByLabel('Bericht', { exact: true }).fill('Net komen wonen op nummer 4.');
    await neighbour.getByLabel('Categorie').selectOption('nieuws');
    await neighbour.getByRole('button', { name: 'Plaatsen' }).click();
    await neighbour.getByText('Je bericht is geplaatst.').waitFor();
    await neighbour.goto(site.url('#uitnodigen'));
    await neighbour.getByRole('heading', { name: 'Berichten uit de buurt' }).waitFor();
    expect(await neighbour.getByRole('heading', { name: 'Buren uitnodigen' }).count()).toBe(0);

    await moderator.getByRole('link', { name: 'Berichten' }).click();
    await moderator.getByRole('article', { name: 'Hallo buren' }).waitFor({ timeout: 15_000 });
  });

  it('explains a number out of range and being offline', async () => {
    await moderator.getByRole('link', { name: 'Uitnodigen' }).click();
    const uses = moderator.getByLabel('Aantal keer te gebruiken');
    await uses.fill('501');
    await moderator.getByRole('button', { name: 'Uitnodiging maken' }).click();
    await moderator.getByRole('alert').getByText('Kies een aantal van 1 tot 500.').waitFor();
    expect(await uses.getAttribute('aria-invalid')).toBe('true');
    await uses.fill('1');
    await moderator.context().setOffline(true);
    await moderator.getByRole('button', { name: 'Uitnodiging maken' }).click();
    await moderator.getByText('Je bent offline.', { exact: false }).waitFor();
    await moderator.context().setOffline(false);
    if (SHOTS) {
      const wide = await page(DESKTOP);
      await joinWithLink(wide, await inviteLink(site, 'official'), 'Gemeente Venlo');
      await wide.getByRole('link', { name: 'Uitnodigen' }).click();
      const group = wide.getByRole('group', { name: 'Uitnodigen als' });
      await group.getByRole('radio', { name: 'gemeente' }).check();
      await wide.getByRole('button', { name: 'Uitnodiging maken' }).click();
      await wide.getByRole('heading', { name: 'Je uitnodiging is klaar' }).waitFor();
      await wide.getByText('Voor 1 gemeente', { exact: false }).waitFor();
      await wide.screenshot({ path: join(SHOTS, 'invite-1920.png'), fullPage: true });
    }
  });
});
