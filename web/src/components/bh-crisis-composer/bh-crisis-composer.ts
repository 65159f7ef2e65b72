/**
 * Composing a crisis alert (route `#crisis-nieuw`, moderators and officials): start from a
 * template in the UI language, edit the fields, choose the villages and the time it applies,
 * add photos (prepared on the device like post photos), look at a preview that is exactly
 * what residents will see, and publish it signed by this device with the member token as
 * certificate. Validation errors are shown per field in the UI language.
 *
 * @fires bh-crisis-published - the alert was published; `alertId` is its id
 */
import {
  ALERT_STATUSES,
  ALERT_TEMPLATES,
  type AlertInput,
  type AlertTemplateId,
  type AlertVerification,
  CERTAINTIES,
  type CrisisAlertView,
  type MediaRef,
  type PublicSpace,
  SEVERITIES,
  URGENCIES,
  ValidationError,
  alertTemplate,
  templateInput,
} from '@buurthub/shared';
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { mediaContext, publicContext } from '../../app/context.js';
import { ObserveController } from '../../app/controllers.js';
import { crisisContext } from '../../crisis/context.js';
import { alertHash } from '../../crisis/crisis-route.js';
import type { CrisisService } from '../../crisis/crisis-service.js';
import { renderAlertState } from '../../crisis/present.js';
import { LocaleController, type MessageKey, getLocale, t, tDynamic } from '../../i18n/i18n.js';
import { PhotoUnreadableError, preparePhoto, sha256Hex } from '../../media/photo.js';
import type { MediaUploads } from '../../media/uploads.js';
import { toLocalInput } from '../bh-crisis-alert/bh-crisis-alert.js';
import { styles } from './bh-crisis-composer.styles.js';

const PHOTOS_MAX = 4;

interface PickedPhoto {
  hash: string;
  blob: Blob;
  type: string;
  width: number;
  height: number;
  url: string;
  alt: string;
}

/** The form's fields as strings, as inputs hold them. */
interface Draft {
  template: AlertTemplateId;
  status: string;
  severity: string;
  urgency: string;
  certainty: string;
  event: string;
  headline: string;
  description: string;
  instruction: string;
  villages: string[];
  areaDesc: string;
  effective: string;
  expires: string;
}

export class BhCrisisPublishedEvent extends Event {
  static readonly type = 'bh-crisis-published';
  constructor(readonly alertId: string) {
    super(BhCrisisPublishedEvent.type, { bubbles: true, composed: true });
  }
}

/** The field a validation issue's path belongs to (`expires`, `villages.0` -> `villages`). */
export function issueField(path: string): string {
  return path.split('.')[0] ?? path;
}

@customElement('bh-crisis-composer')
export class BhCrisisComposer extends LitElement {
  static override styles = styles;

  @consume({ context: publicContext, subscribe: true })
  @state()
  private publicSpace?: PublicSpace;

  @consume({ context: crisisContext, subscribe: true })
  @state()
  private crisis?: CrisisService;

  @consume({ context: mediaContext, subscribe: true })
  private media?: MediaUploads;

  @state() private draft: Draft = this.fromTemplate('hoogwater', []);
  @state() private photos: PickedPhoto[] = [];
  @state() private errors: Record<string, string> = {};
  @state() private preview = false;
  @state() private busy = false;
  @state() private message = '';

