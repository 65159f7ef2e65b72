/**
 * "Deze week" on the home screen: the events still to come in this calendar week (Monday
 * to Sunday in the neighbourhood's time zone), with a link to the whole agenda.
 */
import type { CommunitySpace } from '@buurthub/shared';
import { consume } from '@lit/context';
import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { communityContext } from '../../app/context.js';
import { ClockController, ObserveController } from '../../app/controllers.js';
import { eventItem } from '../../agenda/event-item.js';
import { ModerationVisibility } from '../../moderation/visibility.js';
import { LocaleController, t } from '../../i18n/i18n.js';
import { styles } from './bh-this-week.styles.js';

const SHOWN = 4;

@customElement('bh-this-week')
export class BhThisWeek extends LitElement {
  static override styles = styles;

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

  override render() {
    const events = this.community?.events;
    const week = (events?.thisWeek(this.clock.now) ?? []).filter((e) =>
      this.visibility.shows(e.id, e.organiser.id),
    );
    const timeZone = events?.timeZone ?? 'Europe/Amsterdam';
    return html`<section aria-labelledby="week-heading">
      <div class="head">
        <h2 id="week-heading">${t('thisWeek.heading')}</h2>
        <a href="#agenda">${t('thisWeek.all')}</a>
      </div>
      ${
        week.length === 0
          ? html`<p class="empty">${t('thisWeek.empty')}</p>`
          : html`<ol class="event-list">
              ${week.slice(0, SHOWN).map((e) => html`<li>${eventItem(e, timeZone)}</li>`)}
            </ol>`
      }
      ${
        week.length > SHOWN
          ? html`<p class="more">${t('thisWeek.more', { count: week.length - SHOWN })}</p>`
          : ''
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-this-week': BhThisWeek;
  }
}
