/**
 * Inviting neighbours (issue 3), for moderators and officials: choose the role the invite
 * gives (only those the relay lets this member hand out), how many people may use it and
 * for how many days; the relay makes the code (`POST /api/invites` with the member token).
 * The result is the link, the code as `ABCD-EFGH`, a QR code of the link and a copy button.
 *
 * Errors say what to do next (offline, access expired, not allowed, out of range) in a live
 * region; focus moves to the field to fix, or to the new invite when it is made.
 *
 * @csspart card - the outer card
 */
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { sessionsContext } from '../../app/context.js';
import {
  DAYS_MAX,
  DAYS_MIN,
  type InvitableRole,
  type Invite,
  InviteError,
  type InviteFailure,
  USES_MAX,
  USES_MIN,
  createInvite,
  formatInviteCode,
  invalidField,
  inviteLink,
  invitableRoles,
} from '../../identity/invites.js';
import type { Sessions } from '../../identity/session.js';
import { LocaleController, formatDateTime, t } from '../../i18n/i18n.js';
import '../bh-qr-code/bh-qr-code.js';
import { styles } from './bh-invite.styles.js';

type ErrorKind = InviteFailure | 'uses' | 'expiresInDays';

@customElement('bh-invite')
export class BhInvite extends LitElement {
  static override styles = styles;

  /** The neighbourhood to invite to (the member's session for it is used). */
  @property() nb = '';

  @consume({ context: sessionsContext, subscribe: true })
  private sessions?: Sessions;

  @state() private busy = false;
  @state() private error: ErrorKind | null = null;
  @state() private invite: Invite | null = null;
  @state() private copied = false;

  @query('#invite-uses') private usesInput!: HTMLInputElement;
  @query('#invite-days') private daysInput!: HTMLInputElement;
  @query('button[type=submit]') private submitButton!: HTMLButtonElement;

