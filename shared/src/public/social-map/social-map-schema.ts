/**
 * What the social map (sociale kaart) holds: organisations, regulations and support
 * (regelingen), and residents' experience stories linked to them (docs/schema.md,
 * "Social map"). Written by moderators and officials in the `public` space, so everyone
 * can read it, also offline and without an account.
 */
import { z } from 'zod';
import { emailSchema, phoneSchema } from '../../contact-fields.js';
import { authorSchema } from '../../roles.js';
import { httpsUrlSchema } from '../crisis/alert-schema.js';

/** Help areas, translated in the app; a resident filters by these. */
export const HELP_CATEGORIES = [
  'money',
  'food',
  'energy',
  'housing',
  'care',
  'health',
  'family',
  'work',
  'language',
  'legal',
  'social',
  'other',
] as const;
export type HelpCategory = (typeof HELP_CATEGORIES)[number];

export const NAME_MAX = 120;
export const SUMMARY_MAX = 1_000;
export const LONG_TEXT_MAX = 5_000;

const line = (max: number) => z.string().trim().min(1).max(max);
const categories = z.array(z.enum(HELP_CATEGORIES)).min(1).max(HELP_CATEGORIES.length);
const ids = z.array(z.string().min(1).max(100)).max(50);

export const contactSchema = z
  .object({
    phone: phoneSchema.optional(),
    email: emailSchema.optional(),
    web: httpsUrlSchema.optional(),
  })
  .strict();

export const organisationInputSchema = z.object({
  name: line(NAME_MAX),
  /** In plain language: what they do, in one or two sentences (taalniveau B1). */
  summary: line(SUMMARY_MAX),
  offer: line(LONG_TEXT_MAX),
  forWhom: line(SUMMARY_MAX),
  openingHours: z.string().trim().max(SUMMARY_MAX).optional(),
  contact: contactSchema.default({}),
  /** A visiting address: organisations are public places, never a resident's home. */
  address: z.string().trim().max(200).optional(),
  village: z.string().trim().min(1).max(80).optional(),
  categories,
});
export type OrganisationInput = z.input<typeof organisationInputSchema>;

export const regulationInputSchema = z.object({
  name: line(NAME_MAX),
  summary: line(SUMMARY_MAX),
  whoQualifies: line(LONG_TEXT_MAX),
  howToApply: line(LONG_TEXT_MAX),
  link: httpsUrlSchema.optional(),
  /** Organisations that help with it. */
  organisationIds: ids.default([]),
  categories,
});
export type RegulationInput = z.input<typeof regulationInputSchema>;

export const storyInputSchema = z.object({
  title: line(NAME_MAX),
  text: line(LONG_TEXT_MAX),
  /** How the resident wants to be named, e.g. "Els (67), Mook"; empty for anonymous. */
  attribution: z.string().trim().max(80).optional(),
  /** The moderator confirms the resident agreed to publishing: a story is personal. */
  consent: z.literal(true),
  organisationIds: ids.default([]),
  regulationIds: ids.default([]),
});
export type StoryInput = z.input<typeof storyInputSchema>;

/** What every entry carries besides its own fields. */
const entryMeta = {
  id: z.string(),
  createdBy: authorSchema,
  createdAt: z.number(),
  updatedBy: authorSchema,
  updatedAt: z.number(),
  deletedAt: z.number().optional(),
};

export const storedOrganisation = organisationInputSchema.extend(entryMeta);
export const storedRegulation = regulationInputSchema.extend(entryMeta);
export const storedStory = storyInputSchema.extend(entryMeta);

export type OrganisationView = Omit<z.infer<typeof storedOrganisation>, 'deletedAt'>;
export type RegulationView = Omit<z.infer<typeof storedRegulation>, 'deletedAt'>;
export type StoryView = Omit<z.infer<typeof storedStory>, 'deletedAt' | 'consent'>;
