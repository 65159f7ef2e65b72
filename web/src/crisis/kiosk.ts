/**
 * The kiosk's crisis view (DESIGN.md §7): when it shows, which links its QR codes carry and
 * how it rotates between several active alerts. Pure, so it is tested in Node.
 */

import type { KioskSetupBridge } from '../kiosk/setup.js';

/** What the Electron preload exposes to the kiosk window (desktop/src/preload.cts). */
export interface KioskBridge {
  readonly isKiosk?: boolean;
  /** The public address of the relay, for QR codes (the kiosk's own origin is not reachable). */
  readonly publicUrl?: string;
  /** Back to the home screen after this long untouched (kiosk.json `idleSeconds`). */
  readonly idleSeconds?: number;
  /** The embedded hub on this machine (web/src/kiosk/hub.ts). */
  readonly hubUrl?: string;
  /** The hub's address on the buurthuis network. */
  readonly lanUrl?: string;
  /** kiosk.json `show`: parts of the home screen to leave out (web/src/kiosk/setup.ts). */
  readonly show?: Partial<Record<string, unknown>>;
  /** The setup mode's door to the main process (web/src/kiosk/setup.ts). */
  readonly setup?: KioskSetupBridge;
  /** A `kiosk` token for this window, signed by the hub (web/src/kiosk/window-token.ts). */
  readonly windowToken?: () => Promise<unknown>;
  /** What has the screen, for the kiosk's update policy (web/src/kiosk/screen-report.ts). */
  readonly reportScreen?: (screen: { crisis: boolean; visitor: boolean }) => void;
}

declare global {
  interface Window {
    buurthubKiosk?: KioskBridge;
  }
}

/** The kiosk view shows for `#kiosk`, and always in the kiosk window. */
export function isKioskView(hash: string, bridge: KioskBridge | undefined): boolean {
  return bridge?.isKiosk === true || hash === '#kiosk' || hash === '#kiosk/';
}

/** Where phones should go: the bridge's public URL when it is a http(s) URL, else our origin. */
export function publicBase(origin: string, bridge: KioskBridge | undefined): string {
  const candidate = bridge?.publicUrl;
  const base = candidate && /^https?:\/\/[^\s]+$/.test(candidate) ? candidate : origin;
  return base.replace(/\/+$/, '');
}

/** The alert page on the public URL (the relay serves the app for `/nb/<slug>/`). */
export function alertPublicUrl(base: string, slug: string, id: string): string {
  return `${base}/nb/${encodeURIComponent(slug)}/#crisis/${encodeURIComponent(id)}`;
}

/** The join page on the public URL. */
export function joinPublicUrl(base: string): string {
  return `${base}/join/`;
}

/** How long one alert stays on screen before the next. */
export const ROTATE_MS = 15_000;

/** The index shown after `index` among `count` alerts (wrapping; 0 when there are none). */
export function nextIndex(index: number, count: number, step = 1): number {
  if (count <= 0) return 0;
  return (((index + step) % count) + count) % count;
}