  private copiedTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    new LocaleController(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.copiedTimer);
  }

  /** Moves focus to the heading (after a view change). */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  override render() {
    const roles = invitableRoles(this.sessions?.get(this.nb)?.role);
    if (roles.length === 0) {
      return html`<section part="card" class="card" aria-labelledby="invite-heading">
        <h2 id="invite-heading" tabindex="-1">${t('invite.heading')}</h2>
        <p>${t('invite.notAllowed')}</p>
      </section>`;
    }
    const usesError = this.error === 'uses';
    const daysError = this.error === 'expiresInDays';
    return html`<section part="card" class="card" aria-labelledby="invite-heading">
        <h2 id="invite-heading" tabindex="-1">${t('invite.heading')}</h2>
        <p class="intro">${t('invite.intro')}</p>
        <form novalidate @submit=${this.onSubmit} aria-busy=${this.busy ? 'true' : 'false'}>
          <fieldset class="field roles">
            <legend>${t('invite.role')}</legend>
            ${roles.map(
              (role, i) =>
                html`<label class="choice">
                  <input
                    type="radio"
                    name="role"
                    value=${role}
                    ?checked=${i === 0}
                    @change=${this.onInput}
                  />
                  <span>${t(`role.${role}`)}</span>
                </label>`,
            )}
          </fieldset>
          <div class="numbers">
            <div class="field">
              <label for="invite-uses">${t('invite.uses')}</label>
              <input
                id="invite-uses"
                type="number"
                inputmode="numeric"
                min=${USES_MIN}
                max=${USES_MAX}
                step="1"
                value="1"
                required
                @input=${this.onInput}
                aria-invalid=${usesError ? 'true' : 'false'}
                aria-describedby=${usesError ? 'invite-uses-hint invite-error' : 'invite-uses-hint'}
              />
              <p id="invite-uses-hint" class="hint">
                ${t('invite.usesHint', { min: USES_MIN, max: USES_MAX })}
              </p>
            </div>
            <div class="field">
              <label for="invite-days">${t('invite.days')}</label>
              <input
                id="invite-days"
                type="number"
                inputmode="numeric"
                min=${DAYS_MIN}
                max=${DAYS_MAX}
                step="1"
                value="7"
                required
                @input=${this.onInput}
                aria-invalid=${daysError ? 'true' : 'false'}
                aria-describedby=${daysError ? 'invite-days-hint invite-error' : 'invite-days-hint'}
              />
              <p id="invite-days-hint" class="hint">
                ${t('invite.daysHint', { min: DAYS_MIN, max: DAYS_MAX })}
              </p>
            </div>
          </div>
          <div class="messages">
            <div role="alert">
              ${
                this.error
                  ? html`<p id="invite-error" class="form-error">
                      ${t(`invite.error.${this.error}`, {
                        usesMin: USES_MIN,
                        usesMax: USES_MAX,
                        daysMin: DAYS_MIN,
                        daysMax: DAYS_MAX,
                      })}
                    </p>`
                  : nothing
              }
            </div>
            <p role="status" class="progress visually-hidden">
              ${this.busy ? t('invite.busy') : ''}
            </p>
          </div>
          <button type="submit" class="primary" aria-disabled=${this.busy ? 'true' : 'false'}>
            ${this.busy ? t('invite.busy') : t('invite.submit')}
          </button>
        </form>
      </section>
      ${this.invite ? this.renderInvite(this.invite) : nothing}`;
  }

  private renderInvite(invite: Invite) {
    const link = inviteLink(location.origin, invite.code);
    const code = formatInviteCode(invite.code);
    return html`<section class="card result" aria-labelledby="invite-result-heading">
      <h2 id="invite-result-heading" tabindex="-1">${t('invite.resultHeading')}</h2>
      <p class="summary">
        ${t('invite.summary', {
          role: t(`role.${invite.role}`),
          count: invite.usesLeft,
          date: formatDateTime(invite.expiresAt * 1000),
        })}
      </p>
      <div class="result-grid">
        <div class="share">
          <p class="label" id="invite-code-label">${t('invite.code')}</p>
          <p class="code">${code}</p>
          <label for="invite-link">${t('invite.link')}</label>
          <input id="invite-link" readonly .value=${link} @focus=${this.selectLink} />
          <div class="copy-row">
            <button type="button" class="secondary" @click=${this.copyLink}>
              ${t('invite.copy')}
            </button>
            <p role="status" class="copied">${this.copied ? t('invite.copied') : ''}</p>
          </div>
        </div>
        <figure class="qr">
          <bh-qr-code .value=${link} .label=${t('invite.qrLabel', { code })}></bh-qr-code>
          <figcaption>${t('invite.qrCaption')}</figcaption>
        </figure>
      </div>
    </section>`;
  }

  private onInput(): void {
    this.error = null;
  }

  private selectLink(event: FocusEvent): void {
    (event.currentTarget as HTMLInputElement).select();
  }

  private async copyLink(): Promise<void> {
    const input = this.renderRoot.querySelector<HTMLInputElement>('#invite-link');
    if (!input) return;
    try {
      await navigator.clipboard.writeText(input.value);
    } catch {
      // No clipboard permission (older browser, insecure origin): leave the link selected,
      // so the user can copy it with the keyboard or the context menu.
      input.focus();
      input.select();
      return;
    }
    this.copied = true;
    clearTimeout(this.copiedTimer);
    this.copiedTimer = setTimeout(() => (this.copied = false), 6000);
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy || !this.sessions) return;
    const form = event.currentTarget as HTMLFormElement;
    const role = new FormData(form).get('role') as InvitableRole | null;
    const request = {
      role: role ?? 'resident',
      uses: Number(this.usesInput.value),
      expiresInDays: Number(this.daysInput.value),
    };
    const field = invalidField(request);
    if (field) return this.fail(field);
    this.busy = true;
    this.error = null;
    try {
      let token = this.sessions.usableToken(this.nb);
      if (!token) {
        await this.sessions.refresh(this.nb);
        token = this.sessions.usableToken(this.nb);
      }
      if (!token) throw new InviteError(navigator.onLine ? 'unauthorized' : 'offline');
      this.invite = await createInvite(
        { fetch: (input, init) => fetch(input, init), online: () => navigator.onLine },
        token,
        request,
      );
      this.copied = false;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#invite-result-heading')?.focus();
    } catch (error) {
      if (!(error instanceof InviteError)) throw error;
      // The relay refused the token: let the session find out whether it was revoked, so
      // the app can show the "ask for a new invite" banner.
      if (error.reason === 'unauthorized') void this.sessions.refresh(this.nb);
      await this.fail(error.reason);
    } finally {
      this.busy = false;
    }
  }

  private async fail(kind: ErrorKind): Promise<void> {
    this.error = kind;
    await this.updateComplete;
    if (kind === 'uses') this.usesInput.focus();
    else if (kind === 'expiresInDays') this.daysInput.focus();
    else this.submitButton.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-invite': BhInvite;
  }
}
