/**
 * The social map (sociale kaart): organisations, regulations and stories in the `public`
 * space, searchable together (case- and accent-insensitive, every word must occur) and
 * filterable by help area.
 */
import type * as Y from 'yjs';
import type { ModelContext } from '../../context.js';
import { matchesTerms, queryTerms } from '../../community/post-search.js';
import { Catalogue } from './catalogue.js';
import {
  type HelpCategory,
  type OrganisationView,
  organisationInputSchema,
  type RegulationView,
  regulationInputSchema,
  type StoryView,
  storedOrganisation,
  storedRegulation,
  storedStory,
  storyInputSchema,
} from './social-map-schema.js';

export type SocialMapHit =
  | { kind: 'organisation'; item: OrganisationView }
  | { kind: 'regulation'; item: RegulationView }
  | { kind: 'story'; item: StoryView };

export interface SocialMapQuery {
  text?: string;
  category?: HelpCategory;
}

export class SocialMap {
  readonly organisations;
  readonly regulations;
  readonly stories;

  constructor(doc: Y.Doc, ctx: ModelContext) {
    this.organisations = new Catalogue(
      doc,
      ctx,
      'organisations',
      organisationInputSchema,
      storedOrganisation,
    );
    this.regulations = new Catalogue(
      doc,
      ctx,
      'regulations',
      regulationInputSchema,
      storedRegulation,
    );
    this.stories = new Catalogue(doc, ctx, 'stories', storyInputSchema, storedStory);
  }

  /**
   * Organisations and regulations matching the query (a story matches through its own
   * text), organisations first, each kind by name. A category filter keeps entries of that
   * help area, and stories linked to one.
   */
  search(query: SocialMapQuery = {}): SocialMapHit[] {
    const terms = queryTerms(query.text ?? '');
    const inCategory = <T extends { categories: HelpCategory[] }>(list: T[]) =>
      list.filter((entry) => !query.category || entry.categories.includes(query.category));
    const organisationsInArea = inCategory(this.organisations.list());
    const regulationsInArea = inCategory(this.regulations.list());
    const linked = new Set([...organisationsInArea, ...regulationsInArea].map((e) => e.id));
    const organisations = organisationsInArea.filter((o) =>
      matchesTerms(terms, o.name, o.summary, o.offer, o.forWhom, o.village ?? '', o.address ?? ''),
    );
    const regulations = regulationsInArea.filter((r) =>
      matchesTerms(terms, r.name, r.summary, r.whoQualifies, r.howToApply),
    );
    const stories = this.stories
      .list()
      .filter(
        (s) =>
          !query.category ||
          [...s.organisationIds, ...s.regulationIds].some((id) => linked.has(id)),
      )
      .filter((s) => matchesTerms(terms, s.title, s.text));
    return [
      ...organisations.map((item) => ({ kind: 'organisation' as const, item })),
      ...regulations.map((item) => ({ kind: 'regulation' as const, item })),
      ...stories.map((item) => ({ kind: 'story' as const, item: withoutConsent(item) })),
    ];
  }

  /** Stories linked to an organisation or a regulation, newest first. */
  storiesAbout(id: string): StoryView[] {
    return this.stories
      .list()
      .filter((s) => s.organisationIds.includes(id) || s.regulationIds.includes(id))
      .sort((a, b) => b.createdAt - a.createdAt)
      .map(withoutConsent);
  }

  /** The regulations an organisation helps with. */
  regulationsOf(organisationId: string): RegulationView[] {
    return this.regulations.list().filter((r) => r.organisationIds.includes(organisationId));
  }
}

function withoutConsent<T extends { consent: true }>(story: T): Omit<T, 'consent'> {
  const { consent: _consent, ...rest } = story;
  return rest;
}
