/**
 * What the kiosk page says about its screen, for the update policy: whether a crisis alert
 * has it and whether a visitor is using it (web/src/kiosk/screen-report.ts sends it when
 * it changes). Only the kiosk page may report, and only two booleans pass.
 */
import { ipcMain } from 'electron';
import type { KioskScreen } from './auto-update.js';
import { fromKioskPage } from './kiosk-sender.js';

export const SCREEN_CHANNEL = 'kiosk:screen';

export function parseScreen(report: unknown): KioskScreen | null {
  if (typeof report !== 'object' || report === null) return null;
  const { crisis, visitor } = report as Record<string, unknown>;
  return typeof crisis === 'boolean' && typeof visitor === 'boolean' ? { crisis, visitor } : null;
}

/** The latest report; a quiet screen until the page says otherwise. */
export function followScreenReports(): () => KioskScreen {
  let screen: KioskScreen = { crisis: false, visitor: false };
  ipcMain.on(SCREEN_CHANNEL, (event, report: unknown) => {
    const parsed = fromKioskPage(event) ? parseScreen(report) : null;
    if (parsed) screen = parsed;
  });
  return () => screen;
}
