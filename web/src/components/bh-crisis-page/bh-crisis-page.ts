/**
 * The crisis section of a neighbourhood, following the URL hash (crisis/crisis-route.ts):
 * the list of active alerts and the archive, one alert's page, or the composer for
 * moderators and officials.
 */
import type { CrisisAlertView, PublicSpace } from '@buurthub/shared';
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { publicContext } from '../../app/context.js';
import { ClockController, ObserveController } from '../../app/controllers.js';
import { crisisContext } from '../../crisis/context.js';
import { type CrisisRoute, alertHash, crisisRouteFromHash } from '../../crisis/crisis-route.js';
import type { CrisisService } from '../../crisis/crisis-service.js';
import { renderBadge, shownView } from '../../crisis/present.js';
import { LocaleController, formatDateTime, t } from '../../i18n/i18n.js';
import '../bh-crisis-alert/bh-crisis-alert.js';
import '../bh-crisis-composer/bh-crisis-composer.js';
import { styles } from './bh-crisis-page.styles.js';

@customElement('bh-crisis-page')
export class BhCrisisPage extends LitElement {
  static override styles = styles;

  @consume({ context: publicContext, subscribe: true })
  @state()
  private publicSpace?: PublicSpace;

  @consume({ context: crisisContext, subscribe: true })
  @state()
  private crisis?: CrisisService;

  @state() private route: CrisisRoute = crisisRouteFromHash(location.hash) ?? { page: 'list' };
  private readonly clock = new ClockController(this, 30_000);
  private readonly onHash = () => {
    const next = crisisRouteFromHash(location.hash);
    if (!next) return;
    this.route = next;
    void this.updateComplete.then(() => this.focusHeading());
  };

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

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHash);
  }

  focusHeading(): void {
    const child = this.renderRoot.querySelector('bh-crisis-alert, bh-crisis-composer');
    if (child) (child as unknown as { focusHeading(): void }).focusHeading();
    else this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  override render() {
    if (this.route.page === 'alert') {
      return html`<bh-crisis-alert .alertId=${this.route.id}></bh-crisis-alert>`;
    }
    if (this.route.page === 'compose') {
      return this.crisis?.publisher()
        ? html`<bh-crisis-composer></bh-crisis-composer>`
        : html`<section class="card"><h2 tabindex="-1">${t('crisis.composeOnly')}</h2></section>`;
    }
    const now = this.clock.now;
    const active = this.publicSpace?.crisis.active(now) ?? [];
    const archive = this.publicSpace?.crisis.archive(now) ?? [];
    return html`<section class="card" aria-labelledby="active-h">
        <h2 id="active-h" tabindex="-1">${t('crisis.activeHeading')}</h2>
        ${this.crisis?.publisher() ? html`<p><a class="block-link" href="#crisis-nieuw">${t('nav.crisisCompose')}</a></p>` : nothing}
        ${active.length > 0 ? this.renderList(active) : html`<p>${t('crisis.noneActive')}</p>`}
      </section>
      <section class="card" aria-labelledby="archive-h">
        <h2 id="archive-h">${t('crisis.archiveHeading')}</h2>
        ${archive.length > 0 ? this.renderList(archive) : html`<p>${t('crisis.noneArchived')}</p>`}
      </section>`;
  }

  private renderList(alerts: CrisisAlertView[]) {
    return html`<ul class="list">
      ${alerts.map((alert) => {
        const verification = this.crisis?.verification(alert);
        const view = shownView(alert, verification);
        return html`<li class="sev-${view.severity}">
          <div class="badges">
            <span class="severity">${t(`crisis.severity.${view.severity}`)}</span>
            ${renderBadge(verification)}
            ${alert.cancelled ? html`<span class="tag">${t('crisis.cancelled')}</span>` : nothing}
          </div>
          <a href=${alertHash(alert.id)}>${view.headline}</a>
          <p class="meta">${t('crisis.lastUpdated', { time: formatDateTime(view.updatedAt) })}</p>
        </li>`;
      })}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-crisis-page': BhCrisisPage;
  }
}
