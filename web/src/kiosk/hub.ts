/**
 * The kiosk's embedded hub (desktop/src/hub-options.ts), as the web bundle sees it through
 * the preload: where to sync (the hub on this machine, never the bundle's `app://` origin)
 * and the address the buurthuis network reaches it at. Every value is checked again here,
 * because the bridge is an input like any other. Pure, so tested in Node.
 */
import type { KioskBridge } from '../crisis/kiosk.js';

const LOOPBACK_HUB = /^http:\/\/127\.0\.0\.1:(\d{4,5})$/;
const LAN_ADDRESS = /^http:\/\/(\d{1,3}\.){3}\d{1,3}:\d{4,5}$/;

/** The hub's sync base (`ws://127.0.0.1:<port>/sync`), or null outside the kiosk window. */
export function hubSyncUrl(bridge: KioskBridge | undefined): string | null {
  const match = LOOPBACK_HUB.exec(bridge?.hubUrl ?? '');
  const port = Number(match?.[1]);
  if (!match || port < 1024 || port > 65535) return null;
  return `ws://127.0.0.1:${port}/sync`;
}

/** The hub on the centre's network (`http://192.168.1.20:8080`), shown with a QR code. */
export function hubLanUrl(bridge: KioskBridge | undefined): string | null {
  const url = bridge?.lanUrl ?? '';
  return LAN_ADDRESS.test(url) ? url : null;
}
