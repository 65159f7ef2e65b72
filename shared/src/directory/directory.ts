/**
 * The neighbourhood directory in the `<nb>/directory` space: members who opt in show what
 * they can offer, like and want to learn, and find each other by it. Only the fields a
 * member shows the neighbourhood are written here; `publish` hands back the fields meant
 * for moderators only, which the app keeps with the relay's private store instead.
 *
 * Layout (docs/schema.md): `profiles` is one flat Y.Map from `<member id> <field>` to the
 * field's value, so a profile first published on two devices while offline merges field
 * by field (a nested map per member would keep only one device's). Leaving the directory
 * deletes the member's keys, so the data leaves the document at the next compaction.
 */
import * as Y from 'yjs';
import type { ModelContext } from '../context.js';
import { PermissionError } from '../errors.js';
import { matchesTerms, queryTerms } from '../community/post-search.js';
import { type Author, authorSchema, canModerate, isMember } from '../roles.js';
import { writeTransaction } from '../schema-version.js';
import { parseInput, readStored } from '../validation.js';
import {
  PRIVATE_FIELDS,
  type Profile,
  type ProfileInput,
  type ProfileView,
  profileInputSchema,
  storedProfileSchema,
  type Topic,
  type VisibilityInput,
  visibilitySchema,
} from './profile-schema.js';

export type TopicKind = 'skills' | 'interests' | 'wantsToLearn';

export interface DirectoryQuery {
  /** Words in the name, area, tags or about text. */
  text?: string;
  /** A topic from the list, in any of the kinds (or in `kind` only). */
  topic?: Topic;
  kind?: TopicKind;
  area?: string;
}

/** "3 neighbours in Mook also like gardening"; "2 neighbours can teach you cooking". */
export interface Suggestion {
  reason: 'same-interest' | 'same-skill' | 'can-teach';
  /** A topic code, or a free tag. */
  topic: string;
  /** Set when the suggestion is about the member's own area. */
  area?: string;
  memberIds: string[];
}

export interface Published {
  profile: ProfileView;
  /** Fields the member shows to moderators only: not in the document. */
  forModerators: Partial<Profile>;
}

export class Directory {
  private readonly map: Y.Map<unknown>;

  constructor(
    private readonly doc: Y.Doc,
    private readonly ctx: ModelContext,
  ) {
    this.map = doc.getMap('profiles');
  }

  /** Joins or updates the member's own profile, writing only what the neighbourhood may see. */
  publish(input: ProfileInput, visibility: VisibilityInput, author: Author): Published {
    const who = requireMember(author);
    const profile = parseInput(profileInputSchema, input);
    const shown = parseInput(visibilitySchema, visibility);
    const forModerators: Partial<Profile> = {};
    writeTransaction(this.doc, 'directory', () => {
      const set = (field: string, value: unknown) => this.map.set(keyOf(who.id, field), value);
      set('memberId', who.id);
      set('displayName', profile.displayName);
      for (const field of PRIVATE_FIELDS) {
        const value = profile[field];
        const empty = isEmpty(value);
        if (shown[field] === 'neighbourhood' && !empty) set(field, value);
        else this.map.delete(keyOf(who.id, field));
        if (shown[field] === 'moderators' && !empty)
          Object.assign(forModerators, { [field]: value });
      }
      set('updatedAt', this.ctx.now());
    });
    return { profile: this.get(who.id) as ProfileView, forModerators };
  }

  /** Leaves the directory: the member's own entry, or a moderator removing one. */
  remove(memberId: string, author: Author): void {
    const who = parseInput(authorSchema, author);
    if (who.id !== memberId && !canModerate(who.role)) {
      throw new PermissionError('Only the member or a moderator removes a profile.');
    }
    const keys = [...this.map.keys()].filter((key) => key.startsWith(`${memberId} `));
    if (keys.length === 0) return;
    writeTransaction(this.doc, 'directory', () => keys.forEach((key) => this.map.delete(key)));
  }

