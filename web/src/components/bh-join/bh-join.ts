/**
 * Joining a neighbourhood with an invite: code (prefilled from `/join/<code>`), display
 * name, submit. Shown as its own page at `/join/<code>` and, for guests, as the "word lid"
 * panel in place of the neighbours' posts. Creates the device key on first show, so a
 * browser without Ed25519 is told so before anyone types.
 *
 * Errors say what to do next, in a live region; focus moves to the field to fix.
 *
 * @fires bh-joined - the invite was redeemed ({@link BhJoinedEvent})
 * @csspart card - the outer card
 */
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { sessionsContext } from '../../app/context.js';
import { BhJoinedEvent } from '../../app/events.js';
import { DeviceKeyUnsupportedError, deviceKey } from '../../identity/device-key.js';
import {
  type JoinFailure,
  JoinError,
  type Sessions,
  normaliseInviteCode,
} from '../../identity/session.js';
import { LocaleController, t } from '../../i18n/i18n.js';
import { styles } from './bh-join.styles.js';

type ErrorKind = JoinFailure | 'codeRequired';
const NAME_ERRORS: readonly ErrorKind[] = ['invalid-name'];
const CODE_ERRORS: readonly ErrorKind[] = ['codeRequired', 'invalid-code', 'used-up', 'expired'];

/** `abcdefgh` from a link reads back as the printed `ABCD-EFGH`; anything else as typed. */
function formatCode(code: string): string {
  const plain = normaliseInviteCode(code);
  return /^[A-Z0-9]{8}$/.test(plain) ? `${plain.slice(0, 4)}-${plain.slice(4)}` : code;
}

@customElement('bh-join')
export class BhJoin extends LitElement {
  static override styles = styles;

  /** The invite code to prefill (from the link). */
  @property() code = '';
  /** 'page': the /join view; 'panel': shown to guests instead of the posts. */
  @property({ reflect: true }) variant: 'page' | 'panel' = 'page';

  @consume({ context: sessionsContext, subscribe: true })
  private sessions?: Sessions;

  @state() private busy = false;
  @state() private error: ErrorKind | null = null;
  @state() private retryAfter = 0;
  @state() private unsupported = false;

  @query('#join-code') private codeInput!: HTMLInputElement;
  @query('#join-name') private nameInput!: HTMLInputElement;
  @query('button[type=submit]') private submitButton!: HTMLButtonElement;

  constructor() {
    super();
    new LocaleController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    deviceKey().catch((error: unknown) => {
      if (error instanceof DeviceKeyUnsupportedError) this.unsupported = true;
    });
  }

  /** Focus for arriving at the view: the name when the link brought the code, else the code. */
  focusFirstField(): void {
    (this.code ? this.nameInput : this.codeInput)?.focus();
  }

  /** Moves focus to the heading (after a view change). */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  override render() {
    const panel = this.variant === 'panel';
    const codeError = this.error !== null && CODE_ERRORS.includes(this.error);
    const nameError = this.error !== null && NAME_ERRORS.includes(this.error);
    return html`<section part="card" class="card ${this.variant}" aria-labelledby="join-heading">
      <h2 id="join-heading" tabindex="-1">${panel ? t('join.panelHeading') : t('join.heading')}</h2>
      <p class="intro">${panel ? t('join.panelIntro') : t('join.intro')}</p>
      ${
        this.unsupported
          ? html`<p class="notice" role="alert">${t('join.error.unsupported')}</p>`
          : nothing
      }
      <form novalidate @submit=${this.onSubmit} aria-busy=${this.busy ? 'true' : 'false'}>
        <div class="field">
          <label for="join-code">${t('join.code')}</label>
          <input
            id="join-code"
            name="code"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            maxlength="40"
            aria-required="true"
            .value=${formatCode(this.code)}
            @input=${this.onInput}
            aria-invalid=${codeError ? 'true' : 'false'}
            aria-describedby=${codeError ? 'join-code-hint join-error' : 'join-code-hint'}
          />
          <p id="join-code-hint" class="hint">${t('join.codeHint')}</p>
        </div>
        <div class="field">
          <label for="join-name">${t('join.name')}</label>
          <input
            id="join-name"
            name="name"
            autocomplete="nickname"
            maxlength="60"
            aria-required="true"
            @input=${this.onInput}
            aria-invalid=${nameError ? 'true' : 'false'}
            aria-describedby=${nameError ? 'join-name-hint join-error' : 'join-name-hint'}
          />
          <p id="join-name-hint" class="hint">${t('join.nameHint')}</p>
        </div>
        <div class="messages">
          <div role="alert">
            ${
              this.error
                ? html`<p id="join-error" class="form-error">${this.errorText(this.error)}</p>`
                : nothing
            }
          </div>
          <p role="status" class="progress visually-hidden">${this.busy ? t('join.busy') : ''}</p>
        </div>
        <div class="actions">
          <button
            type="submit"
            class="primary"
            aria-disabled=${this.busy || this.unsupported ? 'true' : 'false'}
          >
            ${this.busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
            ${this.busy ? t('join.busy') : t('join.submit')}
          </button>
        </div>
      </form>
    </section>`;
  }

  private errorText(kind: ErrorKind): string {
    if (kind === 'rate-limited') return t('join.error.rate-limited', { count: this.retryAfter });
    return t(`join.error.${kind}`);
  }

  private onInput(): void {
    this.error = null;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy || this.unsupported || !this.sessions) return;
    const code = this.codeInput.value;
    const name = this.nameInput.value;
    if (!code.trim()) return this.fail('codeRequired');
    if (!name.trim()) return this.fail('invalid-name');
    this.busy = true;
    this.error = null;
    try {
      const session = await this.sessions.join(code, name);
      this.dispatchEvent(new BhJoinedEvent(session));
    } catch (error) {
      if (!(error instanceof JoinError)) throw error;
      this.retryAfter = error.retryAfterSeconds ?? 0;
      if (error.reason === 'unsupported') this.unsupported = true;
      await this.fail(error.reason);
    } finally {
      this.busy = false;
    }
  }

  private async fail(kind: ErrorKind): Promise<void> {
    this.error = kind;
    await this.updateComplete;
    if (CODE_ERRORS.includes(kind)) this.codeInput.focus();
    else if (NAME_ERRORS.includes(kind)) this.nameInput.focus();
    else this.submitButton.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-join': BhJoin;
  }
}
