/**
 * The profile form's state as plain strings (what the member typed and ticked), and its
 * conversion to the model's input. The whole state is kept on this device, so fields the
 * member hides, which never enter the shared document, are not lost either.
 */
import {
  AVAILABILITY,
  type Availability,
  FIELD_VISIBILITY,
  type FieldVisibility,
  type ModeratorFields,
  type PRIVATE_FIELDS,
  type ProfileInput,
  type ProfileView,
  TOPICS,
  type Topic,
  type TopicKind,
  type ProfileVisibilityInput,
} from '@buurthub/shared';

export const TOPIC_KINDS: TopicKind[] = ['skills', 'interests', 'wantsToLearn'];

/** Who sees a field: the neighbourhood, only moderators (kept on the relay), nobody. */
export type Shown = FieldVisibility;
export type ProfileField = (typeof PRIVATE_FIELDS)[number];

export interface ProfileFormState {
  area: string;
  topics: Record<TopicKind, Topic[]>;
  /** Free tags, comma-separated as typed. */
  tags: Record<TopicKind, string>;
  availability: Availability[];
  about: string;
  shown: Record<ProfileField, Shown>;
}

const ALL_SHOWN: Record<ProfileField, Shown> = {
  area: 'neighbourhood',
  skills: 'neighbourhood',
  interests: 'neighbourhood',
  wantsToLearn: 'neighbourhood',
  availability: 'neighbourhood',
  about: 'neighbourhood',
};

/**
 * The form for a published profile (or an empty one), with the fields the member keeps for
 * moderators on the relay filled in and marked so.
 */
export function stateFromProfile(
  published: ProfileView | null,
  forModerators: Partial<ModeratorFields> = {},
): ProfileFormState {
  const profile = { ...published, ...forModerators };
  const kind = (k: TopicKind) => profile[k];
  const shown = { ...ALL_SHOWN };
  for (const field of Object.keys(forModerators) as ProfileField[]) shown[field] = 'moderators';
  return {
    area: profile.area ?? '',
    topics: {
      skills: kind('skills')?.topics ?? [],
      interests: kind('interests')?.topics ?? [],
      wantsToLearn: kind('wantsToLearn')?.topics ?? [],
    },
    tags: {
      skills: (kind('skills')?.tags ?? []).join(', '),
      interests: (kind('interests')?.tags ?? []).join(', '),
      wantsToLearn: (kind('wantsToLearn')?.tags ?? []).join(', '),
    },
    availability: profile.availability ?? [],
    about: profile.about ?? '',
    shown,
  };
}

/** Reads a kept state back, dropping anything that is not a known value. */
export function parseKeptState(raw: string | null): ProfileFormState | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<ProfileFormState>;
    const base = stateFromProfile(null);
    const str = (v: unknown) => (typeof v === 'string' ? v : '');
    const topicsOf = (v: unknown) =>
      Array.isArray(v)
        ? v.filter((t): t is Topic => (TOPICS as readonly string[]).includes(t))
        : [];
    for (const k of TOPIC_KINDS) {
      base.topics[k] = topicsOf(value.topics?.[k]);
      base.tags[k] = str(value.tags?.[k]);
    }
    base.area = str(value.area);
    base.about = str(value.about);
    base.availability = Array.isArray(value.availability)
      ? value.availability.filter((a): a is Availability =>
          (AVAILABILITY as readonly string[]).includes(a),
        )
      : [];
    for (const field of Object.keys(ALL_SHOWN) as ProfileField[]) {
      base.shown[field] = parseShown(value.shown?.[field]);
    }
    return base;
  } catch {
    return null;
  }
}

/** A kept or submitted choice; anything unknown shows the field to the neighbourhood. */
export function parseShown(value: unknown): Shown {
  return (FIELD_VISIBILITY as readonly unknown[]).includes(value)
    ? (value as Shown)
    : 'neighbourhood';
}

function splitTags(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

/** The model's input and visibility for `displayName` and the form. */
export function toProfileInput(
  displayName: string,
  state: ProfileFormState,
): { input: ProfileInput; visibility: ProfileVisibilityInput } {
  const area = state.area.trim();
  const about = state.about.trim();
  const topics = (k: TopicKind) => ({ topics: state.topics[k], tags: splitTags(state.tags[k]) });
  return {
    input: {
      displayName,
      ...(area && { area }),
      skills: topics('skills'),
      interests: topics('interests'),
      wantsToLearn: topics('wantsToLearn'),
      availability: state.availability,
      ...(about && { about }),
    },
    visibility: { ...state.shown },
  };
}
