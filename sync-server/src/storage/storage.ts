/**
 * The storage contract of the relay: an append-only log of Yjs updates per room plus one
 * compacted snapshot per room. Asynchronous so that a networked backend (PostgreSQL in
 * scaled-out mode) fits behind the same interface as the embedded SQLite file.
 *
 * Durability contract: when `appendUpdate` resolves, the update survives a crash of the
 * process (`kill -9`). The relay only fans an update out, and only acks it, after that.
 */

/** What a room's stored state looks like, for operators and tests. */
export interface RoomStats {
  /** Rows in the update log that are not folded into the snapshot yet. */
  logLength: number;
  hasSnapshot: boolean;
}

export interface StoredRoom {
  /** Snapshot first (if any), then the log in commit order; apply them all. */
  updates: Uint8Array[];
  logLength: number;
}

export interface AppendResult {
  seq: number;
  /** Rows in the room's log now, this one included. */
  logLength: number;
  /**
   * Where the commit's time went, from a backend that batches appends (SQLite): waiting for
   * the batch to start (behind the commit before it), and the batch's transaction itself.
   */
  timing?: { queuedSeconds: number; writeSeconds: number };
}

export interface CompactResult {
  /** Log rows folded into the snapshot (0: nothing was stored). */
  folded: number;
  /** Size of the snapshot stored; null when nothing was stored. */
  snapshotBytes: number | null;
}