  constructor() {
    super();
    new LocaleController(this);
    new ObserveController(
      this,
      () => this.publicSpace,
      (space, changed) => space.settings.observe(changed),
    );
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private fromTemplate(id: AlertTemplateId, villages: string[]): Draft {
    const now = Date.now();
    const input = templateInput(alertTemplate(id), getLocale(), { villages, effective: now });
    return {
      template: id,
      status: input.status,
      severity: input.severity,
      urgency: input.urgency ?? 'unknown',
      certainty: input.certainty ?? 'unknown',
      event: input.event ?? '',
      headline: input.headline,
      description: input.description,
      instruction: input.instruction ?? '',
      villages,
      areaDesc: '',
      effective: toLocalInput(now),
      expires: toLocalInput(input.expires),
    };
  }

  private villages(): string[] {
    return this.publicSpace?.settings.get()?.villages ?? [];
  }

  private input(): AlertInput {
    const d = this.draft;
    const time = (value: string) => (value ? new Date(value).getTime() : NaN);
    const photos: MediaRef[] = this.photos.map((p) => ({
      hash: p.hash,
      type: p.type as MediaRef['type'],
      alt: p.alt.trim(),
      width: p.width,
      height: p.height,
      bytes: p.blob.size,
    }));
    return {
      status: d.status as AlertInput['status'],
      severity: d.severity as AlertInput['severity'],
      urgency: d.urgency as AlertInput['urgency'],
      certainty: d.certainty as AlertInput['certainty'],
      category: alertTemplate(d.template).category,
      ...(d.event.trim() && { event: d.event.trim() }),
      headline: d.headline.trim(),
      description: d.description.trim(),
      ...(d.instruction.trim() && { instruction: d.instruction.trim() }),
      villages: d.villages,
      ...(d.areaDesc.trim() && { areaDesc: d.areaDesc.trim() }),
      effective: time(d.effective),
      expires: time(d.expires),
      media: photos,
    };
  }

  /** Field -> message in the UI language; empty when the alert can be published. */
  private validate(): Record<string, string> {
    const errors: Record<string, string> = {};
    const input = this.input();
    try {
      this.publicSpace?.crisis.validate(input);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      for (const issue of error.issues) {
        const field = issueField(issue.path);
        errors[field] ??= tDynamic(`crisis.invalid.${field}`, t('crisis.invalid.generic'));
      }
    }
    if (!Number.isFinite(input.effective)) errors.effective = t('crisis.invalid.effective');
    if (this.photos.some((p) => !p.alt.trim())) errors.media = t('composer.altRequired');
    return errors;
  }

  private previewView(): CrisisAlertView {
    const input = this.input();
    const author = this.crisis?.publisher() ?? { id: '-', name: '-', role: 'official' as const };
    const now = Date.now();
    const content = {
      status: input.status,
      category: input.category ?? 'Other',
      urgency: input.urgency ?? 'unknown',
      severity: input.severity,
      certainty: input.certainty ?? 'unknown',
      headline: input.headline,
      description: input.description,
      villages: input.villages,
      effective: input.effective,
      expires: input.expires,
      links: [],
      media: input.media ?? [],
      ...(input.event && { event: input.event }),
      ...(input.instruction && { instruction: input.instruction }),
      ...(input.areaDesc && { areaDesc: input.areaDesc }),
    } as CrisisAlertView['original'];
    return {
      ...content,
      id: 'preview',
      author,
      createdAt: now,
      msgType: 'alert',
      original: content,
      updates: [],
      updatedAt: now,
    };
  }

  override render() {
    if (this.preview) return this.renderPreview();
    const d = this.draft;
    const villages = this.villages();
    return html`<section class="card" aria-labelledby="compose-h">
      <h2 id="compose-h" tabindex="-1">${t('crisis.composeHeading')}</h2>
      <form novalidate @submit=${this.onPreview}>
        <div class="field">
          <label for="template">${t('crisis.template')}</label>
          <select id="template" @change=${this.onTemplate}>
            ${ALERT_TEMPLATES.map(
              (tpl) =>
                html`<option value=${tpl.id} ?selected=${tpl.id === d.template}>
                  ${tpl.event[getLocale()]}
                </option>`,
            )}
          </select>
          <p class="hint">${t('crisis.templateHint')}</p>
        </div>
        <div class="row">
          ${this.select('status', ALERT_STATUSES, 'crisis.status')}
          ${this.select('severity', SEVERITIES, 'crisis.severity')}
          ${this.select('urgency', URGENCIES, 'crisis.urgency')}
          ${this.select('certainty', CERTAINTIES, 'crisis.certainty')}
        </div>
        ${this.text('event', 'crisis.event', false)}
        ${this.text('headline', 'crisis.headline', false)}
        ${this.text('description', 'crisis.description', true)}
        ${this.text('instruction', 'crisis.instruction', true)}
        <fieldset
          class="field villages"
          aria-describedby=${this.errors.villages ? 'villages-error' : nothing}
        >
          <legend>${t('crisis.areas')}</legend>
          ${
            villages.length > 0
              ? villages.map(
                  (v) =>
                    html`<label class="check">
                      <input
                        type="checkbox"
                        .checked=${d.villages.includes(v)}
                        @change=${(e: Event) => this.toggleVillage(v, (e.target as HTMLInputElement).checked)}
                      />
                      ${v}
                    </label>`,
                )
              : html`<label for="villages">${t('crisis.villagesFree')}</label>
                  <input
                    id="villages"
                    .value=${d.villages.join(', ')}
                    @input=${(e: Event) => this.setVillages((e.target as HTMLInputElement).value)}
                  />`
          }
          ${this.errorFor('villages')}
        </fieldset>
        ${this.text('areaDesc', 'crisis.areaDesc', false)}
        <div class="row">
          ${this.datetime('effective', 'crisis.effective')}
          ${this.datetime('expires', 'crisis.expires')}
        </div>
        ${this.renderPhotos()}
        <div class="actions">
          <button class="primary" type="submit">${t('crisis.previewButton')}</button>
        </div>
        ${
          Object.keys(this.errors).length > 0
            ? html`<p class="field-error" role="alert">${t('crisis.fixErrors')}</p>`
            : nothing
        }
      </form>
    </section>`;
  }

  private select(field: keyof Draft, values: readonly string[], prefix: string) {
    return html`<div class="field">
      <label for=${field}>${t(`${prefix}Label` as MessageKey)}</label>
      <select
        id=${field}
        @change=${(e: Event) => this.set(field, (e.target as HTMLSelectElement).value)}
      >
        ${values.map(
          (v) =>
            html`<option value=${v} ?selected=${this.draft[field] === v}>
              ${t(`${prefix}.${v}` as MessageKey)}
            </option>`,
        )}
      </select>
    </div>`;
  }

  private text(field: keyof Draft, key: MessageKey, multiline: boolean) {
    const error = this.errors[field];
    const value = this.draft[field] as string;
    const onInput = (e: Event) => this.set(field, (e.target as HTMLInputElement).value);
    return html`<div class="field">
      <label for=${field}>${t(key)}</label>
      ${
        multiline
          ? html`<textarea
              id=${field}
              rows="4"
              .value=${value}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${error ? `${field}-error` : nothing}
              @input=${onInput}
            ></textarea>`
          : html`<input
              id=${field}
              .value=${value}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${error ? `${field}-error` : nothing}
              @input=${onInput}
            />`
      }
      ${this.errorFor(field)}
    </div>`;
  }

  private datetime(field: 'effective' | 'expires', key: MessageKey) {
    const error = this.errors[field];
    return html`<div class="field">
      <label for=${field}>${t(key)}</label>
      <input
        id=${field}
        type="datetime-local"
        .value=${this.draft[field]}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${field}-error` : nothing}
        @input=${(e: Event) => this.set(field, (e.target as HTMLInputElement).value)}
      />
      ${this.errorFor(field)}
    </div>`;
  }

  private errorFor(field: string) {
    const error = this.errors[field];
    return error ? html`<p id="${field}-error" class="field-error">${error}</p>` : nothing;
  }

  private renderPhotos() {
    return html`<fieldset class="field photo-field">
      <legend>${t('composer.photos')}</legend>
      <ul class="photo-list">
        ${this.photos.map(
          (p, i) =>
            html`<li>
              <img src=${p.url} alt="" width=${p.width} height=${p.height} />
              <div>
                <label for="alt-${i}">${t('composer.alt', { n: i + 1 })}</label>
                <textarea
                  id="alt-${i}"
                  rows="2"
                  aria-invalid=${this.errors.media && !p.alt.trim() ? 'true' : 'false'}
                  .value=${p.alt}
                  @input=${(e: Event) => this.setAlt(i, (e.target as HTMLTextAreaElement).value)}
                ></textarea>
                <button type="button" class="secondary" @click=${() => this.removePhoto(i)}>
                  ${t('composer.removePhoto', { n: i + 1 })}
                </button>
              </div>
            </li>`,
        )}
      </ul>
      ${
        this.photos.length < PHOTOS_MAX
          ? html`<label class="file-button">
              <input
                class="visually-hidden"
                type="file"
                accept="image/*"
                multiple
                @change=${this.onPick}
              />
              <span>${t('composer.choosePhoto')}</span>
            </label>`
          : nothing
      }
      ${this.errorFor('media')}
      <p class="hint" role="status">${this.message}</p>
    </fieldset>`;
  }

  private renderPreview() {
    const view = this.previewView();
    const publisher = this.crisis?.publisher();
    const verification: AlertVerification = {
      alert: {
        id: 'preview',
        kind: 'alert',
        status: 'verified',
        ...(publisher && {
          signer: { sub: publisher.id, name: publisher.name, role: publisher.role },
        }),
      },
      updates: [],
      official: true,
      verifiedView: view,
    };
    return html`<section class="card" aria-labelledby="preview-h">
        <h2 id="preview-h" tabindex="-1">${t('crisis.previewHeading')}</h2>
        <p class="hint">${t('crisis.previewHint')}</p>
      </section>
      <article class="card preview sev-${view.severity}">
        ${renderAlertState(view, verification, Date.now(), 3)}
      </article>
      <div class="actions">
        <button class="secondary" @click=${() => this.backToEdit()}>
          ${t('crisis.editAgain')}
        </button>
        <button class="primary" ?disabled=${this.busy} @click=${this.onPublish}>
          ${t('crisis.publishSigned')}
        </button>
      </div>
      ${this.errors.publish ? html`<p class="field-error" role="alert">${this.errors.publish}</p>` : nothing}`;
  }

  private backToEdit() {
    this.preview = false;
    void this.updateComplete.then(() => this.focusHeading());
  }

  private set(field: keyof Draft, value: string) {
    this.draft = { ...this.draft, [field]: value };
    if (this.errors[field]) {
      const { [field]: _gone, ...rest } = this.errors;
      this.errors = rest;
    }
  }

  private toggleVillage(village: string, on: boolean) {
    const villages = on
      ? [...this.draft.villages, village]
      : this.draft.villages.filter((v) => v !== village);
    this.draft = { ...this.draft, villages };
  }

  private setVillages(text: string) {
    const villages = text
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    this.draft = { ...this.draft, villages };
  }

  private onTemplate(event: Event) {
    const id = (event.target as HTMLSelectElement).value as AlertTemplateId;
    this.draft = { ...this.fromTemplate(id, this.draft.villages), areaDesc: this.draft.areaDesc };
    this.errors = {};
  }

  private setAlt(index: number, alt: string) {
    this.photos = this.photos.map((p, i) => (i === index ? { ...p, alt } : p));
  }

  private removePhoto(index: number) {
    const [removed] = this.photos.splice(index, 1);
    if (removed) URL.revokeObjectURL(removed.url);
    this.photos = [...this.photos];
  }

  private async onPick(event: Event) {
    const input = event.target as HTMLInputElement;
    const files = Array.from(input.files ?? []).slice(0, PHOTOS_MAX - this.photos.length);
    input.value = '';
    this.message = t('composer.preparing');
    for (const file of files) {
      try {
        const prepared = await preparePhoto(file);
        const hash = await sha256Hex(prepared.blob);
        if (this.photos.some((p) => p.hash === hash)) continue;
        const url = URL.createObjectURL(prepared.blob);
        this.photos = [...this.photos, { ...prepared, hash, url, alt: '' }];
      } catch (error) {
        if (!(error instanceof PhotoUnreadableError)) throw error;
        this.errors = { ...this.errors, media: t('composer.photoUnreadable', { name: file.name }) };
      }
    }
    this.message = '';
  }

  private async onPreview(event: Event) {
    event.preventDefault();
    this.errors = this.validate();
    const first = Object.keys(this.errors)[0];
    if (first) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#${first}, [aria-invalid="true"]`)?.focus();
      return;
    }
    // The photos are kept on the device now, so the preview shows them and they upload.
    for (const p of this.photos) await this.media?.add(p.hash, p.blob, p.type);
    this.preview = true;
    await this.updateComplete;
    this.focusHeading();
  }

  private async onPublish() {
    const crisis = this.crisis;
    const author = crisis?.publisher();
    const space = this.publicSpace;
    if (!crisis || !author || !space) return;
    this.busy = true;
    this.errors = {};
    try {
      const signer = await crisis.signer();
      if (!signer) {
        this.errors = { publish: t('crisis.error.noToken') };
        return;
      }
      const alert = await space.crisis.createSigned(this.input(), author, signer);
      for (const p of this.photos) URL.revokeObjectURL(p.url);
      this.photos = [];
      this.dispatchEvent(new BhCrisisPublishedEvent(alert.id));
      location.hash = alertHash(alert.id);
    } catch (error) {
      this.errors = {
        publish:
          error instanceof ValidationError ? t('crisis.error.invalid') : t('crisis.error.publish'),
      };
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-crisis-composer': BhCrisisComposer;
  }
  interface HTMLElementEventMap {
    'bh-crisis-published': BhCrisisPublishedEvent;
  }
}
