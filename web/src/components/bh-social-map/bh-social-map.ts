/**
 * The social map ("Sociale kaart"): organisations, regulations and residents' stories in
 * the public space, so everyone reads it, also guests and offline. Search by words and
 * help area; an organisation's page shows what it offers, how to reach it, the regulations
 * it helps with and the stories about it; a regulation's page who qualifies, how to apply,
 * the organisations that help and the stories. Moderators and officials add, edit and
 * remove entries (`bh-social-map-form`). Hash: `#sociale-kaart[/<id>]`.
 *
 * @csspart list - the search results
 */
import {
  HELP_CATEGORIES,
  type HelpCategory,
  type OrganisationView,
  type PublicSpace,
  type RegulationView,
  type StoryView,
  canModerate,
} from '@buurthub/shared';
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { identityContext, publicContext } from '../../app/context.js';
import { ObserveController } from '../../app/controllers.js';
import type { IdentityService } from '../../app/identity.js';
import { socialMapHash } from '../../app/route.js';
import { LocaleController, t } from '../../i18n/i18n.js';
import type { EntryKind } from '../../social-map/entry-fields.js';
import '../bh-social-map-form/bh-social-map-form.js';
import type { BhSocialMapDoneEvent } from '../bh-social-map-form/bh-social-map-form.js';
import { styles } from './bh-social-map.styles.js';

@customElement('bh-social-map')
export class BhSocialMap extends LitElement {
  static override styles = styles;

  /** The organisation or regulation shown; empty for the search page. */
  @property() entryId = '';
  @property() nb = '';
  @property({ type: Boolean }) readOnly = false;

  @consume({ context: publicContext, subscribe: true })
  @state()
  private publicSpace?: PublicSpace;

  @consume({ context: identityContext, subscribe: true })
  @state()
  private identity?: IdentityService;

  @state() private text = '';
  @state() private category: HelpCategory | '' = '';
  /** The form that is open: a new entry of a kind, or editing one. */
  @state() private form: { kind: EntryKind; id: string } | null = null;
  @state() private status = '';

  constructor() {
    super();
    new LocaleController(this);
    const map = (space: PublicSpace, changed: () => void) => {
      const offs = [
        space.socialMap.organisations.observe(changed),
        space.socialMap.regulations.observe(changed),
        space.socialMap.stories.observe(changed),
      ];
      return () => offs.forEach((off) => off());
    };
    new ObserveController(this, () => this.publicSpace, map);
    new ObserveController(
      this,
      () => this.identity,
      (identity, changed) => identity.onChange(changed),
    );
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('entryId')) this.form = null;
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private get writer(): boolean {
    const role = this.identity?.current?.role;
    return !this.readOnly && !!role && canModerate(role);
  }

  override render() {
    if (this.form) {
      return html`<bh-social-map-form
        .kind=${this.form.kind}
        .entryId=${this.form.id}
        .nb=${this.nb}
        @bh-social-map-done=${this.onFormDone}
      ></bh-social-map-form>`;
    }
    const map = this.publicSpace?.socialMap;
    if (this.entryId && map) {
      const organisation = map.organisations.get(this.entryId);
      if (organisation) return this.renderOrganisation(organisation);
      const regulation = map.regulations.get(this.entryId);
      if (regulation) return this.renderRegulation(regulation);
      return html`${this.back()}
        <div class="card">
          <h2 tabindex="-1">${t('socialMap.notFoundHeading')}</h2>
          <p>${t('socialMap.notFound')}</p>
        </div>`;
    }
    return this.renderSearch();
  }

  private back() {
    return html`<a class="back" href="#sociale-kaart">${t('socialMap.back')}</a>`;
  }

