/**
 * The page header: neighbourhood name, the language switch and the sync-state indicator,
 * which is always visible.
 *
 * @csspart bar - the header bar
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LocaleController, t } from '../../i18n/i18n.js';
import '../bh-language-switch/bh-language-switch.js';
import '../bh-sync-state/bh-sync-state.js';
import { styles } from './bh-header.styles.js';

@customElement('bh-header')
export class BhHeader extends LitElement {
  static override styles = styles;

  /** The neighbourhood's display name. */
  @property() name = '';
  /** Hides the sync indicator (pages that open no neighbourhood, such as joining). */
  @property({ type: Boolean }) hideSync = false;

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    return html`<header part="bar" class="bar">
      <div class="brand">
        <img class="logo" src="/icons/icon.svg" alt="" width="40" height="40" />
        <div class="titles">
          <span class="app">${t('app.title')}</span>
          <h1>${this.name}</h1>
        </div>
      </div>
      ${this.hideSync ? nothing : html`<bh-sync-state class="sync"></bh-sync-state>`}
      <bh-language-switch class="lang"></bh-language-switch>
    </header>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-header': BhHeader;
  }
}
