/**
 * Identity rows as both SQL stores read and write them, and their mapping to and from the
 * storage types: one definition for SQLite and PostgreSQL. They differ only where the databases do
 * (SQLite keeps JSON as text and booleans as 0/1, PostgreSQL has jsonb and boolean).
 */
import type {
  CalendarKey,
  ContactRequest,
  DeviceCode,
  DeviceCodeApprover,
  DeviceCodeTake,
  Invite,
  Member,
  Neighbourhood,
  SigningKey,
} from './storage.js';

export interface KeyRow {
  kid: string;
  public_jwk: string;
  private_jwk: string;
  created_at: number;
  retired_at: number | null;
  used_until: number;
}
export interface InviteRow {
  code: string;
  nb: string;
  role: Invite['role'];
  uses_left: number;
  expires_at: number;
  created_at: number;
}
export interface NeighbourhoodRow {
  slug: string;
  name: string;
  /** JSON text in SQLite, jsonb (already parsed) in PostgreSQL. */
  villages: string | string[];
  /** 0/1 in SQLite, boolean in PostgreSQL. */
  kiosk_reads_community: number | boolean;
  created_at: number;
}
export interface MemberRow {
  sub: string;
  nb: string;
  role: Member['role'];
  name: string;
  joined_at: number;
}

export interface CalendarKeyRow {
  key_hash: string;
  sub: string;
  nb: string;
  created_at: number;
}
export interface DeviceCodeRow {
  device_hash: string;
  user_code: string;
  nb: string;
  kiosk: string;
  expires_at: number;
  /** JSON text in SQLite, jsonb (already parsed) in PostgreSQL; null while pending. */
  approved_by: string | DeviceCodeApprover | null;
}

export const toKey = (row: KeyRow): SigningKey => ({
  kid: row.kid,
  publicJwk: JSON.parse(row.public_jwk) as SigningKey['publicJwk'],
  privateJwk: JSON.parse(row.private_jwk) as SigningKey['privateJwk'],
  createdAt: row.created_at,
  retiredAt: row.retired_at,
  usedUntil: row.used_until,
});

/** A key's values in the column order of `INSERT INTO keys (kid, public_jwk, …)`. */
export const keyValues = (key: SigningKey) => [
  key.kid,
  JSON.stringify(key.publicJwk),
  JSON.stringify(key.privateJwk),
  key.createdAt,
  key.retiredAt,
  key.usedUntil,
];

/**
 * A contact request's values in the column order of `INSERT INTO contact_requests (id, nb,
 * from_sub, to_sub, status, created_at, data)`: the whole request is `data`, the rest are
 * copies to find it by.
 */
export const contactRequestValues = (request: ContactRequest) => [
  request.id,
  request.nb,
  request.from,
  request.to,
  request.status,
  request.createdAt,
  JSON.stringify(request),
];

export const toCalendarKey = (row: CalendarKeyRow): CalendarKey => ({
  keyHash: row.key_hash,
  sub: row.sub,
  nb: row.nb,
  createdAt: row.created_at,
});

export const toInvite = (row: InviteRow): Invite => ({
  code: row.code,
  nb: row.nb,
  role: row.role,
  usesLeft: row.uses_left,
  expiresAt: row.expires_at,
  createdAt: row.created_at,
});

export const toNeighbourhood = (row: NeighbourhoodRow): Neighbourhood => ({
  slug: row.slug,
  name: row.name,
  villages:
    typeof row.villages === 'string' ? (JSON.parse(row.villages) as string[]) : row.villages,
  kioskReadsCommunity: row.kiosk_reads_community === true || row.kiosk_reads_community === 1,
  createdAt: row.created_at,
});

export const toMember = (row: MemberRow): Member => ({
  sub: row.sub,
  nb: row.nb,
  role: row.role,
  name: row.name,
  joinedAt: row.joined_at,
});

export const toDeviceCode = (row: DeviceCodeRow): DeviceCode => ({
  deviceHash: row.device_hash,
  userCode: row.user_code,
  nb: row.nb,
  kiosk: row.kiosk,
  expiresAt: row.expires_at,
  approvedBy:
    typeof row.approved_by === 'string'
      ? (JSON.parse(row.approved_by) as DeviceCodeApprover)
      : row.approved_by,
});

/** A removed code as the kiosk's poll answers it: expired, or handed out to the kiosk. */
export function takenDeviceCode(row: DeviceCodeRow, now: number): DeviceCodeTake {
  const code = toDeviceCode(row);
  if (code.expiresAt <= now || !code.approvedBy) return { state: 'expired' };
  return { state: 'approved', code, approvedBy: code.approvedBy };
}
