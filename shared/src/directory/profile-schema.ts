/**
 * A member's profile in the neighbourhood directory ("interesse en kwaliteiten"): opt-in,
 * with a visibility per field. Only what the member shows the neighbourhood is written to
 * the `<nb>/directory` document; see docs/architecture.md, "Directory and personal data".
 */
import { z } from 'zod';

/** Skills and interests from a structured list (translated in the app), plus free tags. */
export const TOPICS = [
  'gardening',
  'bike-repair',
  'language-help',
  'computer-help',
  'cooking',
  'childcare',
  'odd-jobs',
  'transport',
  'paperwork',
  'music',
  'sports',
  'crafts',
  'walking',
  'reading',
  'pets',
  'company',
] as const;
export type Topic = (typeof TOPICS)[number];

export const AVAILABILITY = ['weekday-daytime', 'evenings', 'weekends'] as const;
export type Availability = (typeof AVAILABILITY)[number];

/** Who sees a field: the neighbourhood's members, only moderators, or nobody. */
export const FIELD_VISIBILITY = ['neighbourhood', 'moderators', 'hidden'] as const;
export type FieldVisibility = (typeof FIELD_VISIBILITY)[number];

export const TAGS_MAX = 10;
export const TAG_MAX = 30;
export const ABOUT_MAX = 500;

const tag = z
  .string()
  .trim()
  .min(2)
  .max(TAG_MAX)
  .transform((t) => t.toLocaleLowerCase('nl'));

/** What one can offer, learn or likes: codes from the list and free tags. */
const topicsSchema = z.object({
  topics: z.array(z.enum(TOPICS)).max(TOPICS.length).default([]),
  tags: z.array(tag).max(TAGS_MAX).default([]),
});
export type Topics = z.infer<typeof topicsSchema>;

/**
 * Where in the neighbourhood, never an exact address: a village or a street area
 * ("Mook-centrum", "rond de Kerkstraat"). Digits are refused, which keeps out house
 * numbers and postcodes.
 */
export const areaSchema = z
  .string()
  .trim()
  .min(2)
  .max(80)
  .refine((area) => !/\d/.test(area), { message: 'an area, not an address: no numbers' });

export const profileInputSchema = z.object({
  displayName: z.string().trim().min(1).max(80),
  area: areaSchema.optional(),
  skills: topicsSchema.default({ topics: [], tags: [] }),
  interests: topicsSchema.default({ topics: [], tags: [] }),
  wantsToLearn: topicsSchema.default({ topics: [], tags: [] }),
  availability: z.array(z.enum(AVAILABILITY)).max(AVAILABILITY.length).default([]),
  about: z.string().trim().max(ABOUT_MAX).optional(),
});
export type ProfileInput = z.input<typeof profileInputSchema>;
export type Profile = z.infer<typeof profileInputSchema>;

/** The fields a member chooses a visibility for; the display name is always shown. */
export const PRIVATE_FIELDS = [
  'area',
  'skills',
  'interests',
  'wantsToLearn',
  'availability',
  'about',
] as const;
export type ProfileField = (typeof PRIVATE_FIELDS)[number];

const shownTo = z.enum(FIELD_VISIBILITY).default('neighbourhood');
export const visibilitySchema = z.object({
  area: shownTo,
  skills: shownTo,
  interests: shownTo,
  wantsToLearn: shownTo,
  availability: shownTo,
  about: shownTo,
});
export type Visibility = z.infer<typeof visibilitySchema>;
export type VisibilityInput = z.input<typeof visibilitySchema>;

/**
 * The fields a member shows to moderators only, as the relay's private store keeps them
 * (`Directory.publish` hands them back): validated like the profile, unknown keys refused.
 */
export const moderatorFieldsSchema = z
  .object({
    area: areaSchema,
    skills: topicsSchema,
    interests: topicsSchema,
    wantsToLearn: topicsSchema,
    availability: z.array(z.enum(AVAILABILITY)).max(AVAILABILITY.length),
    about: z.string().trim().max(ABOUT_MAX),
  })
  .partial()
  .strict();
export type ModeratorFields = z.infer<typeof moderatorFieldsSchema>;

/** A profile as stored in the directory document: only the fields shown to the neighbourhood. */
export const storedProfileSchema = z.object({
  memberId: z.string().min(1).max(100),
  displayName: z.string().min(1).max(80),
  area: z.string().optional().catch(undefined),
  skills: topicsSchema.optional().catch(undefined),
  interests: topicsSchema.optional().catch(undefined),
  wantsToLearn: topicsSchema.optional().catch(undefined),
  availability: z.array(z.enum(AVAILABILITY)).optional().catch(undefined),
  about: z.string().optional().catch(undefined),
  updatedAt: z.number(),
});
export type ProfileView = z.infer<typeof storedProfileSchema>;
