/**
 * Short videos and video links in posts, in Chromium against a real relay (issue 4). The
 * relay runs with a 3 MB video limit, which the composer learns from `GET /blobs/limits`: a
 * larger video is refused with a message and nothing else in the draft changes. A WebM made
 * in the browser (MediaRecorder) survives a reload in the draft, is posted offline with its
 * description and shows at once from the device; when the network returns it uploads with visible progress and the
 * neighbour sees it play, with the description. A video link is only taken as https and is
 * shown as a link card, never embedded. A video the neighbour has watched still plays after
 * the relay is gone and the network is off (service worker, byte ranges from the cache).
 *
 * BH_SHOTS=<dir> also saves screenshots of the composer and of a post with a video.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, network } from './support/browser.js';
import { inviteLink, joinWithLink } from './support/members.js';
import { type TestSite, startNeighbourhood } from './support/neighbourhood.js';

const NB = 'veerpont';
const SHOTS = process.env.BH_SHOTS;
const MAX_VIDEO_BYTES = 3_000_000;
const TITLE = 'Water bij de veerpont';
const DESCRIPTION = 'De kade bij de veerpont loopt onder; het water staat tot aan de bankjes.';

/** A real, playable WebM of about two seconds, recorded from a canvas in the page. */
async function recordWebm(p: Page): Promise<Buffer> {
  const base64 = await p.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 240;
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    const recorder = new MediaRecorder(canvas.captureStream(25), {
      mimeType: 'video/webm;codecs=vp8',
      videoBitsPerSecond: 1_500_000,
    });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (event) => chunks.push(event.data);
    let seed = 11;
    const draw = () => {
      // Noise, so the video does not compress to nothing and the upload takes a while.
      for (let i = 0; i < 200; i++) {
        seed = (seed * 16807) % 2147483647;
        ctx.fillStyle = `hsl(${seed % 360} 70% 50%)`;
        ctx.fillRect(seed % 320, (seed >> 4) % 240, 12, 12);
      }
    };
    draw();
    const timer = setInterval(draw, 40);
    const stopped = new Promise((resolve) => (recorder.onstop = resolve));
    recorder.start(250);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    recorder.stop();
    await stopped;
    clearInterval(timer);
    const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
    let text = '';
    for (const byte of bytes) text += String.fromCharCode(byte);
    return btoa(text);
  });
  return Buffer.from(base64, 'base64');
}

