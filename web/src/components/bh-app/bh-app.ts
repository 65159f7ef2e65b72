/**
 * The Buurthub app shell: routes by path (`/join/<code>` redeems an invite, `/nb/<slug>/`
 * opens a neighbourhood, `/` the last joined one or `maasburen`), provides the model, sync
 * state, member sessions and identity to every component, and lays out the header, crisis
 * banner, navigation and the current view (feed, composer, agenda, notice boards,
 * participation rounds, the members' directory, the social map, and for moderators and
 * officials invites and impact figures; chosen by the URL hash, see app/route.ts). Notice
 * boards and the social map are public: guests read them too.
 *
 * Access follows the member session of the neighbourhood (see docs/architecture.md,
 * "Identity in the PWA"): members sync with their token, which is refreshed when due and
 * swapped into the providers; guests see the public space and a "word lid" panel; only the
 * demo neighbourhood lets a device without a session write, under an unverified name.
 *
 * @fires bh-update-accept - bubbles up from the update toast; the page's SW glue listens
 * @fires bh-update-dismiss - bubbles up from the update toast
 * @csspart main - the main content column
 */
import {
  type CommunitySpace,
  type DirectorySpace,
  type ModerationSpace,
  type PublicSpace,
  canModerate,
  isMember,
} from '@buurthub/shared';
import { provide } from '@lit/context';
import { LitElement, type PropertyValues, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import {
  communityContext,
  directoryContext,
  identityContext,
  mediaContext,
  publicContext,
  sessionsContext,
  syncContext,
} from '../../app/context.js';
import { ClockController, ObserveController } from '../../app/controllers.js';
import type { BhJoinedEvent, BhPostCreatedEvent } from '../../app/events.js';
import { LocalIdentity } from '../../app/identity.js';
import { loadViews, viewReady } from '../../app/lazy-views.js';
import {
  type HashRoute,
  type Route,
  type View,
  feedPath,
  routeFromHash,
  routeFromPath,
} from '../../app/route.js';
import { browserSessions } from '../../identity/app-sessions.js';
import { deviceKey } from '../../identity/device-key.js';
import { mayInvite } from '../../identity/invites.js';
import { MemberIdentity } from '../../identity/member-identity.js';
import type { Sessions } from '../../identity/session.js';
import { LocaleController, type MessageKey, applyDocumentLocale, t } from '../../i18n/i18n.js';
import { MediaUploads } from '../../media/uploads.js';
import {
  type Access,
  DEMO_NEIGHBOURHOOD,
  type Neighbourhood,
  openNeighbourhood,
  syncUrlFor,
} from '../../sync/neighbourhood.js';
import type { SyncStatus } from '../../sync/sync-state.js';
import type { BhAccount } from '../bh-account/bh-account.js';
import { BoardSession } from '../../boards/board-session.js';
import { boardSessionContext } from '../../boards/context.js';
import type { BhBoards } from '../bh-boards/bh-boards.js';
import type { BhAgenda } from '../bh-agenda/bh-agenda.js';
import { crisisContext } from '../../crisis/context.js';
import { type CrisisRoute, crisisRouteFromHash } from '../../crisis/crisis-route.js';
import type { CrisisService } from '../../crisis/crisis-service.js';
import { isKioskView } from '../../crisis/kiosk.js';
import { hubSyncUrl } from '../../kiosk/hub.js';
import { KioskSessions } from '../../kiosk/moderator-sign-in.js';
import { KioskWindowToken } from '../../kiosk/window-token.js';
import { openCrisis } from '../../crisis/open-crisis.js';
import '../bh-composer/bh-composer.js';
import type { BhComposer } from '../bh-composer/bh-composer.js';
import '../bh-crisis-banner/bh-crisis-banner.js';
import '../bh-moderation-warnings/bh-moderation-warnings.js';
import '../bh-feed/bh-feed.js';
import type { BhFeed } from '../bh-feed/bh-feed.js';
import '../bh-header/bh-header.js';
import type { BhInvite } from '../bh-invite/bh-invite.js';
import type { BhJoin } from '../bh-join/bh-join.js';
import type { BhKiosk } from '../bh-kiosk/bh-kiosk.js';
import type { BhDirectory } from '../bh-directory/bh-directory.js';
import type { BhImpact } from '../bh-impact/bh-impact.js';
import '../bh-name-dialog/bh-name-dialog.js';
import type { BhSocialMap } from '../bh-social-map/bh-social-map.js';
import type { BhParticipation } from '../bh-participation/bh-participation.js';
import type { BhNameDialog } from '../bh-name-dialog/bh-name-dialog.js';
import '../bh-this-week/bh-this-week.js';
import { moderationContext } from '../../moderation/context.js';
import type { BhModerationLog } from '../bh-moderation-log/bh-moderation-log.js';
import type { BhKioskApprove } from '../bh-kiosk-approve/bh-kiosk-approve.js';
import type { BhModerationQueue } from '../bh-moderation-queue/bh-moderation-queue.js';
import '../bh-update-toast/bh-update-toast.js';
import { styles } from './bh-app.styles.js';

const HASH: Record<View, string> = {
  feed: '#berichten',
  compose: '#nieuw',
  invite: '#uitnodigen',
  agenda: '#agenda',
  boards: '#prikborden',
  participation: '#meedoen',
  directory: '#buren',
  socialMap: '#sociale-kaart',
  impact: '#impact',
  account: '#account',
  moderation: '#moderatie',
  moderationLog: '#moderatie/logboek',
  kioskApprove: '#kiosk-koppelen',
};

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
  @provide({ context: directoryContext }) @state() private directory?: DirectorySpace;
  @provide({ context: moderationContext }) @state() private moderation?: ModerationSpace;
  @provide({ context: publicContext }) @state() private publicSpace?: PublicSpace;
  @provide({ context: syncContext }) @state() private sync?: SyncStatus;
  @provide({ context: mediaContext }) @state() private media?: MediaUploads;
  @provide({ context: crisisContext }) @state() private crisis?: CrisisService;
  @provide({ context: boardSessionContext }) @state() private boardSession?: BoardSession;
  @state() private crisisRoute: CrisisRoute | null = crisisRouteFromHash(location.hash);
  /** The kiosk's full-screen crisis view (`#kiosk`, or always in the kiosk window). */
  @state() private kiosk = isKioskView(location.hash, window.buurthubKiosk);
  private readonly onCrisisHash = () => {
    this.kiosk = isKioskView(location.hash, window.buurthubKiosk);
    this.crisisRoute = crisisRouteFromHash(location.hash);
    if (this.crisisRoute) void this.updateComplete.then(() => this.focusView());
  };
  /** The kiosk window keeps a signed-in moderator in memory only (kiosk/moderator-sign-in.ts). */
  @provide({ context: sessionsContext }) private sessions: Sessions =
    window.buurthubKiosk?.isKiosk === true ? new KioskSessions() : browserSessions();
  @provide({ context: identityContext }) private identity = new MemberIdentity(
    this.sessions,
    new LocalIdentity((initial) => this.nameDialog.ask(initial)),
  );

  @state() private route: Route = routeFromPath(
    location.pathname,
    this.sessions.lastNeighbourhood(),
  );
  @state() private hashRoute: HashRoute = routeFromHash(location.hash);
  @state() private announcement: MessageKey | '' = '';
  @query('bh-name-dialog') private nameDialog!: BhNameDialog;

  private ownsNeighbourhood = false;
  /** In the kiosk window: the hub's `kiosk` token for it (web/src/kiosk/window-token.ts). */
  private readonly kioskToken = new KioskWindowToken(this, window.buurthubKiosk, () => {
    const nb = this.neighbourhood?.slug;
    if (nb && this.ownsNeighbourhood) this.neighbourhood?.setAccess(this.accessFor(nb));
  });
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshTimer: ReturnType<typeof setInterval> | undefined;
  private neighbourhoodOffs: (() => void)[] = [];
  private offSessions: (() => void) | undefined;
  private readonly onPopState = () => this.go(location.pathname, false);
  private readonly onOnline = () => this.refreshIfDue();
  private readonly onHashChange = () => {
    const next = routeFromHash(location.hash);
    if (JSON.stringify(next) === JSON.stringify(this.hashRoute)) return;
    this.hashRoute = next;
    void this.updateComplete.then(() => this.focusView());
  };

  private get view(): View {
    return this.hashRoute.view;
  }

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
    // The device key is made on first start; a browser without Ed25519 hears it at joining.
    deviceKey().catch(() => undefined);
    this.offSessions = this.sessions.onChange((nb) => {
      if (nb === this.neighbourhood?.slug && this.ownsNeighbourhood) {
        this.neighbourhood.setAccess(this.accessFor(nb));
      }
      // A new token lets photos that waited for one go up.
      if (nb === this.media?.nb) void this.media.resume();
      this.requestUpdate();
    });
    if (!this.neighbourhood) this.openRoute();
    else this.watchNeighbourhood(this.neighbourhood);
    window.addEventListener('hashchange', this.onHashChange);
    window.addEventListener('popstate', this.onPopState);
    window.addEventListener('online', this.onOnline);
    this.refreshTimer = setInterval(() => this.refreshIfDue(), 3600_000);
    window.addEventListener('hashchange', this.onCrisisHash);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    window.removeEventListener('popstate', this.onPopState);
    window.removeEventListener('online', this.onOnline);
    clearInterval(this.refreshTimer);
    window.removeEventListener('hashchange', this.onCrisisHash);
    this.crisis?.destroy();
    clearTimeout(this.announceTimer);
    this.offSessions?.();
    this.closeNeighbourhood();
    this.media?.destroy();
    this.media = undefined;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('neighbourhood')) {
      this.community = this.neighbourhood?.community;
      this.directory = this.neighbourhood?.directory;
      this.moderation = this.neighbourhood?.moderation;
      this.publicSpace = this.neighbourhood?.publicSpace;
      this.sync = this.neighbourhood?.sync;
      this.boardSession =
        this.neighbourhood && new BoardSession(this.neighbourhood.publicConnection);
      this.media?.destroy();
      const slug = this.neighbourhood?.slug;
      this.media = slug
        ? new MediaUploads({
            nb: slug,
            token: () => this.sessions.usableToken(slug),
            online: () => navigator.onLine,
          })
        : undefined;
      this.identity.open(this.neighbourhood?.slug ?? null, this.neighbourhood?.mode ?? 'guest');
      this.crisis?.destroy();
      this.crisis =
        slug && this.publicSpace ? openCrisis(slug, this.publicSpace, this.sessions) : undefined;
    }
  }

  protected override updated(changed: PropertyValues): void {
    // Views other than the feed arrive as their own chunks, on first use (app/lazy-views.ts).
    loadViews(this.renderRoot);
    if (changed.has('hashRoute') || changed.has('crisisRoute')) this.revealCurrentNavLink();
  }

  /**
   * On a phone the menu scrolls sideways: bring the entry of the view shown into sight, by
   * scrolling the menu only (scrollIntoView could scroll the page up to the menu too).
   */
  private revealCurrentNavLink() {
    const list = this.renderRoot.querySelector<HTMLElement>('nav ul');
    const item = list?.querySelector('a[aria-current="page"]')?.parentElement;
    if (!list || !item || list.scrollWidth <= list.clientWidth) return;
    const start = item.offsetLeft;
    const end = start + item.offsetWidth;
    if (start >= list.scrollLeft && end <= list.scrollLeft + list.clientWidth) return;
    list.scrollLeft = start - (list.clientWidth - item.offsetWidth) / 2;
  }

  protected override firstUpdated(): void {
    // Arriving from an invite link: straight to the field still to fill in.
    if (this.route.kind === 'join') void this.updateComplete.then(() => this.focusView());
  }

  /** What this device may do in `slug`: by its session, else demo or guest. */
  private accessFor(slug: string): Access {
    const session = this.sessions.get(slug);
    // The kiosk window holds no personal data, whoever is signed in on it (issue 8).
    const kioskWindow = window.buurthubKiosk?.isKiosk === true;
    if (session) {
      const token = this.sessions.usableToken(slug);
      // A moderator signed in on the kiosk moderates there, without the directory.
      return {
        mode: 'member',
        token,
        directory: isMember(session.role) && !kioskWindow,
        moderation: kioskWindow && canModerate(session.role),
      };
    }
    const windowToken = kioskWindow ? this.kioskToken.token : null;
    if (windowToken) return { mode: 'member', token: windowToken, directory: false };
    const demo = slug === DEMO_NEIGHBOURHOOD;
    return { mode: demo ? 'demo' : 'guest', token: null, directory: demo && !kioskWindow };
  }

  /** Opens what the current route needs (a neighbourhood, or nothing for the join page). */
  private openRoute(): void {
    this.closeNeighbourhood();
    if (this.route.kind !== 'neighbourhood') return;
    const { slug } = this.route;
    const neighbourhood = openNeighbourhood(
      slug,
      // Inside the kiosk window the relay is the embedded hub, not the app:// origin.
      hubSyncUrl(window.buurthubKiosk) ?? syncUrlFor(location),
      this.accessFor(slug),
    );
    this.ownsNeighbourhood = true;
    this.neighbourhood = neighbourhood;
    this.watchNeighbourhood(neighbourhood);
    this.refreshIfDue();
  }

  private watchNeighbourhood(neighbourhood: Neighbourhood): void {
    this.neighbourhoodOffs = [
      neighbourhood.onChange(() => {
        this.community = neighbourhood.community;
        this.directory = neighbourhood.directory;
        this.moderation = neighbourhood.moderation;
        this.identity.open(neighbourhood.slug, neighbourhood.mode);
        this.requestUpdate();
      }),
      // The relay keeps refusing the connection: ask it over HTTP whether the token is still
      // good. A 401 there marks the session as needing a new invite, which the UI shows.
      neighbourhood.onTokenSuspect(() => void this.sessions.refresh(neighbourhood.slug)),
    ];
  }

  private closeNeighbourhood(): void {
    this.neighbourhoodOffs.forEach((off) => off());
    this.neighbourhoodOffs = [];
    if (this.ownsNeighbourhood) {
      this.neighbourhood?.destroy();
      this.neighbourhood = undefined;
      this.ownsNeighbourhood = false;
    }
  }

  private refreshIfDue(): void {
    const slug = this.neighbourhood?.slug;
    if (slug) void this.sessions.refreshIfDue(slug);
  }

  /** In-app navigation to `path` (pushes history unless it came from the history). */
  private go(path: string, push = true): void {
    if (push) history.pushState(null, '', path);
    const next = routeFromPath(location.pathname, this.sessions.lastNeighbourhood());
    this.hashRoute = routeFromHash(location.hash);
    const same =
      next.kind === this.route.kind &&
      (next.kind === 'join'
        ? next.code === (this.route as { code: string }).code
        : next.slug === (this.route as { slug: string }).slug);
    this.route = next;
    if (!same) this.openRoute();
    void this.updateComplete.then(() => this.focusView());
  }

  private onRouteLink(event: MouseEvent): void {
    const link = event.currentTarget as HTMLAnchorElement;
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    this.go(link.pathname + link.hash);
  }

  private onJoined(event: BhJoinedEvent): void {
    this.go(feedPath(event.session.nb));
    this.announce('join.welcome');
  }

  override render() {
    if (this.route.kind === 'join') {
      document.title = `${t('join.pageTitle')} · ${t('app.title')}`;
      return html`
        <button type="button" class="skip" @click=${this.skipToMain}>
          ${t('app.skipToContent')}
        </button>
        <bh-header .name=${t('join.pageTitle')} hideSync></bh-header>
        <div class="column">
          <main id="main" part="main" tabindex="-1" class="join-page">
            <bh-join .code=${this.route.code} @bh-joined=${this.onJoined}></bh-join>
          </main>
        </div>
        ${this.renderChrome()}
      `;
    }
    const slug = this.neighbourhood?.slug ?? '';
    const name = this.publicSpace?.settings.get()?.name ?? titleCase(slug);
    document.title = name ? `${name} · ${t('app.title')}` : t('app.title');
    if (this.kiosk) {
      return html`<main id="main" part="main" tabindex="-1" class="kiosk">
        <bh-kiosk
          .nb=${slug}
          .name=${name}
          .purge=${(space: 'community' | 'directory') => this.requestPurge(space)}
        ></bh-kiosk>
      </main>`;
    }
    const readOnly = Boolean(this.community?.readOnly || this.publicSpace?.readOnly);
    const guest = this.neighbourhood?.mode === 'guest';
    const needsInvite = this.sessions.get(slug)?.needsInvite === true;
    return html`
      <button type="button" class="skip" @click=${this.skipToMain}>
        ${t('app.skipToContent')}
      </button>
      <bh-header .name=${name}></bh-header>
      <bh-crisis-banner></bh-crisis-banner>
      <bh-moderation-warnings></bh-moderation-warnings>
      <div class="column">
        ${
          guest
            ? // What a guest may read: the way in, and the public notice boards and social map.
              html`<nav aria-label=${t('nav.label')}>
                <ul>
                  ${this.navLink('feed', t('nav.join'))} ${this.navLink('boards', t('nav.boards'))}
                  ${this.navLink('socialMap', t('nav.socialMap'))}
                </ul>
              </nav>`
            : html`<nav aria-label=${t('nav.label')}>
                <ul>
                  ${this.navLink('feed', t('nav.feed'))} ${this.navLink('agenda', t('nav.agenda'))}
                  ${this.navLink('boards', t('nav.boards'))}
                  ${this.navLink('participation', t('nav.participation'))}
                  ${this.directory ? this.navLink('directory', t('nav.directory')) : nothing}
                  ${this.navLink('socialMap', t('nav.socialMap'))}
                  ${this.canInvite(slug) ? this.navLink('impact', t('nav.impact')) : nothing}
                  ${this.renderModerationLink(slug)} ${this.navLink('compose', t('nav.compose'))}
                  ${this.canInvite(slug) ? this.navLink('invite', t('nav.invite')) : nothing}
                  ${this.canInvite(slug) ? this.navLink('kioskApprove', t('kioskApprove.nav')) : nothing}
                  ${this.sessions.get(slug) ? this.navLink('account', t('nav.account')) : nothing}
                  ${this.crisis?.publisher() ? html`<li><a href="#crisis" aria-current=${this.crisisRoute ? 'page' : 'false'}>${t('nav.crisis')}</a></li>` : nothing}
                </ul>
              </nav>`
        }
        <main
          id="main"
          part="main"
          tabindex="-1"
          class=${guest ? 'guest' : ''}
          @bh-report-sent=${this.onReportSent}
        >
          ${readOnly ? html`<p class="readonly" role="note">${t('app.readOnly')}</p>` : nothing}
          ${
            needsInvite
              ? html`<div class="needs-invite" role="alert">
                  <p>${t('session.needsInvite')}</p>
                  <a href="/join/" @click=${this.onRouteLink}>${t('session.enterNewCode')}</a>
                </div>`
              : nothing
          }
          <p class="announcement ${this.announcement ? 'visible' : ''}" role="status">
            ${this.announcement ? t(this.announcement) : ''}
          </p>
          ${this.crisisRoute ? html`<bh-crisis-page></bh-crisis-page>` : this.hashRoute.view === 'boards' ? this.renderBoards(slug, name, readOnly) : this.hashRoute.view === 'socialMap' ? this.renderSocialMap(slug, readOnly) : guest ? this.renderGuest() : this.renderView(slug, readOnly)}
        </main>
      </div>
      ${this.renderChrome()}
    `;
  }

  /** Guests may not read the community: a friendly way in instead of the posts. */
  private renderGuest() {
    return html`<bh-join variant="panel" @bh-joined=${this.onJoined}></bh-join>`;
  }

  /** Notice boards are public: guests read them too (from a poster's QR code, say). */
  private renderBoards(slug: string, name: string, readOnly: boolean) {
    const route = this.hashRoute as Extract<HashRoute, { view: 'boards' }>;
    return html`<bh-boards
      .route=${route}
      .nb=${slug}
      .name=${name}
      ?readOnly=${readOnly}
    ></bh-boards>`;
  }

  /** The social map is public too: help is for everybody, also without an account. */
  private renderSocialMap(slug: string, readOnly: boolean) {
    const route = this.hashRoute as Extract<HashRoute, { view: 'socialMap' }>;
    return html`<bh-social-map
      .entryId=${route.entryId ?? ''}
      .nb=${slug}
      ?readOnly=${readOnly}
    ></bh-social-map>`;
  }

  /** Moderators and officials with a member session may invite; the relay checks again. */
  private canInvite(slug: string): boolean {
    return this.neighbourhood?.mode === 'member' && mayInvite(this.sessions.get(slug)?.role);
  }

  private renderView(slug: string, readOnly: boolean) {
    if (this.view === 'invite' && this.canInvite(slug)) {
      return html`<bh-invite .nb=${slug}></bh-invite>`;
    }
    const route = this.hashRoute;
    if (route.view === 'agenda') {
      return html`<bh-agenda .route=${route} .nb=${slug} ?readOnly=${readOnly}></bh-agenda>`;
    }
    if (route.view === 'directory' && this.directory) {
      return html`<bh-directory .route=${route} .nb=${slug} ?readOnly=${readOnly}></bh-directory>`;
    }
    if (route.view === 'impact') return html`<bh-impact .nb=${slug}></bh-impact>`;
    if (route.view === 'account') {
      return html`<bh-account
        .nb=${slug}
        .purge=${(space: 'community' | 'directory') => this.requestPurge(space)}
        @bh-account-deleted=${this.onAccountDeleted}
      ></bh-account>`;
    }
    if (route.view === 'moderation') {
      return html`<bh-moderation-queue
        .nb=${slug}
        ?readOnly=${readOnly}
        .purge=${(space: 'community' | 'directory') => this.requestPurge(space)}
      ></bh-moderation-queue>`;
    }
    if (route.view === 'moderationLog') return html`<bh-moderation-log></bh-moderation-log>`;
    if (route.view === 'kioskApprove') {
      return html`<bh-kiosk-approve .nb=${slug} .code=${route.code}></bh-kiosk-approve>`;
    }
    if (route.view === 'participation') {
      return html`<bh-participation
        .route=${route}
        .nb=${slug}
        ?readOnly=${readOnly}
      ></bh-participation>`;
    }
    return this.view === 'compose'
      ? html`<bh-composer
          .draftKey=${`buurthub:draft:${slug}`}
          ?readOnly=${readOnly}
          @bh-post-created=${this.onPostCreated}
        ></bh-composer>`
      : html`<bh-this-week></bh-this-week>
          <bh-feed
            ?readOnly=${readOnly}
            .focusPostId=${route.view === 'feed' ? route.postId : undefined}
            composeHref=${HASH.compose}
            @bh-comment-created=${() => this.announce('comment.posted')}
            @bh-post-removed=${this.onPostRemoved}
          ></bh-feed>`;
  }

  /** Moderators and officials reach the queue (and its log); other members the log. */
  private renderModerationLink(slug: string) {
    if (!this.moderation) return nothing;
    const role = this.sessions.get(slug)?.role;
    return role && canModerate(role)
      ? this.navLink('moderation', t('nav.moderation'))
      : this.navLink('moderationLog', t('nav.moderationLog'));
  }

  private renderChrome() {
    return html`<bh-update-toast
        ?open=${this.updateAvailable}
        @bh-update-dismiss=${() => (this.updateAvailable = false)}
      ></bh-update-toast>
      <bh-name-dialog></bh-name-dialog>`;
  }

  private navLink(view: View, label: string) {
    return html`<li>
      <a href=${HASH[view]} aria-current=${this.view === view ? 'page' : 'false'}>${label}</a>
    </li>`;
  }

  /**
   * The skip link is a button: `main` lives in this shadow root, where a `#main` link cannot
   * reach it (fragments resolve in the document only; axe and Lighthouse flag it as a skip
   * link without a target), and the hash is used for views. So it moves focus itself.
   */
  private skipToMain() {
    this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  }

  /** Erasure: the relay purges the room, and the member hears when it is gone for good. */
  private onPostRemoved() {
    this.announce('post.removed');
    void this.requestPurge('community').then(() => this.announce('post.erased'));
  }

  private requestPurge(space: 'community' | 'directory'): Promise<void> {
    return this.neighbourhood?.requestPurge(space) ?? Promise.reject(new Error('no neighbourhood'));
  }

  /** The account is gone: this device becomes a guest of the neighbourhood. */
  private onAccountDeleted() {
    const slug = this.neighbourhood?.slug;
    if (slug) this.sessions.forget(slug);
    this.announce('account.delete.done');
  }

  private onPostCreated(_event: BhPostCreatedEvent) {
    this.announce('composer.posted');
    location.hash = HASH.feed;
  }

  /** A report can take the item out of the view at once: confirm it, keep focus in the view. */
  private onReportSent() {
    this.announce('report.thanks');
    void this.updateComplete.then(() =>
      requestAnimationFrame(() => {
        if (document.activeElement === document.body) this.focusView();
      }),
    );
  }

  private announce(message: MessageKey) {
    clearTimeout(this.announceTimer);
    this.announcement = message;
    this.announceTimer = setTimeout(() => (this.announcement = ''), 8000);
  }

  private focusView() {
    if (this.route.kind === 'join') {
      const join = this.renderRoot.querySelector<BhJoin>('bh-join');
      if (join) void viewReady(join).then((j) => j.focusFirstField());
      return;
    }
    const view = this.renderRoot.querySelector<
      | BhFeed
      | BhComposer
      | BhJoin
      | BhInvite
      | BhAgenda
      | BhKiosk
      | BhBoards
      | BhParticipation
      | BhDirectory
      | BhSocialMap
      | BhImpact
      | BhAccount
      | BhModerationQueue
      | BhModerationLog
      | BhKioskApprove
    >(
      'bh-kiosk, bh-account, bh-feed, bh-composer, bh-join, bh-invite, bh-agenda, bh-boards, bh-crisis-page, bh-participation, bh-directory, bh-social-map, bh-impact, bh-moderation-queue, bh-moderation-log, bh-kiosk-approve',
    );
    if (view) void viewReady(view).then((v) => v.focusHeading());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-app': BhApp;
  }
}
