/**
 * The hub the kiosk embeds (DESIGN.md §7): which relay options follow from kiosk.json, and
 * the addresses it is reached at. One relay process serves both sides: the kiosk window
 * reaches it on 127.0.0.1, the buurthuis network on the same port at the machine's LAN
 * address (crisis page, agenda, boards, sync endpoint, the PWA itself). Pure, so tested.
 */
import path from 'node:path';
import type { NetworkInterfaceInfo } from 'node:os';
import type { KioskConfig } from './kiosk-config.js';

/** The replica's folder inside the app's data folder (SQLite file and blobs). */
export const REPLICA_DIR = 'replica';

export interface HubOptions {
  port: number;
  host: string;
  dataDir: string;
  staticDir: string;
  publicUrl: string;
  upstream?: { url: string; token: string };
}

/**
 * `lanUrl` is where phones and laptops on the centre's network reach the hub (links in
 * feeds and the crisis page point there); null when the machine has no LAN address.
 */
export function hubOptions(
  config: KioskConfig,
  userDataDir: string,
  bundleDir: string,
  lanUrl: string | null,
): HubOptions {
  return {
    port: config.lanPort,
    // All interfaces: the centre's network is the point of the hub.
    host: '0.0.0.0',
    dataDir: path.join(userDataDir, REPLICA_DIR),
    staticDir: bundleDir,
    publicUrl: lanUrl ?? hubLoopbackUrl(config.lanPort),
    ...(config.upstream !== null &&
      config.deviceToken !== null && {
        upstream: { url: config.upstream, token: config.deviceToken },
      }),
  };
}

/** Where the kiosk window reaches its own hub. */
export function hubLoopbackUrl(port: number): string {
  return `http://127.0.0.1:${port}`;
}

/**
 * The hub's address on the centre's network: the first private IPv4 address of an
 * external interface (what a phone on the buurthuis Wi-Fi can reach), else null.
 * Interfaces are taken in name order so the choice does not change between starts.
 */
export function lanUrl(
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>,
  port: number,
): string | null {
  const names = Object.keys(interfaces).sort();
  for (const name of names) {
    for (const info of interfaces[name] ?? []) {
      if (info.family === 'IPv4' && !info.internal && isPrivateIpv4(info.address)) {
        return `http://${info.address}:${port}`;
      }
    }
  }
  return null;
}

/** RFC 1918 ranges: the hub is for the building's network, never announced publicly. */
function isPrivateIpv4(address: string): boolean {
  const [a, b] = address.split('.').map(Number) as [number, number];
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}
