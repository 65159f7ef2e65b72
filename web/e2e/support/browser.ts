/**
 * Launches Debian's Chromium through playwright-core (never a downloaded browser) with the
 * flags this machine needs, and runs axe-core inside a page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, type CDPSession, type Page, chromium } from 'playwright-core';

const require = createRequire(import.meta.url);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // A Dutch device, like most users'; a context given its own `locale` overrides it.
      '--accept-lang=nl-NL,nl',
    ],
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe-core's WCAG 2.1 A and AA rules on the page and returns the violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol, which the app's CSP (no inline scripts) allows.
  await page.evaluate(source);
  // A screen that is still fading in (the kiosk's slides take 0.6 s) mixes its colours with
  // the background; on a busy machine the scan could land in the fade and measure a
  // contrast nobody sees for longer than a moment. Finite animations end first.
  // Chromium's document.getAnimations() leaves out shadow trees, where the app's are.
  await page.evaluate(() => {
    const animations: Animation[] = [];
    const collect = (root: Document | ShadowRoot) => {
      animations.push(...root.getAnimations());
      for (const element of root.querySelectorAll('*')) {
        if (element.shadowRoot) collect(element.shadowRoot);
      }
    };
    collect(document);
    const ending = animations
      .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity)
      .map((animation) => animation.finished.catch(() => undefined));
    return Promise.race([
      Promise.all(ending),
      new Promise((resolve) => setTimeout(resolve, 5_000)),
    ]);
  });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

/**
 * Takes a page off the network (`offline`), or back on with uploads slowed to
 * `uploadBytesPerSecond` (-1: full speed), through the DevTools protocol, so requests the
 * service worker makes are cut too.
 */
export async function network(
  cdp: CDPSession,
  offline: boolean,
  uploadBytesPerSecond = -1,
): Promise<void> {
  await cdp.send('Network.emulateNetworkConditions', {
    offline,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: uploadBytesPerSecond,
  });
}
