/**
 * The agenda as a month: a grid of weeks (Monday first) in which the arrow keys, Home/End
 * and Page Up/Down move between days (one day is in the tab order, the ARIA grid pattern),
 * and below it the chosen day's events as links. Enter on a day with events moves to its
 * first event. Each day's name says how many events it has, so the grid reads well without
 * sight; the titles in the cells are for the eye.
 */
import { type CommunitySpace, type EventView, zonedDate } from '@buurthub/shared';
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { communityContext } from '../../app/context.js';
import { ObserveController } from '../../app/controllers.js';
import { eventItem } from '../../agenda/event-item.js';
import { ModerationVisibility } from '../../moderation/visibility.js';
import { formatDay, formatMonth, weekdayNames } from '../../agenda/format.js';
import {
  type MonthRef,
  eventsByDay,
  monthKey,
  monthOf,
  monthWeeks,
  moveDay,
  parseMonthKey,
  shiftMonth,
} from '../../agenda/month.js';
import { LocaleController, intlTag, t } from '../../i18n/i18n.js';
import { styles } from './bh-month-view.styles.js';

@customElement('bh-month-view')
export class BhMonthView extends LitElement {
  static override styles = styles;

  /** `YYYY-MM` to show first; default the current month. */
  @property() month?: string;

  @consume({ context: communityContext, subscribe: true })
  @state()
  private community?: CommunitySpace;

  @state() private shown?: MonthRef;
  @state() private selected = '';
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

  private get timeZone(): string {
    return this.community?.events.timeZone ?? 'Europe/Amsterdam';
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('month') || !this.shown) {
      const today = zonedDate(Date.now(), this.timeZone);
      const ref = parseMonthKey(this.month) ?? monthOf(today);
      this.shown = ref;
      this.selected = monthKey(monthOf(today)) === monthKey(ref) ? today : `${monthKey(ref)}-01`;
    }
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h3')?.focus();
  }

  override render() {
    const ref = this.shown;
    if (!ref) return nothing;
    const weeks = monthWeeks(ref);
    const days = weeks.flat();
    const all = (this.community?.events.all() ?? []).filter((e) =>
      this.visibility.shows(e.id, e.organiser.id),
    );
    const byDay = eventsByDay(all, days, this.timeZone);
    const key = monthKey(ref);
    const today = zonedDate(Date.now(), this.timeZone);
    const names = weekdayNames(intlTag());
    const chosen = byDay.get(this.selected) ?? [];
    return html`<div class="month-head">
        <button
          type="button"
          class="secondary small"
          aria-label=${t('month.previous')}
          @click=${() => this.go(shiftMonth(ref, -1))}
        >
          <span aria-hidden="true">‹</span>
        </button>
        <h3 id="month-heading" tabindex="-1" aria-live="polite">
          ${formatMonth(ref.year, ref.month, intlTag())}
        </h3>
        <button
          type="button"
          class="secondary small"
          aria-label=${t('month.next')}
          @click=${() => this.go(shiftMonth(ref, 1))}
        >
          <span aria-hidden="true">›</span>
        </button>
      </div>
      <p id="month-help" class="hint">${t('month.help')}</p>
      <table role="grid" aria-labelledby="month-heading" aria-describedby="month-help">
        <thead>
          <tr role="row">
            ${names.map(
              (n) =>
                html`<th role="columnheader" scope="col" abbr=${n.long}>
                  <span aria-hidden="true">${n.short}</span>
                  <span class="visually-hidden">${n.long}</span>
                </th>`,
            )}
          </tr>
        </thead>
        <tbody @keydown=${this.onKeyDown}>
          ${weeks.map(
            (week) =>
              html`<tr role="row">
                ${week.map((day) => this.renderDay(day, byDay.get(day) ?? [], key, today))}
              </tr>`,
          )}
        </tbody>
      </table>
      <section class="day" aria-labelledby="day-heading">
        <h4 id="day-heading">${formatDay(this.selected, intlTag())}</h4>
        ${
          chosen.length === 0
            ? html`<p class="hint">${t('month.noEvents')}</p>`
            : html`<ol class="event-list">
                ${chosen.map((e) => html`<li>${eventItem(e, this.timeZone)}</li>`)}
              </ol>`
        }
      </section>`;
  }

  private renderDay(day: string, events: EventView[], key: string, today: string) {
    const outside = !day.startsWith(key);
    const selected = day === this.selected;
    return html`<td
      role="gridcell"
      data-day=${day}
      tabindex=${selected ? '0' : '-1'}
      aria-selected=${selected ? 'true' : 'false'}
      aria-current=${day === today ? 'date' : nothing}
      class="${outside ? 'outside' : ''} ${events.length > 0 ? 'has-events' : ''}"
      @click=${() => this.select(day, false)}
    >
      <span class="num" aria-hidden="true">${Number(day.slice(8, 10))}</span>
      <span class="visually-hidden"
        >${formatDay(day, intlTag())}${
          events.length > 0 ? `, ${t('month.eventCount', { count: events.length })}` : ''
        }</span
      >
      ${
        events.length > 0
          ? html`<span class="titles" aria-hidden="true">
              ${events
                .slice(0, 3)
                .map((e) =>
                  e.cancelled
                    ? html`<span class="title cancelled"
                        >${t('event.cancelledTitle', { title: e.title })}</span
                      >`
                    : html`<span class="title">${e.title}</span>`,
                )}
              ${events.length > 3 ? html`<span class="more">+${events.length - 3}</span>` : nothing}
              <span class="dot"></span>
            </span>`
          : nothing
      }
    </td>`;
  }

  private go(ref: MonthRef) {
    this.shown = ref;
    this.selected = `${monthKey(ref)}-01`;
    this.rememberMonth(ref);
  }

  /** Keeps the address in step without a hashchange (which would move focus to the heading). */
  private rememberMonth(ref: MonthRef) {
    history.replaceState(history.state, '', `#agenda/maand/${monthKey(ref)}`);
  }

  private async select(day: string, focus: boolean) {
    this.selected = day;
    const ref = monthOf(day);
    if (this.shown && monthKey(ref) !== monthKey(this.shown)) {
      this.shown = ref;
      this.rememberMonth(ref);
    }
    await this.updateComplete;
    if (focus) this.renderRoot.querySelector<HTMLElement>(`td[data-day="${day}"]`)?.focus();
  }

  private onKeyDown(event: KeyboardEvent) {
    const cell = (event.target as HTMLElement).closest('td');
    const day = cell?.dataset['day'];
    if (!day) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.renderRoot.querySelector<HTMLElement>('.day .event-item')?.focus();
      return;
    }
    const next = moveDay(day, event.key);
    if (!next) return;
    event.preventDefault();
    void this.select(next, true);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-month-view': BhMonthView;
  }
}
