/**
 * Which rooms a hub replicates: every space of the device token's neighbourhood that the
 * token may read (DESIGN.md §3, as the upstream will enforce it). For a kiosk token that
 * includes the community room whenever the upstream's setting might allow it: the upstream
 * answers, and the hub's own kiosks follow its answer (kiosk-reads.ts).
 */
import { roomName, SPACE_NAMES } from '@buurthub/shared';
import { permissions } from '../auth/permissions.js';
import type { Logger } from '../log.js';
import type { Rooms } from '../rooms.js';
import type { Storage } from '../storage/storage.js';
import { mirrorKioskReads } from './kiosk-reads.js';
import { deviceTokenClaims, UpstreamLink } from './upstream.js';

export { UpstreamLink };

export function upstreamLinks(
  upstream: { url: string; token: string },
  rooms: Rooms,
  storage: Storage,
  log: Logger,
): UpstreamLink[] {
  const { nb, role } = deviceTokenClaims(upstream.token);
  const mayRead = (space: (typeof SPACE_NAMES)[number]) =>
    permissions(role, space, { kioskReadsCommunity: true }).read;
  return SPACE_NAMES.filter(mayRead).map((space) => {
    const onReadable =
      role === 'kiosk' && space === 'community'
        ? (readable: boolean) =>
            void mirrorKioskReads(storage, nb, readable, log).catch((error: unknown) =>
              log.warn(`kiosk access not recorded: ${String(error)}`),
            )
        : undefined;
    return new UpstreamLink({
      ...upstream,
      room: roomName(nb, space),
      rooms,
      log,
      ...(onReadable && { onReadable }),
    });
  });
}
