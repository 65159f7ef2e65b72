/**
 * Creates an event, or with `eventId` edits one: title, description (Buurthub markup), date
 * and time or all day, place, village, capacity, visibility (members or public) and an
 * optional photo prepared like a post's (resized, EXIF-free, kept on the device and uploaded
 * when it can). The half-written draft (also of an edit) survives a reload; validation
 * messages come from the model, in the user's language. A new event opens on success; an
 * edit fires `bh-event-edit-end`.
 *
 * @fires bh-event-edit-end - an edit was saved or abandoned ({@link BhEventEditEndEvent})
 * @csspart form - the form
 */
import {
  ALT_MAX,
  CAPACITY_MAX,
  type CommunitySpace,
  EVENT_DESCRIPTION_MAX,
  EVENT_TITLE_MAX,
  type MediaRef,
  PLACE_MAX,
  PermissionError,
  type PublicSpace,
  ValidationError,
  type Visibility,
} from '@buurthub/shared';
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  communityContext,
  identityContext,
  mediaContext,
  publicContext,
} from '../../app/context.js';
import { ObserveController } from '../../app/controllers.js';
import type { IdentityService } from '../../app/identity.js';
import { eventHash } from '../../app/route.js';
import {
  EMPTY_EVENT_DRAFT,
  type EventDraft,
  type EventField,
  draftToInput,
  eventToDraft,
  fieldOfIssue,
} from '../../agenda/event-form.js';
import { LocaleController, t, tDynamic } from '../../i18n/i18n.js';
import '../bh-photo/bh-photo.js';
import { PhotoUnreadableError, preparePhoto, sha256Hex } from '../../media/photo.js';
import type { MediaUploads } from '../../media/uploads.js';
import { localStore } from '../../sync/local-store.js';
import { readDraft } from '../draft.js';
import { styles } from './bh-event-composer.styles.js';

const FIELD_ORDER: EventField[] = [
  'title',
  'description',
  'startDate',
  'startTime',
  'endDate',
  'endTime',
  'place',
  'village',
  'capacity',
  'visibility',
];

interface PickedPhoto {
  hash: string;
  blob: Blob;
  type: 'image/webp' | 'image/jpeg';
  width: number;
  height: number;
  url: string;
  alt: string;
  error: boolean;
}

const MAX: Partial<Record<EventField, number>> = {
  title: EVENT_TITLE_MAX,
  description: EVENT_DESCRIPTION_MAX,
  place: PLACE_MAX,
  capacity: CAPACITY_MAX,
};

/** `validation.event.<field>.<code>`, then `validation.event.<field>`, then the general ones. */
function eventIssueMessage(field: EventField, code: string): string {
  const params = { max: MAX[field] ?? '' };
  const general = tDynamic(`validation.${code}`, t('validation.invalid'), params);
  const perField = tDynamic(`validation.event.${field}`, general, params);
  return tDynamic(`validation.event.${field}.${code}`, perField, params);
}

/** Editing ended: `saved` says whether the changes were written. */
export class BhEventEditEndEvent extends Event {
  static readonly type = 'bh-event-edit-end';
  constructor(readonly saved: boolean) {
    super(BhEventEditEndEvent.type, { bubbles: true, composed: true });
  }
}

@customElement('bh-event-composer')
export class BhEventComposer extends LitElement {
  static override styles = styles;

  @property() draftKey = 'buurthub:event-draft';
  /** The event to edit; empty for a new one. Set it before the element is connected. */
  @property() eventId = '';
  @property({ type: Boolean }) readOnly = false;

  @consume({ context: communityContext, subscribe: true })
  private community?: CommunitySpace;

  @consume({ context: publicContext, subscribe: true })
  @state()
  private publicSpace?: PublicSpace;

  @consume({ context: identityContext, subscribe: true })
  @state()
  private identity?: IdentityService;

  @consume({ context: mediaContext, subscribe: true })
  private media?: MediaUploads;

  @state() private draft: EventDraft = { ...EMPTY_EVENT_DRAFT };
  @state() private errors: Partial<Record<EventField, string>> = {};
  @state() private busy = false;
  @state() private restored = false;
  @state() private photo: PickedPhoto | null = null;
  /** When editing: the event's photo as it is, until it is removed or replaced. */
  @state() private keptPhoto: MediaRef | null = null;
  @state() private preparing = false;
  @state() private photoError = '';

