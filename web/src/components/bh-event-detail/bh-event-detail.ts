/**
 * One event: title, time (in the neighbourhood's time zone; all-day events as dates), place,
 * organiser, description (Buurthub markup through Lit templates), photo, the RSVP buttons
 * with their counts, capacity shown honestly (full, overbooked), and for the organiser or a
 * moderator who is coming. "Toevoegen aan agenda" downloads an .ics made on the device.
 *
 * @csspart card - the article card
 */
import {
  type Attendee,
  type CommunitySpace,
  EventFullError,
  type EventView,
  RSVP_ANSWERS,
  type RsvpAnswer,
  canModerate,
} from '@buurthub/shared';
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { communityContext, identityContext } from '../../app/context.js';
import { ObserveController } from '../../app/controllers.js';
import type { IdentityService } from '../../app/identity.js';
import { renderMarkup } from '../../app/markup.js';
import { eventHash } from '../../app/route.js';
import { capacityText } from '../../agenda/event-item.js';
import { formatWhen } from '../../agenda/format.js';
import { eventToIcs, icsFileName } from '../../agenda/ics.js';
import { LocaleController, intlTag, t } from '../../i18n/i18n.js';
import '../bh-photo/bh-photo.js';
import { styles } from './bh-event-detail.styles.js';

@customElement('bh-event-detail')
export class BhEventDetail extends LitElement {
  static override styles = styles;

  @property() eventId = '';
  @property() nb = '';
  @property({ type: Boolean }) readOnly = false;

  @consume({ context: communityContext, subscribe: true })
  @state()
  private community?: CommunitySpace;

  @consume({ context: identityContext, subscribe: true })
  @state()
  private identity?: IdentityService;

  @state() private rsvpError = '';
  @state() private busy = false;

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
      () => this.identity,
      (identity, changed) => identity.onChange(changed),
    );
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  override render() {
    const events = this.community?.events;
    const event = events?.get(this.eventId) ?? null;
    const back = html`<a class="back" href="#agenda">${t('event.back')}</a>`;
    if (!event || !events) {
      return html`${back}
        <div class="card">
          <h2 tabindex="-1">${t('event.notFoundHeading')}</h2>
          <p>${t('event.notFound')}</p>
        </div>`;
    }
    const timeZone = events.timeZone;
    const capacity = capacityText(event);
    return html`${back}
      <article part="card" class="card" aria-labelledby="event-title">
        <p class="tags">
          <span class="chip ${event.visibility}">${t(`event.visibility.${event.visibility}`)}</span>
          ${event.editedAt ? html`<span class="edited">(${t('post.edited')})</span>` : nothing}
        </p>
        <h2 id="event-title" tabindex="-1">${event.title}</h2>
        <dl class="facts">
          <div>
            <dt>${t('event.when')}</dt>
            <dd>
              ${formatWhen(event.when, intlTag(), timeZone)}
              ${event.when.allDay ? html`<span>(${t('event.allDay')})</span>` : nothing}
            </dd>
          </div>
          <div>
            <dt>${t('event.place')}</dt>
            <dd>${event.place}${event.village ? `, ${event.village}` : ''}</dd>
          </div>
          <div>
            <dt>${t('event.organiser')}</dt>
            <dd>${event.organiser.name}</dd>
          </div>
          ${
            capacity
              ? html`<div>
                  <dt>${t('event.capacity')}</dt>
                  <dd class=${event.full ? 'full' : ''}>${capacity}</dd>
                </div>`
              : nothing
          }
        </dl>
        ${
          event.photo
            ? html`<div class="photo"><bh-photo .photo=${event.photo}></bh-photo></div>`
            : nothing
        }
        ${
          event.description
            ? html`<div class="body">${renderMarkup(event.description)}</div>`
            : nothing
        }
        ${this.renderRsvp(event)} ${this.renderAttendees(event)}
        <div class="calendar-actions">
          <button type="button" class="secondary" @click=${() => this.download(event)}>
            ${t('event.addToCalendar')}
          </button>
          <p class="hint">${t('event.addToCalendarHint')}</p>
        </div>
      </article>`;
  }

  private renderRsvp(event: EventView) {
    const me = this.identity?.current;
    const mine = me ? (this.community?.events.rsvpOf(event.id, me.id) ?? null) : null;
    const canAnswer = !this.readOnly && me !== null && me !== undefined && me.role !== 'kiosk';
    return html`<section class="rsvp" aria-labelledby="rsvp-heading">
      <h3 id="rsvp-heading">${t('event.rsvpHeading')}</h3>
      <div class="rsvp-buttons" role="group" aria-labelledby="rsvp-heading">
        ${RSVP_ANSWERS.map(
          (answer) =>
            html`<button
              type="button"
              class="rsvp-button ${answer}"
              aria-pressed=${mine === answer ? 'true' : 'false'}
              ?disabled=${!canAnswer || this.busy}
              @click=${() => void this.answer(answer)}
            >
              <span>${t(`event.rsvp.${answer}`)}</span>
              <span class="count">${event.counts[answer]}</span>
            </button>`,
        )}
      </div>
      <p class="rsvp-status" role="status">
        ${mine ? t(`event.rsvpMine.${mine}`) : canAnswer ? t('event.rsvpNone') : ''}
      </p>
      ${this.rsvpError ? html`<p class="field-error" role="alert">${this.rsvpError}</p>` : nothing}
    </section>`;
  }

  private renderAttendees(event: EventView) {
    const me = this.identity?.current;
    if (!me || !this.community) return nothing;
    if (me.id !== event.organiser.id && !canModerate(me.role)) return nothing;
    const list: Attendee[] = this.community.events.attendees(event.id, me);
    return html`<section class="attendees" aria-labelledby="attendees-heading">
      <h3 id="attendees-heading">${t('event.attendeesHeading')}</h3>
      ${
        list.length === 0
          ? html`<p class="hint">${t('event.attendeesNone')}</p>`
          : RSVP_ANSWERS.map((answer) => {
              const people = list.filter((a) => a.answer === answer);
              return people.length === 0
                ? nothing
                : html`<h4>${t(`event.rsvpGroup.${answer}`, { count: people.length })}</h4>
                    <ul>
                      ${people.map((a) => html`<li>${a.name}</li>`)}
                    </ul>`;
            })
      }
    </section>`;
  }

  private async answer(answer: RsvpAnswer) {
    const event = this.community?.events.get(this.eventId);
    if (!event || !this.community || !this.identity || this.busy) return;
    this.busy = true;
    this.rsvpError = '';
    try {
      const author = await this.identity.ensure();
      if (!author) return;
      this.community.events.rsvp(event.id, answer, author);
    } catch (error) {
      if (!(error instanceof EventFullError)) throw error;
      this.rsvpError = t('event.fullError');
    } finally {
      this.busy = false;
    }
  }

  private download(event: EventView) {
    const url = `${location.origin}${location.pathname}${eventHash(event.id)}`;
    const text = eventToIcs(event, { nb: this.nb, url });
    const blob = new Blob([text], { type: 'text/calendar;charset=utf-8' });
    const href = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = href;
    link.download = icsFileName(event.title);
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-event-detail': BhEventDetail;
  }
}
