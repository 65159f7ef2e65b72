/**
 * A neighbourhood for one browser test file: a real relay (the built `buurthub` CLI) on
 * 127.0.0.1 with a data folder of its own, and Debian's Chromium. Start it in `beforeAll`,
 * stop it in `afterAll`; members join it through the PWA's join view.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import type { CliRelay } from '../../../sync-server/test/helpers/cli.js';
import { tempDir } from '../../../sync-server/test/helpers/temp.js';
import { launchChromium } from './browser.js';
import { type TestNeighbourhood, cli, joinedMember } from './members.js';
import { freePort, startRelay } from './relay.js';

export interface TestSite extends TestNeighbourhood {
  relay: CliRelay;
  browser: Browser;
  /**
   * A member who joined by invite as `name`, in a browser context of their own: a phone
   * (390×844) unless `context` says otherwise.
   */
  member(name: string, role?: string, context?: BrowserContextOptions): Promise<Page>;
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
  return {
    ...where,
    relay,
    browser,
    member: (name, role = 'resident', context = {}) =>
      joinedMember(chromium, where, name, role, context),
    url: (hash = '') => `${base}/nb/${nb}/${hash}`,
    stop,
  };
}
