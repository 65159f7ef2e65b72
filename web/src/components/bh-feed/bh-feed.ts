/**
 * The neighbourhood's posts, newest first, each with its comments; narrowed by category,
 * village and a search text (all words must occur in title or body, accents ignored).
 * A `#berichten/<id>` link (`focusPostId`) scrolls to that post and moves focus to it, also
 * when the post arrives through sync after the feed opened.
 *
 * The list is virtualised (@lit-labs/virtualizer, scrolling with the page): only the cards
 * on and near the screen are in the DOM, so five years of a busy neighbourhood cost what a
 * screenful costs. Each item carries aria-posinset/aria-setsize, so a screen reader still
 * hears "post 12 of 25,000".
 *
 * @csspart list - the list of posts
 */
import {
  CATEGORIES,
  type Category,
  type CommunitySpace,
  type PostFilter,
  type PostView,
  type PublicSpace,
} from '@buurthub/shared';
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { flow } from '@lit-labs/virtualizer/layouts/flow.js';
import { virtualize, virtualizerRef } from '@lit-labs/virtualizer/virtualize.js';
import { communityContext, publicContext, syncContext } from '../../app/context.js';
import { ClockController, ObserveController } from '../../app/controllers.js';
import { LocaleController, t } from '../../i18n/i18n.js';
import '../bh-post-card/bh-post-card.js';
import { ModerationVisibility } from '../../moderation/visibility.js';
import type { SyncStatus } from '../../sync/sync-state.js';
import type { BhPostCard } from '../bh-post-card/bh-post-card.js';
import { styles } from './bh-feed.styles.js';

/** The list element as the virtualizer leaves it: with a reference to itself. */
type VirtualList = HTMLElement & {
  [virtualizerRef]?: {
    element(index: number): { scrollIntoView(options?: ScrollIntoViewOptions): void } | undefined;
    layoutComplete: Promise<void>;
  };
};

@customElement('bh-feed')
export class BhFeed extends LitElement {
  static override styles = styles;

  /** No writing (schema too new): hides the comment forms. */
  @property({ type: Boolean }) readOnly = false;
  /** Link target of the "write a post" call to action in the empty state. */
  @property() composeHref = '#nieuw';
  /** The post a deep link points at: scrolled to and focused once it is there. */
  @property() focusPostId?: string;

  @consume({ context: communityContext, subscribe: true })
  @state()
  private community?: CommunitySpace;

  @consume({ context: publicContext, subscribe: true })
  @state()
  private publicSpace?: PublicSpace;

  /** Until the device's copy is read, no posts does not mean an empty neighbourhood. */
  @consume({ context: syncContext, subscribe: true })
  @state()
  private sync?: SyncStatus;

  @state() private category: Category | '' = '';
  @state() private village = '';
  @state() private query = '';

  private readonly clock = new ClockController(this);
  /** Posts hidden by moderation are left out (their author and moderators still see them). */
  private readonly visibility = new ModerationVisibility(this);
  /** The posts of the last render, in order (to find a deep-linked post's place). */
  private posts: PostView[] = [];

  constructor() {
    super();
    new LocaleController(this);
    new ObserveController(
      this,
      () => this.community,
      (space, changed) => space.posts.observe(changed),
    );
    new ObserveController(
      this,
      () => this.publicSpace,
      (space, changed) => space.settings.observe(changed),
    );
    // Only the moment the copy is read matters here, not every change of the connection.
    new ObserveController(
      this,
      () => this.sync,
      (sync, changed) => {
        let loaded = sync.loaded;
        return sync.onChange(() => {
          if (loaded !== sync.loaded) changed();
          loaded = sync.loaded;
        });
      },
    );
  }

  /** The deep-linked post not focused yet (it may still be on its way). */
  private pendingFocus: string | undefined;

