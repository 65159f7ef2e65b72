/**
 * A buurtverbinder at the kiosk (issue 7): the "Buurtverbinder" button asks the hub for a
 * sign-in code and shows it large, with a QR code into the app's approval view and a
 * countdown; the kiosk polls until the moderator approved it on their phone
 * (web/src/kiosk/moderator-sign-in.ts). Signed in, the bar says who it is and offers the
 * moderation queue (the app's own `bh-moderation-queue`, full screen, whose pills switch to
 * the moderation log and back inside the panel) and signing out. The
 * session lives only in the window's memory; `reset()` (the idle reset) and the token's
 * expiry after 30 minutes sign the moderator out. The neighbourhood's data stays.
 * Only in the kiosk window, whose sessions are `KioskSessions`.
 */
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { sessionsContext } from '../../app/context.js';
import { routeFromHash } from '../../app/route.js';
import { ClockController } from '../../app/controllers.js';
import { publicBase } from '../../crisis/kiosk.js';
import type { Sessions } from '../../identity/session.js';
import { LocaleController, t } from '../../i18n/i18n.js';
import {
  KioskSessions,
  type SignInCode,
  type SignInFailure,
  approvalUrl,
  askSignInCode,
  countdown,
  pollSignIn,
  secondsLeft,
} from '../../kiosk/moderator-sign-in.js';
import { kioskWindowToken } from '../../kiosk/window-token.js';
import { formStyles } from '../../styles/form.styles.js';
import { baseStyles } from '../../styles/shared.styles.js';
import '../bh-qr-code/bh-qr-code.js';
import './bh-kiosk-on-behalf.js';

type Panel = 'none' | 'queue' | 'log' | 'onBehalf';

type Step =
  | { step: 'closed' }
  | { step: 'asking' }
  | { step: 'code'; code: SignInCode }
  | { step: 'expired' }
  | { step: 'failed'; failure: SignInFailure };