  constructor() {
    super();
    new LocaleController(this);
    new ObserveController(
      this,
      () => this.publicSpace,
      (space, changed) => space.settings.observe(changed),
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.eventId) {
      // Each event has its own draft, so a half-done edit never leaks into a new event.
      this.draftKey = `buurthub:event-edit:${this.eventId}`;
      const event = this.community?.events.get(this.eventId);
      const stored = localStore.get(this.draftKey);
      this.draft = stored
        ? this.storedDraft(stored)
        : event
          ? eventToDraft(event, this.community?.events.timeZone ?? '')
          : { ...EMPTY_EVENT_DRAFT };
      this.restored = stored !== null;
      this.keptPhoto = event?.photo ?? null;
      return;
    }
    this.draft = this.storedDraft(localStore.get(this.draftKey));
    this.restored = JSON.stringify(this.draft) !== JSON.stringify(EMPTY_EVENT_DRAFT);
  }

  /** The draft kept on this device; any visibility but "public" reads as members only. */
  private storedDraft(stored: string | null): EventDraft {
    const draft = readDraft(stored, EMPTY_EVENT_DRAFT);
    return draft.visibility === 'public' ? draft : { ...draft, visibility: 'members' };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.photo) URL.revokeObjectURL(this.photo.url);
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  override render() {
    const villages = this.publicSpace?.settings.get()?.villages ?? [];
    const d = this.draft;
    const editing = this.eventId !== '';
    return html`${editing ? nothing : html`<a class="back" href="#agenda">${t('event.back')}</a>`}
      <form part="form" class="card" novalidate @submit=${this.onSubmit}>
        <h2 tabindex="-1">
          ${editing ? t('eventComposer.editHeading') : t('eventComposer.heading')}
        </h2>
        <p class="intro">${editing ? t('eventComposer.editIntro') : t('eventComposer.intro')}</p>
        ${this.readOnly ? html`<p class="readonly">${t('composer.readOnly')}</p>` : nothing}
        ${this.restored ? html`<p class="restored">${t('composer.draftRestored')}</p>` : nothing}
        <fieldset class="plain" ?disabled=${this.readOnly}>
          <legend class="visually-hidden">${t('eventComposer.heading')}</legend>
          ${this.textField('title', 'text', EVENT_TITLE_MAX, true)}
          <div class="field">
            <label for="ev-description">${t('eventComposer.description')}</label>
            <textarea
              id="ev-description"
              name="description"
              rows="5"
              maxlength=${EVENT_DESCRIPTION_MAX}
              .value=${d.description}
              @input=${this.onInput}
              aria-invalid=${this.errors.description ? 'true' : 'false'}
              aria-describedby=${this.errors.description ? 'ev-description-error' : nothing}
            ></textarea>
            ${this.renderError('description')}
          </div>
          <div class="field check">
            <input
              id="ev-allDay"
              type="checkbox"
              name="allDay"
              .checked=${d.allDay}
              @change=${this.onInput}
            />
            <label for="ev-allDay">${t('eventComposer.allDay')}</label>
          </div>
          <div class="row">
            ${this.textField('startDate', 'date', undefined, true)}
            ${d.allDay ? nothing : this.textField('startTime', 'time', undefined, true)}
          </div>
          <div class="row">
            ${this.textField('endDate', 'date', undefined, false, t('eventComposer.endDateHint'))}
            ${d.allDay ? nothing : this.textField('endTime', 'time', undefined, true)}
          </div>
          <p class="hint tz">${t('eventComposer.timeZone')}</p>
          ${this.textField('place', 'text', PLACE_MAX, true)}
          <div class="row">
            ${
              villages.length > 0
                ? html`<div class="field">
                    <label for="ev-village">${t('composer.village')}</label>
                    <select id="ev-village" name="village" @change=${this.onInput}>
                      <option value="" ?selected=${d.village === ''}>
                        ${t('composer.village.all')}
                      </option>
                      ${villages.map(
                        (v) => html`<option value=${v} ?selected=${d.village === v}>${v}</option>`,
                      )}
                    </select>
                  </div>`
                : nothing
            }
            ${this.textField('capacity', 'number', undefined, false, t('eventComposer.capacityHint'))}
          </div>
          <fieldset class="field visibility">
            <legend>${t('eventComposer.visibility')}</legend>
            ${(['members', 'public'] as Visibility[]).map(
              (v) =>
                html`<div class="radio">
                  <input
                    type="radio"
                    id="ev-visibility-${v}"
                    name="visibility"
                    value=${v}
                    .checked=${d.visibility === v}
                    @change=${this.onInput}
                  />
                  <label for="ev-visibility-${v}">
                    ${t(`eventComposer.visibility.${v}`)}
                    <span class="hint">${t(`eventComposer.visibilityHint.${v}`)}</span>
                  </label>
                </div>`,
            )}
          </fieldset>
          ${this.renderPhoto()}
          <div class="actions">
            ${
              editing
                ? html`<button type="button" class="secondary" @click=${this.discard}>
                    ${t('eventComposer.discard')}
                  </button>`
                : nothing
            }
            <button type="submit" class="primary" ?disabled=${this.busy || this.preparing}>
              ${editing ? t('eventComposer.save') : t('eventComposer.submit')}
            </button>
          </div>
        </fieldset>
      </form>`;
  }