export interface Storage extends IdentityStorage {
  /** Everything stored for a room; an unknown room has no updates. */
  loadRoom(room: string): Promise<StoredRoom>;
  /** Commits one update to the room's log; resolves with its sequence number. */
  appendUpdate(room: string, update: Uint8Array): Promise<AppendResult>;
  /**
   * Removes one logged update again. Only for the rare update that passed validation but
   * that the live document then refused, so that garbage does not outlive the failure.
   */
  removeUpdate(room: string, seq: number): Promise<void>;
  /**
   * Folds the snapshot and the whole log into one garbage-collected snapshot and deletes
   * exactly the log rows it folded, atomically.
   */
  compact(room: string): Promise<CompactResult>;
  /**
   * Erasure: folds the snapshot and the whole log into one garbage-collected snapshot that
   * replaces both, in one transaction, then scrubs what the database freed (SQLite:
   * secure_delete and a truncating WAL checkpoint; PostgreSQL: VACUUM), so deleted content
   * is gone from the files and not only from the document. Resolves with the new snapshot,
   * the room's whole state now.
   */
  purge(room: string): Promise<Uint8Array>;
  stats(room: string): Promise<RoomStats>;
  /** Rooms with any stored state. */
  rooms(): Promise<string[]>;
  /** A trivial query: resolves if storage answers (for `/readyz`), rejects if not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Identity records (keys, invites, revocations, neighbourhoods) live in the same storage
 * as the rooms, so `--data` (or `--postgres`) names everything an admin command needs.
 * See src/auth/ for what they mean.
 */

/** One relay signing key (Ed25519), private half included; never leaves the relay. */
export interface SigningKey {
  kid: string;
  /** Public JWK (`kty: 'OKP'`, `crv: 'Ed25519'`). */
  publicJwk: JsonWebKeyShape;
  /** Private JWK; only the signer reads it. */
  privateJwk: JsonWebKeyShape;
  /** Unix seconds. */
  createdAt: number;
  /** Unix seconds; null while this is the current (signing) key. */
  retiredAt: number | null;
  /** Unix seconds: the latest `exp` (plus refresh grace) of any token this key signed. */
  usedUntil: number;
}

/** A JWK as stored: plain JSON, so storage does not depend on jose's types. */
export type JsonWebKeyShape = Record<string, string>;

export interface Invite {
  /** Short human-typable code, upper case, no separators. */
  code: string;
  nb: string;
  role: 'resident' | 'moderator' | 'official';
  usesLeft: number;
  /** Unix seconds. */
  expiresAt: number;
  createdAt: number;
}

export type RedeemResult = { invite: Invite } | { refused: 'unknown' | 'expired' | 'used-up' };

export interface RevocationRecord {
  sub: string;
  /** Unix seconds: tokens issued at or before it are refused. */
  revokedAt: number;
  /** Unix seconds when a suspension ends; null for a revocation for good. */
  endsAt: number | null;
}

export interface Neighbourhood {
  slug: string;
  name: string;
  villages: string[];
  /** Kiosks may read `<nb>/community` (DESIGN.md §3); default false. */
  kioskReadsCommunity: boolean;
  createdAt: number;
}

/**
 * A member's personal calendar-feed key (`POST /api/calendar-key`): only its SHA-256 is
 * stored, so a copy of the database does not reveal working feed addresses.
 */
export interface CalendarKey {
  /** SHA-256 (hex) of the secret in the feed URL. */
  keyHash: string;
  /** The member's token subject; a revoked subject's keys stop working. */
  sub: string;
  nb: string;
  /** Unix seconds. */
  createdAt: number;
}

/** What a member shares when two neighbours get in touch (src/contacts/). */
export interface ContactDetails {
  phone?: string;
  email?: string;
  /** Free text, e.g. "bel na 18:00" or "ik woon naast de bakker". */
  note?: string;
}

export const CONTACT_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn'] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

/**
 * A request from one member to another to get in touch (directory issue). Contact details
 * of both sides are kept here, never in a shared document, and shown only once accepted.
 */
export interface ContactRequest {
  id: string;
  nb: string;
  from: string;
  fromName: string;
  to: string;
  toName: string;
  message: string;
  fromContact: ContactDetails;
  toContact: ContactDetails | null;
  status: ContactStatus;
  /** Unix seconds. */
  createdAt: number;
  answeredAt: number | null;
}

/** How a member answers a contact request (`answerContactRequest`). */
export interface ContactAnswer {
  status: Exclude<ContactStatus, 'pending'>;
  toContact: ContactDetails | null;
  /** Unix seconds. */
  at: number;
}

/** Who joined which neighbourhood (src/members/): lets moderators act on their own members only. */
export interface Member {
  sub: string;
  nb: string;
  role: Invite['role'];
  name: string;
  /** Unix seconds. */
  joinedAt: number;
}

/**
 * The directory fields a member shows to moderators only (src/directory/): kept on the relay,
 * never in a document every member replicates.
 */
export interface PrivateProfile {
  nb: string;
  sub: string;
  /** The fields, validated by the API before they get here. */
  fields: Record<string, unknown>;
  /** Unix seconds. */
  updatedAt: number;
}

/**
 * A kiosk's open sign-in code (auth/device-codes.ts). Kept in storage so that every relay
 * process on it takes part: in the scaled-out mode the kiosk may ask one process for the
 * code and poll another, and the moderator approve on a third.
 */
export interface DeviceCode {
  /** SHA-256 (hex) of the kiosk's device code: a copy of the database signs no kiosk in. */
  deviceHash: string;
  /** Upper case, no separator. */
  userCode: string;
  nb: string;
  /** The kiosk as the approver sees it. */
  kiosk: string;
  /** Unix seconds. */
  expiresAt: number;
  /** Null until a moderator or official approves the code. */
  approvedBy: DeviceCodeApprover | null;
}

/** Who approved a code, from their token: the kiosk's session token is made from it. */
export interface DeviceCodeApprover {
  sub: string;
  role: 'moderator' | 'official';
  name?: string;
  /** Their token's `iat` (unix seconds), for the revocation check at the kiosk's poll. */
  issuedAt: number;
}

/** The kiosk's poll (`takeDeviceCode`); an approved or expired code is gone afterwards. */
export type DeviceCodeTake =
  | { state: 'pending' | 'unknown' | 'expired' }
  | { state: 'approved'; code: DeviceCode; approvedBy: DeviceCodeApprover };

export interface IdentityStorage {
  /** Every signing key, current and retired. */
  signingKeys(): Promise<SigningKey[]>;
  /**
   * Makes `candidate` the current key only if there is none yet, atomically (a relay and
   * `buurthub token` may start at the same moment); resolves with the current key.
   */
  ensureCurrentKey(candidate: SigningKey): Promise<SigningKey>;
  /** Retires the current key (at `now`) and makes `next` current, atomically. */
  rotateKey(next: SigningKey, now: number): Promise<void>;
  /** Records that `kid` signed a token that may be used until `until` (unix seconds). */
  noteKeyUse(kid: string, until: number): Promise<void>;

