/**
 * Switches the UI language between Dutch and English; the choice is remembered on this
 * device and sets `<html lang>`.
 *
 * @csspart group - the button group
 */
import { LitElement, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { LOCALES, LocaleController, getLocale, setLocale, t } from '../../i18n/i18n.js';
import { styles } from './bh-language-switch.styles.js';

@customElement('bh-language-switch')
export class BhLanguageSwitch extends LitElement {
  static override styles = styles;

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const current = getLocale();
    return html`<div part="group" class="group" role="group" aria-label=${t('lang.label')}>
      ${LOCALES.map(
        (locale) =>
          html`<button
            type="button"
            lang=${locale}
            aria-pressed=${String(locale === current)}
            @click=${() => setLocale(locale)}
          >
            ${t(locale === 'nl' ? 'lang.nl' : 'lang.en')}
          </button>`,
      )}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-language-switch': BhLanguageSwitch;
  }
}
