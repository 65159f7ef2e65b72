/**
 * The authorisation hook: decides per connection and per room what a client may do,
 * before the WebSocket upgrade. Permission is a document boundary (DESIGN.md §3), so the
 * answer is one decision per connection, never a filter on individual changes.
 *
 * ┌──────────────────────────────────────────────────────────────────────────────────┐
 * │ AUTH HOOK: the default lets everyone read and write. Token verification (JWT in  │
 * │ the `token` query parameter, roles per space) plugs in here as an `Authorize`.  │
 * └──────────────────────────────────────────────────────────────────────────────────┘
 */
import type { IncomingMessage } from 'node:http';
import type { Role, SpaceName } from '@buurthub/shared';

export interface RoomRef {
  /** `<nb>/<space>` */
  name: string;
  nb: string;
  space: SpaceName;
}

/** What a connection may do in one room. */
export interface Access {
  role: Role;
  /** Without it, the connection's updates are decoded and dropped, and it is told so. */
  canWrite: boolean;
}

/** Returns the access for this request, or null to refuse the connection (HTTP 403). */
export type Authorize = (
  request: IncomingMessage,
  room: RoomRef,
) => Access | null | Promise<Access | null>;

export const allowEveryone: Authorize = () => ({ role: 'resident', canWrite: true });
