/**
 * "Deze week" on the kiosk's home screen: this calendar week's events still to come (the
 * same `events.thisWeek` as the PWA's home), in large type and without links: a kiosk
 * visitor reads them here and scans the join code for more. Shows nothing where the device
 * cannot read the community space (the neighbourhood keeps its agenda for members), and no
 * event anyone reported (kiosk/public-screen.ts).
 */
import type { CommunitySpace } from '@buurthub/shared';
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { formatWhen } from '../../agenda/format.js';
import { communityContext } from '../../app/context.js';
import { ClockController, ObserveController } from '../../app/controllers.js';
import { LocaleController, intlTag, t } from '../../i18n/i18n.js';
import { unreported } from '../../kiosk/public-screen.js';
import { baseStyles } from '../../styles/shared.styles.js';

/** What fits beside a notice board at 1920×1080 in the largest text size. */
const SHOWN = 5;

@customElement('bh-kiosk-agenda')
export class BhKioskAgenda extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      /* Titles keep their words whole: capped at a share of the column (bh-kiosk.styles.ts). */
      section {
        container-type: inline-size;
        padding: 1.2rem 1.5rem;
        background: var(--bh-surface);
        border-radius: var(--bh-radius);
        box-shadow: var(--bh-shadow);
      }
      h2 {
        margin: 0 0 0.8rem;
        font-size: min(1.3em, 9cqi);
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.9rem;
      }
      li {
        padding-block-start: 0.9rem;
        border-block-start: 1px solid var(--bh-border);
      }
      li:first-child {
        padding-block-start: 0;
        border: none;
      }
      .title {
        display: block;
        font-weight: 700;
        font-size: min(1.1em, 8cqi);
      }
      .when,
      .place {
        display: block;
        color: var(--bh-muted);
      }
      .cancelled {
        color: var(--bh-danger);
        font-weight: 700;
      }
      p {
        margin: 0;
      }
    `,
  ];

  @consume({ context: communityContext, subscribe: true })
  @state()
  private community?: CommunitySpace;

  private readonly clock = new ClockController(this, 60_000);

  constructor() {
    super();
    new LocaleController(this);
    new ObserveController(
      this,
      () => this.community,
      (space, changed) => space.events.observe(changed),
    );
    new ObserveController(
      this,
      () => this.community,
      (space, changed) => space.reports.observe(changed),
    );
  }

  override render() {
    const community = this.community;
    if (!community) return nothing;
    const { events } = community;
    const week = unreported(events.thisWeek(this.clock.now), community.reports).slice(0, SHOWN);
    return html`<section aria-labelledby="kiosk-week">
      <h2 id="kiosk-week">${t('kiosk.agendaHeading')}</h2>
      ${
        week.length === 0
          ? html`<p>${t('kiosk.agendaEmpty')}</p>`
          : html`<ol>
              ${week.map(
                (event) =>
                  html`<li>
                    ${event.cancelled ? html`<span class="cancelled">${t('event.cancelled')}</span>` : nothing}
                    <span class="title">${event.title}</span>
                    <span class="when">${formatWhen(event.when, intlTag(), events.timeZone)}</span>
                    <span class="place"
                      >${event.place}${event.village ? `, ${event.village}` : ''}</span
                    >
                  </li>`,
              )}
            </ol>`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-kiosk-agenda': BhKioskAgenda;
  }
}
