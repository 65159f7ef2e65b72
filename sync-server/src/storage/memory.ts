/**
 * In-memory storage: the twin of the SQLite storage for tests and for throwaway relays.
 * Same contract, nothing survives the process.
 */
import { foldUpdates } from './fold.js';
import { mergedEnd, nowInSeconds, revokedAtBySub } from './revocation-records.js';
import type {
  RevocationRecord,
  CalendarKey,
  CompactResult,
  ContactAnswer,
  ContactRequest,
  DeviceCode,
  DeviceCodeApprover,
  DeviceCodeTake,
  Invite,
  Member,
  PrivateProfile,
  Neighbourhood,
  RedeemResult,
  RoomStats,
  SigningKey,
  Storage,
  StoredRoom,
} from './storage.js';

/** A pending or accepted request between the same two members, in either direction. */
function isOpenBetween(existing: ContactRequest, request: ContactRequest): boolean {
  const samePair =
    (existing.from === request.from && existing.to === request.to) ||
    (existing.from === request.to && existing.to === request.from);
  return (
    existing.nb === request.nb &&
    samePair &&
    (existing.status === 'pending' || existing.status === 'accepted')
  );
}

interface MemoryRoom {
  snapshot: Uint8Array | null;
  log: { seq: number; update: Uint8Array }[];
}

export class MemoryStorage implements Storage {
  private readonly data = new Map<string, MemoryRoom>();
  private nextSeq = 1;

  private room(name: string): MemoryRoom {
    let room = this.data.get(name);
    if (!room) {
      room = { snapshot: null, log: [] };
      this.data.set(name, room);
    }
    return room;
  }

  async loadRoom(name: string): Promise<StoredRoom> {
    const room = this.data.get(name);
    if (!room) return { updates: [], logLength: 0 };
    const updates = room.log.map((entry) => entry.update);
    if (room.snapshot) updates.unshift(room.snapshot);
    return { updates, logLength: room.log.length };
  }

  async appendUpdate(
    name: string,
    update: Uint8Array,
  ): Promise<{ seq: number; logLength: number }> {
    const room = this.room(name);
    const seq = this.nextSeq++;
    // Copy: the caller's buffer may be a view into a socket frame that gets reused.
    room.log.push({ seq, update: update.slice() });
    return { seq, logLength: room.log.length };
  }

  async removeUpdate(name: string, seq: number): Promise<void> {
    const room = this.data.get(name);
    if (room) room.log = room.log.filter((entry) => entry.seq !== seq);
  }

  async compact(name: string): Promise<CompactResult> {
    const room = this.data.get(name);
    if (!room || room.log.length === 0) return { folded: 0, snapshotBytes: null };
    const folded = room.log.length;
    const parts = room.log.map((entry) => entry.update);
    if (room.snapshot) parts.unshift(room.snapshot);
    room.snapshot = foldUpdates(parts);
    room.log = [];
    return { folded, snapshotBytes: room.snapshot.byteLength };
  }

  async purge(name: string): Promise<Uint8Array> {
    const room = this.room(name);
    const parts = room.log.map((entry) => entry.update);
    if (room.snapshot) parts.unshift(room.snapshot);
    room.snapshot = foldUpdates(parts);
    room.log = [];
    return room.snapshot;
  }

  async eraseMember(nb: string, sub: string): Promise<{ contactRequests: number }> {
    let removed = 0;
    for (const [id, request] of this.contacts) {
      if (request.nb === nb && (request.from === sub || request.to === sub)) {
        this.contacts.delete(id);
        removed++;
      }
    }
    for (const [hash, key] of this.calendarKeys) {
      if (key.nb === nb && key.sub === sub) this.calendarKeys.delete(hash);
    }
    this.privateProfileRows.delete(`${nb} ${sub}`);
    if (this.members.get(sub)?.nb === nb) this.members.delete(sub);
    return { contactRequests: removed };
  }

  async stats(name: string): Promise<RoomStats> {
    const room = this.data.get(name);
    return { logLength: room?.log.length ?? 0, hasSnapshot: Boolean(room?.snapshot) };
  }

