/**
 * Which rooms a hub replicates: every space of the device token's neighbourhood that the
 * token may read (DESIGN.md §3, as the upstream will enforce it).
 */
import { roomName, SPACE_NAMES } from '@buurthub/shared';
import { permissions } from '../auth/permissions.js';
import type { Logger } from '../log.js';
import type { Rooms } from '../rooms.js';
import { deviceTokenClaims, UpstreamLink } from './upstream.js';

export { UpstreamLink };

export function upstreamLinks(
  upstream: { url: string; token: string },
  rooms: Rooms,
  log: Logger,
): UpstreamLink[] {
  const { nb, role } = deviceTokenClaims(upstream.token);
  return SPACE_NAMES.filter((space) => permissions(role, space).read).map(
    (space) => new UpstreamLink({ ...upstream, room: roomName(nb, space), rooms, log }),
  );
}
