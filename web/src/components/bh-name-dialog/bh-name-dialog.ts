/**
 * Asks for the user's display name in a native modal `<dialog>` ("Hoe heet je?").
 * `ask()` resolves with the name, or null when cancelled; focus returns to whatever had it
 * before the dialog opened.
 *
 * @csspart dialog - the dialog element
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { LocaleController, t } from '../../i18n/i18n.js';
import { styles } from './bh-name-dialog.styles.js';

/** The focused element, looking inside shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el instanceof HTMLElement ? el : null;
}

@customElement('bh-name-dialog')
export class BhNameDialog extends LitElement {
  static override styles = styles;

  @query('dialog') private dialog!: HTMLDialogElement;
  @query('input') private input!: HTMLInputElement;
  @state() private error = '';

  private resolve: ((name: string | null) => void) | undefined;
  private returnFocus: HTMLElement | null = null;

  constructor() {
    super();
    new LocaleController(this);
  }

  /** Opens the dialog; resolves with the trimmed name or null. */
  async ask(initial = ''): Promise<string | null> {
    this.resolve?.(null);
    await this.updateComplete;
    this.returnFocus = deepActiveElement();
    this.error = '';
    this.input.value = initial;
    this.dialog.showModal();
    this.input.focus();
    return new Promise((resolve) => (this.resolve = resolve));
  }

  override render() {
    return html`<dialog part="dialog" aria-labelledby="name-heading" @close=${this.onClose}>
      <form method="dialog" novalidate @submit=${this.onSubmit}>
        <h2 id="name-heading">${t('name.heading')}</h2>
        <p class="hint">${t('name.intro')}</p>
        <div class="field">
          <label for="name">${t('name.label')}</label>
          <input
            id="name"
            name="name"
            autocomplete="nickname"
            maxlength="80"
            aria-required="true"
            aria-invalid=${this.error ? 'true' : 'false'}
            aria-describedby=${this.error ? 'name-error' : nothing}
            @input=${() => (this.error = '')}
          />
          ${this.error ? html`<p id="name-error" class="field-error">${this.error}</p>` : nothing}
        </div>
        <div class="actions">
          <button type="button" class="secondary" @click=${() => this.dialog.close('')}>
            ${t('name.cancel')}
          </button>
          <button type="submit" class="primary">${t('name.save')}</button>
        </div>
      </form>
    </dialog>`;
  }

  private onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const name = this.input.value.trim();
    if (!name) {
      this.error = t('name.required');
      this.input.focus();
      return;
    }
    this.dialog.close(name);
  }

  private onClose() {
    const value = this.dialog.returnValue.trim();
    this.dialog.returnValue = '';
    this.resolve?.(value || null);
    this.resolve = undefined;
    this.returnFocus?.focus();
    this.returnFocus = null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-name-dialog': BhNameDialog;
  }
}