  async rooms(): Promise<string[]> {
    return [...this.data.entries()]
      .filter(([, room]) => room.snapshot || room.log.length > 0)
      .map(([name]) => name);
  }

  private readonly keys: SigningKey[] = [];
  private readonly inviteCodes = new Map<string, Invite>();
  private readonly revoked = new Map<string, { at: number; endsAt: number | null }>();
  private readonly neighbourhoodRecords = new Map<string, Neighbourhood>();

  async signingKeys(): Promise<SigningKey[]> {
    return this.keys.map((key) => ({ ...key }));
  }

  async ensureCurrentKey(candidate: SigningKey): Promise<SigningKey> {
    const current = this.keys.find((key) => key.retiredAt === null);
    if (current) return { ...current };
    this.keys.push({ ...candidate, retiredAt: null });
    return { ...candidate, retiredAt: null };
  }

  async rotateKey(next: SigningKey, now: number): Promise<void> {
    for (const key of this.keys) if (key.retiredAt === null) key.retiredAt = now;
    this.keys.push({ ...next, retiredAt: null });
  }

  async noteKeyUse(kid: string, until: number): Promise<void> {
    const key = this.keys.find((k) => k.kid === kid);
    if (key) key.usedUntil = Math.max(key.usedUntil, until);
  }

  async createInvite(invite: Invite): Promise<void> {
    if (this.inviteCodes.has(invite.code)) throw new Error(`invite ${invite.code} exists`);
    this.inviteCodes.set(invite.code, { ...invite });
  }

  async redeemInvite(code: string, now: number): Promise<RedeemResult> {
    const invite = this.inviteCodes.get(code);
    if (!invite) return { refused: 'unknown' };
    if (invite.expiresAt <= now) return { refused: 'expired' };
    if (invite.usesLeft <= 0) return { refused: 'used-up' };
    invite.usesLeft -= 1;
    return { invite: { ...invite } };
  }

  async invites(nb?: string): Promise<Invite[]> {
    return [...this.inviteCodes.values()]
      .filter((invite) => nb === undefined || invite.nb === nb)
      .map((invite) => ({ ...invite }));
  }

  /** Open sign-in codes by device hash (user codes are unique among them). */
  private readonly deviceCodes = new Map<string, DeviceCode>();

  async createDeviceCode(
    code: DeviceCode,
    now: number,
    maxOpen: number,
  ): Promise<'created' | 'busy' | 'taken'> {
    for (const [hash, open] of this.deviceCodes) {
      if (open.expiresAt <= now) this.deviceCodes.delete(hash);
    }
    if (this.deviceCodes.size >= maxOpen) return 'busy';
    const clash = [...this.deviceCodes.values()].some(
      (open) => open.userCode === code.userCode || open.deviceHash === code.deviceHash,
    );
    if (clash) return 'taken';
    this.deviceCodes.set(code.deviceHash, { ...code, approvedBy: null });
    return 'created';
  }

  async deviceCode(userCode: string): Promise<DeviceCode | null> {
    const code = [...this.deviceCodes.values()].find(
      (open) => open.userCode === userCode && !open.approvedBy,
    );
    return code ? { ...code } : null;
  }

  async approveDeviceCode(
    userCode: string,
    approver: DeviceCodeApprover,
    now: number,
  ): Promise<boolean> {
    const code = [...this.deviceCodes.values()].find((open) => open.userCode === userCode);
    if (!code || code.approvedBy || code.expiresAt <= now) return false;
    code.approvedBy = { ...approver };
    return true;
  }

  async takeDeviceCode(deviceHash: string, now: number): Promise<DeviceCodeTake> {
    const code = this.deviceCodes.get(deviceHash);
    if (!code) return { state: 'unknown' };
    const expired = code.expiresAt <= now;
    if (!code.approvedBy && !expired) return { state: 'pending' };
    this.deviceCodes.delete(deviceHash);
    return expired || !code.approvedBy
      ? { state: 'expired' }
      : { state: 'approved', code: { ...code }, approvedBy: code.approvedBy };
  }

