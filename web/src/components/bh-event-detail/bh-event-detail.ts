/**
 * One event: title, time (in the neighbourhood's time zone; all-day events as dates), place,
 * organiser, description (Buurthub markup through Lit templates), photo, the RSVP buttons
 * with their counts, capacity shown honestly (full, overbooked), and for the organiser or a
 * moderator who is coming. "Toevoegen aan agenda" downloads an .ics made on the device.
 * The organiser or a moderator edits the event in place (the event composer in edit mode)
 * and cancels it with an optional reason after confirming in a native dialog; a cancelled
 * event says so at the top and only takes "Ik kom niet".
 *
 * @csspart card - the article card
 */
import {
  type Attendee,
  type CommunitySpace,
  EVENT_CANCEL_REASON_MAX,
  EventCancelledError,
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
import { downloadText } from '../../app/download.js';
import { renderMarkup } from '../../app/markup.js';
import { ModerationVisibility } from '../../moderation/visibility.js';
import '../bh-report-dialog/bh-report-dialog.js';
import { eventHash } from '../../app/route.js';
import { capacityText } from '../../agenda/event-item.js';
import { formatWhen } from '../../agenda/format.js';
import { eventToIcs, icsFileName } from '../../agenda/ics.js';
import { LocaleController, intlTag, t } from '../../i18n/i18n.js';
import '../bh-event-composer/bh-event-composer.js';
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
  /** The organiser (or a moderator) is editing the event here. */
  @state() private editing = false;
  /** A hidden event reads as not found, except for its organiser and the moderators. */
  private readonly visibility = new ModerationVisibility(this);

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

  /** The organiser or a moderator may change the event. */
  private mayChange(event: EventView): boolean {
    const me = this.identity?.current;
    return !this.readOnly && !!me && (me.id === event.organiser.id || canModerate(me.role));
  }

  override render() {
    const events = this.community?.events;
    const found = events?.get(this.eventId) ?? null;
    const event = found && this.visibility.shows(found.id, found.organiser.id) ? found : null;
    const back = html`<a class="back" href="#agenda">${t('event.back')}</a>`;
    if (!event || !events) {
      return html`${back}
        <div class="card">
          <h2 tabindex="-1">${t('event.notFoundHeading')}</h2>
          <p>${t('event.notFound')}</p>
        </div>`;
    }
    if (this.editing) {
      return html`${back}
        <bh-event-composer
          .eventId=${event.id}
          ?readOnly=${this.readOnly}
          @bh-event-edit-end=${this.endEdit}
        ></bh-event-composer>`;
    }
    const timeZone = events.timeZone;
    const capacity = capacityText(event);
    return html`${back}
      <article part="card" class="card" aria-labelledby="event-title">
        <p class="tags">
          ${
            event.cancelled
              ? html`<span class="chip cancelled">${t('event.cancelled')}</span>`
              : nothing
          }
          <span class="chip ${event.visibility}">${t(`event.visibility.${event.visibility}`)}</span>
          ${event.editedAt ? html`<span class="edited">(${t('post.edited')})</span>` : nothing}
        </p>
        <h2 id="event-title" tabindex="-1">${event.title}</h2>
        ${this.visibility.notice(event.id)}
        ${
          event.cancelled
            ? html`<div class="cancelled-notice">
                <p>${t('event.cancelledBy', { name: event.cancelled.by.name })}</p>
                ${
                  event.cancelled.reason
                    ? html`<p>${t('event.cancelledReason', { reason: event.cancelled.reason })}</p>`
                    : nothing
                }
              </div>`
            : nothing
        }
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
        <bh-report-dialog
          .itemId=${event.id}
          kind="event"
          .authorId=${event.organiser.id}
          .label=${t('report.label.event', { title: event.title })}
          ?readOnly=${this.readOnly}
        ></bh-report-dialog>
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
        ${this.renderOwnerActions(event)} ${this.renderRsvp(event)} ${this.renderAttendees(event)}
        <div class="calendar-actions">
          <button type="button" class="secondary" @click=${() => this.download(event)}>
            ${t('event.addToCalendar')}
          </button>
          <p class="hint">${t('event.addToCalendarHint')}</p>
        </div>
        ${this.renderCancelDialog()}
      </article>`;
  }

  private renderOwnerActions(event: EventView) {
    if (!this.mayChange(event)) return nothing;
    return html`<div class="owner-actions">
      <button type="button" class="secondary" id="edit-event" @click=${this.startEdit}>
        ${t('event.edit')}
      </button>
      ${
        event.cancelled
          ? nothing
          : html`<button
              type="button"
              class="secondary danger"
              id="cancel-event"
              @click=${this.askCancel}
            >
              ${t('event.cancel')}
            </button>`
      }
    </div>`;
  }

  private renderCancelDialog() {
    return html`<dialog aria-labelledby="cancel-heading" @close=${this.onCancelDialogClose}>
      <form novalidate @submit=${this.confirmCancel}>
        <h3 id="cancel-heading">${t('event.cancelConfirm')}</h3>
        <p id="cancel-hint">${t('event.cancelHint')}</p>
        <div class="field">
          <label for="cancel-reason">${t('event.cancelReason')}</label>
          <textarea
            id="cancel-reason"
            name="reason"
            rows="3"
            maxlength=${EVENT_CANCEL_REASON_MAX}
            aria-describedby="cancel-hint"
          ></textarea>
        </div>
        <div class="actions">
          <button
            type="button"
            class="secondary"
            @click=${() => this.renderRoot.querySelector('dialog')?.close()}
          >
            ${t('event.cancelBack')}
          </button>
          <button type="submit" class="primary danger-solid">${t('event.cancel')}</button>
        </div>
      </form>
    </dialog>`;
  }

  private async startEdit() {
    this.editing = true;
    await this.updateComplete;
    const composer = this.renderRoot.querySelector('bh-event-composer');
    await composer?.updateComplete;
    composer?.focusHeading();
  }

  private async endEdit() {
    this.editing = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#edit-event')?.focus();
  }

  private askCancel() {
    const dialog = this.renderRoot.querySelector('dialog');
    const reason = dialog?.querySelector('textarea');
    if (reason) reason.value = '';
    dialog?.showModal();
  }

  private onCancelDialogClose() {
    // Back to the button that opened it; once cancelled that button is gone, so the heading.
    const opener = this.renderRoot.querySelector<HTMLElement>('#cancel-event');
    if (opener) opener.focus();
    else this.focusHeading();
  }

  private async confirmCancel(submit: SubmitEvent) {
    submit.preventDefault();
    const event = this.community?.events.get(this.eventId);
    const reason = (submit.currentTarget as HTMLFormElement).querySelector('textarea')?.value;
    if (!event || !this.community || !this.identity) return;
    const author = await this.identity.ensure();
    if (!author) return;
    try {
      this.community.events.cancel(event.id, { reason: reason ?? '' }, author);
    } catch (error) {
      // Someone else cancelled it first (the first reason stands): the view shows theirs.
      if (!(error instanceof EventCancelledError)) throw error;
    }
    // Closed once the view has re-rendered, so focus lands on what is there now.
    await this.updateComplete;
    this.renderRoot.querySelector('dialog')?.close();
  }

  private renderRsvp(event: EventView) {
    const me = this.identity?.current;
    const mine = me ? (this.community?.events.rsvpOf(event.id, me.id) ?? null) : null;
    const canAnswer = !this.readOnly && me !== null && me !== undefined && me.role !== 'kiosk';
    const closed = event.cancelled !== undefined;
    return html`<section class="rsvp" aria-labelledby="rsvp-heading">
      <h3 id="rsvp-heading">${t('event.rsvpHeading')}</h3>
      <div class="rsvp-buttons" role="group" aria-labelledby="rsvp-heading">
        ${RSVP_ANSWERS.map(
          (answer) =>
            html`<button
              type="button"
              class="rsvp-button ${answer}"
              aria-pressed=${mine === answer ? 'true' : 'false'}
              ?disabled=${!canAnswer || this.busy || (closed && answer !== 'not')}
              @click=${() => void this.answer(answer)}
            >
              <span>${t(`event.rsvp.${answer}`)}</span>
              <span class="count">${event.counts[answer]}</span>
            </button>`,
        )}
      </div>
      <p class="rsvp-status" role="status">
        ${
          closed && canAnswer
            ? t('event.cancelledRsvp')
            : mine
              ? t(`event.rsvpMine.${mine}`)
              : canAnswer
                ? t('event.rsvpNone')
                : ''
        }
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
    downloadText(icsFileName(event.title), 'text/calendar;charset=utf-8', text);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-event-detail': BhEventDetail;
  }
}