  private renderSearch() {
    const hits =
      this.publicSpace?.socialMap.search({
        ...(this.text && { text: this.text }),
        ...(this.category && { category: this.category }),
      }) ?? [];
    return html`<section aria-labelledby="social-map-heading">
      <h2 id="social-map-heading" tabindex="-1">${t('socialMap.heading')}</h2>
      <p class="intro">${t('socialMap.intro')}</p>
      <p class="status" role="status">${this.status}</p>
      ${
        this.writer
          ? html`<div class="writer-actions">
              ${(['organisation', 'regulation', 'story'] as EntryKind[]).map(
                (kind) =>
                  html`<button
                    type="button"
                    class="secondary small"
                    @click=${() => this.openForm(kind, '')}
                  >
                    ${t(`socialMap.new.${kind}`)}
                  </button>`,
              )}
            </div>`
          : nothing
      }
      <form class="card filters" role="search" @submit=${(e: Event) => e.preventDefault()}>
        <div class="row">
          <div class="field">
            <label for="sm-text">${t('socialMap.search')}</label>
            <input
              id="sm-text"
              type="search"
              .value=${this.text}
              @input=${(e: Event) => (this.text = (e.target as HTMLInputElement).value)}
            />
          </div>
          <div class="field">
            <label for="sm-category">${t('socialMap.category')}</label>
            <select
              id="sm-category"
              @change=${(e: Event) =>
                (this.category = (e.target as HTMLSelectElement).value as HelpCategory | '')}
            >
              <option value="" ?selected=${!this.category}>${t('socialMap.anyCategory')}</option>
              ${HELP_CATEGORIES.map(
                (c) =>
                  html`<option value=${c} ?selected=${this.category === c}>
                    ${t(`socialMap.category.${c}`)}
                  </option>`,
              )}
            </select>
          </div>
        </div>
      </form>
      <p class="count" role="status">${t('socialMap.found', { count: hits.length })}</p>
      <ul part="list" class="hits">
        ${hits.map(
          (hit) =>
            html`<li class="card">
              <p class="kind">${t(`socialMap.kind.${hit.kind}`)}</p>
              ${
                hit.kind === 'story'
                  ? this.renderStory(hit.item, 'h3')
                  : html`<h3>
                        <a class="block-link" href=${socialMapHash(hit.item.id)}
                          >${hit.item.name}</a
                        >
                      </h3>
                      <p>${hit.item.summary}</p>
                      ${this.categories(hit.item.categories)}`
              }
            </li>`,
        )}
      </ul>
    </section>`;
  }

  private categories(categories: HelpCategory[]) {
    return html`<p class="categories">
      ${categories.map((c) => html`<span class="chip">${t(`socialMap.category.${c}`)}</span>`)}
    </p>`;
  }

  private renderStory(story: StoryView, level: 'h3' | 'h4') {
    const title = level === 'h3' ? html`<h3>${story.title}</h3>` : html`<h4>${story.title}</h4>`;
    return html`<article class="story" aria-label=${story.title}>
      ${title}
      <p class="prose">${story.text}</p>
      <p class="meta">${story.attribution || t('socialMap.anonymous')}</p>
      ${this.entryActions('story', story.id, story.title)}
    </article>`;
  }

  private renderOrganisation(o: OrganisationView) {
    const map = this.publicSpace?.socialMap;
    const regulations = map?.regulationsOf(o.id) ?? [];
    return html`${this.back()}
      <article class="card" aria-labelledby="entry-title">
        <p class="kind">${t('socialMap.kind.organisation')}</p>
        <h2 id="entry-title" tabindex="-1">${o.name}</h2>
        ${this.categories(o.categories)}
        <p class="lead">${o.summary}</p>
        <dl>
          ${this.fact('socialMap.field.offer', o.offer)}
          ${this.fact('socialMap.field.forWhom', o.forWhom)}
          ${o.openingHours ? this.fact('socialMap.field.openingHours', o.openingHours) : nothing}
          ${o.contact.phone ? this.fact('socialMap.field.phone', o.contact.phone) : nothing}
          ${o.contact.email ? this.fact('socialMap.field.email', o.contact.email) : nothing}
          ${
            o.contact.web
              ? html`<div>
                  <dt>${t('socialMap.field.web')}</dt>
                  <dd>
                    <a class="block-link" href=${o.contact.web} rel="noopener noreferrer"
                      >${o.contact.web}</a
                    >
                  </dd>
                </div>`
              : nothing
          }
          ${
            o.address || o.village
              ? this.fact(
                  'socialMap.field.address',
                  [o.address, o.village].filter(Boolean).join(', '),
                )
              : nothing
          }
        </dl>
        ${this.entryActions('organisation', o.id, o.name)}
      </article>
      ${this.linked('socialMap.helpsWith', regulations)} ${this.stories(o.id)}`;
  }

