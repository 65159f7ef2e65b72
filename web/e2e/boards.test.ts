/**
 * Notice boards in Chromium against a real relay (issue 6): two buurtverbinders type into the
 * same paragraph at once and both end with every word; undo takes back only your own
 * typing; one goes offline, both edit, and they
 * converge when it is back; each sees who else edits, with a named cursor, gone when the other
 * leaves; a mass delete is undone from the history in two clicks on every client; a photo
 * goes up to the blob store and residents see it; a resident
 * reads the board typeset without edit controls; the poster prints to a PDF page; the kiosk
 * shows the boards full screen when there is no crisis alert.
 *
 * BH_SHOTS=<dir> (default /tmp/shots) receives screenshots (editors with presence, the
 * resident's board, history, poster PDF pages, kiosk).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BoardNode, PublicSpace } from '@buurthub/shared';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockClient, synced } from '../../sync-server/test/helpers/clients.js';
import { brokenHeadingWords, setTextSize } from './support/a11y.js';
import { axeViolations } from './support/browser.js';
import { cli, inviteLink, joinWithLink } from './support/members.js';
import { type TestSite, startNeighbourhood } from './support/neighbourhood.js';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1920, height: 1080 };
const NB = 'dorpsplein';
const SHOTS = process.env.BH_SHOTS ?? '/tmp/shots';
const MIEKE = { id: 'mieke', name: 'Mieke', role: 'moderator' as const };

const text = (t: string, marks = {}): BoardNode => ({ type: 'text', text: t, marks });
const para = (...children: BoardNode[]): BoardNode => ({ type: 'paragraph', attrs: {}, children });
const BOARD: BoardNode[] = [
  { type: 'heading', attrs: { level: 1 }, children: [text('Buurthuis De Schakel')] },
  para(text('Koffie staat klaar.')),
  {
    type: 'hours',
    attrs: {},
    children: [
      {
        type: 'bullet_list',
        attrs: {},
        children: [
          { type: 'list_item', attrs: {}, children: [para(text('Maandag 9:00–17:00'))] },
          { type: 'list_item', attrs: {}, children: [para(text('Woensdag 13:00–21:00'))] },
        ],
      },
    ],
  },
  {
    type: 'contact',
    attrs: {},
    children: [
      para(
        text('Beheer: ', { strong: true }),
        text('bel 024-123 45 67 of '),
        text('mail ons', { link: 'mailto:schakel@example.nl' }),
      ),
    ],
  },
];

describe('notice boards', () => {
  let site: TestSite;
  let annaContext: BrowserContext;
  let bramContext: BrowserContext;
  let anna: Page;
  let bram: Page;
  let resident: Page;
  let boardId = '';

  async function shot(p: Page, name: string, fullPage = true): Promise<void> {
    mkdirSync(SHOTS, { recursive: true });
    await p.screenshot({ path: join(SHOTS, name), fullPage });
  }

  async function writePublic(write: (space: PublicSpace) => void): Promise<void> {
    const out = await cli(['token', NB, '--role', 'moderator', '--data', site.dataDir]);
    const token = out.trim().split('\n').at(-1) as string;
    const client = stockClient(site.base, `${NB}/public`, { token });
    try {
      await synced(client);
      write(new PublicSpace(client.doc));
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      client.destroy();
    }
  }

  const editor = (p: Page) => p.locator('bh-board-editor .ProseMirror');
  /** The editor's text without the other people's cursor labels. */
  const boardText = (p: Page) =>
    editor(p).evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.ProseMirror-yjs-cursor').forEach((c) => c.remove());
      return copy.textContent ?? '';
    });

  async function openEditor(p: Page): Promise<void> {
    await p.goto(`${site.base}/nb/${NB}/#prikborden/${boardId}/bewerken`);
    await editor(p).getByText('Koffie staat klaar.').waitFor({ timeout: 20_000 });
  }

  /** Puts the caret at the start or end of the paragraph that contains `needle`. */
  async function caretAt(p: Page, needle: string, where: 'Home' | 'End' = 'End'): Promise<void> {
    await editor(p).getByText(needle).click();
    await p.keyboard.press(where);
  }

  beforeAll(async () => {
    site = await startNeighbourhood('buurthub-boards-e2e-', NB, 'Dorpsplein');
    await writePublic((space) => {
      boardId = space.boards.create({ title: 'Openingstijden', content: BOARD }, MIEKE).id;
      space.boards.create({ title: 'Voedselbank', content: [para(text('Elke vrijdag.'))] }, MIEKE);
    });
    annaContext = await site.browser.newContext({ viewport: DESKTOP });
    bramContext = await site.browser.newContext({ viewport: DESKTOP });
    const residentContext = await site.browser.newContext({ viewport: PHONE });
    anna = await annaContext.newPage();
    bram = await bramContext.newPage();
    resident = await residentContext.newPage();
    await joinWithLink(anna, await inviteLink(site, 'moderator'), 'Anna Verbinder');
    await joinWithLink(bram, await inviteLink(site, 'moderator'), 'Bram Verbinder');
    await joinWithLink(resident, await inviteLink(site, 'resident'), 'Rik Bewoner');
  });

  afterAll(() => site?.stop());

  it('shows a resident the boards read-only and nicely typeset, without edit controls', async () => {
    await resident.getByRole('navigation').getByRole('link', { name: 'Prikborden' }).click();
    await resident.getByRole('heading', { name: 'Prikborden' }).waitFor();
    expect(await axeViolations(resident)).toEqual([]);
    await resident.getByRole('link', { name: 'Openingstijden' }).click();
    await resident.getByRole('heading', { name: 'Buurthuis De Schakel' }).waitFor();
    await resident.getByText('Maandag 9:00–17:00').waitFor();
    expect(await resident.getByRole('link', { name: 'mail ons' }).getAttribute('href')).toBe(
      'mailto:schakel@example.nl',
    );
    expect(await resident.getByRole('link', { name: 'Bewerken' }).count()).toBe(0);
    expect(await resident.getByRole('link', { name: 'Geschiedenis' }).count()).toBe(0);
    expect(await axeViolations(resident)).toEqual([]);
    await shot(resident, 'board-resident-390.png');
    // Even typing the edit address gives no editor.
    await resident.goto(`${site.base}/nb/${NB}/#prikborden/${boardId}/bewerken`);
    await resident
      .getByRole('heading', { name: 'Alleen buurtverbinders en de gemeente bewerken prikborden.' })
      .waitFor();
    expect(await resident.locator('bh-board-editor').count()).toBe(0);
  });

  it('lets two buurtverbinders type into the same paragraph at once without losing a word', async () => {
    await openEditor(anna);
    await openEditor(bram);
    expect(await axeViolations(anna)).toEqual([]);
    // Anna at the start of the paragraph, Bram at its end, typing at the same time.
    await caretAt(anna, 'Koffie staat klaar.', 'Home');
    await caretAt(bram, 'Koffie staat klaar.', 'End');
    await Promise.all([
      anna.keyboard.type('Vandaag: ', { delay: 40 }),
      bram.keyboard.type(' Koekjes van Bram.', { delay: 35 }),
    ]);
    await expect
      .poll(async () => (await boardText(anna)) === (await boardText(bram)), { timeout: 20_000 })
      .toBe(true);
    expect(await boardText(anna)).toContain('Vandaag: Koffie staat klaar. Koekjes van Bram.');
  });

  it('undoes only your own typing, not what the other buurtverbinder wrote meanwhile', async () => {
    await caretAt(bram, 'Buurthuis De Schakel', 'End');
    await bram.keyboard.type(' in Mook', { delay: 20 });
    await caretAt(anna, 'Koekjes van Bram.', 'End');
    await anna.keyboard.type(' Taart van Anna.', { delay: 20 });
    for (const p of [anna, bram]) {
      await expect
        .poll(() => boardText(p), { timeout: 15_000 })
        .toMatch(/Buurthuis De Schakel in Mook.*Taart van Anna\./);
    }
    await anna.keyboard.press('Control+z');
    for (const p of [anna, bram]) {
      await expect.poll(() => boardText(p), { timeout: 15_000 }).not.toContain('Taart van Anna');
      expect(await boardText(p)).toContain('Buurthuis De Schakel in Mook');
    }
    await anna.keyboard.press('Control+y');
    await expect.poll(() => boardText(bram), { timeout: 15_000 }).toContain('Taart van Anna.');
  });

  it('shows who else edits, with their name and cursor, and drops them when they leave', async () => {
    const presence = anna.locator('bh-board-editor .presence');
    await presence.getByText('Bram Verbinder').waitFor({ timeout: 15_000 });

    await bram.locator('bh-board-editor .presence').getByText('Anna Verbinder').waitFor();
    await editor(anna)
      .locator('.ProseMirror-yjs-cursor')
      .getByText('Bram Verbinder')
      .waitFor({ timeout: 15_000 });
    // Bram selects a word: Anna sees it highlighted.
    await editor(bram).getByText('Buurthuis De Schakel').dblclick();
    await editor(anna).locator('.ProseMirror-yjs-selection').first().waitFor({ timeout: 15_000 });
    await shot(anna, 'boards-editor-anna-1920.png', false);
    await shot(bram, 'boards-editor-bram-1920.png', false);
    await anna.setViewportSize(PHONE);
    await shot(anna, 'boards-editor-anna-390.png', false);
    await anna.setViewportSize(DESKTOP);
    // The list of boards says who is editing which board.
    const third = await annaContext.newPage();
    await third.goto(site.url('#prikborden'));
    // Anna's own editor tab counts too: this tab is another awareness client.
    await third.getByText(/Nu bezig: .*Bram Verbinder/).waitFor({ timeout: 15_000 });
    expect(await axeViolations(third)).toEqual([]);
    await shot(third, 'boards-list-1920.png', false);
    await third.close();
    // Bram closes his browser tab: gone from Anna's screen within seconds.
    await bram.close();
    await presence
      .getByText('Niemand anders bewerkt dit prikbord nu.')
      .waitFor({ timeout: 20_000 });
    expect(await editor(anna).locator('.ProseMirror-yjs-cursor').count()).toBe(0);
    bram = await bramContext.newPage();
    await openEditor(bram);
  });

  it('merges edits made offline with edits made meanwhile once the device is back', async () => {
    await annaContext.setOffline(true);
    await caretAt(anna, 'Maandag 9:00–17:00');
    await anna.keyboard.type(' (offline erbij)', { delay: 20 });
    await anna.getByText('Je wijzigingen staan nog niet op de server', { exact: false }).waitFor();
    await caretAt(bram, 'Woensdag 13:00–21:00');
    await bram.keyboard.type(' (online erbij)', { delay: 20 });
    await annaContext.setOffline(false);
    await anna.getByText('Al je wijzigingen staan op de server.').waitFor({ timeout: 30_000 });
    await expect
      .poll(async () => (await boardText(anna)) === (await boardText(bram)), { timeout: 20_000 })
      .toBe(true);
    const merged = await boardText(bram);
    expect(merged).toContain('Maandag 9:00–17:00 (offline erbij)');
    expect(merged).toContain('Woensdag 13:00–21:00 (online erbij)');
  });

  it('undoes a mass delete from the history in two clicks, on every client', async () => {
    await anna.getByLabel('Naam van de versie (mag leeg blijven)').fill('Goed');
    await anna.getByRole('button', { name: 'Versie opslaan' }).click();
    await anna.getByText('Versie opgeslagen.').waitFor();
    const good = await boardText(anna);
    // Bram selects everything and deletes it.
    await editor(bram).click();
    await bram.keyboard.press('Control+a');
    await bram.keyboard.press('Delete');
    await expect.poll(() => boardText(anna), { timeout: 15_000 }).not.toContain('Koffie');

    await resident.goto(`${site.base}/nb/${NB}/#prikborden/${boardId}`);
    const history = await annaContext.newPage();
    await history.goto(`${site.base}/nb/${NB}/#prikborden/${boardId}/geschiedenis`);
    await history.getByRole('heading', { name: 'Geschiedenis van Openingstijden' }).waitFor();
    expect(await axeViolations(history)).toEqual([]);
    await history.getByRole('button', { name: /Goed/ }).click(); // click 1
    await history.getByRole('button', { name: 'Deze versie terugzetten' }).click(); // click 2
    await history.getByText('De versie is teruggezet.', { exact: false }).waitFor();
    await shot(history, 'boards-history-1920.png');
    expect(await axeViolations(history)).toEqual([]);
    await history.close();

    await expect.poll(() => boardText(anna), { timeout: 15_000 }).toBe(good);
    await expect.poll(() => boardText(bram), { timeout: 15_000 }).toBe(good);
    await resident
      .locator('bh-boards .board-content')
      .getByText('Maandag 9:00–17:00 (offline erbij)')
      .waitFor({ timeout: 15_000 });
  });

  it('adds a photo from the blob store with a description, shown to residents', async () => {
    const jpeg = await anna.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 640;
      canvas.height = 480;
      const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
      ctx.fillStyle = '#c98b2b';
      ctx.fillRect(0, 0, 640, 480);
      return canvas.toDataURL('image/jpeg', 0.9).split(',')[1] as string;
    });
    await caretAt(anna, 'Koekjes van Bram.', 'End');
    anna.once('dialog', (dialog) => void dialog.accept('De voorgevel van De Schakel'));
    await anna.locator('bh-board-editor input[type=file]').setInputFiles({
      name: 'schakel.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from(jpeg, 'base64'),
    });
    const photo = editor(anna).getByRole('img', { name: 'De voorgevel van De Schakel' });
    await photo.waitFor();
    // The resident opens the board once the device has uploaded the photo.
    const src = (await photo.getAttribute('src')) as string;
    expect(src).toMatch(/^\/blobs\/[0-9a-f]{64}$/);
    await expect
      .poll(async () => (await fetch(`${site.base}${src}`)).status, { timeout: 30_000 })
      .toBe(200);
    await resident.goto(`${site.base}/nb/${NB}/#prikborden/${boardId}`);
    const img = resident.getByRole('img', { name: 'De voorgevel van De Schakel' });
    await img.waitFor({ timeout: 15_000 });
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth), { timeout: 30_000 })
      .toBeGreaterThan(0);
    expect(await axeViolations(resident)).toEqual([]);
  });

  it('prints the board as an A4 poster with the neighbourhood, the date and a QR code', async () => {
    const poster = await annaContext.newPage();
    await poster.goto(`${site.base}/nb/${NB}/#prikborden/${boardId}/poster`);
    await poster.getByRole('heading', { name: 'Poster van Openingstijden' }).waitFor();
    await poster.getByRole('img', { name: 'QR-code naar dit prikbord online' }).waitFor();
    expect(await axeViolations(poster)).toEqual([]);
    await shot(poster, 'boards-poster-screen-1920.png');
    await poster.emulateMedia({ media: 'print' });
    const pdf = await poster.pdf({ preferCSSPageSize: true, printBackground: true });
    const dir = join(SHOTS, 'poster');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'poster-a4.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', '60', join(dir, 'poster-a4.pdf'), join(dir, 'a4')]);
    const pages = readdirSync(dir).filter((f) => f.startsWith('a4') && f.endsWith('.png'));
    expect(pages.length).toBe(1);
    const printed = execFileSync('pdftotext', [join(dir, 'poster-a4.pdf'), '-']).toString();
    expect(printed).toContain('Dorpsplein');
    expect(printed).toContain('Openingstijden');
    expect(printed).toContain('Scan voor de actuele versie');
    expect(printed).not.toContain('Bewerken');
    const info = execFileSync('pdfinfo', [join(dir, 'poster-a4.pdf')]).toString();
    expect(info).toMatch(/Page size:.*\(A4\)/);
    await poster.emulateMedia({ media: 'screen' });
    await poster.getByRole('radio', { name: 'A3 staand' }).check();
    await poster.emulateMedia({ media: 'print' });
    writeFileSync(
      join(dir, 'poster-a3.pdf'),
      await poster.pdf({ preferCSSPageSize: true, printBackground: true }),
    );
    execFileSync('pdftoppm', ['-png', '-r', '40', join(dir, 'poster-a3.pdf'), join(dir, 'a3')]);
    expect(execFileSync('pdfinfo', [join(dir, 'poster-a3.pdf')]).toString()).toMatch(
      /Page size:.*\(A3\)/,
    );
    await poster.close();
  });

  it('rotates the boards full screen on the kiosk when there is no crisis alert', async () => {
    const kioskContext = await site.browser.newContext({ viewport: DESKTOP });
    const kiosk = await kioskContext.newPage();
    await kiosk.goto(site.url('#kiosk'));
    const screen = kiosk.locator('bh-kiosk');
    await screen.getByRole('heading', { name: 'Openingstijden' }).waitFor({ timeout: 20_000 });
    await screen.getByText('Maandag 9:00–17:00', { exact: false }).waitFor();
    await screen.getByRole('img', { name: 'QR-code naar dit prikbord' }).waitFor();
    expect(await axeViolations(kiosk)).toEqual([]);
    await shot(kiosk, 'boards-kiosk-1920.png', false);
    await screen.getByRole('button', { name: 'Volgende prikbord' }).click();
    await screen.getByRole('heading', { name: 'Voedselbank' }).waitFor();
    await kioskContext.close();
  });

  // Last, so the kiosk above rotates only the first two boards.
  it('keeps the words of a board’s headings whole at 200 % text on a phone', async () => {
    let id = '';
    await writePublic((space) => {
      id = space.boards.create(
        {
          title: 'Buurthuis',
          content: [
            { type: 'heading', attrs: { level: 1 }, children: [text('Openingstijden buurthuis')] },
            { type: 'heading', attrs: { level: 2 }, children: [text('Vakantierooster')] },
            para(text('In de zomer korter open.')),
          ],
        },
        MIEKE,
      ).id;
    });
    await resident.goto(`${site.base}/nb/${NB}/#prikborden/${id}`);
    await resident.getByRole('heading', { name: 'Openingstijden buurthuis' }).waitFor();
    await setTextSize(resident, 200);
    try {
      expect(await brokenHeadingWords(resident, 'h3, h4')).toEqual([]);
      await shot(resident, 'board-headings-390-200.png', false);
    } finally {
      await setTextSize(resident, 100);
    }
  });
});
