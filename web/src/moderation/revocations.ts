/**
 * Removing or suspending a member also revokes their tokens at the relay
 * (`POST /api/members/<sub>/revoke`, docs/protocol.md). The decision itself is a write in the
 * moderation space and works offline; the revocation needs the relay, so it waits on this
 * device (kept in `store`, retried by `flush`) until the relay can be reached. A refusal
 * (the member is a moderator, or unknown here) is final and reported, never retried.
 */
import type { KeyValueStore } from '@buurthub/shared';

export interface Revocation {
  memberId: string;
  reason: string;
  /** A suspension ends then (ms since the epoch) and the member's tokens work again. */
  endsAt?: number;
}

export type RevokeResult =
  { state: 'revoked' } | { state: 'waiting' } | { state: 'refused'; status: number };

export interface RevocationDeps {
  nb: string;
  /** The moderator's usable token, or null (then the revocation waits). */
  token: () => string | null;
  online: () => boolean;
  fetch: typeof fetch;
  store: KeyValueStore;
  apiBase?: string;
}

export class Revocations {
  private readonly key: string;
  private flushing: Promise<void> | null = null;

  constructor(private readonly deps: RevocationDeps) {
    this.key = `buurthub:revocations:${deps.nb}`;
  }

  /** Revocations that wait for the relay, oldest first. */
  waiting(): Revocation[] {
    try {
      const list: unknown = JSON.parse(this.deps.store.get(this.key) ?? '[]');
      return Array.isArray(list)
        ? list.filter(
            (r): r is Revocation =>
              typeof r?.memberId === 'string' && typeof r?.reason === 'string',
          )
        : [];
    } catch {
      return [];
    }
  }

  /** Revokes now, or keeps it for later when the relay cannot be reached. */
  async revoke(revocation: Revocation): Promise<RevokeResult> {
    const result = await this.send(revocation);
    if (result.state === 'waiting') {
      const others = this.waiting().filter((r) => r.memberId !== revocation.memberId);
      this.save([...others, revocation]);
    }
    return result;
  }

  /** Sends what waits, oldest first; stops at the first that still cannot reach the relay. */
  async flush(): Promise<void> {
    this.flushing ??= (async () => {
      for (const revocation of this.waiting()) {
        const result = await this.send(revocation);
        if (result.state === 'waiting') break;
        this.save(this.waiting().filter((r) => r.memberId !== revocation.memberId));
      }
    })().finally(() => (this.flushing = null));
    return this.flushing;
  }

  private async send({ memberId, reason, endsAt }: Revocation): Promise<RevokeResult> {
    const token = this.deps.token();
    if (!token || !this.deps.online()) return { state: 'waiting' };
    let response: Response;
    try {
      response = await this.deps.fetch(
        `${this.deps.apiBase ?? ''}/api/members/${encodeURIComponent(memberId)}/revoke`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          // The relay counts in unix seconds.
          body: JSON.stringify({
            reason,
            ...(typeof endsAt === 'number' && { endsAt: Math.floor(endsAt / 1000) }),
          }),
        },
      );
    } catch {
      return { state: 'waiting' };
    }
    if (response.ok) return { state: 'revoked' };
    // An expired token or a relay in trouble: try again later, with a refreshed token.
    if (response.status === 401 || response.status >= 500) return { state: 'waiting' };
    return { state: 'refused', status: response.status };
  }

  private save(list: Revocation[]): void {
    this.deps.store.set(this.key, JSON.stringify(list));
  }
}