  private renderRegulation(r: RegulationView) {
    const map = this.publicSpace?.socialMap;
    const organisations = r.organisationIds
      .map((id) => map?.organisations.get(id))
      .filter((o): o is OrganisationView => !!o);
    return html`${this.back()}
      <article class="card" aria-labelledby="entry-title">
        <p class="kind">${t('socialMap.kind.regulation')}</p>
        <h2 id="entry-title" tabindex="-1">${r.name}</h2>
        ${this.categories(r.categories)}
        <p class="lead">${r.summary}</p>
        <dl>
          ${this.fact('socialMap.field.whoQualifies', r.whoQualifies)}
          ${this.fact('socialMap.field.howToApply', r.howToApply)}
          ${
            r.link
              ? html`<div>
                  <dt>${t('socialMap.field.link')}</dt>
                  <dd>
                    <a class="block-link" href=${r.link} rel="noopener noreferrer">${r.link}</a>
                  </dd>
                </div>`
              : nothing
          }
        </dl>
        ${this.entryActions('regulation', r.id, r.name)}
      </article>
      ${this.linked('socialMap.helpedBy', organisations)} ${this.stories(r.id)}`;
  }

  private fact(label: Parameters<typeof t>[0], value: string) {
    return html`<div>
      <dt>${t(label)}</dt>
      <dd class="prose">${value}</dd>
    </div>`;
  }

  private linked(heading: Parameters<typeof t>[0], entries: { id: string; name: string }[]) {
    if (entries.length === 0) return nothing;
    return html`<section class="card" aria-labelledby="linked-heading">
      <h3 id="linked-heading">${t(heading)}</h3>
      <ul class="links">
        ${entries.map((e) => html`<li><a class="block-link" href=${socialMapHash(e.id)}>${e.name}</a></li>`)}
      </ul>
    </section>`;
  }

  private stories(id: string) {
    const stories = this.publicSpace?.socialMap.storiesAbout(id) ?? [];
    if (stories.length === 0) return nothing;
    return html`<section class="card" aria-labelledby="stories-heading">
      <h3 id="stories-heading">${t('socialMap.stories')}</h3>
      ${stories.map((s) => this.renderStory(s, 'h4'))}
    </section>`;
  }

  private entryActions(kind: EntryKind, id: string, name: string) {
    if (!this.writer) return nothing;
    return html`<div class="entry-actions">
      <button
        type="button"
        class="secondary small"
        aria-label=${t('socialMap.editNamed', { name })}
        @click=${() => this.openForm(kind, id)}
      >
        ${t('socialMap.editEntry')}
      </button>
      <button
        type="button"
        class="secondary small"
        aria-label=${t('socialMap.removeNamed', { name })}
        @click=${() => this.removeEntry(kind, id)}
      >
        ${t('socialMap.remove')}
      </button>
    </div>`;
  }

  private async openForm(kind: EntryKind, id: string) {
    this.form = { kind, id };
    await this.updateComplete;
    const form = this.renderRoot.querySelector('bh-social-map-form');
    await form?.updateComplete;
    form?.focusHeading();
  }

  private async onFormDone(event: BhSocialMapDoneEvent) {
    this.form = null;
    if (event.entryId) this.status = t('socialMap.saved');
    await this.updateComplete;
    this.focusHeading();
  }

  private removeEntry(kind: EntryKind, id: string) {
    const me = this.identity?.current;
    const map = this.publicSpace?.socialMap;
    if (!me || !map) return;
    if (kind === 'organisation') map.organisations.remove(id, me);
    else if (kind === 'regulation') map.regulations.remove(id, me);
    else map.stories.remove(id, me);
    this.status = t('socialMap.removed');
    if (id === this.entryId) location.hash = '#sociale-kaart';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-social-map': BhSocialMap;
  }
}
