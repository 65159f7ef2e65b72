/**
 * Shapes of crisis alerts (CAP 1.2 vocabulary) as users enter them and as the `public`
 * document stores them. Readers are lenient where an old or newer client may differ (new
 * CAP fields fall back to CAP's "unknown"; a malformed link or media reference is dropped)
 * and strict where a wrong value would mislead (headline, severity, times).
 */
import { z } from 'zod';
import { httpsUrlSchema } from '../../links.js';
import { type MediaRef, mediaRefSchema } from '../../media.js';
import { type Author, authorSchema } from '../../roles.js';
import { readStored } from '../../validation.js';

export const SEVERITIES = ['extreme', 'severe', 'moderate', 'minor'] as const;
/**
 * CAP statuses a neighbourhood uses. CAP's `System` (messages between alerting systems)
 * and `Draft` (not to be acted on) never reach residents; a draft is simply not posted.
 */
export const ALERT_STATUSES = ['actual', 'exercise', 'test'] as const;
export const URGENCIES = ['immediate', 'expected', 'future', 'past', 'unknown'] as const;
export const CERTAINTIES = ['observed', 'likely', 'possible', 'unlikely', 'unknown'] as const;
/** CAP 1.2 categories, spelled as CAP spells them (`Met` for high water and storm, `Infra` for power and drinking water). */
export const ALERT_CATEGORIES = [
  'Geo',
  'Met',
  'Safety',
  'Security',
  'Rescue',
  'Fire',
  'Health',
  'Env',
  'Transport',
  'Infra',
  'CBRNE',
  'Other',
] as const;
/** CAP msgType: the original alert, an update that supersedes it, or its cancellation. */
export const MSG_TYPES = ['alert', 'update', 'cancel'] as const;

export type Severity = (typeof SEVERITIES)[number];
export type AlertStatus = (typeof ALERT_STATUSES)[number];
export type Urgency = (typeof URGENCIES)[number];
export type Certainty = (typeof CERTAINTIES)[number];
export type AlertCategory = (typeof ALERT_CATEGORIES)[number];
export type MsgType = (typeof MSG_TYPES)[number];

export const HEADLINE_MAX = 160;
export const DESCRIPTION_MAX = 5_000;
export const INSTRUCTION_MAX = 2_000;
export const EVENT_MAX = 80;
export const AREA_DESC_MAX = 500;
export const VILLAGES_MAX = 50;
export const LINKS_MAX = 10;
export const LINK_TITLE_MAX = 120;
export const ALERT_MEDIA_MAX = 8;
export const UPDATE_TEXT_MAX = 5_000;
export const CANCEL_REASON_MAX = 1_000;

export { httpsUrlSchema };

export const linkSchema = z.object({
  url: httpsUrlSchema,
  title: z.string().trim().min(1).max(LINK_TITLE_MAX).optional(),
});
export type AlertLink = z.infer<typeof linkSchema>;

const text = (max: number) => z.string().trim().min(1).max(max);
const villages = z.array(z.string().trim().min(1).max(80)).max(VILLAGES_MAX);

/** The fields an update may supersede (CAP: an Update replaces the info it changes). */
const changeFields = {
  event: text(EVENT_MAX),
  category: z.enum(ALERT_CATEGORIES),
  urgency: z.enum(URGENCIES),
  severity: z.enum(SEVERITIES),
  certainty: z.enum(CERTAINTIES),
  headline: text(HEADLINE_MAX),
  description: text(DESCRIPTION_MAX),
  instruction: text(INSTRUCTION_MAX),
  villages,
  areaDesc: text(AREA_DESC_MAX),
  expires: z.number().int().nonnegative(),
  web: httpsUrlSchema,
  links: z.array(linkSchema).max(LINKS_MAX),
};
export const CHANGE_KEYS = Object.keys(changeFields) as (keyof typeof changeFields)[];

export const alertInputSchema = z
  .object({
    status: z.enum(ALERT_STATUSES),
    event: changeFields.event.optional(),
    category: changeFields.category.default('Other'),
    urgency: changeFields.urgency.default('unknown'),
    severity: changeFields.severity,
    certainty: changeFields.certainty.default('unknown'),
    headline: changeFields.headline,
    description: changeFields.description,
    instruction: changeFields.instruction.optional(),
    villages,
    areaDesc: changeFields.areaDesc.optional(),
    effective: z.number().int().nonnegative(),
    expires: changeFields.expires,
    web: httpsUrlSchema.optional(),
    links: changeFields.links.default([]),
    media: z.array(mediaRefSchema).max(ALERT_MEDIA_MAX).default([]),
  })
  .refine((a) => a.expires > a.effective, {
    path: ['expires'],
    message: 'expires must be after effective',
  });
export type AlertInput = z.input<typeof alertInputSchema>;

