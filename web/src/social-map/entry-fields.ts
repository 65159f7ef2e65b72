/**
 * The fields of the social map's three kinds of entry as the form shows them, and the
 * conversion of a submitted form into the model's input. One description per kind, so the
 * form for adding and for editing is the same.
 */
import type {
  HelpCategory,
  OrganisationInput,
  RegulationInput,
  StoryInput,
} from '@buurthub/shared';
import type { MessageKey } from '../i18n/i18n.js';

export type EntryKind = 'organisation' | 'regulation' | 'story';

export interface FieldSpec {
  name: string;
  label: MessageKey;
  /** line: one line; text: a paragraph; categories / organisations / regulations: checkboxes. */
  type: 'line' | 'text' | 'url' | 'tel' | 'email' | 'categories' | 'organisations' | 'regulations';
  optional?: boolean;
  hint?: MessageKey;
}

export const FIELDS: Record<EntryKind, FieldSpec[]> = {
  organisation: [
    { name: 'name', label: 'socialMap.field.name', type: 'line' },
    {
      name: 'summary',
      label: 'socialMap.field.summary',
      type: 'text',
      hint: 'socialMap.hint.plain',
    },
    { name: 'offer', label: 'socialMap.field.offer', type: 'text' },
    { name: 'forWhom', label: 'socialMap.field.forWhom', type: 'text' },
    { name: 'openingHours', label: 'socialMap.field.openingHours', type: 'line', optional: true },
    { name: 'phone', label: 'socialMap.field.phone', type: 'tel', optional: true },
    { name: 'email', label: 'socialMap.field.email', type: 'email', optional: true },
    { name: 'web', label: 'socialMap.field.web', type: 'url', optional: true },
    { name: 'address', label: 'socialMap.field.address', type: 'line', optional: true },
    { name: 'village', label: 'socialMap.field.village', type: 'line', optional: true },
    { name: 'categories', label: 'socialMap.field.categories', type: 'categories' },
  ],
  regulation: [
    { name: 'name', label: 'socialMap.field.name', type: 'line' },
    {
      name: 'summary',
      label: 'socialMap.field.summary',
      type: 'text',
      hint: 'socialMap.hint.plain',
    },
    { name: 'whoQualifies', label: 'socialMap.field.whoQualifies', type: 'text' },
    { name: 'howToApply', label: 'socialMap.field.howToApply', type: 'text' },
    { name: 'link', label: 'socialMap.field.link', type: 'url', optional: true },
    { name: 'organisationIds', label: 'socialMap.field.organisations', type: 'organisations' },
    { name: 'categories', label: 'socialMap.field.categories', type: 'categories' },
  ],
  story: [
    { name: 'title', label: 'socialMap.field.title', type: 'line' },
    { name: 'text', label: 'socialMap.field.story', type: 'text' },
    {
      name: 'attribution',
      label: 'socialMap.field.attribution',
      type: 'line',
      optional: true,
      hint: 'socialMap.hint.attribution',
    },
    { name: 'organisationIds', label: 'socialMap.field.organisations', type: 'organisations' },
    { name: 'regulationIds', label: 'socialMap.field.regulations', type: 'regulations' },
  ],
};

/** The model's input from a submitted form (empty optional fields left out). */
export function entryInput(
  kind: EntryKind,
  data: FormData,
): OrganisationInput | RegulationInput | StoryInput {
  const text = (name: string) => String(data.get(name) ?? '');
  const optional = (name: string) => {
    const value = text(name).trim();
    return value ? { [name]: value } : {};
  };
  const list = (name: string) => data.getAll(name).map(String);
  if (kind === 'organisation') {
    return {
      name: text('name'),
      summary: text('summary'),
      offer: text('offer'),
      forWhom: text('forWhom'),
      ...optional('openingHours'),
      contact: { ...optional('phone'), ...optional('email'), ...optional('web') },
      ...optional('address'),
      ...optional('village'),
      categories: list('categories') as HelpCategory[],
    };
  }
  if (kind === 'regulation') {
    return {
      name: text('name'),
      summary: text('summary'),
      whoQualifies: text('whoQualifies'),
      howToApply: text('howToApply'),
      ...optional('link'),
      organisationIds: list('organisationIds'),
      categories: list('categories') as HelpCategory[],
    };
  }
  return {
    title: text('title'),
    text: text('text'),
    ...optional('attribution'),
    // The checkbox is required by the form; the model refuses anything but `true`.
    consent: (data.get('consent') === 'on') as true,
    organisationIds: list('organisationIds'),
    regulationIds: list('regulationIds'),
  };
}
