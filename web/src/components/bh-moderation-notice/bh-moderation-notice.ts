/**
 * Tells the author (and the moderators) of an item others do not see why: hidden by a
 * moderator, with the reason they gave, or waiting for review after reports. Renders
 * nothing for a visible item. See moderation/visibility.ts for who sees such an item.
 */
import type { ItemStatus } from '@buurthub/shared';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LocaleController, t } from '../../i18n/i18n.js';
import { baseStyles } from '../../styles/shared.styles.js';

@customElement('bh-moderation-notice')
export class BhModerationNotice extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      p {
        margin: 0.5rem 0;
        padding: 0.5rem 0.75rem;
        border-radius: var(--bh-radius-s);
        background: var(--bh-warning-soft);
        border-inline-start: 4px solid var(--bh-warning);
        overflow-wrap: anywhere;
      }
      strong {
        display: block;
      }
    `,
  ];

  @property({ attribute: false }) status?: ItemStatus;

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const status = this.status;
    if (!status || status.state === 'visible') return nothing;
    if (status.state === 'pending-review') {
      return html`<p role="note">
        <strong>${t('moderation.notice.pending')}</strong>${t('moderation.notice.onlyYou')}
      </p>`;
    }
    return html`<p role="note">
      <strong>${t('moderation.notice.hidden', { reason: status.hidden.reason })}</strong>
      ${t('moderation.notice.onlyYou')}
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-moderation-notice': BhModerationNotice;
  }
}