  async revoke(sub: string, at: number, endsAt?: number): Promise<void> {
    const known = this.revoked.get(sub);
    this.revoked.set(sub, {
      at: Math.max(known?.at ?? 0, at),
      endsAt: mergedEnd(known ? known.endsAt : undefined, endsAt ?? null),
    });
  }

  async revocations(): Promise<Map<string, number>> {
    return revokedAtBySub(await this.revocationRecords());
  }

  async revocationRecords(): Promise<RevocationRecord[]> {
    const now = nowInSeconds();
    return [...this.revoked]
      .filter(([, { endsAt }]) => endsAt === null || endsAt > now)
      .map(([sub, { at, endsAt }]) => ({ sub, revokedAt: at, endsAt }));
  }

  async putNeighbourhood(neighbourhood: Neighbourhood): Promise<void> {
    this.neighbourhoodRecords.set(neighbourhood.slug, {
      ...neighbourhood,
      villages: [...neighbourhood.villages],
    });
  }

  async neighbourhood(slug: string): Promise<Neighbourhood | null> {
    const found = this.neighbourhoodRecords.get(slug);
    return found ? { ...found, villages: [...found.villages] } : null;
  }

  async neighbourhoods(): Promise<Neighbourhood[]> {
    return [...this.neighbourhoodRecords.values()]
      .sort((a, b) => a.slug.localeCompare(b.slug))
      .map((n) => ({ ...n, villages: [...n.villages] }));
  }

  private readonly calendarKeys = new Map<string, CalendarKey>();

  async setCalendarKey(key: CalendarKey): Promise<void> {
    for (const [hash, old] of this.calendarKeys) {
      if (old.sub === key.sub && old.nb === key.nb) this.calendarKeys.delete(hash);
    }
    this.calendarKeys.set(key.keyHash, { ...key });
  }

  async calendarKey(keyHash: string): Promise<CalendarKey | null> {
    const found = this.calendarKeys.get(keyHash);
    return found ? { ...found } : null;
  }

  private readonly members = new Map<string, Member>();

  async putMember(member: Member): Promise<void> {
    this.members.set(member.sub, { ...member });
  }

  async member(sub: string): Promise<Member | null> {
    const found = this.members.get(sub);
    return found ? { ...found } : null;
  }

  /** `<nb> <sub>` -> profile. */
  private readonly privateProfileRows = new Map<string, PrivateProfile>();

  async putPrivateProfile(profile: PrivateProfile): Promise<void> {
    const key = `${profile.nb} ${profile.sub}`;
    if (Object.keys(profile.fields).length === 0) this.privateProfileRows.delete(key);
    else this.privateProfileRows.set(key, structuredClone(profile));
  }

  async privateProfiles(nb: string, sub?: string): Promise<PrivateProfile[]> {
    return [...this.privateProfileRows.values()]
      .filter((p) => p.nb === nb && (sub === undefined || p.sub === sub))
      .map((p) => structuredClone(p));
  }

  private readonly contacts = new Map<string, ContactRequest>();

  async createContactRequest(request: ContactRequest): Promise<'created' | 'exists'> {
    if ([...this.contacts.values()].some((r) => isOpenBetween(r, request))) return 'exists';
    this.contacts.set(request.id, structuredClone(request));
    return 'created';
  }

  async contactRequest(id: string): Promise<ContactRequest | null> {
    const found = this.contacts.get(id);
    return found ? structuredClone(found) : null;
  }

  async contactRequests(nb: string, sub?: string): Promise<ContactRequest[]> {
    return [...this.contacts.values()]
      .filter((r) => r.nb === nb && (sub === undefined || r.from === sub || r.to === sub))
      .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1))
      .map((r) => structuredClone(r));
  }

  async answerContactRequest(id: string, answer: ContactAnswer): Promise<ContactRequest | null> {
    const found = this.contacts.get(id);
    if (found?.status !== 'pending') return null;
    Object.assign(found, {
      status: answer.status,
      toContact: answer.toContact,
      answeredAt: answer.at,
    });
    return structuredClone(found);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}
}