  /** Moves focus to the feed heading, or to the linked post (after a view change). */
  focusHeading(): void {
    if (this.pendingFocus || this.focusPostId) {
      this.pendingFocus = this.focusPostId;
      void this.focusPending();
      return;
    }
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('focusPostId') && this.focusPostId) {
      this.pendingFocus = this.focusPostId;
      // A linked post is shown whatever the filters were.
      this.category = '';
      this.village = '';
      this.query = '';
    }
  }

  protected override updated(): void {
    if (this.pendingFocus) void this.focusPending();
  }

  private async focusPending(): Promise<void> {
    const id = this.pendingFocus;
    if (!id) return;
    const card = Array.from(this.renderRoot.querySelectorAll<BhPostCard>('bh-post-card')).find(
      (c) => c.post?.id === id,
    );
    const virtualizer = this.renderRoot.querySelector<VirtualList>('ol.list')?.[virtualizerRef];
    if (!card) {
      // Not rendered yet: scroll the virtual list to it; the next update focuses it.
      const index = this.posts.findIndex((p) => p.id === id);
      if (index >= 0) virtualizer?.element(index)?.scrollIntoView({ block: 'start' });
      return;
    }
    this.pendingFocus = undefined;
    await card.updateComplete;
    // Cards above it may still be measured and move it: focus once the layout settled.
    // The virtualizer rejects it when the feed is left first: then there is nothing to focus.
    const settled =
      (await virtualizer?.layoutComplete.then(
        () => true,
        () => false,
      )) ?? true;
    if (settled) card.focusPost();
  }

  /** The virtual list rendered other posts: the deep-linked one may be among them now. */
  private readonly onVisibilityChanged = () => {
    if (this.pendingFocus) requestAnimationFrame(() => void this.focusPending());
  };

  override render() {
    const filter: PostFilter = {
      ...(this.category ? { category: this.category } : {}),
      ...(this.village ? { village: this.village } : {}),
      ...(this.query.trim() ? { query: this.query } : {}),
    };
    const filtered = Object.keys(filter).length > 0;
    const posts = (this.community?.posts.list(filter) ?? []).filter((p) =>
      this.visibility.shows(p.id, p.author.id),
    );
    this.posts = posts;
    const villages = this.publicSpace?.settings.get()?.villages ?? [];
    return html`<section aria-labelledby="feed-heading">
      <h2 id="feed-heading" tabindex="-1">${t('feed.heading')}</h2>
      <form
        class="filters"
        role="search"
        aria-label=${t('feed.filters')}
        @submit=${(e: Event) => e.preventDefault()}
      >
        <div class="filter search">
          <label for="feed-search">${t('feed.search')}</label>
          <input
            id="feed-search"
            type="search"
            .value=${this.query}
            @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="filter">
          <label for="feed-category">${t('feed.category')}</label>
          <select
            id="feed-category"
            @change=${(e: Event) =>
              (this.category = (e.target as HTMLSelectElement).value as Category | '')}
          >
            <option value="" ?selected=${this.category === ''}>${t('feed.allCategories')}</option>
            ${CATEGORIES.map(
              (c) =>
                html`<option value=${c} ?selected=${this.category === c}>
                  ${t(`category.${c}`)}
                </option>`,
            )}
          </select>
        </div>
        ${
          villages.length > 0
            ? html`<div class="filter">
                <label for="feed-village">${t('feed.village')}</label>
                <select
                  id="feed-village"
                  @change=${(e: Event) => (this.village = (e.target as HTMLSelectElement).value)}
                >
                  <option value="" ?selected=${this.village === ''}>
                    ${t('feed.allVillages')}
                  </option>
                  ${villages.map(
                    (v) => html`<option value=${v} ?selected=${this.village === v}>${v}</option>`,
                  )}
                </select>
              </div>`
            : nothing
        }
      </form>
      <p class="count" role="status">
        ${filtered ? t('feed.results', { count: posts.length }) : ''}
      </p>
      ${
        posts.length === 0 && filtered
          ? html`<div class="empty"><p>${t('feed.noResults')}</p></div>`
          : posts.length === 0 && this.sync && !this.sync.loaded
            ? html`<p class="loading" role="status">${t('feed.loading')}</p>`
            : posts.length === 0
              ? html`<div class="empty">
                  <p>${t('feed.empty')}</p>
                  ${
                    this.readOnly
                      ? ''
                      : html`<a class="cta" href=${this.composeHref}>${t('feed.writeFirst')}</a>`
                  }
                </div>`
              : html`<ol part="list" class="list" @visibilityChanged=${this.onVisibilityChanged}>
                  ${virtualize({
                    items: posts,
                    // Given, not left to the virtualizer's own lazy import of it.
                    layout: flow(),
                    keyFunction: (p: PostView) => p.id,
                    renderItem: (p: PostView, index: number) =>
                      html`<li aria-posinset=${index + 1} aria-setsize=${posts.length}>
                        <bh-post-card
                          .post=${p}
                          .now=${this.clock.now}
                          ?readOnly=${this.readOnly}
                        ></bh-post-card>
                      </li>`,
                  })}
                </ol>`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-feed': BhFeed;
  }
}
