/**
 * Joining in Chromium against a real relay WITHOUT --demo: invites made with the CLI,
 * redeemed at /join/<code>, a post seen live by another member; a guest sees the "word lid"
 * panel and the relay refuses it the community space; clear errors for a used or unknown
 * code and for being offline; a revoked member is told to get a new invite, and what they
 * wrote meanwhile arrives once they have joined again.
 *
 * BH_SHOTS=<dir> also saves screenshots of the join view and the guest panel.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/browser.js';
import { cli } from './support/members.js';
import { type TestSite, startNeighbourhood } from './support/neighbourhood.js';
import { writePost } from './support/posts.js';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1920, height: 1080 };
const NB = 'dijkstraat';
const SHOTS = process.env.BH_SHOTS;

describe('joining a neighbourhood with an invite', () => {
  let site: TestSite;
  let anna: Page;
  let bram: Page;
  let guest: Page;
  const codes: string[] = [];

  async function invite(): Promise<{ code: string; link: string }> {
    const out = await cli([
      'invite',
      NB,
      '--role',
      'resident',
      '--data',
      site.dataDir,
      '--base-url',
      site.base,
    ]);
    const code = /Code: (\S+)/.exec(out)?.[1];
    const link = /Link: (\S+)/.exec(out)?.[1];
    if (!code || !link) throw new Error(`no code in:\n${out}`);
    return { code, link };
  }

  const page = (viewport = PHONE) => site.page({ viewport });

  async function joinAs(p: Page, name: string): Promise<void> {
    await p.locator('bh-join').getByLabel('Je naam').fill(name);
    await p.getByRole('button', { name: 'Lid worden' }).click();
    await p.getByRole('heading', { name: 'Berichten uit de buurt' }).waitFor();
    expect(new URL(p.url()).pathname).toBe(`/nb/${NB}/`);
  }

  beforeAll(async () => {
    site = await startNeighbourhood('buurthub-join-e2e-', NB, 'Dijkstraat');
  });

  afterAll(() => site?.stop());

  it('opens the join view from an invite link with the code filled in, without axe violations', async () => {
    const first = await invite();
    codes.push(first.code);
    expect(first.link).toBe(`${site.base}/join/${first.code.replace('-', '')}`);
    anna = await page();
    await anna.goto(first.link);
    await anna.getByRole('heading', { name: 'Lid worden van je buurt' }).waitFor();
    const code = anna.getByLabel('Uitnodigingscode');
    expect((await code.inputValue()).replace('-', '')).toBe(first.code.replace('-', ''));
    // The code came with the link, so the name is the field to fill in.
    await expect
      .poll(() =>
        anna.evaluate(() => document.querySelector('bh-app')?.shadowRoot?.activeElement?.tagName),
      )
      .toBe('BH-JOIN');
    expect(await axeViolations(anna)).toEqual([]);
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await anna.screenshot({ path: join(SHOTS, 'join-390.png'), fullPage: true });
      const wide = await page(DESKTOP);
      await wide.goto(`${site.base}/join/`);
      await wide.getByRole('heading', { name: 'Lid worden van je buurt' }).waitFor();
      await wide.getByRole('button', { name: 'Lid worden' }).click();
      await wide.getByText('Vul de code uit je uitnodiging in.').waitFor();
      await wide.screenshot({ path: join(SHOTS, 'join-error-1920.png') });
      await wide.getByLabel('Uitnodigingscode').fill('ABCD-EFGH');
      await wide.screenshot({ path: join(SHOTS, 'join-1920.png') });
    }
  });

  it('joins with a name and writes as that member, with the role from the token', async () => {
    await joinAs(anna, 'Anna de Vries');
    await anna.getByText('Welkom! Je bent nu lid van de buurt.').waitFor();
    await anna.getByRole('link', { name: 'Nieuw bericht' }).click();
    await anna.getByText('Je schrijft als Anna de Vries (bewoner).').waitFor();
    // The name is the relay-signed one: nothing to change here, and no name dialog.
    expect(await anna.getByRole('button', { name: 'Naam wijzigen' }).count()).toBe(0);
  });

  it('shows the post live to another member who joined with another invite', async () => {
    const second = await invite();
    bram = await page();
    // Typed by hand, lower case and without the dash.
    await bram.goto(`${site.base}/join`);
    await bram.getByLabel('Uitnodigingscode').fill(second.code.replace('-', '').toLowerCase());
    await joinAs(bram, 'Bram Janssen');

    await writePost(anna, 'Fiets gevonden bij de kerk', 'Een blauwe damesfiets, bij de pastorie.');
    const article = bram.getByRole('article', { name: 'Fiets gevonden bij de kerk' });
    await article.waitFor({ timeout: 15_000 });
    expect(await article.textContent()).toContain('Anna de Vries');
    const status = anna.getByRole('status', { name: 'Synchronisatiestatus' });
    await expect
      .poll(() => status.textContent(), { timeout: 10_000 })
      .toMatch(/opgeslagen op de server/);
  });

  it('shows a guest the join panel and never the community posts', async () => {
    guest = await page();
    await guest.goto(site.url());
    await guest.getByRole('heading', { name: 'Word lid van de buurt' }).waitFor();
    await expect
      .poll(() => guest.getByRole('status', { name: 'Synchronisatiestatus' }).textContent())
      .toMatch(/Online/);
    expect(await guest.getByRole('article').count()).toBe(0);
    expect(await guest.getByText('Fiets gevonden').count()).toBe(0);
    expect(await axeViolations(guest)).toEqual([]);
    if (SHOTS) {
      await guest.screenshot({ path: join(SHOTS, 'guest-390.png'), fullPage: true });
      const wide = await page(DESKTOP);
      await wide.goto(site.url());
      await wide.getByRole('heading', { name: 'Word lid van de buurt' }).waitFor();
      await wide.screenshot({ path: join(SHOTS, 'guest-1920.png') });
    }
    // And the relay agrees: without a token the community space is refused before the upgrade.
    const opened = await guest.evaluate(
      (url) =>
        new Promise<boolean>((resolve) => {
          const ws = new WebSocket(url);
          ws.onopen = () => resolve(true);
          ws.onerror = () => resolve(false);
        }),
      `${site.base.replace(/^http/, 'ws')}/sync/${NB}/community`,
    );
    expect(opened).toBe(false);
  });

  it('explains a used invite, an unknown code and being offline in Dutch', async () => {
    const form = guest.locator('bh-join');
    await form.getByLabel('Uitnodigingscode').fill(codes[0] as string);
    await form.getByLabel('Je naam').fill('Cor');
    await form.getByRole('button', { name: 'Lid worden' }).click();
    await guest
      .getByRole('alert')
      .getByText('Deze uitnodiging is al gebruikt. Vraag een buurtverbinder om een nieuwe.')
      .waitFor();
    await form.getByLabel('Uitnodigingscode').fill('ZZZZ-ZZZZ');
    await form.getByRole('button', { name: 'Lid worden' }).click();
    await guest.getByText('Deze code kennen we niet.', { exact: false }).waitFor();
    if (SHOTS) await guest.screenshot({ path: join(SHOTS, 'guest-error-390.png'), fullPage: true });

    await guest.context().setOffline(true);
    await form.getByRole('button', { name: 'Lid worden' }).click();
    await guest
      .getByText('Je bent offline; probeer het opnieuw zodra je verbinding hebt.')
      .waitFor();
    await guest.context().setOffline(false);
  });

  it('tells a revoked member to get a new invite, and delivers what they wrote after rejoining', async () => {
    const sub = await anna.evaluate(
      (nb) =>
        (JSON.parse(localStorage.getItem(`buurthub:session:${nb}`) ?? '{}') as { sub?: string })
          .sub,
      NB,
    );
    expect(sub).toMatch(/^m-/);
    await cli(['revoke', sub as string, '--data', site.dataDir]);
    await anna
      .getByText('Je toegang tot deze buurt is verlopen of ingetrokken.', { exact: false })
      .waitFor({ timeout: 30_000 });

    // Writing still works on the device; it waits for a usable token.
    await writePost(anna, 'Container vol', 'De papiercontainer bij de school is vol.');
    const status = anna.getByRole('status', { name: 'Synchronisatiestatus' });
    await expect.poll(() => status.textContent()).toMatch(/1 wijziging wacht/);

    const again = await invite();
    await anna.getByRole('link', { name: 'Nieuwe code invullen' }).click();
    await anna.getByLabel('Uitnodigingscode').fill(again.code);
    await joinAs(anna, 'Anna de Vries');
    await bram.getByRole('article', { name: 'Container vol' }).waitFor({ timeout: 20_000 });
    await expect
      .poll(() => status.textContent(), { timeout: 15_000 })
      .toMatch(/Online · laatst opgeslagen op de server/);
  });
});