@customElement('bh-kiosk-moderator')
export class BhKioskModerator extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    css`
      :host {
        display: inline-flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.6rem;
      }
      button {
        min-height: 56px;
        min-width: 56px;
        font-size: 1em;
      }
      .who {
        font-weight: 600;
      }
      /* Not modal: the idle countdown (bh-kiosk, z-index 10) must stay above them. */
      dialog.sign-in {
        position: fixed;
        inset: 0;
        margin: auto;
        height: fit-content;
        z-index: 5;
        width: min(56rem, calc(100vw - 4rem));
        font-size: 1.25em;
        padding: 2rem;
      }
      /* The title and the code keep their words whole at every text size: capped at a
         share of their column (as bh-kiosk.styles.ts does for the screen's titles). */
      dialog.sign-in,
      .code-row > div {
        container-type: inline-size;
      }
      h2 {
        font-size: min(1.6em, 7cqi);
        margin: 0 0 0.5rem;
      }
      .code-row {
        display: grid;
        grid-template-columns: 1fr 16rem;
        gap: 2rem;
        align-items: center;
      }
      .user-code {
        margin: 0.5rem 0;
        font-size: min(3em, 13cqi);
        font-weight: 700;
        letter-spacing: 0.12em;
        font-family: ui-monospace, monospace;
      }
      figure {
        margin: 0;
        width: 16rem;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
        justify-content: flex-end;
        margin-block-start: 1.5rem;
      }
      dialog.panel {
        position: fixed;
        inset: 0;
        z-index: 5;
        overflow: auto;
        width: 100vw;
        height: 100vh;
        max-width: none;
        max-height: none;
        margin: 0;
        padding: 1.5rem 2rem;
        box-sizing: border-box;
        font-size: 1.15em;
      }
      .panel-top {
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: 1rem;
        margin-block-end: 1rem;
      }
      .panel-top p {
        margin: 0;
      }
    `,
  ];

  /** The neighbourhood the kiosk shows. */
  @property() nb = '';
  /** Erasure after a delete for real (the app's `requestPurge`), passed to the queue. */
  @property({ attribute: false }) purge?: (space: 'community' | 'directory') => Promise<void>;

  @consume({ context: sessionsContext, subscribe: true })
  @state()
  private sessions?: Sessions;

  @state() private view: Step = { step: 'closed' };
  @state() private panel: Panel = 'none';
  @state() private ended = false;
  @query('dialog.sign-in') private signInDialog?: HTMLDialogElement;
  @query('dialog.panel') private panelDialog?: HTMLDialogElement;
  private readonly clock = new ClockController(this, 1000);
  private poll: ReturnType<typeof setTimeout> | undefined;
  private offSessions: (() => void) | undefined;
  private returnFocus: HTMLElement | null = null;

  constructor() {
    super();
    new LocaleController(this);
  }

  private get kioskSessions(): KioskSessions | null {
    return this.sessions instanceof KioskSessions ? this.sessions : null;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('sessions')) {
      this.offSessions?.();
      this.offSessions = this.sessions?.onChange(() => this.requestUpdate());
    }
    // The token lasts 30 minutes and is never refreshed: then the moderator is signed out.
    const sessions = this.kioskSessions;
    if (sessions?.get(this.nb) && !sessions.usableToken(this.nb)) {
      this.ended = true;
      this.signOut();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.poll);
    this.offSessions?.();
    this.offSessions = undefined;
  }

  /** The idle reset: the next visitor finds nobody signed in and nothing open. */
  reset(): void {
    this.stopSignIn();
    this.closePanel();
    this.ended = false;
    this.signOut();
  }

  private signOut(): void {
    this.closePanel();
    this.kioskSessions?.signOut(this.nb);
  }

  private async start(event: Event): Promise<void> {
    this.returnFocus = event.currentTarget as HTMLElement;
    this.ended = false;
    this.signInDialog?.show();
    await this.askCode();
  }

  private async askCode(): Promise<void> {
    clearTimeout(this.poll);
    this.view = { step: 'asking' };
    const token = await kioskWindowToken(window.buurthubKiosk);
    const answer = await askSignInCode({
      token: () => token,
      online: () => navigator.onLine,
    });
    if (this.view.step !== 'asking') return; // closed meanwhile
    if ('failure' in answer) {
      this.view = { step: 'failed', failure: answer.failure };
      return;
    }
    this.view = { step: 'code', code: answer };
    this.schedulePoll(answer);
  }

  private schedulePoll(code: SignInCode): void {
    this.poll = setTimeout(() => void this.pollOnce(code), code.interval * 1000);
  }

  private async pollOnce(code: SignInCode): Promise<void> {
    const token = await kioskWindowToken(window.buurthubKiosk);
    const result = await pollSignIn({ token: () => token, online: () => true }, code.deviceCode);
    if (this.view.step !== 'code' || this.view.code !== code) return;
    if (result.state === 'pending') {
      if (secondsLeft(code.expiresAt, Date.now()) > 0) this.schedulePoll(code);
      else this.view = { step: 'expired' };
    } else if (result.state === 'approved') {
      this.kioskSessions?.signIn(result.session);
      this.stopSignIn();
    } else if (result.state === 'expired') {
      this.view = { step: 'expired' };
    } else {
      this.view = { step: 'failed', failure: result.failure };
    }
  }

  private stopSignIn(): void {
    clearTimeout(this.poll);
    this.view = { step: 'closed' };
    if (this.signInDialog?.open) this.signInDialog.close();
    this.returnFocus?.focus();
    this.returnFocus = null;
  }

  private async openPanel(event: Event, panel: Exclude<Panel, 'none'>): Promise<void> {
    this.returnFocus = event.currentTarget as HTMLElement;
    await this.showPanel(panel);
  }

  private async showPanel(panel: Exclude<Panel, 'none'>): Promise<void> {
    if (panel === 'queue') await import('../bh-moderation-queue/bh-moderation-queue.js');
    if (panel === 'log') await import('../bh-moderation-log/bh-moderation-log.js');
    this.panel = panel;
    await this.updateComplete;
    if (!this.panelDialog?.open) this.panelDialog?.show();
    this.renderRoot
      .querySelector<HTMLElement & { focusHeading(): void }>(
        'bh-moderation-queue, bh-moderation-log, bh-kiosk-on-behalf',
      )
      ?.focusHeading();
  }

  /**
   * The queue's and the log's pills link to the app's routes (`#moderatie`,
   * `#moderatie/logboek`), which the kiosk window does not follow: it always shows the
   * kiosk. The panel switches between the two itself, so the log is one touch away here too.
   */
  private followModerationLink(event: MouseEvent): void {
    const link = event
      .composedPath()
      .find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    if (!link?.hash) return;
    const { view } = routeFromHash(link.hash);
    if (view !== 'moderation' && view !== 'moderationLog') return;
    event.preventDefault();
    void this.showPanel(view === 'moderation' ? 'queue' : 'log');
  }

  private closePanel(): void {
    this.panel = 'none';
    if (this.panelDialog?.open) this.panelDialog.close();
    this.returnFocus?.focus();
    this.returnFocus = null;
  }

  override render() {
    const sessions = this.kioskSessions;
    if (!sessions || !this.nb) return nothing;
    const session = sessions.usableToken(this.nb) ? sessions.get(this.nb) : null;
    if (!session) {
      return html`<button class="secondary" @click=${this.start}>${t('kiosk.signIn.open')}</button>
        ${
          this.ended
            ? html`<span role="status">${t('kiosk.signIn.ended')}</span>`
            : html`<span role="status"></span>`
        }
        <dialog
          class="sign-in"
          aria-labelledby="sign-in-title"
          @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && this.stopSignIn()}
        >
          <h2 id="sign-in-title">${t('kiosk.signIn.title')}</h2>
          ${this.renderStep()}
          <div class="row">
            <button class="secondary" @click=${() => this.stopSignIn()}>
              ${t('kiosk.signIn.close')}
            </button>
          </div>
        </dialog>`;
    }
    return html`<span class="who">
        ${t('kiosk.signIn.signedIn', { name: session.name, role: t(`role.${session.role}`) })}
      </span>
      <button class="secondary" @click=${(e: Event) => this.openPanel(e, 'queue')}>
        ${t('kiosk.tools.queue')}
      </button>
      <button class="secondary" @click=${(e: Event) => this.openPanel(e, 'onBehalf')}>
        ${t('kiosk.tools.onBehalf')}
      </button>
      <button class="secondary" @click=${() => this.signOut()}>${t('kiosk.signIn.signOut')}</button>
      <dialog
        class="panel"
        aria-label=${t(this.panel === 'onBehalf' ? 'kiosk.tools.onBehalf' : 'kiosk.tools.queue')}
        @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && this.closePanel()}
        @click=${this.followModerationLink}
      >
        <div class="panel-top">
          <p class="who">${session.name}</p>
          <button class="primary" @click=${() => this.closePanel()}>
            ${t('kiosk.tools.back')}
          </button>
        </div>
        ${
          this.panel === 'queue'
            ? html`<bh-moderation-queue .nb=${this.nb} .purge=${this.purge}></bh-moderation-queue>`
            : nothing
        }
        ${this.panel === 'log' ? html`<bh-moderation-log></bh-moderation-log>` : nothing}
        ${this.panel === 'onBehalf' ? html`<bh-kiosk-on-behalf></bh-kiosk-on-behalf>` : nothing}
      </dialog>`;
  }

  private renderStep() {
    const view = this.view;
    if (view.step === 'failed') {
      return html`<p role="alert">${t(`kiosk.signIn.${view.failure}`)}</p>
        <button class="primary" @click=${() => void this.askCode()}>
          ${t('kiosk.signIn.newCode')}
        </button>`;
    }
    if (view.step === 'expired') {
      return html`<p role="alert">${t('kiosk.signIn.expired')}</p>
        <button class="primary" @click=${() => void this.askCode()}>
          ${t('kiosk.signIn.newCode')}
        </button>`;
    }
    if (view.step !== 'code') return html`<p role="status">${t('kiosk.signIn.waiting')}</p>`;
    const { code } = view;
    const left = secondsLeft(code.expiresAt, this.clock.now);
    const url = approvalUrl(
      publicBase(location.origin, window.buurthubKiosk),
      this.nb,
      code.userCode,
    );
    return html`<div class="code-row">
      <div>
        <p>${t('kiosk.signIn.steps')}</p>
        <p
          class="user-code"
          aria-label=${`${t('kiosk.signIn.code')}: ${code.userCode.split('').join(' ')}`}
        >
          ${code.userCode}
        </p>
        <p>${t('kiosk.signIn.expires', { time: countdown(left) })}</p>
        <p role="status">${t('kiosk.signIn.waiting')}</p>
      </div>
      <figure>
        <bh-qr-code .value=${url} .label=${t('kiosk.signIn.qr')}></bh-qr-code>
      </figure>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-kiosk-moderator': BhKioskModerator;
  }
}
