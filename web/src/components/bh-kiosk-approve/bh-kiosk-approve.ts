/**
 * Signing in on the buurthuis screen from one's own phone (`#kiosk-koppelen[/<code>]`, the
 * link in the kiosk's QR code): a moderator or official types the code the screen shows
 * (filled in from the link), sees which screen asks, and answers "Aanmelden op het scherm
 * in het buurthuis?". Yes approves the code at the relay (`POST /api/device-codes/approve`
 * with the member token); the screen then signs them in for 30 minutes. Nothing is
 * approved without that explicit yes. Errors say what to do next in a live region, and
 * focus moves to the field to fix or to the question.
 */
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { sessionsContext } from '../../app/context.js';
import { RelayApiError, callRelay } from '../../app/relay-api.js';
import type { Sessions } from '../../identity/session.js';
import { LocaleController, t } from '../../i18n/i18n.js';
import { formStyles, taskCardStyles } from '../../styles/form.styles.js';
import { baseStyles } from '../../styles/shared.styles.js';

type Problem = 'codeInvalid' | 'code-unknown' | 'code-expired' | 'offline' | 'failed';

type Step =
  | { step: 'code' }
  | { step: 'confirm'; code: string; kiosk: string }
  | { step: 'done'; kiosk: string }
  | { step: 'cancelled' };

const USER_CODE = /^[A-Za-z2-9]{4}-?[A-Za-z2-9]{4}$/;

@customElement('bh-kiosk-approve')
export class BhKioskApprove extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    taskCardStyles,
    css`
      h3:focus {
        outline: none;
      }
      h3:focus-visible {
        outline: 3px solid var(--bh-focus);
      }
      .code-input {
        font-family: ui-monospace, monospace;
        letter-spacing: 0.1em;
        text-transform: uppercase;
        max-width: 14rem;
      }
      .which {
        font-weight: 600;
      }
      /* the alert holding it is always there, so the space below comes with the error */
      .form-error {
        margin: 0 0 0.75rem;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
      }
      button {
        min-height: 44px;
      }
    `,
  ];

  /** The neighbourhood of the member's session. */
  @property() nb = '';
  /** The code from the link (`#kiosk-koppelen/<code>`), or empty. */
  @property() code = '';

  @consume({ context: sessionsContext, subscribe: true })
  private sessions?: Sessions;

  @state() private view: Step = { step: 'code' };
  @state() private problem: Problem | null = null;
  @state() private busy = false;

  constructor() {
    super();
    new LocaleController(this);
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private api() {
    const nb = this.nb;
    const sessions = this.sessions;
    return { token: () => sessions?.usableToken(nb) ?? null, online: () => navigator.onLine };
  }

  private async call(path: string, userCode: string): Promise<{ kiosk: string } | null> {
    this.busy = true;
    this.problem = null;
    try {
      const answer = (await callRelay(this.api(), 'POST', path, { userCode })) as {
        kiosk?: unknown;
      };
      return { kiosk: typeof answer.kiosk === 'string' ? answer.kiosk : '' };
    } catch (error) {
      if (!(error instanceof RelayApiError)) throw error;
      this.problem =
        error.reason === 'offline'
          ? 'offline'
          : error.code === 'code-unknown' || error.code === 'code-expired'
            ? error.code
            : 'failed';
      return null;
    } finally {
      this.busy = false;
    }
  }

  private async lookup(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const input = (event.target as HTMLFormElement).elements.namedItem('code') as HTMLInputElement;
    const code = input.value.trim();
    if (!USER_CODE.test(code)) {
      this.problem = 'codeInvalid';
      input.focus();
      return;
    }
    const found = await this.call('/api/device-codes/lookup', code);
    if (!found) {
      input.focus();
      return;
    }
    this.view = { step: 'confirm', code, kiosk: found.kiosk };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h3')?.focus();
  }

  private async approve(code: string): Promise<void> {
    if (this.busy) return;
    const approved = await this.call('/api/device-codes/approve', code);
    if (approved) this.view = { step: 'done', kiosk: approved.kiosk };
  }

  override render() {
    const role = this.sessions?.get(this.nb)?.role;
    const allowed = role === 'moderator' || role === 'official';
    return html`<section class="card" aria-labelledby="approve-heading">
      <h2 id="approve-heading" tabindex="-1">${t('kioskApprove.heading')}</h2>
      ${allowed ? this.renderStep() : html`<p>${t('kioskApprove.onlyModerators')}</p>`}
    </section>`;
  }

  private renderProblem() {
    return html`<div role="alert">
      ${
        this.problem
          ? html`<p id="approve-error" class="form-error">${t(`kioskApprove.${this.problem}`)}</p>`
          : nothing
      }
    </div>`;
  }

  private renderStep() {
    const view = this.view;
    if (view.step === 'done') {
      return html`<p role="status">${t('kioskApprove.done', { kiosk: view.kiosk })}</p>`;
    }
    if (view.step === 'cancelled') {
      return html`<p role="status">${t('kioskApprove.cancelled')}</p>`;
    }
    if (view.step === 'confirm') {
      return html`<h3 tabindex="-1">${t('kioskApprove.question')}</h3>
        <p class="which">${t('kioskApprove.which', { kiosk: view.kiosk })}</p>
        <p>${t('kioskApprove.explain')}</p>
        ${this.renderProblem()}
        <div class="row">
          <button class="primary" @click=${() => void this.approve(view.code)}>
            ${t('kioskApprove.yes')}
          </button>
          <button class="secondary" @click=${() => (this.view = { step: 'cancelled' })}>
            ${t('kioskApprove.no')}
          </button>
        </div>`;
    }
    const invalid = this.problem !== null;
    return html`<p>${t('kioskApprove.intro')}</p>
      <form novalidate @submit=${this.lookup} aria-busy=${this.busy ? 'true' : 'false'}>
        <div class="field">
          <label for="approve-code">${t('kioskApprove.code')}</label>
          <input
            id="approve-code"
            name="code"
            class="code-input"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            maxlength="9"
            .value=${this.code}
            aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby=${invalid ? 'approve-hint approve-error' : 'approve-hint'}
          />
          <p id="approve-hint" class="hint">${t('kioskApprove.codeHint')}</p>
        </div>
        ${this.renderProblem()}
        <button type="submit" class="primary">${t('kioskApprove.next')}</button>
      </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-kiosk-approve': BhKioskApprove;
  }
}
