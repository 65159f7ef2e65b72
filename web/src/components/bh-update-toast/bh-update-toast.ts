/**
 * A non-blocking notice that a new version of the app is ready. Nothing reloads until the
 * user chooses "Vernieuwen" (the composer's draft is in localStorage, so even then nothing
 * is lost).
 *
 * @fires bh-update-accept - the user wants the new version ({@link BhUpdateAcceptEvent})
 * @fires bh-update-dismiss - the user wants to continue for now ({@link BhUpdateDismissEvent})
 * @csspart toast - the toast
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { BhUpdateAcceptEvent, BhUpdateDismissEvent } from '../../app/events.js';
import { LocaleController, t } from '../../i18n/i18n.js';
import { styles } from './bh-update-toast.styles.js';

@customElement('bh-update-toast')
export class BhUpdateToast extends LitElement {
  static override styles = styles;

  /** Whether a new version is waiting. */
  @property({ type: Boolean, reflect: true }) open = false;

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    // The live region stays in the DOM so its content change is announced.
    return html`<div class="region" role="status">
      ${
        this.open
          ? html`<div part="toast" class="toast">
              <span class="text">${t('update.available')}</span>
              <button
                type="button"
                class="primary"
                @click=${() => this.dispatchEvent(new BhUpdateAcceptEvent())}
              >
                ${t('update.reload')}
              </button>
              <button
                type="button"
                class="ghost"
                @click=${() => this.dispatchEvent(new BhUpdateDismissEvent())}
              >
                ${t('update.dismiss')}
              </button>
            </div>`
          : nothing
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-update-toast': BhUpdateToast;
  }
}
