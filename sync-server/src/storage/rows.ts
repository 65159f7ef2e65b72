/**
 * Identity rows as both SQL stores read them, and their mapping to the storage types:
 * one definition for SQLite and PostgreSQL. They differ only where the databases do
 * (SQLite keeps JSON as text and booleans as 0/1, PostgreSQL has jsonb and boolean).
 */
import type { Invite, Member, Neighbourhood, SigningKey } from './storage.js';

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

export const toKey = (row: KeyRow): SigningKey => ({
  kid: row.kid,
  publicJwk: JSON.parse(row.public_jwk) as SigningKey['publicJwk'],
  privateJwk: JSON.parse(row.private_jwk) as SigningKey['privateJwk'],
  createdAt: row.created_at,
  retiredAt: row.retired_at,
  usedUntil: row.used_until,
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
