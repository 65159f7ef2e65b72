/**
 * One photo or short video of a post: the device's own copy when it has one (media added
 * here show at once, also offline), else the relay's `/blobs/<hash>` (cached by the service
 * worker). A video plays in `<video controls preload="metadata">` with its description shown
 * below it. While this device uploads, a progress bar says how far it is; media another
 * member has not finished uploading are retried a few times instead of showing as broken.
 *
 * @csspart img - the image
 * @csspart video - the video
 */
import type { MediaRef } from '@buurthub/shared';
import { blobPath, isImageType } from '@buurthub/shared';
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { mediaContext } from '../../app/context.js';
import { ObserveController } from '../../app/controllers.js';
import { LocaleController, t } from '../../i18n/i18n.js';
import type { MediaUploads } from '../../media/uploads.js';
import { styles } from './bh-photo.styles.js';

const RETRIES = 12;

@customElement('bh-photo')
export class BhPhoto extends LitElement {
  static override styles = styles;

  @property({ attribute: false }) photo?: MediaRef;

  @consume({ context: mediaContext, subscribe: true })
  @state()
  private media?: MediaUploads;

  @state() private src = '';
  @state() private missing = false;
  private tries = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private resolvedFor = '';

  constructor() {
    super();
    new LocaleController(this);
    new ObserveController(
      this,
      () => this.media,
      (media, changed) => media.onChange(changed),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.retryTimer);
  }

  protected override willUpdate(): void {
    const hash = this.photo?.hash ?? '';
    if (hash && hash !== this.resolvedFor) {
      this.resolvedFor = hash;
      this.tries = 0;
      this.missing = false;
      this.src = '';
      void this.resolve(hash);
    }
  }

  private async resolve(hash: string): Promise<void> {
    const local = await this.media?.localUrl(hash);
    if (hash !== this.photo?.hash) return;
    this.src = local ?? blobPath({ hash });
  }

  private onError(): void {
    const hash = this.photo?.hash;
    if (!hash) return;
    this.missing = true;
    if (this.tries >= RETRIES) return;
    // Probably still on its way from the author's phone: ask again a little later.
    const delay = Math.min(30_000, 1000 * 2 ** Math.min(this.tries, 5));
    this.tries++;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.src = `${blobPath({ hash })}?try=${this.tries}`;
    }, delay);
  }

  override render() {
    const photo = this.photo;
    if (!photo) return nothing;
    const upload = this.media?.state(photo.hash);
    const video = !isImageType(photo.type);
    const fallback = video ? '16 / 9' : '4 / 3';
    const ratio = photo.width && photo.height ? `${photo.width} / ${photo.height}` : fallback;
    if (video) {
      return html`<figure class="video">
        <div class="frame" style="aspect-ratio: ${ratio}">
          ${
            this.src
              ? html`<video
                  part="video"
                  src=${this.src}
                  controls
                  preload="metadata"
                  playsinline
                  aria-label=${photo.alt ?? t('photo.video')}
                  @loadedmetadata=${() => (this.missing = false)}
                  @error=${this.onError}
                ></video>`
              : nothing
          }
          ${this.missing ? html`<p class="missing">${t('photo.videoNotYet')}</p>` : nothing}
        </div>
        ${photo.alt ? html`<figcaption class="description">${photo.alt}</figcaption>` : nothing}
        ${
          upload && upload.status !== 'uploaded'
            ? html`<p class="upload ${upload.status}">${this.renderUpload(upload, true)}</p>`
            : nothing
        }
      </figure>`;
    }
    return html`<figure style="aspect-ratio: ${ratio}">
      ${
        this.src
          ? html`<img
              part="img"
              src=${this.src}
              alt=${photo.alt ?? ''}
              width=${photo.width ?? nothing}
              height=${photo.height ?? nothing}
              loading="lazy"
              decoding="async"
              @load=${() => (this.missing = false)}
              @error=${this.onError}
            />`
          : nothing
      }
      ${this.missing ? html`<p class="missing">${t('photo.notYet')}</p>` : nothing}
      ${
        upload && upload.status !== 'uploaded'
          ? html`<figcaption class="upload ${upload.status}">
              ${this.renderUpload(upload)}
            </figcaption>`
          : nothing
      }
    </figure>`;
  }

  private renderUpload(upload: NonNullable<ReturnType<MediaUploads['state']>>, video = false) {
    if (upload.status === 'uploading') {
      const percent = upload.total > 0 ? Math.round((100 * upload.loaded) / upload.total) : 0;
      return html`<label>
        <span
          >${video ? t('photo.uploadingVideo', { percent }) : t('photo.uploading', { percent })}</span
        >
        <progress max="100" value=${percent}></progress>
      </label>`;
    }
    if (upload.status === 'rejected') return t('photo.rejected');
    return t('photo.waiting');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-photo': BhPhoto;
  }
}
