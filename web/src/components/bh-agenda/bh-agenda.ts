/**
 * The neighbourhood's agenda: upcoming events, a month view, one event's detail page and
 * the composer for a new event, chosen by the hash (`#agenda`, `#agenda/maand[/YYYY-MM]`,
 * `#agenda/<id>`, `#agenda/nieuw`; see app/route.ts). Below the upcoming list a member
 * finds their personal calendar address.
 *
 * @csspart nav - the links between list, month and new event
 */
import type { CommunitySpace } from '@buurthub/shared';
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { communityContext } from '../../app/context.js';
import { ClockController, ObserveController } from '../../app/controllers.js';
import type { HashRoute } from '../../app/route.js';
import { eventItem } from '../../agenda/event-item.js';
import { ModerationVisibility } from '../../moderation/visibility.js';
import { LocaleController, t } from '../../i18n/i18n.js';
import '../bh-calendar-link/bh-calendar-link.js';
import '../bh-event-composer/bh-event-composer.js';
import type { BhEventComposer } from '../bh-event-composer/bh-event-composer.js';
import '../bh-event-detail/bh-event-detail.js';
import type { BhEventDetail } from '../bh-event-detail/bh-event-detail.js';
import '../bh-month-view/bh-month-view.js';
import type { BhMonthView } from '../bh-month-view/bh-month-view.js';
import { styles } from './bh-agenda.styles.js';

export type AgendaRoute = Extract<HashRoute, { view: 'agenda' }>;

@customElement('bh-agenda')
export class BhAgenda extends LitElement {
  static override styles = styles;

  @property({ attribute: false }) route: AgendaRoute = { view: 'agenda', page: 'upcoming' };
  /** The neighbourhood slug (for the personal calendar address and .ics files). */
  @property() nb = '';
  /** No writing (schema too new). */
  @property({ type: Boolean }) readOnly = false;

  @consume({ context: communityContext, subscribe: true })
  @state()
  private community?: CommunitySpace;

  private readonly clock = new ClockController(this);
  /** Events hidden by moderation are left out (their organiser and moderators still see them). */
  private readonly visibility = new ModerationVisibility(this);

  constructor() {
    super();
    new LocaleController(this);
    new ObserveController(
      this,
      () => this.community,
      (space, changed) => space.events.observe(changed),
    );
  }

  /** Moves focus to the heading of what is shown (after a view change). */
  focusHeading(): void {
    const inner = this.renderRoot.querySelector<BhEventDetail | BhEventComposer | BhMonthView>(
      'bh-event-detail, bh-event-composer, bh-month-view',
    );
    if (inner) inner.focusHeading();
    else this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  override render() {
    const page = this.route.page;
    if (page === 'event') {
      return html`<bh-event-detail
        .eventId=${this.route.eventId}
        .nb=${this.nb}
        ?readOnly=${this.readOnly}
      ></bh-event-detail>`;
    }
    if (page === 'new') {
      return html`<bh-event-composer
        .draftKey=${`buurthub:event-draft:${this.nb}`}
        ?readOnly=${this.readOnly}
      ></bh-event-composer>`;
    }
    return html`<section aria-labelledby="agenda-heading">
      <h2 id="agenda-heading" tabindex="-1">${t('agenda.heading')}</h2>
      <nav part="nav" class="subnav" aria-label=${t('agenda.views')}>
        <a href="#agenda" aria-current=${page === 'upcoming' ? 'page' : 'false'}
          >${t('agenda.upcoming')}</a
        >
        <a href="#agenda/maand" aria-current=${page === 'month' ? 'page' : 'false'}
          >${t('agenda.month')}</a
        >
        ${
          this.readOnly
            ? nothing
            : html`<a class="new" href="#agenda/nieuw">${t('agenda.newEvent')}</a>`
        }
      </nav>
      ${
        page === 'month'
          ? html`<bh-month-view .month=${this.route.month}></bh-month-view>`
          : this.renderUpcoming()
      }
    </section>`;
  }

  private renderUpcoming() {
    const events = this.community?.events;
    const upcoming = (events?.upcoming(this.clock.now) ?? []).filter((e) =>
      this.visibility.shows(e.id, e.organiser.id),
    );
    const timeZone = events?.timeZone ?? 'Europe/Amsterdam';
    return html`<h3 class="list-heading">${t('agenda.upcomingHeading')}</h3>
      ${
        upcoming.length === 0
          ? html`<p class="empty">${t('agenda.empty')}</p>`
          : html`<ol class="event-list">
              ${repeat(
                upcoming,
                (e) => e.id,
                (e) => html`<li>${eventItem(e, timeZone)}</li>`,
              )}
            </ol>`
      }
      <bh-calendar-link .nb=${this.nb}></bh-calendar-link>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-agenda': BhAgenda;
  }
}
