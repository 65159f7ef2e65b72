/**
 * A neighbourhood for one browser test file: a real relay (the built `buurthub` CLI) on
 * 127.0.0.1 with a data folder of its own, and Debian's Chromium. Start it in `beforeAll`,
 * stop it in `afterAll`; members join it through the PWA's join view.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import type { CliRelay } from '../../../sync-server/test/helpers/cli.js';
import { tempDir } from '../../../sync-server/test/helpers/temp.js';
import { launchChromium } from './browser.js';
import { type TestNeighbourhood, cli, inviteLink, joinWithLink } from './members.js';
import { freePort, startRelay } from './relay.js';

const PHONE = { width: 390, height: 844 };

/** A browser context's options, and `clipboard`: the page may copy and paste. */
export interface PageOptions extends BrowserContextOptions {
  clipboard?: boolean;
}

export interface TestSite extends TestNeighbourhood {
  relay: CliRelay;
  browser: Browser;
  /** A new page in a browser context of its own: a phone (390×844) unless `options` say otherwise. */
  page(options?: PageOptions): Promise<Page>;
  /** A member who joined by invite as `name` on a page of their own (see `page`). */
  member(name: string, role?: string, options?: PageOptions): Promise<Page>;
  /** The PWA's address for the neighbourhood, at a view's `hash` (e.g. `#moderatie`). */
  url(hash?: string): string;
  /** Closes the browser, kills the relay and removes its data. */
  stop(): Promise<void>;
}

/** The demo neighbourhood Maasburen (`serve --demo`), with its posts, agenda, boards and rounds. */
export function startDemoNeighbourhood(
  prefix: string,
  relayArgs: string[] = [],
): Promise<TestSite> {
  return start(prefix, 'maasburen', ['--demo', ...relayArgs]);
}

/** An empty neighbourhood `nb` called `name`, created with the CLI as an operator does. */
export function startNeighbourhood(
  prefix: string,
  nb: string,
  name: string,
  relayArgs: string[] = [],
): Promise<TestSite> {
  return start(prefix, nb, relayArgs, (dataDir) =>
    cli(['neighbourhood', 'create', nb, '--name', name, '--data', dataDir]),
  );
}

async function start(
  prefix: string,
  nb: string,
  relayArgs: string[],
  prepare?: (dataDir: string) => Promise<unknown>,
): Promise<TestSite> {
  const data = tempDir(prefix);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let relay: CliRelay | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close();
    await relay?.stop('SIGKILL');
    data.remove();
  };
  try {
    await prepare?.(data.path);
    // The address the browser reaches it by, which the relay's feeds link to.
    relay = await startRelay(port, data.path, ['--public-url', base, ...relayArgs]);
    browser = await launchChromium();
  } catch (error) {
    await stop();
    throw error;
  }
  const where = { nb, dataDir: data.path, base };
  const chromium = browser;
  const page = async ({ clipboard, ...options }: PageOptions = {}) => {
    const context = await chromium.newContext({ viewport: PHONE, ...options });
    if (clipboard) {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    }
    return context.newPage();
  };
  return {
    ...where,
    relay,
    browser,
    page,
    member: async (name, role = 'resident', options = {}) => {
      const member = await page(options);
      await joinWithLink(member, await inviteLink(where, role), name);
      return member;
    },
    url: (hash = '') => `${base}/nb/${nb}/${hash}`,
    stop,
  };
}
