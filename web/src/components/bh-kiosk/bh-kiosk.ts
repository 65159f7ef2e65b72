/**
 * The kiosk's full-screen crisis view (DESIGN.md §7, issue 5 "Everywhere"): the active
 * alerts of the public space for a large touch screen, one at a time, in very large type
 * with a severity colour band, the same "Officieel" / "Niet geverifieerd" badge as the
 * banner, what to do, the villages, the latest update and a QR code of the alert page on
 * the public URL. Several alerts rotate every 15 s; touching or focusing the view pauses
 * that, and dots plus previous/next/pause buttons work by touch and keyboard. With no
 * active alert it rotates the notice boards (prikborden) the same way, each full screen with
 * a QR code to the board online; a crisis alert always wins. Without boards it shows a calm
 * screen with the neighbourhood's name, the clock and a QR code to join.
 *
 * Shown for `#kiosk` and always in the Electron kiosk window (`window.buurthubKiosk`).
 */
import type { BoardView, CrisisAlertView, PublicSpace } from '@buurthub/shared';
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { publicContext } from '../../app/context.js';
import { boardPublicUrl } from '../../boards/links.js';
import { renderContent } from '../../boards/render-content.js';
import { ClockController, ObserveController } from '../../app/controllers.js';
import { crisisContext } from '../../crisis/context.js';
import type { CrisisService } from '../../crisis/crisis-service.js';
import {
  ROTATE_MS,
  alertPublicUrl,
  joinPublicUrl,
  nextIndex,
  publicBase,
} from '../../crisis/kiosk.js';
import { renderBadge, shownView } from '../../crisis/present.js';
import {
  LocaleController,
  formatDateTime,
  formatRelative,
  formatTime,
  setLocale,
  t,
} from '../../i18n/i18n.js';
import { type IdlePhase, idleOptionsFor, idlePhase } from '../../kiosk/idle.js';
import { ScreenReport } from '../../kiosk/screen-report.js';
import { shownParts } from '../../kiosk/setup.js';
import { renderAlertSummary } from '../bh-crisis-banner/alert-summary.js';
import '../bh-language-switch/bh-language-switch.js';
import '../bh-qr-code/bh-qr-code.js';
import './bh-kiosk-agenda.js';
import './bh-kiosk-moderator.js';
import './bh-kiosk-setup.js';
import './bh-kiosk-status.js';
import { styles } from './bh-kiosk.styles.js';

/** How long a touch keeps the rotation paused. */
const TOUCH_PAUSE_MS = 60_000;
/**
 * The text sizes a visitor can choose (pinch zoom is off in the kiosk window). The choice
 * is the visitor's, like the language: the idle reset returns to normal for the next one.
 */
const TEXT_SIZES = [
  { key: 'normal', scale: 1 },
  { key: 'large', scale: 1.25 },
  { key: 'larger', scale: 1.5 },
] as const;

@customElement('bh-kiosk')
export class BhKiosk extends LitElement {
  static override styles = styles;

  /** The neighbourhood's slug (for the alert links). */
  @property() nb = '';
  /** The neighbourhood's name, shown on the calm screen and in the top bar. */
  @property() name = '';
  /** Erasure after a moderator's delete for real at the kiosk (the app's `requestPurge`). */
  @property({ attribute: false }) purge?: (space: 'community' | 'directory') => Promise<void>;

  @consume({ context: publicContext, subscribe: true })
  @state()
  private publicSpace?: PublicSpace;

  @consume({ context: crisisContext, subscribe: true })
  @state()
  private crisis?: CrisisService;

  @state() private index = 0;
  /** Paused by the pause button (until pressed again). */
  @state() private stopped = false;
  @state() private focusWithin = false;
  @state() private touchedUntil = 0;
  /** The idle reset's phase; only counts while a visitor changed something (idle.ts). */
  @state() private idle: IdlePhase = { phase: 'active' };
  @state() private textSize = 0;
  private lastTouch = Date.now();
  private visitorActive = false;
  private idleTimer: ReturnType<typeof setInterval> | undefined;
  private readonly screenReport = new ScreenReport(window.buurthubKiosk);

