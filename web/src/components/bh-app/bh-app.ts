/**
 * The Buurthub app shell: opens the neighbourhood from the URL (`/nb/<slug>/`, default
 * `maasburen`), provides the model, sync state and identity to every component, and lays
 * out the header, crisis banner, navigation and the current view (feed or composer, chosen
 * by the URL hash `#berichten` / `#nieuw`).
 *
 * @fires bh-update-accept - bubbles up from the update toast; the page's SW glue listens
 * @fires bh-update-dismiss - bubbles up from the update toast
 * @csspart main - the main content column
 */
import type { CommunitySpace, PublicSpace } from '@buurthub/shared';
import { provide } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import {
  communityContext,
  identityContext,
  publicContext,
  syncContext,
} from '../../app/context.js';
import { ClockController, ObserveController } from '../../app/controllers.js';
import type { BhPostCreatedEvent } from '../../app/events.js';
import { type IdentityService, LocalIdentity } from '../../app/identity.js';
import { LocaleController, type MessageKey, applyDocumentLocale, t } from '../../i18n/i18n.js';
import {
  type Neighbourhood,
  neighbourhoodFromPath,
  openNeighbourhood,
  syncUrlFor,
} from '../../sync/neighbourhood.js';
import type { SyncStatus } from '../../sync/sync-state.js';
import '../bh-composer/bh-composer.js';
import type { BhComposer } from '../bh-composer/bh-composer.js';
import '../bh-crisis-banner/bh-crisis-banner.js';
import '../bh-feed/bh-feed.js';
import type { BhFeed } from '../bh-feed/bh-feed.js';
import '../bh-header/bh-header.js';
import '../bh-name-dialog/bh-name-dialog.js';
import type { BhNameDialog } from '../bh-name-dialog/bh-name-dialog.js';
import '../bh-update-toast/bh-update-toast.js';
import { styles } from './bh-app.styles.js';

type View = 'feed' | 'compose';
const HASH: Record<View, string> = { feed: '#berichten', compose: '#nieuw' };

function viewFromHash(hash: string): View {
  return hash === HASH.compose ? 'compose' : 'feed';
}

function titleCase(slug: string): string {
  return slug
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

@customElement('bh-app')
export class BhApp extends LitElement {
  static override styles = styles;

  /** The opened neighbourhood; when not set, the app opens the one named in the URL. */
  @property({ attribute: false }) neighbourhood?: Neighbourhood;
  /** A new version of the app is waiting (set by the service-worker glue). */
  @property({ type: Boolean }) updateAvailable = false;

  @provide({ context: communityContext }) @state() private community?: CommunitySpace;
  @provide({ context: publicContext }) @state() private publicSpace?: PublicSpace;
  @provide({ context: syncContext }) @state() private sync?: SyncStatus;
  @provide({ context: identityContext }) private identity: IdentityService = new LocalIdentity(
    (initial) => this.nameDialog.ask(initial),
  );

  @state() private view: View = viewFromHash(location.hash);
  @state() private announcement: MessageKey | '' = '';
  @query('bh-name-dialog') private nameDialog!: BhNameDialog;

  private ownsNeighbourhood = false;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly onHashChange = () => {
    const view = viewFromHash(location.hash);
    if (view === this.view) return;
    this.view = view;
    void this.updateComplete.then(() => this.focusView());
  };

  constructor() {
    super();
    new LocaleController(this);
    new ObserveController(
      this,
      () => this.publicSpace,
      (space, changed) => space.settings.observe(changed),
    );
    new ObserveController(
      this,
      () => this.community,
      (space, changed) => space.observeReadOnly(changed),
    );
    new ObserveController(
      this,
      () => this.publicSpace,
      (space, changed) => space.observeReadOnly(changed),
    );
    new ObserveController(
      this,
      () => this.sync,
      (sync, changed) => sync.onChange(changed),
    );
    new ClockController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    applyDocumentLocale();
    if (!this.neighbourhood) {
      this.neighbourhood = openNeighbourhood(
        neighbourhoodFromPath(location.pathname),
        syncUrlFor(location),
      );
      this.ownsNeighbourhood = true;
    }
    window.addEventListener('hashchange', this.onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    clearTimeout(this.announceTimer);
    if (this.ownsNeighbourhood) {
      this.neighbourhood?.destroy();
      this.neighbourhood = undefined;
      this.ownsNeighbourhood = false;
    }
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('neighbourhood')) {
      this.community = this.neighbourhood?.community;
      this.publicSpace = this.neighbourhood?.publicSpace;
      this.sync = this.neighbourhood?.sync;
    }
  }

  override render() {
    const slug = this.neighbourhood?.slug ?? '';
    const name = this.publicSpace?.settings.get()?.name ?? titleCase(slug);
    document.title = name ? `${name} · ${t('app.title')}` : t('app.title');
    const readOnly = Boolean(this.community?.readOnly || this.publicSpace?.readOnly);
    return html`
      <a class="skip" href="#main" @click=${this.skipToMain}>${t('app.skipToContent')}</a>
      <bh-header .name=${name}></bh-header>
      <bh-crisis-banner></bh-crisis-banner>
      <div class="column">
        <nav aria-label=${t('nav.label')}>
          <ul>
            ${this.navLink('feed', t('nav.feed'))} ${this.navLink('compose', t('nav.compose'))}
          </ul>
        </nav>
        <main id="main" part="main" tabindex="-1">
          ${readOnly ? html`<p class="readonly" role="note">${t('app.readOnly')}</p>` : nothing}
          <p class="announcement ${this.announcement ? 'visible' : ''}" role="status">
            ${this.announcement ? t(this.announcement) : ''}
          </p>
          ${
            this.view === 'compose'
              ? html`<bh-composer
                  .draftKey=${`buurthub:draft:${slug}`}
                  ?readOnly=${readOnly}
                  @bh-post-created=${this.onPostCreated}
                ></bh-composer>`
              : html`<bh-feed
                  ?readOnly=${readOnly}
                  composeHref=${HASH.compose}
                  @bh-comment-created=${() => this.announce('comment.posted')}
                ></bh-feed>`
          }
        </main>
      </div>
      <bh-update-toast
        ?open=${this.updateAvailable}
        @bh-update-dismiss=${() => (this.updateAvailable = false)}
      ></bh-update-toast>
      <bh-name-dialog></bh-name-dialog>
    `;
  }

  private navLink(view: View, label: string) {
    return html`<li>
      <a href=${HASH[view]} aria-current=${this.view === view ? 'page' : 'false'}>${label}</a>
    </li>`;
  }

  private skipToMain(event: Event) {
    // The hash is used for views, so move focus instead of navigating.
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  }

  private onPostCreated(_event: BhPostCreatedEvent) {
    this.announce('composer.posted');
    location.hash = HASH.feed;
  }

  private announce(message: MessageKey) {
    clearTimeout(this.announceTimer);
    this.announcement = message;
    this.announceTimer = setTimeout(() => (this.announcement = ''), 8000);
  }

  private focusView() {
    const view = this.renderRoot.querySelector<BhFeed | BhComposer>('bh-feed, bh-composer');
    view?.focusHeading();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-app': BhApp;
  }
}
