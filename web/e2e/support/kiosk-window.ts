/**
 * The Electron kiosk window in Chromium: the `kiosk` token the embedded hub signs for its
 * window (desktop/src/window-token.ts), and a 1920x1080 touch page whose preload bridge
 * (desktop/src/preload.cts, `window.buurthubKiosk`) hands that token out.
 */
import type { Browser, Page } from 'playwright-core';
import { cli } from './members.js';

/** Signs the window's token with the keys in `dataDir`; `extra` adds CLI flags (`--name`). */
export async function kioskWindowToken(
  nb: string,
  dataDir: string,
  extra: string[] = [],
): Promise<string> {
  const out = await cli([
    'token',
    nb,
    '--role',
    'kiosk',
    '--sub',
    'kiosk-window',
    ...extra,
    '--data',
    dataDir,
  ]);
  // A comment line, then the token.
  const token = out.trim().split('\n').at(-1) ?? '';
  if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token)) throw new Error(`no token in:\n${out}`);
  return token;
}

export interface KioskBridgeOptions {
  windowToken: string;
  idleSeconds?: number;
  lanUrl?: string;
}

/** A new page as the kiosk window sees it, not yet loaded. */
export async function kioskWindowPage(browser: Browser, bridge: KioskBridgeOptions): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1920, height: 1080 },
    hasTouch: true,
  });
  await context.addInitScript(({ windowToken, idleSeconds, lanUrl }: KioskBridgeOptions) => {
    (window as unknown as { buurthubKiosk: object }).buurthubKiosk = Object.freeze({
      isKiosk: true,
      ...(idleSeconds !== undefined && { idleSeconds }),
      ...(lanUrl !== undefined && { lanUrl }),
      windowToken: () => Promise.resolve(windowToken),
    });
  }, bridge);
  return context.newPage();
}
