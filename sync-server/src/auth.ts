/**
 * The authorisation hook: decides per connection and per room what a client may do,
 * before the WebSocket upgrade. Permission is a document boundary (DESIGN.md §3), so the
 * answer is one decision per connection, never a filter on individual changes.
 *
 * The relay's default hook verifies relay tokens (src/auth/authorize.ts); embedders and
 * tests may pass their own.
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
  /** The token's subject; connections of a revoked subject are closed. */
  sub?: string;
  /** The token's `iat` (unix seconds): revocation refuses tokens issued at or before it. */
  issuedAt?: number;
  /**
   * The name the relay writes into this connection's awareness `user.name`: a string from
   * the token, null to remove any name (guests), undefined to leave what the client sent.
   */
  name?: string | null;
}

/** Who is behind a connection, as far as the relay needs to know after the upgrade. */
export type Identity = Pick<Access, 'sub' | 'issuedAt' | 'name'>;

/** Refuses the upgrade with an HTTP status: 401 for a bad token, 403 for no permission. */
export interface Refusal {
  status: 401 | 403;
  message: string;
}

/** Returns the access for this request, or null / a refusal to refuse the connection. */
export type Authorize = (
  request: IncomingMessage,
  room: RoomRef,
) => Access | Refusal | null | Promise<Access | Refusal | null>;

export function isRefusal(value: Access | Refusal | null): value is Refusal {
  return value !== null && 'status' in value;
}

export const allowEveryone: Authorize = () => ({ role: 'resident', canWrite: true });