  private readonly clock = new ClockController(this, 5_000);
  private rotateTimer: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    new LocaleController(this);
    new ObserveController(
      this,
      () => this.publicSpace,
      (space, changed) => space.crisis.observe(changed),
    );
    // Main waits with restarting for an update while an alert shows (update-policy.ts).
    new ObserveController(
      this,
      () => this.publicSpace,
      (space) => this.screenReport.watchCrisis(space.crisis),
    );
    new ObserveController(
      this,
      () => this.publicSpace,
      (space, changed) => space.settings.observe(changed),
    );
    new ObserveController(
      this,
      () => this.publicSpace,
      (space, changed) => space.boards.observe(changed),
    );
    new ObserveController(
      this,
      () => this.crisis,
      (crisis, changed) => crisis.onChange(changed),
    );
    this.addEventListener('pointerdown', () => {
      this.touchedUntil = Date.now() + TOUCH_PAUSE_MS;
    });
    // Not at pointerdown: ending the countdown gives its room back to the screen, which
    // moves the controls, and the touch must still land on the control it started on.
    this.addEventListener('pointerup', () => this.touched());
    this.addEventListener('pointercancel', () => this.touched());
    this.addEventListener('keydown', () => this.touched());
    this.addEventListener('focusin', () => (this.focusWithin = true));
    this.addEventListener('focusout', (event: FocusEvent) => {
      if (!this.renderRoot.contains(event.relatedTarget as Node | null)) this.focusWithin = false;
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.restartRotation();
    this.idleTimer = setInterval(() => this.checkIdle(), 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.rotateTimer);
    clearInterval(this.idleTimer);
  }

  private touched(): void {
    this.lastTouch = Date.now();
    this.setVisitorActive(true);
    this.idle = { phase: 'active' };
  }

  /** Main waits with restarting for an update while a visitor uses the kiosk too. */
  private setVisitorActive(active: boolean): void {
    this.visitorActive = active;
    this.screenReport.setVisitor(active);
  }

  /** Counts down only after a visitor did something, so an empty hall sees no countdown. */
  private checkIdle(): void {
    if (!this.visitorActive) return;
    const options = idleOptionsFor(window.buurthubKiosk?.idleSeconds);
    const phase = idlePhase(this.lastTouch, Date.now(), options);
    if (phase.phase === 'reset') this.resetVisitor();
    else this.idle = phase;
  }

  /**
   * Back to the home screen for the next visitor: first slide, rotating, in the kiosk's
   * language. Only the visitor's state; the neighbourhood's data stays as it is.
   */
  private resetVisitor(): void {
    this.setVisitorActive(false);
    this.idle = { phase: 'active' };
    this.index = 0;
    this.stopped = false;
    this.touchedUntil = 0;
    this.focusWithin = false;
    this.textSize = 0;
    this.renderRoot.querySelector('bh-kiosk-setup')?.reset();
    this.renderRoot.querySelector('bh-kiosk-moderator')?.reset();
    (document.activeElement as HTMLElement | null)?.blur();
    void setLocale('nl');
    this.restartRotation();
    window.scrollTo(0, 0);
  }

  private renderIdle() {
    if (this.idle.phase !== 'countdown') return nothing;
    return html`<div class="idle" role="alertdialog" aria-labelledby="idle-text" aria-modal="false">
      <p id="idle-text" aria-live="assertive">
        ${t('kiosk.idleCountdown', { seconds: this.idle.secondsLeft })}
      </p>
      <button class="primary" @click=${() => this.touched()}>${t('kiosk.idleStay')}</button>
    </div>`;
  }

  /** Whether the alerts rotate on their own right now. */
  get rotating(): boolean {
    return !this.stopped && !this.focusWithin && Date.now() >= this.touchedUntil;
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  private restartRotation(): void {
    clearInterval(this.rotateTimer);
    this.rotateTimer = setInterval(() => {
      const alerts = this.alerts().length;
      const count = alerts > 0 ? alerts : this.boards().length;
      if (count > 1 && this.rotating) this.index = nextIndex(this.index, count);
    }, ROTATE_MS);
  }

  private alerts(): CrisisAlertView[] {
    return this.publicSpace?.crisis.active(Date.now()) ?? [];
  }

  private boards(): BoardView[] {
    if (!this.shown.boards) return [];
    return this.publicSpace?.boards.list() ?? [];
  }

  /** What kiosk.json lets the home screen show (crisis alerts always). */
  private get shown() {
    return shownParts(window.buurthubKiosk?.show);
  }

  private show(index: number): void {
    this.index = index;
    this.restartRotation();
  }

  private get base(): string {
    return publicBase(location.origin, window.buurthubKiosk);
  }

  private get displayName(): string {
    return this.publicSpace?.settings.get()?.name ?? this.name;
  }

  override updated(): void {
    this.style.setProperty('--kiosk-scale', String(TEXT_SIZES[this.textSize]?.scale ?? 1));
    // The screen makes room for the countdown (bh-kiosk.styles.ts).
    this.toggleAttribute('counting-down', this.idle.phase === 'countdown');
  }

  override render() {
    return html`${this.renderScreen()}${this.renderIdle()}`;
  }

  /** Under every screen: the hub's links and the text size. */
  private renderBar() {
    return html`<footer class="bar">
      <bh-kiosk-status></bh-kiosk-status>
      <bh-kiosk-moderator .nb=${this.nb} .purge=${this.purge}></bh-kiosk-moderator>
      <bh-kiosk-setup></bh-kiosk-setup>
      <div class="text-size" role="group" aria-label=${t('kiosk.textSize')}>
        <span aria-hidden="true" class="text-size-label">${t('kiosk.textSize')}</span>
        ${TEXT_SIZES.map(
          (size, i) =>
            html`<button
              class="secondary size-${size.key}"
              aria-pressed=${i === this.textSize ? 'true' : 'false'}
              @click=${() => (this.textSize = i)}
            >
              ${t(`kiosk.textSize.${size.key}`)}
            </button>`,
        )}
      </div>
    </footer>`;
  }

  private renderScreen() {
    const alerts = this.alerts();
    const now = this.clock.now;
    const clock = html`<time class="clock" datetime=${new Date(now).toISOString()}
      >${formatTime(now)}</time
    >`;
    if (alerts.length === 0) {
      const boards = this.boards();
      return boards.length > 0 ? this.renderBoards(boards, clock) : this.renderCalm(clock);
    }
    const index = Math.min(this.index, alerts.length - 1);
    const alert = alerts[index] as CrisisAlertView;
    return html`<div class="screen alerts">
      <header class="top">
        <h1 tabindex="-1">
          <span class="icon" aria-hidden="true">!</span>${t('crisis.label')}
          <span class="nb">· ${this.displayName}</span>
        </h1>
        <div class="top-end">${clock}<bh-language-switch></bh-language-switch></div>
      </header>
      <section
        class="carousel"
        aria-roledescription=${t('kiosk.carousel')}
        aria-label=${t('kiosk.alertsLabel')}
      >
        ${keyed(alert.id, this.renderAlert(alert, index, alerts.length, now))}
      </section>
      ${alerts.length > 1 ? this.renderControls(alerts, index) : nothing} ${this.renderBar()}
    </div>`;
  }

  private renderBoards(boards: BoardView[], clock: unknown) {
    const index = Math.min(this.index, boards.length - 1);
    const board = boards[index] as BoardView;
    const url = boardPublicUrl(this.base, this.nb, board.id);
    return html`<div class="screen boards">
      <header class="top">
        <p class="boards-title">
          ${t('kiosk.boardsLabel')} <span class="nb">· ${this.displayName}</span>
        </p>
        <div class="top-end">${clock}<bh-language-switch></bh-language-switch></div>
      </header>
      <div class="home">
        <section
          class="carousel"
          aria-roledescription=${t('kiosk.carousel')}
          aria-label=${t('kiosk.boardsLabel')}
        >
          ${keyed(
            board.id,
            html`<article
              class="board"
              aria-roledescription=${t('kiosk.boardSlide')}
              aria-label=${t('kiosk.boardPosition', { n: index + 1, count: boards.length })}
            >
              <div class="board-body">
                <h1 tabindex="-1">${board.title}</h1>
                ${renderContent(this.publicSpace?.boards.content(board.id) ?? [], 2)}
              </div>
              <figure class="qr">
                <bh-qr-code .value=${url} .label=${t('kiosk.boardQr')}></bh-qr-code>
                <figcaption>${t('kiosk.boardQrHint')}</figcaption>
              </figure>
            </article>`,
          )}
        </section>
        ${this.shown.agenda ? html`<bh-kiosk-agenda></bh-kiosk-agenda>` : nothing}
      </div>
      ${boards.length > 1 ? this.renderControls(boards, index, 'board') : nothing}
      ${this.renderBar()}
    </div>`;
  }

  private renderCalm(clock: unknown) {
    const join = joinPublicUrl(this.base);
    return html`<div class="screen calm">
      <header class="top">
        <span></span>
        <div class="top-end"><bh-language-switch></bh-language-switch></div>
      </header>
      <div class="calm-body">
        <div class="calm-text">
          <p class="calm-nb">${this.displayName}</p>
          <h1 tabindex="-1">${t('kiosk.none')}</h1>
          <p class="calm-hint">${t('kiosk.noneHint')}</p>
          <p class="calm-clock">${clock}</p>
        </div>
        ${this.shown.agenda ? html`<bh-kiosk-agenda></bh-kiosk-agenda>` : nothing}
        ${
          this.shown.joinQr
            ? html`<figure class="qr">
                <bh-qr-code .value=${join} .label=${t('kiosk.joinQr')}></bh-qr-code>
                <figcaption>${t('kiosk.joinHint')}</figcaption>
              </figure>`
            : nothing
        }
      </div>
      ${this.renderBar()}
    </div>`;
  }

  private renderAlert(alert: CrisisAlertView, index: number, count: number, now: number) {
    const verification = this.crisis?.verification(alert);
    const view = shownView(alert, verification);
    const url = alertPublicUrl(this.base, this.nb, alert.id);
    return html`<article
      class="alert sev-${view.severity}"
      aria-roledescription=${t('kiosk.slide')}
      aria-label=${t('kiosk.position', { n: index + 1, count })}
    >
      <div class="band">
        <span class="severity-text">${t(`crisis.severity.${view.severity}`)}</span>
        ${view.status !== 'actual' ? html`<span class="status">${t(`crisis.status.${view.status}`)}</span>` : nothing}
        <span class="badge-wrap">${renderBadge(verification)}</span>
      </div>
      <div class="body">
        <div class="text">
          <h2 class="headline">${view.headline}</h2>
          ${renderAlertSummary(view, verification)}
          <p class="updated">
            ${t('crisis.lastUpdated', { time: formatDateTime(view.updatedAt) })}
            (${formatRelative(view.updatedAt, now)})
          </p>
        </div>
        <figure class="qr">
          <bh-qr-code .value=${url} .label=${t('kiosk.alertQr')}></bh-qr-code>
          <figcaption>${t('kiosk.alertQrHint')}</figcaption>
        </figure>
      </div>
    </article>`;
  }

  private renderControls(slides: unknown[], index: number, kind: 'alert' | 'board' = 'alert') {
    const count = slides.length;
    const label = {
      previous: t(kind === 'alert' ? 'kiosk.previous' : 'kiosk.previousBoard'),
      next: t(kind === 'alert' ? 'kiosk.next' : 'kiosk.nextBoard'),
      choose: t(kind === 'alert' ? 'kiosk.choose' : 'kiosk.chooseBoard'),
      position: (n: number) =>
        t(kind === 'alert' ? 'kiosk.position' : 'kiosk.boardPosition', { n, count }),
    };
    return html`<div class="controls">
      <button
        class="secondary nav-button"
        aria-label=${label.previous}
        @click=${() => this.show(nextIndex(index, count, -1))}
      >
        <span aria-hidden="true">‹</span>
      </button>
      <div class="dots" role="group" aria-label=${label.choose}>
        ${slides.map(
          (_, i) =>
            html`<button
              class="dot"
              aria-label=${label.position(i + 1)}
              aria-current=${i === index ? 'true' : 'false'}
              @click=${() => this.show(i)}
            ></button>`,
        )}
      </div>
      <button
        class="secondary nav-button"
        aria-label=${label.next}
        @click=${() => this.show(nextIndex(index, count))}
      >
        <span aria-hidden="true">›</span>
      </button>
      <button class="secondary pause" @click=${() => (this.stopped = !this.stopped)}>
        ${this.stopped ? t('kiosk.play') : t('kiosk.pause')}
      </button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-kiosk': BhKiosk;
  }
}
