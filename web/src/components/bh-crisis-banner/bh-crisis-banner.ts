/**
 * Active crisis alerts of the public space, on top of every view: coloured by severity,
 * with the "Officieel" badge only when the alert and its whole timeline verify against the
 * pinned relay keys (and "Niet geverifieerd" clearly otherwise), the headline, what to do,
 * the latest rolling update and a link to the alert page (`#crisis/<id>`).
 *
 * It also holds the crisis live region: alerts and updates that arrive by sync are
 * announced here for screen readers (and shown), and a "Meldingen aan" button asks for
 * permission to show system notifications — only when the user presses it, never at load.
 *
 * @csspart alert - one alert card
 */
import type { CrisisAlertView, PublicSpace } from '@buurthub/shared';
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { publicContext } from '../../app/context.js';
import { ClockController, ObserveController } from '../../app/controllers.js';
import { crisisContext } from '../../crisis/context.js';
import type { CrisisService } from '../../crisis/crisis-service.js';
import { renderBadge, shownView } from '../../crisis/present.js';
import { LocaleController, formatRelative, t } from '../../i18n/i18n.js';
import { renderAlertSummary } from './alert-summary.js';
import { styles } from './bh-crisis-banner.styles.js';

@customElement('bh-crisis-banner')
export class BhCrisisBanner extends LitElement {
  static override styles = styles;

  @consume({ context: publicContext, subscribe: true })
  @state()
  private publicSpace?: PublicSpace;

  @consume({ context: crisisContext, subscribe: true })
  @state()
  private crisis?: CrisisService;

  private readonly clock = new ClockController(this, 15_000);

  constructor() {
    super();
    new LocaleController(this);
    new ObserveController(
      this,
      () => this.publicSpace,
      (space, changed) => space.crisis.observe(changed),
    );
    new ObserveController(
      this,
      () => this.crisis,
      (crisis, changed) => crisis.onChange(changed),
    );
  }

  override render() {
    const alerts = this.publicSpace?.crisis.active(this.clock.now) ?? [];
    const announcement = this.crisis?.announcement;
    // The live region stays in the page even without alerts, so it is heard when one comes.
    const live = html`<p
      class="announce ${announcement ? 'visible' : ''}"
      aria-live="assertive"
      aria-atomic="true"
    >
      ${announcement?.text ?? ''}
    </p>`;
    this.toggleAttribute('active', alerts.length > 0);
    if (alerts.length === 0) return live;
    const permission = this.crisis?.notificationPermission;
    return html`<section class="banner" aria-labelledby="crisis-heading">
      <div class="top">
        <h2 id="crisis-heading" class="label">
          <span class="icon" aria-hidden="true">!</span>${t('crisis.label')}
        </h2>
        ${
          permission === 'default'
            ? html`<button class="secondary notify" @click=${this.enableNotifications}>
                ${t('crisis.notificationsOn')}
              </button>`
            : nothing
        }
      </div>
      ${live} ${alerts.map((alert) => this.renderAlert(alert))}
    </section>`;
  }

  private async enableNotifications() {
    await this.crisis?.enableNotifications();
    this.requestUpdate();
  }

  private renderAlert(alert: CrisisAlertView) {
    const verification = this.crisis?.verification(alert);
    const view = shownView(alert, verification);
    const now = this.clock.now;
    return html`<article
      part="alert"
      class="alert sev-${view.severity}"
      aria-labelledby="h-${alert.id}"
    >
      <div class="badges">
        <span class="severity">${t(`crisis.severity.${view.severity}`)}</span>
        ${renderBadge(verification)}
      </div>
      <h3 id="h-${alert.id}">${view.headline}</h3>
      ${renderAlertSummary(view, verification)}
      <p class="footer">
        <span class="age"
          >${t('crisis.updatedAgo', { ago: formatRelative(view.updatedAt, now) })}</span
        >
        <a href="#crisis/${encodeURIComponent(alert.id)}"
          >${t('crisis.openAlert')}<span class="visually-hidden">: ${view.headline}</span></a
        >
      </p>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-crisis-banner': BhCrisisBanner;
  }
}
