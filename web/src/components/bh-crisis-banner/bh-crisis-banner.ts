/**
 * Active crisis alerts of the public space, on top of every view: headline, severity,
 * what to do and the latest rolling update. Renders nothing when no alert is active.
 *
 * @csspart alert - one alert card
 */
import type { CrisisAlertView, PublicSpace } from '@buurthub/shared';
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { publicContext } from '../../app/context.js';
import { ClockController, ObserveController } from '../../app/controllers.js';
import { LocaleController, formatDateTime, formatTime, t } from '../../i18n/i18n.js';
import { styles } from './bh-crisis-banner.styles.js';

@customElement('bh-crisis-banner')
export class BhCrisisBanner extends LitElement {
  static override styles = styles;

  @consume({ context: publicContext, subscribe: true })
  @state()
  private publicSpace?: PublicSpace;

  private readonly clock = new ClockController(this, 15_000);

  constructor() {
    super();
    new LocaleController(this);
    new ObserveController(
      this,
      () => this.publicSpace,
      (space, changed) => space.crisis.observe(changed),
    );
  }

  override render() {
    const alerts = this.publicSpace?.crisis.active(this.clock.now) ?? [];
    this.hidden = alerts.length === 0;
    if (alerts.length === 0) return nothing;
    return html`<section class="banner" aria-labelledby="crisis-heading">
      <h2 id="crisis-heading" class="label">
        <span class="icon" aria-hidden="true">!</span>${t('crisis.label')}
      </h2>
      ${alerts.map((alert) => this.renderAlert(alert))}
    </section>`;
  }

  private renderAlert(alert: CrisisAlertView) {
    const latest = alert.updates.at(-1);
    return html`<article part="alert" class="alert ${alert.severity}">
      <p class="severity">${t(`crisis.severity.${alert.severity}`)}</p>
      <h3>${alert.headline}</h3>
      <p class="description">${alert.description}</p>
      ${
        alert.instruction
          ? html`<p class="instruction">
              <strong>${t('crisis.instruction')}:</strong> ${alert.instruction}
            </p>`
          : nothing
      }
      ${
        alert.villages.length > 0
          ? html`<p class="villages">
              ${t('crisis.villages', { villages: alert.villages.join(', ') })}
            </p>`
          : nothing
      }
      ${
        latest
          ? html`<div class="update">
              <p class="update-meta">
                <time
                  datetime=${new Date(latest.at).toISOString()}
                  title=${formatDateTime(latest.at)}
                  >${t('crisis.latestUpdate', { time: formatTime(latest.at) })}</time
                >
              </p>
              <p class="update-text">${latest.text}</p>
            </div>`
          : nothing
      }
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-crisis-banner': BhCrisisBanner;
  }
}