  private textField(
    field: EventField,
    type: string,
    maxlength: number | undefined,
    required: boolean,
    hint?: string,
  ) {
    const id = `ev-${field}`;
    const error = this.errors[field];
    const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : '']
      .filter(Boolean)
      .join(' ');
    return html`<div class="field">
      <label for=${id}>${t(`eventComposer.${field}` as 'eventComposer.title')}</label>
      <input
        id=${id}
        name=${field}
        type=${type}
        autocomplete="off"
        maxlength=${maxlength ?? nothing}
        min=${type === 'number' ? '1' : nothing}
        inputmode=${type === 'number' ? 'numeric' : nothing}
        aria-required=${required ? 'true' : 'false'}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        .value=${this.draft[field] as string}
        @input=${this.onInput}
      />
      ${hint ? html`<p id="${id}-hint" class="hint">${hint}</p>` : nothing}
      ${this.renderError(field)}
    </div>`;
  }

  private renderError(field: EventField) {
    const message = this.errors[field];
    return message ? html`<p id="ev-${field}-error" class="field-error">${message}</p>` : nothing;
  }

  private renderPhoto() {
    const p = this.photo;
    return html`<fieldset class="field photo" aria-describedby="ev-photo-hint">
      <legend>${t('eventComposer.photo')}</legend>
      <p id="ev-photo-hint" class="hint">${t('eventComposer.photoHint')}</p>
      ${
        !p && this.keptPhoto
          ? html`<div class="picked kept">
              <bh-photo .photo=${this.keptPhoto}></bh-photo>
              <div>
                <p>${t('eventComposer.currentPhoto', { alt: this.keptPhoto.alt ?? '' })}</p>
                <button type="button" class="secondary small" @click=${this.removePhoto}>
                  ${t('eventComposer.removePhoto')}
                </button>
              </div>
            </div>`
          : p
            ? html`<div class="picked">
                <img src=${p.url} alt="" width=${p.width} height=${p.height} />
                <div>
                  <label for="ev-alt">${t('eventComposer.alt')}</label>
                  <textarea
                    id="ev-alt"
                    rows="2"
                    maxlength=${ALT_MAX}
                    aria-required="true"
                    aria-invalid=${p.error ? 'true' : 'false'}
                    aria-describedby=${p.error ? 'ev-alt-hint ev-alt-error' : 'ev-alt-hint'}
                    .value=${p.alt}
                    @input=${(e: Event) =>
                      (this.photo = {
                        ...p,
                        alt: (e.target as HTMLTextAreaElement).value,
                        error: false,
                      })}
                  ></textarea>
                  <p id="ev-alt-hint" class="hint">${t('composer.altHint')}</p>
                  ${
                    p.error
                      ? html`<p id="ev-alt-error" class="field-error">
                          ${t('composer.altRequired')}
                        </p>`
                      : nothing
                  }
                  <button type="button" class="secondary small" @click=${this.removePhoto}>
                    ${t('eventComposer.removePhoto')}
                  </button>
                </div>
              </div>`
            : html`<label class="file-button">
                <input
                  class="visually-hidden"
                  type="file"
                  accept="image/*"
                  @change=${this.onPick}
                />
                <span>${t('composer.choosePhoto')}</span>
              </label>`
      }
      <p class="hint" role="status">${this.preparing ? t('composer.preparing') : ''}</p>
      ${this.photoError ? html`<p class="field-error" role="alert">${this.photoError}</p>` : nothing}
    </fieldset>`;
  }

  private async onPick(event: Event) {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this.photoError = '';
    this.preparing = true;
    try {
      const prepared = await preparePhoto(file);
      const hash = await sha256Hex(prepared.blob);
      this.photo = {
        ...prepared,
        hash,
        url: URL.createObjectURL(prepared.blob),
        alt: '',
        error: false,
      };
    } catch (error) {
      if (!(error instanceof PhotoUnreadableError)) throw error;
      this.photoError = t('composer.photoUnreadable', { name: file.name });
    } finally {
      this.preparing = false;
    }
  }

  private async removePhoto() {
    if (this.photo) URL.revokeObjectURL(this.photo.url);
    this.photo = null;
    this.keptPhoto = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.file-button input')?.focus();
  }

  private onInput(event: Event) {
    const el = event.target as HTMLInputElement;
    const field = el.name as keyof EventDraft;
    const value = el.type === 'checkbox' ? el.checked : el.value;
    this.draft = { ...this.draft, [field]: value };
    if (field !== 'allDay' && this.errors[field]) {
      this.errors = { ...this.errors, [field]: undefined };
    }
    this.restored = false;
    localStore.set(this.draftKey, JSON.stringify(this.draft));
  }

  private async onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (!this.community || !this.identity || this.readOnly || this.busy) return;
    this.busy = true;
    try {
      const events = this.community.events;
      const base = draftToInput(this.draft, events.timeZone);
      const p = this.photo;
      const input = p
        ? {
            ...base,
            photo: {
              hash: p.hash,
              type: p.type,
              alt: p.alt.trim(),
              width: p.width,
              height: p.height,
              bytes: p.blob.size,
            },
          }
        : base;
      // The form always holds a whole event, so an edit is checked like a new one.
      events.validate(input);
      if (p && !p.alt.trim()) {
        this.photo = { ...p, error: true };
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#ev-alt')?.focus();
        return;
      }
      const author = await this.identity.ensure();
      if (!author) return;
      if (p) await this.media?.add(p.hash, p.blob, p.type);
      // An edit clears what the form left empty, not keeps it: the form shows the whole event.
      const saved = this.eventId
        ? events.edit(
            this.eventId,
            {
              ...input,
              capacity: input.capacity ?? null,
              village: input.village ?? null,
              photo: input.photo ?? this.keptPhoto ?? null,
            },
            author,
          )
        : events.create(input, author);
      if (p) URL.revokeObjectURL(p.url);
      this.photo = null;
      this.draft = { ...EMPTY_EVENT_DRAFT };
      this.errors = {};
      localStore.remove(this.draftKey);
      if (this.eventId) this.dispatchEvent(new BhEventEditEndEvent(true));
      else location.hash = eventHash(saved.id);
    } catch (error) {
      if (error instanceof ValidationError) {
        const errors: Partial<Record<EventField, string>> = {};
        for (const issue of error.issues) {
          const field = fieldOfIssue(issue.path, this.draft.allDay);
          if (field && !errors[field]) errors[field] = eventIssueMessage(field, issue.code);
        }
        this.errors = errors;
      } else if (error instanceof PermissionError) {
        this.photoError = t('eventComposer.notAllowed');
      } else {
        throw error;
      }
      await this.updateComplete;
      const first = FIELD_ORDER.find((f) => this.errors[f]);
      if (first) this.renderRoot.querySelector<HTMLElement>(`#ev-${first}`)?.focus();
    } finally {
      this.busy = false;
    }
  }

  private discard() {
    localStore.remove(this.draftKey);
    this.dispatchEvent(new BhEventEditEndEvent(false));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-event-composer': BhEventComposer;
  }
  interface HTMLElementEventMap {
    'bh-event-edit-end': BhEventEditEndEvent;
  }
}