describe('posts with short videos and video links', () => {
  let site: TestSite;
  let anna: Page;
  let bram: Page;
  let annaNet: CDPSession;
  let videoHash = '';

  const page = () => site.page();

  async function joinAs(p: Page, name: string): Promise<void> {
    await joinWithLink(p, await inviteLink(site), name);
  }

  async function shot(p: Page, name: string): Promise<void> {
    if (!SHOTS) return;
    mkdirSync(SHOTS, { recursive: true });
    await p.screenshot({ path: join(SHOTS, name) });
  }

  beforeAll(async () => {
    site = await startNeighbourhood('buurthub-video-e2e-', NB, 'Veerpont', [
      '--max-blob-bytes',
      String(MAX_VIDEO_BYTES),
      '--max-image-bytes',
      '1000000',
    ]);
    anna = await page();
    bram = await page();
    await joinAs(anna, 'Anna Veer');
    await joinAs(bram, 'Bram Pont');
    annaNet = await anna.context().newCDPSession(anna);
    await annaNet.send('Network.enable');
  });

  afterAll(() => site?.stop());

  it('refuses a video over the relay’s limit with a message, and keeps the rest of the draft', async () => {
    await anna.getByRole('link', { name: 'Nieuw bericht' }).click();
    await anna.getByText('hoogstens 2,9 MB', { exact: false }).waitFor();
    await anna.getByLabel('Titel').fill(TITLE);
    // WebM's magic bytes, then 3.5 MB: the right kind of file, but too large.
    const big = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.alloc(3_500_000)]);
    await anna
      .getByLabel('Video kiezen')
      .setInputFiles({ name: 'hele-dag.webm', mimeType: 'video/webm', buffer: big });
    await anna
      .getByRole('alert')
      .getByText('"hele-dag.webm" is te groot (3,3 MB). Een video mag hoogstens 2,9 MB zijn', {
        exact: false,
      })
      .waitFor();
    await anna
      .getByLabel('Video kiezen')
      .setInputFiles({ name: 'film.mov', mimeType: 'video/quicktime', buffer: Buffer.from('x') });
    await anna.getByText('"film.mov" is geen MP4- of WebM-video.', { exact: false }).waitFor();
    expect(await anna.locator('bh-composer .photo-list li').count()).toBe(0);
    expect(await anna.getByLabel('Titel').inputValue()).toBe(TITLE);
    expect(await axeViolations(anna)).toEqual([]);
  });

  it('shows a video post written offline at once, from the device, with its description', async () => {
    const webm = await recordWebm(anna);
    expect(webm.length).toBeGreaterThan(100_000);
    expect(webm.length).toBeLessThan(MAX_VIDEO_BYTES);
    await anna
      .getByLabel('Video kiezen')
      .setInputFiles({ name: 'kade.webm', mimeType: 'video/webm', buffer: webm });
    const description = anna.getByLabel('Beschrijving van video 1');
    await description.fill('De kade');
    // A picked video and its half-written description survive a reload, like photos.
    await anna.reload();
    await anna.getByText('Je concept is teruggezet.').waitFor();
    await expect.poll(() => description.inputValue(), { timeout: 10_000 }).toBe('De kade');
    expect(await anna.locator('bh-composer .photo-list video').count()).toBe(1);
    await description.fill('');

    await network(annaNet, true);
    await expect.poll(() => anna.evaluate(() => navigator.onLine)).toBe(false);
    await anna.getByLabel('Bericht', { exact: true }).fill('Zo hoog stond het vanochtend.');
    await anna.getByLabel('Categorie').selectOption('nieuws');
    await anna.getByLabel('Of een link naar een video (mag)').fill('javascript:alert(1)');
    await anna.getByRole('button', { name: 'Plaatsen' }).click();
    await anna.getByText('Gebruik een volledig adres dat begint met https://').waitFor();
    await anna
      .getByLabel('Of een link naar een video (mag)')
      .fill('https://www.youtube.com/watch?v=dijkbewaking');
    await anna.getByRole('button', { name: 'Plaatsen' }).click();
    // The description is required, as for photos.
    await anna.getByText('Beschrijf wat er in de video gebeurt.').waitFor();
    expect(await description.getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(anna)).toEqual([]);
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await anna.evaluate(() => window.scrollTo(0, 0));
      await anna.screenshot({ path: join(SHOTS, 'composer-video-390.png'), fullPage: true });
    }
    await description.fill(DESCRIPTION);
    await anna.getByRole('button', { name: 'Plaatsen' }).click();
    await anna.getByText('Je bericht is geplaatst.').waitFor();

    const article = anna.getByRole('article', { name: TITLE });
    const video = article.locator('bh-photo video');
    await video.waitFor();
    expect(await video.getAttribute('src')).toMatch(/^blob:/);
    expect(await video.getAttribute('controls')).not.toBeNull();
    expect(await video.getAttribute('preload')).toBe('metadata');
    await expect
      .poll(() => video.evaluate((el: HTMLVideoElement) => el.readyState))
      .toBeGreaterThanOrEqual(1);
    await article.getByText(DESCRIPTION).waitFor();
    await article.getByText('Wacht op verbinding om te uploaden').waitFor();
    // The link is a plain link card: no iframe, no embed.
    const card = article.getByRole('link', { name: /Video bekijken op youtube\.com/ });
    expect(await card.getAttribute('href')).toBe('https://www.youtube.com/watch?v=dijkbewaking');
    expect(await card.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await article.locator('iframe, embed, object').count()).toBe(0);
  });

  it('uploads the video with visible progress when the network returns, and the neighbour sees it', async () => {
    await network(annaNet, false, 48 * 1024);
    const article = anna.getByRole('article', { name: TITLE });
    const progress = article.getByText(/Video uploaden: \d+%/);
    await progress.waitFor({ timeout: 15_000 });
    expect(Number(await article.getByRole('progressbar').getAttribute('value'))).toBeLessThan(100);
    await shot(anna, 'post-video-uploading-390.png');
    await article.getByText(/Video uploaden/).waitFor({ state: 'detached', timeout: 90_000 });
    await network(annaNet, false);

    const theirs = bram.getByRole('article', { name: TITLE });
    await theirs.waitFor({ timeout: 20_000 });
    const video = theirs.locator('bh-photo video');
    await expect
      .poll(() => video.evaluate((el: HTMLVideoElement) => el.readyState), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(1);
    const src = (await video.getAttribute('src')) ?? '';
    videoHash = /\/blobs\/([0-9a-f]{64})/.exec(src)?.[1] ?? '';
    expect(videoHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await video.evaluate((el: HTMLVideoElement) => el.videoWidth)).toBe(320);
    await theirs.getByText(DESCRIPTION).waitFor();
    expect(await axeViolations(bram)).toEqual([]);
    await theirs.locator('bh-photo').scrollIntoViewIfNeeded();
    await shot(bram, 'post-video-390.png');
  });

  it('keeps where an MP4 was filmed on the phone: the stored video has no location', async () => {
    const gps = '+51.7321+005.8706/';
    const box = (type: string, ...payload: Buffer[]) => {
      const body = Buffer.concat(payload);
      const head = Buffer.alloc(8);
      head.writeUInt32BE(8 + body.length);
      head.write(type, 4, 'latin1');
      return Buffer.concat([head, body]);
    };
    const mp4 = Buffer.concat([
      box('ftyp', Buffer.from('isom\0\0\0\0isomiso2', 'latin1')),
      box('moov', box('mvhd', Buffer.alloc(20)), box('udta', box('\u00a9xyz', Buffer.from(gps)))),
      box('mdat', Buffer.alloc(2000, 7)),
    ]);
    await bram.getByRole('link', { name: 'Nieuw bericht' }).click();
    await bram.getByLabel('Titel').fill('Film van de dijk');
    await bram.getByLabel('Bericht', { exact: true }).fill('Gefilmd bij de dijk.');
    await bram.getByLabel('Categorie').selectOption('nieuws');
    await bram
      .getByLabel('Video kiezen')
      .setInputFiles({ name: 'dijk.mp4', mimeType: 'video/mp4', buffer: mp4 });
    await bram.getByLabel('Beschrijving van video 1').fill('De dijk bij hoog water');
    await bram.getByRole('button', { name: 'Plaatsen' }).click();
    await bram.getByText('Je bericht is geplaatst.').waitFor();

    const theirs = anna.getByRole('article', { name: 'Film van de dijk' });
    const video = theirs.locator('bh-photo video');
    await expect
      .poll(async () => (await video.getAttribute('src')) ?? '', { timeout: 30_000 })
      .toMatch(/^\/blobs\/[0-9a-f]{64}$/);
    // The post can arrive before the upload has finished: wait for the stored video.
    const src = (await video.getAttribute('src')) ?? '';
    let stored: Response | undefined;
    await expect
      .poll(async () => (stored = await fetch(`${site.base}${src}`)).status, { timeout: 30_000 })
      .toBe(200);
    const bytes = Buffer.from(await (stored as Response).arrayBuffer());
    expect(bytes.length).toBe(mp4.length);
    expect(bytes.toString('latin1')).not.toContain(gps);
    expect(bytes.toString('latin1')).toContain('mvhd');
  });

  it('plays a video it has watched again with the relay down and the network off', async () => {
    await bram.reload();
    await bram.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await expect
      .poll(() => bram.evaluate(() => Boolean(navigator.serviceWorker.controller)))
      .toBe(true);
    const video = bram.getByRole('article', { name: TITLE }).locator('bh-photo video');
    await video.evaluate((el: HTMLVideoElement) => {
      el.muted = true;
      return el.play().then(() => el.pause());
    });
    // Playing asked for a byte range; the service worker keeps the whole video meanwhile.
    await expect
      .poll(
        () =>
          bram.evaluate(async (hash) => Boolean(await caches.match(`/blobs/${hash}`)), videoHash),
        { timeout: 30_000 },
      )
      .toBe(true);

    await site.relay.stop('SIGKILL');
    await bram.context().setOffline(true);
    await bram.reload();
    const again = bram.getByRole('article', { name: TITLE }).locator('bh-photo video');
    await expect
      .poll(() => again.evaluate((el: HTMLVideoElement) => el.readyState), { timeout: 20_000 })
      .toBeGreaterThanOrEqual(1);
    expect(await again.getAttribute('src')).toBe(`/blobs/${videoHash}`);
    expect(await again.evaluate((el: HTMLVideoElement) => el.videoWidth)).toBe(320);
  });
});