  get(memberId: string): ProfileView | null {
    return readProfile(this.fieldsOf().get(memberId));
  }

  /** Everyone in the directory, by name (Dutch collation). */
  list(): ProfileView[] {
    const profiles: ProfileView[] = [];
    for (const fields of this.fieldsOf().values()) {
      const profile = readProfile(fields);
      if (profile) profiles.push(profile);
    }
    return profiles.sort(
      (a, b) => a.displayName.localeCompare(b.displayName, 'nl') || compare(a.memberId, b.memberId),
    );
  }

  search(query: DirectoryQuery): ProfileView[] {
    const terms = queryTerms(query.text ?? '');
    const kinds: TopicKind[] = query.kind ? [query.kind] : ['skills', 'interests', 'wantsToLearn'];
    return this.list().filter(
      (p) =>
        (!query.topic || kinds.some((k) => p[k]?.topics.includes(query.topic as Topic))) &&
        (!query.area || p.area === query.area) &&
        matchesTerms(
          terms,
          p.displayName,
          p.area ?? '',
          p.about ?? '',
          ...kinds.flatMap((k) => p[k]?.tags ?? []),
        ),
    );
  }

  /**
   * Neighbours to meet, for `memberId`: others sharing an interest or a skill (in the
   * member's own area when they gave one), and others who can teach what they want to
   * learn. Largest groups first.
   */
  suggestions(memberId: string): Suggestion[] {
    const me = this.get(memberId);
    if (!me) return [];
    const others = this.list().filter((p) => p.memberId !== memberId);
    const nearby = me.area ? others.filter((p) => p.area === me.area) : others;
    const found: Suggestion[] = [];
    const collect = (
      reason: Suggestion['reason'],
      mine: TopicKind,
      theirs: TopicKind,
      pool: ProfileView[],
      area?: string,
    ) => {
      for (const topic of topicsOf(me, mine)) {
        const memberIds = pool
          .filter((p) => topicsOf(p, theirs).includes(topic))
          .map((p) => p.memberId);
        if (memberIds.length > 0) found.push({ reason, topic, ...(area && { area }), memberIds });
      }
    };
    collect('same-interest', 'interests', 'interests', nearby, me.area);
    collect('same-skill', 'skills', 'skills', nearby, me.area);
    collect('can-teach', 'wantsToLearn', 'skills', others);
    return found.sort(
      (a, b) => b.memberIds.length - a.memberIds.length || compare(a.topic, b.topic),
    );
  }

  observe(listener: () => void): () => void {
    const handler = () => listener();
    this.map.observe(handler);
    return () => this.map.unobserve(handler);
  }

  /** Each member's fields, from the flat keys. */
  private fieldsOf(): Map<string, Record<string, unknown>> {
    const members = new Map<string, Record<string, unknown>>();
    for (const [key, value] of this.map.entries()) {
      const space = key.indexOf(' ');
      if (space < 1) continue;
      const memberId = key.slice(0, space);
      const fields = members.get(memberId) ?? {};
      fields[key.slice(space + 1)] = value;
      members.set(memberId, fields);
    }
    return members;
  }
}

/** Nothing to show: not written, so it cannot overwrite what another device wrote. */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  const topics = value as { topics?: unknown[]; tags?: unknown[] };
  return typeof value === 'object' && topics.topics?.length === 0 && topics.tags?.length === 0;
}

const keyOf = (memberId: string, field: string) => `${memberId} ${field}`;

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function topicsOf(profile: ProfileView, kind: TopicKind): string[] {
  const topics = profile[kind];
  return topics ? [...topics.topics, ...topics.tags] : [];
}

function requireMember(author: Author): Author {
  const who = parseInput(authorSchema, author);
  if (!isMember(who.role)) throw new PermissionError('Only members have a profile.');
  return who;
}

function readProfile(fields: Record<string, unknown> | undefined): ProfileView | null {
  return fields ? readStored(storedProfileSchema, fields) : null;
}
