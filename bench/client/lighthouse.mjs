/**
 * Lighthouse 12.2.3 on the feed of a member's device: its own mobile emulation and
 * simulated throttling (a mid-range phone, 4x CPU slowdown, slow 4G), categories
 * performance, accessibility and best practices. Lighthouse 12 has no PWA category any more;
 * installability is asked from Chromium itself (page.mjs).
 *
 * The member's session is put into localStorage first (on a page that does not start the
 * app), and Lighthouse keeps storage, so it measures what a joined member's new device loads.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function runLighthouse({ base, nb, token }) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: FLAGS,
  });
  try {
    const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
    const page = await browser.newPage();
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    await page.goto(`${base}/manifest.webmanifest`);
    await page.evaluate(
      (nb, value) => {
        localStorage.setItem(`buurthub:session:${nb}`, value);
        localStorage.setItem('buurthub:last-neighbourhood', nb);
      },
      nb,
      JSON.stringify({
        nb,
        token,
        expiresAt: payload.exp,
        role: payload.role,
        name: payload.name ?? 'Lezer',
        sub: payload.sub,
        needsInvite: false,
      }),
    );
    const result = await lighthouse(
      `${base}/nb/${nb}/`,
      {
        logLevel: 'error',
        output: 'json',
        disableStorageReset: true,
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
      },
      undefined,
      page,
    );
    const lhr = result.lhr;
    const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const audit = (id) => lhr.audits[id]?.numericValue;
    const failing = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative')
      .map((a) => a.id);
    await browser.disconnect();
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      fcpMs: audit('first-contentful-paint'),
      lcpMs: audit('largest-contentful-paint'),
      tbtMs: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      failing,
      runtimeError: lhr.runtimeError?.message ?? null,
    };
  } finally {
    await chrome.kill();
  }
}
