/**
 * `GET /api/hub`: the hub's state toward its upstream, for the kiosk's screen and for an
 * operator's check (`curl`). Public like `/readyz`: it says whether the building is cut off,
 * never what is in the rooms.
 *
 *   { "upstream": null }                                        not a hub
 *   { "upstream": { "state": "online" | "connecting" | "offline",
 *                   "rooms": <links>, "online": <links open>,
 *                   "lastSyncedAt": <ms> | null,                latest full sync of any room
 *                   "revocationsFetchedAt": <ms> | null } }     the upstream's revocations
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../http.js';
import type { UpstreamLink } from './links.js';

export interface HubStatus {
  upstream: {
    state: 'online' | 'connecting' | 'offline';
    rooms: number;
    online: number;
    lastSyncedAt: number | null;
    /**
     * When the hub last fetched the upstream's revocation list (null: not yet). A hub that
     * cannot fetch it keeps letting in, locally, members the upstream removed since.
     */
    revocationsFetchedAt: number | null;
  } | null;
}

/**
 * Online when every room's link is open, offline when none is, connecting in between. A
 * room the upstream refuses the device token (`refused`) is not part of the hub's link.
 */
export function hubStatus(
  all: readonly UpstreamLink[],
  revocationsFetchedAt: number | null,
): HubStatus {
  if (all.length === 0) return { upstream: null };
  const links = all.filter((link) => link.state !== 'refused');
  const online = links.filter((link) => link.state === 'online').length;
  const synced = links.map((link) => link.lastSyncedAt).filter((at) => at !== null);
  return {
    upstream: {
      state: online === links.length ? 'online' : online === 0 ? 'offline' : 'connecting',
      rooms: links.length,
      online,
      lastSyncedAt: synced.length > 0 ? Math.max(...synced) : null,
      revocationsFetchedAt,
    },
  };
}

/** Read per request: the relay makes its links and revocation poll once it listens. */
export function createHubStatusRoute(
  links: () => readonly UpstreamLink[],
  revocationsFetchedAt: () => number | null,
) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/api/hub') return false;
    res.setHeader('Cache-Control', 'no-store');
    sendJson(res, 200, hubStatus(links(), revocationsFetchedAt()));
    return true;
  };
}
