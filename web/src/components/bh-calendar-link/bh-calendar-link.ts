/**
 * The member's personal calendar address: made on request with `POST /api/calendar-key`,
 * shown to copy into a calendar app, and reset (a new address; the old one stops working at
 * once). Only members have one; the relay decides.
 */
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { sessionsContext } from '../../app/context.js';
import { CalendarKeyFailure, CalendarKeys } from '../../agenda/calendar-key.js';
import type { Sessions } from '../../identity/session.js';
import { LocaleController, t } from '../../i18n/i18n.js';
import { localStore } from '../../sync/local-store.js';
import { styles } from './bh-calendar-link.styles.js';

const keys = new CalendarKeys(localStore);

@customElement('bh-calendar-link')
export class BhCalendarLink extends LitElement {
  static override styles = styles;

  @property() nb = '';

  @consume({ context: sessionsContext, subscribe: true })
  private sessions?: Sessions;

  @state() private busy = false;
  @state() private error = '';
  @state() private status = '';
  @state() private url: string | null = null;

  constructor() {
    super();
    new LocaleController(this);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('nb')) this.url = keys.remembered(this.nb);
  }

  override render() {
    if (!this.sessions?.get(this.nb)) return nothing;
    return html`<section class="card" aria-labelledby="cal-heading">
      <h3 id="cal-heading">${t('calendarLink.heading')}</h3>
      <p>${t('calendarLink.intro')}</p>
      ${
        this.url
          ? html`<label for="cal-url">${t('calendarLink.label')}</label>
              <div class="url-row">
                <input id="cal-url" readonly .value=${this.url} @focus=${this.selectAll} />
                <button type="button" class="secondary" @click=${this.copy}>
                  ${t('calendarLink.copy')}
                </button>
              </div>
              <p class="hint">${t('calendarLink.secret')}</p>
              <h4>${t('calendarLink.resetHeading')}</h4>
              <p id="cal-reset-hint" class="hint">${t('calendarLink.resetHint')}</p>
              <button
                type="button"
                class="secondary"
                aria-describedby="cal-reset-hint"
                ?disabled=${this.busy}
                @click=${() => void this.renew(true)}
              >
                ${t('calendarLink.reset')}
              </button>`
          : html`<button
              type="button"
              class="primary"
              ?disabled=${this.busy}
              @click=${() => void this.renew(false)}
            >
              ${t('calendarLink.create')}
            </button>`
      }
      <p class="status" role="status">${this.status}</p>
      ${this.error ? html`<p class="field-error" role="alert">${this.error}</p>` : nothing}
    </section>`;
  }

  private selectAll(event: Event) {
    (event.target as HTMLInputElement).select();
  }

  private async renew(reset: boolean) {
    if (!this.sessions || this.busy) return;
    this.busy = true;
    this.error = '';
    this.status = '';
    try {
      this.url = await keys.renew(this.nb, this.sessions.usableToken(this.nb));
      this.status = reset ? t('calendarLink.wasReset') : t('calendarLink.created');
    } catch (error) {
      if (!(error instanceof CalendarKeyFailure)) throw error;
      this.error = t(`calendarLink.error.${error.reason}`);
    } finally {
      this.busy = false;
    }
  }

  private async copy() {
    if (!this.url) return;
    try {
      await navigator.clipboard.writeText(this.url);
      this.status = t('calendarLink.copied');
    } catch {
      this.renderRoot.querySelector<HTMLInputElement>('#cal-url')?.select();
      this.status = t('calendarLink.copyManually');
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-calendar-link': BhCalendarLink;
  }
}