export const alertChangesSchema = z.object(changeFields).partial();
export type AlertChanges = z.infer<typeof alertChangesSchema>;

export const updateInputSchema = z.object({
  text: text(UPDATE_TEXT_MAX),
  changes: alertChangesSchema.default({}),
  media: z.array(mediaRefSchema).max(ALERT_MEDIA_MAX).default([]),
});
export type AlertUpdateInput = z.input<typeof updateInputSchema>;

export const cancelInputSchema = z.object({ reason: text(CANCEL_REASON_MAX) });
export type AlertCancelInput = z.input<typeof cancelInputSchema>;

/** A signature with its certificate (the author's relay token), stored with the item. */
export const itemSignatureSchema = z.object({
  sig: z.string().min(1).max(200),
  cert: z.string().min(1).max(8_000),
});
export type ItemSignature = z.infer<typeof itemSignatureSchema>;

/** What an alert says: the fields CAP's `info` carries (and an update may supersede). */
export interface AlertContent {
  status: AlertStatus;
  event?: string;
  category: AlertCategory;
  urgency: Urgency;
  severity: Severity;
  certainty: Certainty;
  headline: string;
  description: string;
  instruction?: string;
  villages: string[];
  areaDesc?: string;
  effective: number;
  expires: number;
  web?: string;
  links: AlertLink[];
  /** Photos and short videos, in display order. */
  media: MediaRef[];
}

// Stored values are read without trimming or other transforms: what a verifier rebuilds
// must be exactly what was signed.
const storedText = z.string().min(1);
const storedContent = z.object({
  status: z.enum(ALERT_STATUSES),
  event: storedText.optional(),
  category: z.enum(ALERT_CATEGORIES).catch('Other'),
  urgency: z.enum(URGENCIES).catch('unknown'),
  severity: z.enum(SEVERITIES),
  certainty: z.enum(CERTAINTIES).catch('unknown'),
  headline: storedText,
  description: storedText,
  instruction: storedText.optional(),
  villages: z.array(z.string()),
  areaDesc: storedText.optional(),
  effective: z.number(),
  expires: z.number(),
  web: httpsUrlSchema.optional().catch(undefined),
});

const storedChanges = z
  .object({
    event: storedText,
    category: z.enum(ALERT_CATEGORIES),
    urgency: z.enum(URGENCIES),
    severity: z.enum(SEVERITIES),
    certainty: z.enum(CERTAINTIES),
    headline: storedText,
    description: storedText,
    instruction: storedText,
    villages: z.array(z.string()),
    areaDesc: storedText,
    expires: z.number(),
    web: httpsUrlSchema,
    links: z.array(z.unknown()),
  })
  .partial();

/** Keeps the valid entries of a stored list; a malformed one hides itself, not the alert. */
function validEntries<T extends z.ZodType>(schema: T, value: unknown): z.infer<T>[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((entry) => readStored(schema, entry))
    .filter((entry): entry is z.infer<T> => entry !== null);
}

/** The alert's own fields from a stored record (missing new keys read as their default). */
export function readAlertContent(fields: Record<string, unknown>): AlertContent | null {
  const stored = readStored(storedContent, fields);
  if (!stored) return null;
  return {
    ...stored,
    links: validEntries(linkSchema, fields.links),
    media: validEntries(mediaRefSchema, fields.media),
  };
}

const storedUpdate = z.object({
  id: z.string(),
  msgType: z.enum(['update', 'cancel']).optional(),
  text: z.string(),
  at: z.number(),
  author: authorSchema,
  changes: storedChanges.optional(),
  media: z.unknown().optional(),
  signature: itemSignatureSchema.optional(),
});

/** One entry of an alert's timeline: an update (possibly superseding fields) or the cancel. */
export interface AlertUpdateView {
  id: string;
  /** `update` supersedes the fields in `changes`; `cancel` ends the alert (`text` is why). */
  msgType: 'update' | 'cancel';
  text: string;
  at: number;
  author: Author;
  changes: AlertChanges;
  media: MediaRef[];
  signature?: ItemSignature;
}

export function readUpdate(value: unknown): AlertUpdateView | null {
  const stored = readStored(storedUpdate, value);
  if (!stored) return null;
  const { links, ...rest } = stored.changes ?? {};
  const changes: AlertChanges = { ...rest };
  if (links !== undefined) changes.links = validEntries(linkSchema, links);
  return {
    id: stored.id,
    msgType: stored.msgType ?? 'update',
    text: stored.text,
    at: stored.at,
    author: stored.author,
    changes,
    media: validEntries(mediaRefSchema, stored.media),
    ...(stored.signature && { signature: stored.signature }),
  };
}

export const storedAlertMeta = z.object({
  id: z.string(),
  author: authorSchema,
  createdAt: z.number(),
  signature: itemSignatureSchema.optional(),
});
