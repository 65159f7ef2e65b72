/**
 * When the kiosk looks for and installs a new version (electron-updater, feed from
 * electron-builder.yml `publish`). An update restarts the app, so it never happens while a
 * crisis alert has the screen or a visitor is using it: the kiosk then waits. It checks at
 * most every six hours, and installs a downloaded update only at night (02:00–05:00 local
 * time), when the buurthuis is closed. Pure, with the clock passed in.
 */

export const CHECK_EVERY_MS = 6 * 3600_000;
export const INSTALL_HOURS = { from: 2, until: 5 } as const;

export interface KioskMoment {
  now: number;
  /** Local hour 0–23 at `now`. */
  hour: number;
  /** A crisis alert has the screen (the renderer reports it). */
  crisis: boolean;
  /** A visitor touched the screen and the idle reset has not run yet. */
  visitor: boolean;
  lastCheckAt: number | null;
  /** An update is downloaded and waits for a restart. */
  downloaded: boolean;
}

export type UpdateStep = 'wait' | 'check' | 'install';

export function updateStep(moment: KioskMoment): UpdateStep {
  if (moment.crisis || moment.visitor) return 'wait';
  const night = moment.hour >= INSTALL_HOURS.from && moment.hour < INSTALL_HOURS.until;
  if (moment.downloaded) return night ? 'install' : 'wait';
  const due = moment.lastCheckAt === null || moment.now - moment.lastCheckAt >= CHECK_EVERY_MS;
  return due ? 'check' : 'wait';
}
