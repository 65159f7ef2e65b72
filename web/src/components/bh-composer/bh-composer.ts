/**
 * Writes a new post: title, body, category and (optionally) village. The half-written draft
 * is saved to localStorage on every keystroke and restored after a reload or an app update;
 * it is cleared only once the post is in the document. Photos and short videos (MP4/WebM
 * within the relay's limit, checked before anything is stored) picked for the draft are kept
 * in IndexedDB (not uploaded) and their references and descriptions in the draft, so they
 * come back after a reload too; a video can also be a link (https only, shown as a link
 * card). Validation messages come from the model's ValidationError and are shown next to
 * their field in the user's language.
 *
 * @fires bh-post-created - the post was published ({@link BhPostCreatedEvent})
 * @csspart form - the form
 */
import {
  ALT_MAX,
  type Author,
  BODY_MAX,
  type MediaLimits,
  type MediaRef,
  PHOTOS_MAX,
  type PostMedia,
  CATEGORIES,
  type Category,
  type CommunitySpace,
  PermissionError,
  type PublicSpace,
  TITLE_MAX,
  ValidationError,
  isImageType,
  videoLinkSchema,
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
import { BhPostCreatedEvent } from '../../app/events.js';
import type { IdentityService } from '../../app/identity.js';
import { issueMessage } from '../../app/validation-messages.js';
import { LocaleController, formatNumber, t } from '../../i18n/i18n.js';
import { PhotoUnreadableError, preparePhoto, sha256Hex } from '../../media/photo.js';
import { DEFAULT_MEDIA_LIMITS, mediaLimits } from '../../media/limits.js';
import { mediaStore } from '../../media/media-store.js';
import type { MediaUploads } from '../../media/uploads.js';
import { VideoTooLargeError, VideoTypeError, checkVideo } from '../../media/video.js';
import { stripVideoMetadata } from '../../media/video-metadata.js';
import { localStore } from '../../sync/local-store.js';
import { readDraft } from '../draft.js';
import { styles } from './bh-composer.styles.js';

interface Draft {
  title: string;
  body: string;
  category: string;
  village: string;
  /** A video elsewhere (https), shown as a link card. */
  videoLink: string;
}
type Field = keyof Draft;
const FIELDS: Field[] = ['title', 'body', 'category', 'village', 'videoLink'];
const EMPTY: Draft = { title: '', body: '', category: '', village: '', videoLink: '' };
const PICKED_TYPES = ['image/webp', 'image/jpeg', 'video/mp4', 'video/webm'] as const;
type PickedType = (typeof PICKED_TYPES)[number];

/** A photo or video picked for the post: prepared on the device, not yet uploaded. */
interface PickedPhoto {
  hash: string;
  blob: Blob;
  type: PickedType;
  width?: number;
  height?: number;
  url: string;
  alt: string;
  error: boolean;
}

const megabytes = (bytes: number) =>
  formatNumber(bytes / (1024 * 1024), { maximumFractionDigits: 1 });

@customElement('bh-composer')
export class BhComposer extends LitElement {
  static override styles = styles;

  /** localStorage key of the draft (one per neighbourhood). */
  @property() draftKey = 'buurthub:draft';
  /** No writing (schema too new). */
  @property({ type: Boolean }) readOnly = false;

  @consume({ context: communityContext, subscribe: true })
  private community?: CommunitySpace;

  @consume({ context: publicContext, subscribe: true })
  @state()
  private publicSpace?: PublicSpace;

  @consume({ context: identityContext, subscribe: true })
  @state()
  private identity?: IdentityService;

  @state() private draft: Draft = { ...EMPTY };
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private restored = false;
  @state() private busy = false;
  @state() private photos: PickedPhoto[] = [];
  @state() private preparing = 0;
  @state() private photoError = '';
  @state() private limits: MediaLimits = DEFAULT_MEDIA_LIMITS;

  @consume({ context: mediaContext, subscribe: true })
  private media?: MediaUploads;

  constructor() {
    super();
    new LocaleController(this);
    new ObserveController(
      this,
      () => this.publicSpace,
      (space, changed) => space.settings.observe(changed),
    );
    new ObserveController(
      this,
      () => this.identity,
      (identity, changed) => identity.onChange(changed),
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.draft = readDraft(localStore.get(this.draftKey), EMPTY);
    this.restored = FIELDS.some((f) => this.draft[f] !== '');
    void this.restorePhotos();
    void mediaLimits().then((limits) => (this.limits = limits));
  }

  private get photosKey(): string {
    return `${this.draftKey}:photos`;
  }

  /** The draft's photos: references and descriptions here, the bytes in IndexedDB. */
  private savePhotoRefs(): void {
    if (this.photos.length === 0) {
      localStore.remove(this.photosKey);
      return;
    }
    const refs = this.photos.map(({ hash, type, width, height, alt }) => ({
      hash,
      type,
      width,
      height,
      alt,
    }));
    localStore.set(this.photosKey, JSON.stringify(refs));
  }

  private async restorePhotos(): Promise<void> {
    let refs: unknown;
    try {
      refs = JSON.parse(localStore.get(this.photosKey) ?? '[]');
    } catch {
      return;
    }
    if (!Array.isArray(refs)) return;
    const restored: PickedPhoto[] = [];
    for (const ref of refs.slice(0, PHOTOS_MAX) as Partial<PickedPhoto>[]) {
      if (typeof ref?.hash !== 'string' || restored.some((p) => p.hash === ref.hash)) continue;
      const stored = await mediaStore.get(ref.hash).catch(() => undefined);
      const type = PICKED_TYPES.find((known) => known === stored?.type);
      if (!stored || !type) continue;
      restored.push({
        hash: ref.hash,
        blob: stored.blob,
        type,
        ...(Number(ref.width) > 0 ? { width: Number(ref.width) } : {}),
        ...(Number(ref.height) > 0 ? { height: Number(ref.height) } : {}),
        url: URL.createObjectURL(stored.blob),
        alt: typeof ref.alt === 'string' ? ref.alt : '',
        error: false,
      });
    }
    if (restored.length === 0) return;
    // Photos picked since opening stay; restored ones go first, in their old order.
    this.photos = [
      ...restored,
      ...this.photos.filter((p) => !restored.some((r) => r.hash === p.hash)),
    ];
    this.restored = true;
  }

  override render() {
    const villages = this.publicSpace?.settings.get()?.villages ?? [];
    // Only officials may post "from the municipality"; the model refuses it for others.
    const author = this.identity?.current;
    const role = author?.role;
    const categories = CATEGORIES.filter((c) => c !== 'gemeente' || role === 'official');
    return html`<form part="form" class="card" novalidate @submit=${this.onSubmit}>
      <h2 id="composer-heading" tabindex="-1">${t('composer.heading')}</h2>
      <p class="intro">${t('composer.intro')}</p>
      ${author ? this.renderAuthor(author) : nothing}
      ${this.readOnly ? html`<p class="readonly">${t('composer.readOnly')}</p>` : nothing}
      ${this.restored ? html`<p class="restored">${t('composer.draftRestored')}</p>` : nothing}
      <fieldset ?disabled=${this.readOnly}>
        <legend class="visually-hidden">${t('composer.heading')}</legend>
        <div class="field">
          <label for="title">${t('composer.title')}</label>
          <input
            id="title"
            name="title"
            autocomplete="off"
            maxlength=${TITLE_MAX}
            aria-required="true"
            .value=${this.draft.title}
            @input=${this.onInput}
            aria-invalid=${this.errors.title ? 'true' : 'false'}
            aria-describedby=${this.errors.title ? 'title-error' : nothing}
          />
          ${this.renderError('title')}
        </div>
        <div class="field">
          <label for="body">${t('composer.body')}</label>
          <textarea
            id="body"
            name="body"
            rows="7"
            maxlength=${BODY_MAX}
            aria-required="true"
            .value=${this.draft.body}
            @input=${this.onInput}
            aria-invalid=${this.errors.body ? 'true' : 'false'}
            aria-describedby=${this.errors.body ? 'body-error' : nothing}
          ></textarea>
          ${this.renderError('body')}
        </div>
        <div class="row">
          <div class="field">
            <label for="category">${t('composer.category')}</label>
            <select
              id="category"
              name="category"
              aria-required="true"
              @change=${this.onInput}
              aria-invalid=${this.errors.category ? 'true' : 'false'}
              aria-describedby=${this.errors.category ? 'category-error' : nothing}
            >
              <option value="" ?selected=${this.draft.category === ''}>
                ${t('composer.category.choose')}
              </option>
              ${categories.map(
                (c) =>
                  html`<option value=${c} ?selected=${this.draft.category === c}>
                    ${t(`category.${c}`)}
                  </option>`,
              )}
            </select>
            ${this.renderError('category')}
          </div>
          <div class="field">
            <label for="village">${t('composer.village')}</label>
            <select
              id="village"
              name="village"
              @change=${this.onInput}
              aria-invalid=${this.errors.village ? 'true' : 'false'}
              aria-describedby=${this.errors.village ? 'village-error' : nothing}
            >
              <option value="" ?selected=${this.draft.village === ''}>
                ${t('composer.village.all')}
              </option>
              ${villages.map(
                (v) => html`<option value=${v} ?selected=${this.draft.village === v}>${v}</option>`,
              )}
            </select>
            ${this.renderError('village')}
          </div>
        </div>
        ${this.renderPhotos()}
        <div class="field">
          <label for="videoLink">${t('composer.videoLink')}</label>
          <input
            id="videoLink"
            name="videoLink"
            type="url"
            inputmode="url"
            autocomplete="off"
            .value=${this.draft.videoLink}
            @input=${this.onInput}
            aria-invalid=${this.errors.videoLink ? 'true' : 'false'}
            aria-describedby=${this.errors.videoLink ? 'videoLink-hint videoLink-error' : 'videoLink-hint'}
          />
          <p id="videoLink-hint" class="hint">${t('composer.videoLinkHint')}</p>
          ${this.renderError('videoLink')}
        </div>
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${this.busy || this.preparing > 0}>
            ${t('composer.submit')}
          </button>
        </div>
      </fieldset>
    </form>`;
  }

  /** "Je schrijft als Anna (bewoner)." — name and role from the token; demo names say so. */
  private renderAuthor(author: Author) {
    const text = this.identity?.verified
      ? t('identity.postingAsRole', { name: author.name, role: t(`role.${author.role}`) })
      : t('identity.postingAsDemo', { name: author.name });
    return html`<p class="identity">
      <span>${text}</span>
      ${
        this.identity?.editable
          ? html`<button type="button" class="link" @click=${() => void this.identity?.edit()}>
              ${t('identity.change')}
            </button>`
          : nothing
      }
    </p>`;
  }

  private renderPhotos() {
    const full = this.photos.length >= PHOTOS_MAX;
    return html`<fieldset class="field photos" aria-describedby="photos-hint">
      <legend>${t('composer.photos')}</legend>
      <p id="photos-hint" class="hint">${t('composer.photosHint', { max: PHOTOS_MAX })}</p>
      ${
        this.photos.length > 0
          ? html`<ul class="photo-list">
              ${this.photos.map(
                (p, i) =>
                  html`<li class="photo">
                    ${
                      isImageType(p.type)
                        ? html`<img src=${p.url} alt="" width=${p.width} height=${p.height} />`
                        : html`<video
                            src=${p.url}
                            muted
                            preload="metadata"
                            aria-hidden="true"
                          ></video>`
                    }
                    <div class="photo-fields">
                      <label for="alt-${i}">
                        ${
                          isImageType(p.type)
                            ? t('composer.alt', { n: i + 1 })
                            : t('composer.videoAlt', { n: i + 1 })
                        }
                      </label>
                      <textarea
                        id="alt-${i}"
                        rows="2"
                        maxlength=${ALT_MAX}
                        aria-required="true"
                        aria-invalid=${p.error ? 'true' : 'false'}
                        aria-describedby=${p.error ? `alt-${i}-hint alt-${i}-error` : `alt-${i}-hint`}
                        .value=${p.alt}
                        @input=${(e: Event) => this.onAltInput(i, e)}
                      ></textarea>
                      <p id="alt-${i}-hint" class="hint">
                        ${isImageType(p.type) ? t('composer.altHint') : t('composer.videoAltHint')}
                      </p>
                      ${
                        p.error
                          ? html`<p id="alt-${i}-error" class="field-error">
                              ${
                                isImageType(p.type)
                                  ? t('composer.altRequired')
                                  : t('composer.videoAltRequired')
                              }
                            </p>`
                          : nothing
                      }
                      <button
                        type="button"
                        class="secondary small"
                        @click=${() => this.removePhoto(i)}
                      >
                        ${
                          isImageType(p.type)
                            ? t('composer.removePhoto', { n: i + 1 })
                            : t('composer.removeVideo', { n: i + 1 })
                        }
                      </button>
                    </div>
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      <div class="photo-buttons" ?hidden=${full}>
        <label class="file-button">
          <input
            class="visually-hidden"
            type="file"
            accept="image/*"
            multiple
            @change=${this.onPickPhotos}
          />
          <span>${t('composer.choosePhoto')}</span>
        </label>
        <label class="file-button">
          <input
            class="visually-hidden"
            type="file"
            accept="image/*"
            capture="environment"
            @change=${this.onPickPhotos}
          />
          <span>${t('composer.takePhoto')}</span>
        </label>
        <label class="file-button">
          <input
            class="visually-hidden"
            type="file"
            accept="video/mp4,video/webm"
            aria-describedby="video-hint"
            @change=${this.onPickVideo}
          />
          <span>${t('composer.chooseVideo')}</span>
        </label>
      </div>
      <p id="video-hint" class="hint">
        ${t('composer.videoHint', { max: megabytes(this.limits.maxVideoBytes) })}
      </p>
      <p class="hint" role="status">${this.preparing > 0 ? t('composer.preparing') : ''}</p>
      ${this.photoError ? html`<p class="field-error" role="alert">${this.photoError}</p>` : nothing}
    </fieldset>`;
  }

  private async onPickPhotos(event: Event) {
    const input = event.target as HTMLInputElement;
    const files = Array.from(input.files ?? []).slice(0, PHOTOS_MAX - this.photos.length);
    input.value = '';
    this.photoError = '';
    for (const file of files) {
      this.preparing++;
      try {
        const prepared = await preparePhoto(file);
        const hash = await sha256Hex(prepared.blob);
        if (this.photos.some((p) => p.hash === hash)) continue;
        await this.media?.keepDraft(hash, prepared.blob, prepared.type);
        this.photos = [
          ...this.photos,
          { ...prepared, hash, url: URL.createObjectURL(prepared.blob), alt: '', error: false },
        ];
        this.savePhotoRefs();
      } catch (error) {
        if (!(error instanceof PhotoUnreadableError)) throw error;
        this.photoError = t('composer.photoUnreadable', { name: file.name });
      } finally {
        this.preparing--;
      }
    }
  }

  /**
   * Adds a short video (not re-encoded; its user data blanked), after checking its type and
   * the relay's size limit; a refused file gets a message and changes nothing else in the draft.
   */
  private async onPickVideo(event: Event) {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file || this.photos.length >= PHOTOS_MAX) return;
    this.photoError = '';
    this.preparing++;
    try {
      // Asked again: the relay may have changed its limit since the composer opened.
      this.limits = await mediaLimits();
      const checked = await checkVideo(file, this.limits.maxVideoBytes);
      // Where it was filmed and on whose phone stay on the phone (video-metadata.ts).
      const original = new Uint8Array(await file.arrayBuffer());
      const blob = new Blob([stripVideoMetadata(original, checked.type).bytes], {
        type: checked.type,
      });
      const hash = await sha256Hex(blob);
      if (this.photos.some((p) => p.hash === hash)) return;
      await this.media?.keepDraft(hash, blob, checked.type);
      this.photos = [
        ...this.photos,
        { ...checked, hash, blob, url: URL.createObjectURL(blob), alt: '', error: false },
      ];
      this.savePhotoRefs();
    } catch (error) {
      if (error instanceof VideoTooLargeError) {
        this.photoError = t('composer.videoTooLarge', {
          name: file.name,
          size: megabytes(error.bytes),
          max: megabytes(error.maxBytes),
        });
      } else if (error instanceof VideoTypeError) {
        this.photoError = t('composer.videoType', { name: file.name });
      } else {
        throw error;
      }
    } finally {
      this.preparing--;
    }
  }

  private onAltInput(index: number, event: Event) {
    const alt = (event.target as HTMLTextAreaElement).value;
    this.photos = this.photos.map((p, i) => (i === index ? { ...p, alt, error: false } : p));
    this.savePhotoRefs();
  }

  private async removePhoto(index: number) {
    const [removed] = this.photos.splice(index, 1);
    if (removed) {
      URL.revokeObjectURL(removed.url);
      void this.media?.discardDraft(removed.hash);
    }
    this.photos = [...this.photos];
    this.savePhotoRefs();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.file-button input')?.focus();
  }

  /** The post's media: the picked photos and videos, then the video link if there is one. */
  private postMedia(): PostMedia[] {
    const refs: MediaRef[] = this.photos.map((p) => ({
      hash: p.hash,
      type: p.type,
      alt: p.alt.trim(),
      ...(p.width ? { width: p.width } : {}),
      ...(p.height ? { height: p.height } : {}),
      bytes: p.blob.size,
    }));
    const url = this.draft.videoLink.trim();
    return url ? [...refs, { kind: 'video-link', url }] : refs;
  }

  /** Moves focus to the composer heading (after a view change). */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private renderError(field: Field) {
    const message = this.errors[field];
    return message ? html`<p id="${field}-error" class="field-error">${message}</p>` : nothing;
  }

  private onInput(event: Event) {
    const el = event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
    const field = el.name as Field;
    this.draft = { ...this.draft, [field]: el.value };
    if (this.errors[field]) this.errors = { ...this.errors, [field]: undefined };
    this.restored = false;
    localStore.set(this.draftKey, JSON.stringify(this.draft));
  }

  private async onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (!this.community || !this.identity || this.readOnly || this.busy) return;
    this.busy = true;
    try {
      const { title, body, category, village, videoLink } = this.draft;
      const photos = this.postMedia();
      const input = {
        title,
        body,
        category: category as Category,
        village: village || undefined,
        ...(photos.length > 0 ? { photos } : {}),
      };
      // Point out missing fields before asking a first-time writer for their name.
      const link = videoLink.trim();
      if (link && !videoLinkSchema.safeParse({ kind: 'video-link', url: link }).success) {
        this.errors = { videoLink: t('composer.videoLinkInvalid') };
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#videoLink')?.focus();
        return;
      }
      if (this.photos.some((p) => !p.alt.trim())) {
        this.photos = this.photos.map((p) => ({ ...p, error: !p.alt.trim() }));
        await this.updateComplete;
        const index = this.photos.findIndex((p) => p.error);
        this.renderRoot.querySelector<HTMLElement>(`#alt-${index}`)?.focus();
        return;
      }
      this.community.posts.validate(input);
      const author = await this.identity.ensure();
      if (!author) return;
      // The device keeps each photo first, so the post shows it at once, also offline.
      for (const p of this.photos) await this.media?.add(p.hash, p.blob, p.type);
      const post = this.community.posts.create(input, author);
      for (const p of this.photos) URL.revokeObjectURL(p.url);
      this.photos = [];
      this.draft = { ...EMPTY };
      this.errors = {};
      this.restored = false;
      localStore.remove(this.draftKey);
      localStore.remove(this.photosKey);
      this.dispatchEvent(new BhPostCreatedEvent(post.id));
    } catch (error) {
      if (error instanceof ValidationError) {
        const errors: Partial<Record<Field, string>> = {};
        for (const issue of error.issues) {
          const field = issue.path.split('.')[0] as Field;
          if (FIELDS.includes(field) && !errors[field]) errors[field] = issueMessage(issue, field);
        }
        this.errors = errors;
      } else if (error instanceof PermissionError) {
        this.errors = { category: t('validation.permission') };
      } else {
        throw error;
      }
      await this.updateComplete;
      const first = FIELDS.find((f) => this.errors[f]);
      if (first) this.renderRoot.querySelector<HTMLElement>(`#${first}`)?.focus();
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-composer': BhComposer;
  }
}
