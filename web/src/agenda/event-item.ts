/**
 * One event in a list (upcoming, this week, a day of the month view): a link to its detail
 * page with a date badge, title, time, place and, honestly, whether it is full or cancelled.
 */
import type { EventView } from '@buurthub/shared';
import { css, html, nothing } from 'lit';
import { eventHash } from '../app/route.js';
import { intlTag, t } from '../i18n/i18n.js';
import { formatWhen } from './format.js';

function badgeParts(event: EventView, timeZone: string): { day: string; month: string } {
  const at = event.when.allDay ? Date.parse(`${event.when.startDate}T12:00:00Z`) : event.startsAt;
  const zone = event.when.allDay ? 'UTC' : timeZone;
  return {
    day: new Intl.DateTimeFormat(intlTag(), { timeZone: zone, day: 'numeric' }).format(at),
    month: new Intl.DateTimeFormat(intlTag(), { timeZone: zone, month: 'short' }).format(at),
  };
}

/** The capacity line: places left, full, or overbooked (never hidden). */
export function capacityText(event: EventView): string {
  if (event.capacity === undefined) return '';
  if (event.overbooked) {
    return t('event.overbooked', { going: event.counts.going, capacity: event.capacity });
  }
  if (event.full) return t('event.full', { capacity: event.capacity });
  return t('event.placesLeft', { count: event.placesLeft ?? 0, capacity: event.capacity });
}

/** A range ('10:00–12:00', '1–3 dec.') kept on one line: browsers may break after its dash. */
function unbrokenRanges(text: string): string {
  return text.replace(/(\d)–(\d)/g, '$1\u2060–\u2060$2');
}

export function eventItem(event: EventView, timeZone: string) {
  const badge = badgeParts(event, timeZone);
  const capacity = capacityText(event);
  return html`<a
    class="event-item ${event.cancelled ? 'cancelled' : ''}"
    href=${eventHash(event.id)}
  >
    <span class="badge" aria-hidden="true">
      <span class="badge-day">${badge.day}</span>
      <span class="badge-month">${badge.month}</span>
    </span>
    <span class="event-text">
      ${event.cancelled ? html`<span class="event-cancelled">${t('event.cancelled')}</span>` : nothing}
      <span class="event-title">${event.title}</span>
      <span class="event-when">
        ${unbrokenRanges(formatWhen(event.when, intlTag(), timeZone))}${
          event.when.allDay ? html` <span class="all-day">(${t('event.allDay')})</span>` : nothing
        }
      </span>
      <span class="event-place">${event.place}${event.village ? `, ${event.village}` : ''}</span>
      ${
        capacity && !event.cancelled
          ? html`<span class="event-capacity ${event.full ? 'full' : ''}">${capacity}</span>`
          : nothing
      }
      ${
        event.cancelled
          ? nothing
          : html`<span class="event-going">
              ${t('event.goingCount', { count: event.counts.going })}
            </span>`
      }
    </span>
  </a>`;
}

export const eventItemStyles = css`
  .event-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    /* Never wider than the column, also at 200 % text: the items wrap inside it. */
    grid-template-columns: minmax(0, 1fr);
    gap: 0.75rem;
  }
  .event-item {
    display: flex;
    gap: 0.9rem;
    align-items: flex-start;
    padding: 0.85rem 1rem;
    background: var(--bh-surface);
    border: 1px solid var(--bh-border);
    border-radius: var(--bh-radius);
    box-shadow: var(--bh-shadow);
    color: var(--bh-text);
    text-decoration: none;
    min-height: 44px;
  }
  .event-item:hover {
    border-color: var(--bh-primary);
  }
  .event-item:hover .event-title {
    text-decoration: underline;
  }
  .badge {
    flex: none;
    display: grid;
    place-items: center;
    width: 3.5rem;
    padding: 0.35rem 0;
    border-radius: var(--bh-radius-s);
    background: var(--bh-primary-soft);
    color: #1a5a42;
    line-height: 1.1;
  }
  .badge-day {
    font-size: 1.4rem;
    font-weight: 800;
  }
  .badge-month {
    font-size: 0.85rem;
    font-weight: 700;
    text-transform: uppercase;
  }
  .event-text {
    display: grid;
    gap: 0.15rem;
    min-width: 0;
  }
  .event-title {
    font-weight: 700;
    font-size: 1.1rem;
    color: var(--bh-primary);
    overflow-wrap: anywhere;
  }
  .event-when,
  .event-place,
  .event-going {
    color: var(--bh-muted);
    overflow-wrap: anywhere;
  }
  .event-capacity {
    font-weight: 600;
  }
  .event-cancelled {
    justify-self: start;
    padding: 0.1rem 0.6rem;
    border-radius: 999px;
    background: var(--bh-danger);
    color: #fff;
    font-weight: 700;
    font-size: 0.85rem;
  }
  .event-item.cancelled .event-title {
    text-decoration: line-through;
  }
  .event-capacity.full {
    color: var(--bh-danger);
  }
  /* Large text on a phone (a 390 px screen at more than about 120 % text; media em follow
     the browser's text size): the date goes above the text, on one line, so the title, time
     and place get the item's full width and break between words, not inside them. */
  @media (max-width: 22em) {
    .event-item {
      flex-direction: column;
      gap: 0.4rem;
      /* Narrower sides: a 15-letter word of a title ('buurtverbinders') fits the line. */
      padding-inline: 0.5rem;
    }
    .badge {
      display: flex;
      align-items: baseline;
      gap: 0.4em;
      width: auto;
      padding: 0.15rem 0.6rem;
    }
    .event-text {
      align-self: stretch;
    }
  }
`;
