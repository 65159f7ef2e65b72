/**
 * The always-visible sync indicator: online / offline / connecting / syncing, how many
 * local changes wait for the relay, and when the relay last confirmed everything stored.
 * It is a polite live region, so screen-reader users hear changes too.
 *
 * The element carries `data-connection` and `data-pending` for tests and styling.
 *
 * @csspart indicator - the pill with dot and text
 */
import { consume } from '@lit/context';
import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { syncContext } from '../../app/context.js';
import { ObserveController } from '../../app/controllers.js';
import { LocaleController, t } from '../../i18n/i18n.js';
import { describeSyncState } from '../../sync/describe-sync-state.js';
import type { SyncState, SyncStatus } from '../../sync/sync-state.js';
import { styles } from './bh-sync-state.styles.js';

@customElement('bh-sync-state')
export class BhSyncState extends LitElement {
  static override styles = styles;

  @consume({ context: syncContext, subscribe: true })
  @state()
  private sync?: SyncStatus;

  constructor() {
    super();
    new LocaleController(this);
    new ObserveController(
      this,
      () => this.sync,
      (sync, changed) => sync.onChange(changed),
    );
  }

  override render() {
    const s: SyncState = this.sync?.state ?? {
      connection: 'connecting',
      syncing: false,
      pending: 0,
      lastSavedAt: null,
    };
    const tone =
      s.connection === 'offline'
        ? 'offline'
        : s.connection === 'connecting' || s.syncing || s.pending > 0
          ? 'busy'
          : 'online';
    return html`<div
      part="indicator"
      class="indicator ${tone}"
      role="status"
      aria-label=${t('sync.label')}
      data-connection=${s.connection}
      data-syncing=${String(s.syncing)}
      data-pending=${String(s.pending)}
    >
      <span class="dot" aria-hidden="true"></span>
      <span class="text">${describeSyncState(s)}</span>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-sync-state': BhSyncState;
  }
}