  createInvite(invite: Invite): Promise<void>;
  /** Uses one redemption of `code` atomically, or says why not. */
  redeemInvite(code: string, now: number): Promise<RedeemResult>;
  invites(nb?: string): Promise<Invite[]>;

  /**
   * Stores a new sign-in code, atomically across processes, after forgetting expired ones;
   * `busy` when `maxOpen` codes are open already, `taken` when its user code is.
   */
  createDeviceCode(
    code: DeviceCode,
    now: number,
    maxOpen: number,
  ): Promise<'created' | 'busy' | 'taken'>;
  /** The not yet approved code with this user code, expired or not; null if none. */
  deviceCode(userCode: string): Promise<DeviceCode | null>;
  /** Approves an open, unexpired code; false when it was not open (any more). Atomic. */
  approveDeviceCode(userCode: string, approver: DeviceCodeApprover, now: number): Promise<boolean>;
  /**
   * The kiosk's poll: pending, unknown, or the approved or expired code, which is removed
   * as it is answered (atomically, so a code is handed out once).
   */
  takeDeviceCode(deviceHash: string, now: number): Promise<DeviceCodeTake>;

  /**
   * Tokens of `sub` issued at or before `at` (unix seconds) are refused from now on; until
   * `endsAt` (unix seconds) for a suspension, for good without it. A revocation for good
   * is never shortened by a later suspension.
   */
  revoke(sub: string, at: number, endsAt?: number): Promise<void>;
  /** sub -> revoked-at (unix seconds), of the revocations in effect now. */
  revocations(): Promise<Map<string, number>>;
  /** The revocations in effect now, with the end of each suspension (null: for good). */
  revocationRecords(): Promise<RevocationRecord[]>;

  putNeighbourhood(neighbourhood: Neighbourhood): Promise<void>;
  neighbourhood(slug: string): Promise<Neighbourhood | null>;
  neighbourhoods(): Promise<Neighbourhood[]>;

  /** Makes `key` the member's only calendar key for its neighbourhood, atomically. */
  setCalendarKey(key: CalendarKey): Promise<void>;
  /** The calendar key whose secret hashes to `keyHash`, or null. */
  calendarKey(keyHash: string): Promise<CalendarKey | null>;

  /** Records (or updates) a member; the join API and `buurthub token --sub` write here. */
  putMember(member: Member): Promise<void>;
  /**
   * "Delete my account": removes the member record, calendar keys, moderator-only profile
   * fields and every contact request from or to `sub` in `nb` (their messages and contact
   * details), and scrubs storage as `purge` does. Revocations stay: they
   * hold only the subject id and keep refusing the member's tokens. Returns the number of
   * contact requests removed.
   */
  eraseMember(nb: string, sub: string): Promise<{ contactRequests: number }>;
  member(sub: string): Promise<Member | null>;

  /** Replaces the member's moderator-only fields; no fields removes them. */
  putPrivateProfile(profile: PrivateProfile): Promise<void>;
  /** The neighbourhood's moderator-only profiles, or only `sub`'s. */
  privateProfiles(nb: string, sub?: string): Promise<PrivateProfile[]>;

  /**
   * Stores a new contact request unless the two members already have a pending or accepted
   * one between them, in either direction (checked atomically).
   */
  createContactRequest(request: ContactRequest): Promise<'created' | 'exists'>;
  contactRequest(id: string): Promise<ContactRequest | null>;
  /** Requests from or to `sub` in `nb` (every request in `nb` without `sub`), newest first. */
  contactRequests(nb: string, sub?: string): Promise<ContactRequest[]>;
  /** Moves a pending request to its answer atomically; null when it was not pending. */
  answerContactRequest(id: string, answer: ContactAnswer): Promise<ContactRequest | null>;
}
