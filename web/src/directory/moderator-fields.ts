/**
 * The directory fields a member shows to moderators only (docs/protocol.md, "Private
 * profile fields"). They never enter the shared directory room; the relay keeps them and
 * gives them to the neighbourhood's moderators and officials. Saving works offline: the
 * fields wait on this device, under the member's key, until the relay has them.
 */
import { type ModeratorFields, moderatorFieldsSchema, parseInput } from '@buurthub/shared';
import { z } from 'zod';
import { callRelay, type RelayApiDeps, RelayApiError } from '../app/relay-api.js';
import type { localStore } from '../sync/local-store.js';

const profileSchema = z.object({
  memberId: z.string().min(1),
  fields: moderatorFieldsSchema.catch({}),
});
const listSchema = z.object({ profiles: z.array(profileSchema) });

/** What the moderators-only fields are doing: on the relay, or waiting on this device. */
export type SendState = 'sent' | 'waiting';

export class ModeratorFieldsClient {
  constructor(
    private readonly deps: RelayApiDeps & { nb: string; memberId: string },
    private readonly store: typeof localStore,
  ) {}

  private get outboxKey(): string {
    return `buurthub:moderator-fields:${this.deps.nb}:${this.deps.memberId}`;
  }

  /** Keeps `fields` (empty: take them back) to send, and sends them if the relay is there. */
  async save(fields: Partial<ModeratorFields>): Promise<SendState> {
    this.store.set(this.outboxKey, JSON.stringify(parseInput(moderatorFieldsSchema, fields)));
    return this.flush();
  }

  /** Sends what waits on this device; `waiting` while offline or without a token. */
  async flush(): Promise<SendState> {
    const raw = this.store.get(this.outboxKey);
    if (raw === null) return 'sent';
    const fields = moderatorFieldsSchema.safeParse(JSON.parse(raw));
    if (!fields.success) {
      // Written by an older app with other rules: nothing the relay would take.
      this.store.remove(this.outboxKey);
      return 'sent';
    }
    try {
      await callRelay(this.deps, 'PUT', '/api/private-profile', { fields: fields.data });
    } catch (error) {
      if (error instanceof RelayApiError && error.reason !== 'refused') return 'waiting';
      throw error;
    }
    // Only if nothing newer was saved meanwhile.
    if (this.store.get(this.outboxKey) === raw) this.store.remove(this.outboxKey);
    return 'sent';
  }

  /** What the relay keeps for this member. */
  async own(): Promise<Partial<ModeratorFields>> {
    return profileSchema.parse(await callRelay(this.deps, 'GET', '/api/private-profile')).fields;
  }

  /** Moderators and officials: everyone's moderators-only fields, by member. */
  async all(): Promise<Map<string, Partial<ModeratorFields>>> {
    const { profiles } = listSchema.parse(
      await callRelay(this.deps, 'GET', '/api/private-profiles'),
    );
    return new Map(profiles.map((p) => [p.memberId, p.fields]));
  }
}
