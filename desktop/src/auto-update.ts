/**
 * Runs the update policy (update-policy.ts) against electron-updater: once a minute main
 * asks the policy whether to check the feed, wait, or install what was downloaded, with
 * what the kiosk page last reported about its screen (a crisis alert showing, a visitor
 * using it). Thin on purpose: the decisions are the policy's, the downloading and
 * installing electron-updater's.
 */
import { updateStep } from './update-policy.js';

/** The part of electron-updater's `AppUpdater` this uses. */
export interface Updater {
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(): void;
  on(event: 'update-downloaded', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** What the kiosk page reports (`kiosk:screen`), until it reports otherwise. */
export interface KioskScreen {
  crisis: boolean;
  visitor: boolean;
}

export const UPDATE_TICK_MS = 60_000;

export function followUpdates(options: {
  updater: Updater;
  screen: () => KioskScreen;
  clock?: () => Date;
  warn?: (message: string) => void;
}): { stop(): void } {
  const { updater, screen } = options;
  const clock = options.clock ?? (() => new Date());
  const warn = options.warn ?? ((message: string) => console.warn(message));
  let lastCheckAt: number | null = null;
  let downloaded = false;
  updater.on('update-downloaded', () => (downloaded = true));
  // An unreachable feed or a broken download is logged; the kiosk keeps running as it is.
  updater.on('error', (error) => warn(`kiosk update: ${error.message}`));

  const tick = () => {
    const now = clock();
    const step = updateStep({
      now: now.getTime(),
      hour: now.getHours(),
      ...screen(),
      lastCheckAt,
      downloaded,
    });
    if (step === 'check') {
      lastCheckAt = now.getTime();
      updater.checkForUpdates().catch((error: unknown) => warn(`kiosk update: ${String(error)}`));
    } else if (step === 'install') {
      updater.quitAndInstall();
    }
  };
  tick();
  const timer = setInterval(tick, UPDATE_TICK_MS);
  return { stop: () => clearInterval(timer) };
}
