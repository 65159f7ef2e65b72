/**
 * Posts with photos in Chromium against a real relay (issue 4): a photo post written offline
 * shows its photo at once, uploads with visible progress when the network returns and then
 * appears with its photo for a neighbour; the uploaded file has no EXIF (no GPS position);
 * script in a title or body stays text; reactions (on posts and, by keyboard, on answers) and
 * answers reach the other member.
 *
 * BH_SHOTS=<dir> also saves screenshots of the composer, the feed and a post with a photo.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, network } from './support/browser.js';
import { hasExif, jpegWithGps } from './support/exif.js';
import { inviteLink, joinWithLink } from './support/members.js';
import { type TestSite, startNeighbourhood } from './support/neighbourhood.js';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1920, height: 1080 };
const NB = 'maasoever';
const SHOTS = process.env.BH_SHOTS;
const XSS_TITLE = '<img src=x onerror="window.__xss=1">Hoogwater';
const XSS_BODY = [
  'De kade bij de **veerpont** staat onder water.',
  '',
  '<script>window.__xss=1</script>',
  '[klik hier](javascript:window.__xss=1) en https://www.rijkswaterstaat.nl/water',
  '',
  '- zandzakken bij de kerk',
  '- <b onmouseover="window.__xss=1">niet</b> de auto in de uiterwaard',
].join('\n');

describe('posts with photos', () => {
  let site: TestSite;
  let anna: Page;
  let bram: Page;
  let annaNet: CDPSession;
  let photoHash = '';

  const page = (viewport = PHONE) => site.page({ viewport, clipboard: true });

  async function joinAs(p: Page, name: string): Promise<void> {
    await joinWithLink(p, await inviteLink(site), name);
  }

  /** A 2400×1800 camera-like JPEG (noise, so it does not compress to nothing) with GPS EXIF. */
  async function cameraJpeg(p: Page): Promise<Buffer> {
    const dataUrl = await p.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 2400;
      canvas.height = 1800;
      const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
      const gradient = ctx.createLinearGradient(0, 0, 2400, 1800);
      gradient.addColorStop(0, '#3a6ea5');
      gradient.addColorStop(1, '#c0d890');
      ctx.fillStyle = gradient;
      ctx.fillRect(0, 0, 2400, 1800);
      let seed = 7;
      for (let i = 0; i < 6000; i++) {
        seed = (seed * 16807) % 2147483647;
        ctx.fillStyle = `hsl(${seed % 360} 60% ${30 + (seed % 40)}%)`;
        ctx.fillRect(seed % 2400, (seed >> 3) % 1800, 6 + (seed % 30), 6 + ((seed >> 5) % 30));
      }
      return canvas.toDataURL('image/jpeg', 0.95);
    });
    return jpegWithGps(Buffer.from(dataUrl.split(',')[1] as string, 'base64'));
  }

  beforeAll(async () => {
    site = await startNeighbourhood('buurthub-media-e2e-', NB, 'Maasoever');
    anna = await page();
    bram = await page(DESKTOP);
    await joinAs(anna, 'Anna Maas');
    await joinAs(bram, 'Bram Oever');
    annaNet = await anna.context().newCDPSession(anna);
    await annaNet.send('Network.enable');
  });

  afterAll(() => site?.stop());

  it('shows a photo post written offline at once, with its photo kept on the device', async () => {
    const jpeg = await cameraJpeg(anna);
    expect(hasExif(jpeg)).toBe(true);
    await network(annaNet, true);
    await expect.poll(() => anna.evaluate(() => navigator.onLine)).toBe(false);

    await anna.getByRole('link', { name: 'Nieuw bericht' }).click();
    await anna.getByLabel('Titel').fill(XSS_TITLE);
    await anna.getByLabel('Bericht', { exact: true }).fill(XSS_BODY);
    await anna.getByLabel('Categorie').selectOption('nieuws');
    await anna
      .getByLabel('Foto kiezen')
      .setInputFiles({ name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    const alt = anna.getByLabel('Beschrijving van foto 1');
    await alt.waitFor();
    // Alt text is required: the post waits for it.
    await anna.getByRole('button', { name: 'Plaatsen' }).click();
    await anna.getByText('Beschrijf wat er op de foto staat.').waitFor();
    expect(await alt.getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(anna)).toEqual([]);
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await anna.evaluate(() => window.scrollTo(0, 0));
      await anna.screenshot({ path: join(SHOTS, 'composer-photo-390.png'), fullPage: true });
    }
    await alt.fill('Ondergelopen kade bij de veerpont, het water staat tot de bankjes.');
    await anna.getByRole('button', { name: 'Plaatsen' }).click();
    await anna.getByText('Je bericht is geplaatst.').waitFor();

    const article = anna.getByRole('article', { name: XSS_TITLE });
    await article.waitFor();
    const img = article.getByRole('img', {
      name: 'Ondergelopen kade bij de veerpont',
      exact: false,
    });
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(1600);
    expect(await img.getAttribute('src')).toMatch(/^blob:/);
    await article.getByText('Wacht op verbinding om te uploaden').waitFor();
  });

  it('uploads the photo with visible progress when the network returns, and the neighbour sees it', async () => {
    // Slow uploads (24 KB/s) so the progress can be seen, as on a weak village connection.
    await network(annaNet, false, 24 * 1024);
    const article = anna.getByRole('article', { name: XSS_TITLE });
    const progress = article.getByText(/Foto uploaden: \d+%/);
    await progress.waitFor({ timeout: 15_000 });
    await expect
      .poll(async () => Number(/(\d+)%/.exec((await progress.textContent()) ?? '')?.[1] ?? 0), {
        timeout: 20_000,
      })
      .toBeGreaterThan(0);
    const bar = article.getByRole('progressbar');
    expect(Number(await bar.getAttribute('value'))).toBeLessThan(100);
    if (SHOTS) await anna.screenshot({ path: join(SHOTS, 'post-uploading-390.png') });
    await article.getByText(/Foto uploaden/).waitFor({ state: 'detached', timeout: 60_000 });
    await network(annaNet, false);

    const theirs = bram.getByRole('article', { name: XSS_TITLE });
    await theirs.waitFor({ timeout: 20_000 });
    const img = theirs.getByRole('img', { name: 'Ondergelopen kade', exact: false });
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth), { timeout: 30_000 })
      .toBe(1600);
    const src = (await img.getAttribute('src')) ?? '';
    photoHash = /\/blobs\/([0-9a-f]{64})/.exec(src)?.[1] ?? '';
    expect(photoHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await axeViolations(bram)).toEqual([]);
    if (SHOTS) {
      await bram.screenshot({ path: join(SHOTS, 'feed-photo-1920.png') });
      await anna.evaluate(() => window.scrollTo(0, 0));
      await anna.screenshot({ path: join(SHOTS, 'feed-photo-390.png'), fullPage: true });
    }
  });

  it('stores a small WebP without EXIF or GPS on the relay', async () => {
    const response = await fetch(`${site.base}/blobs/${photoHash}`);
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(8, 12).toString('latin1')).toBe('WEBP');
    expect(bytes.length).toBeLessThan(400 * 1024);
    expect(hasExif(bytes)).toBe(false);
  });

  it('renders script in title and body as inert text, with only safe links', async () => {
    for (const p of [anna, bram]) {
      const article = p.getByRole('article', { name: XSS_TITLE });
      expect(await p.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
      // One picture: the photo. The <img> in the title is text.
      expect(await article.locator('img').count()).toBe(1);
      expect(await article.locator('script, b, [onerror], [onmouseover]').count()).toBe(0);
      await article.getByText('<script>window.__xss=1</script>').waitFor();
      expect(await article.locator('a[href^="javascript"]').count()).toBe(0);
      const link = article.getByRole('link', { name: 'https://www.rijkswaterstaat.nl/water' });
      expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await article.locator('strong').textContent()).toBe('veerpont');
      expect(await article.locator('.body li').count()).toBe(2);
    }
  });

  it('shows reactions and answers to the other member', async () => {
    const theirs = bram.getByRole('article', { name: XSS_TITLE });
    const theirPost = theirs.getByRole('group', { name: 'Reacties met een pictogram' });
    await theirPost.getByRole('button', { name: 'Hartje 0' }).click();
    await theirPost.getByRole('button', { name: 'Hartje 1' }).waitFor();
    expect(
      await theirPost.getByRole('button', { name: 'Hartje 1' }).getAttribute('aria-pressed'),
    ).toBe('true');
    const mine = anna.getByRole('article', { name: XSS_TITLE });
    await mine
      .getByRole('group', { name: 'Reacties met een pictogram' })
      .getByRole('button', { name: 'Hartje 1' })
      .waitFor({ timeout: 15_000 });

    await mine.getByLabel('Schrijf een reactie').fill('Wie helpt er zaterdag met zandzakken?');
    await mine.getByRole('button', { name: 'Plaats reactie' }).click();
    await theirs.getByText('Wie helpt er zaterdag met zandzakken?').waitFor({ timeout: 15_000 });
    await theirs.getByRole('button', { name: 'Antwoord aan Anna Maas' }).click();
    await theirs.getByLabel('Je antwoord aan Anna Maas').fill('Ik kom om 9 uur.');
    await theirs.getByRole('button', { name: 'Plaats antwoord' }).click();
    await mine.locator('ul.answers').getByText('Ik kom om 9 uur.').waitFor({ timeout: 15_000 });
  });

  it('lets a member react to an answer by keyboard, and the neighbour sees it', async () => {
    const mine = anna.getByRole('article', { name: XSS_TITLE });
    const onAnswer = mine.getByRole('group', {
      name: 'Pictogrammen bij de reactie van Bram Oever',
    });
    await onAnswer.getByRole('button', { name: 'Hartje 0' }).focus();
    await anna.keyboard.press('Tab');
    await anna.keyboard.press('Space');
    const thanks = onAnswer.getByRole('button', { name: 'Bedankt 1' });
    await thanks.waitFor();
    expect(await thanks.getAttribute('aria-pressed')).toBe('true');
    // Enter takes it back, Space gives it again: a real toggle, not a one-way counter.
    await anna.keyboard.press('Enter');
    await onAnswer.getByRole('button', { name: 'Bedankt 0' }).waitFor();
    expect(
      await onAnswer.getByRole('button', { name: 'Bedankt 0' }).getAttribute('aria-pressed'),
    ).toBe('false');
    await anna.keyboard.press('Space');
    await thanks.waitFor();

    const theirs = bram.getByRole('article', { name: XSS_TITLE });
    const seen = theirs
      .getByRole('group', { name: 'Pictogrammen bij de reactie van Bram Oever' })
      .getByRole('button', { name: 'Bedankt 1' });
    await seen.waitFor({ timeout: 15_000 });
    expect(await seen.getAttribute('aria-pressed')).toBe('false');
    // The post's own reactions did not change.
    await theirs
      .getByRole('group', { name: 'Reacties met een pictogram' })
      .getByRole('button', { name: 'Bedankt 0' })
      .waitFor();
    expect(await axeViolations(anna)).toEqual([]);
    if (SHOTS) {
      await mine.locator('.comments').scrollIntoViewIfNeeded();
      await anna.screenshot({ path: join(SHOTS, 'comment-reactions-390.png') });
      // The kiosk size: icons are SVG, so they draw without an emoji font.
      await theirs.locator('.actions-row').scrollIntoViewIfNeeded();
      await bram.screenshot({ path: join(SHOTS, 'reactions-1920.png') });
    }
  });

  it('filters the feed by category and search words', async () => {
    await bram.getByLabel('Zoeken').fill('veerpont');
    await bram.getByText('1 bericht gevonden').waitFor();
    await bram.getByLabel('Zoeken').fill('fietsenstalling');
    await bram.getByText('Geen berichten gevonden', { exact: false }).waitFor();
    await bram.getByLabel('Zoeken').fill('');
    await bram.getByLabel('Categorie').selectOption('vraag-aanbod');
    expect(await bram.getByRole('article').count()).toBe(0);
    await bram.getByLabel('Categorie').selectOption('nieuws');
    await bram.getByRole('article', { name: XSS_TITLE }).waitFor();
  });

  it('opens a photo it has viewed again with the relay down and the network off', async () => {
    // Reload so the service worker controls the page, view the photo once through it.
    await bram.reload();
    await bram.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await expect
      .poll(() => bram.evaluate(() => Boolean(navigator.serviceWorker.controller)))
      .toBe(true);
    const img = bram.getByRole('img', { name: 'Ondergelopen kade', exact: false });
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth), { timeout: 20_000 })
      .toBe(1600);
    await site.relay.stop('SIGKILL');
    await bram.context().setOffline(true);
    await bram.reload();
    const again = bram.getByRole('img', { name: 'Ondergelopen kade', exact: false });
    await expect
      .poll(() => again.evaluate((el: HTMLImageElement) => el.naturalWidth), { timeout: 20_000 })
      .toBe(1600);
    expect(await again.getAttribute('src')).toBe(`/blobs/${photoHash}`);
  });
});
