/**
 * Uploading a neighbourhood's photos to the relay's blob store (`PUT /blobs/<sha256>` with
 * the member token as Bearer), one at a time, with progress from XMLHttpRequest's upload
 * events. Photos wait in IndexedDB (media-store.ts) while the device is offline or has no
 * usable token and are retried when the browser comes back online or the token changes.
 *
 * Components ask `state(hash)` to show progress and `localUrl(hash)` to show the device's
 * own copy before (and instead of) downloading it.
 */
import { blobPath } from '@buurthub/shared';
import { type StoredMedia, mediaStore } from './media-store.js';

export type UploadState =
  | { status: 'waiting' }
  | { status: 'uploading'; loaded: number; total: number }
  | { status: 'uploaded' }
  | { status: 'rejected'; httpStatus: number };

export interface MediaUploadsOptions {
  nb: string;
  /** The member token to send, or null (guest, demo, expired): uploads wait. */
  token: () => string | null;
  online: () => boolean;
  apiBase?: string;
}

export class MediaUploads {
  private readonly states = new Map<string, UploadState>();
  private readonly urls = new Map<string, string>();
  private readonly listeners = new Set<() => void>();
  private running = false;
  private again = false;
  private destroyed = false;
  private current: XMLHttpRequest | null = null;
  private readonly onOnline = () => void this.resume();

  constructor(private readonly options: MediaUploadsOptions) {
    window.addEventListener('online', this.onOnline);
    void this.resume();
  }

  get nb(): string {
    return this.options.nb;
  }

  /** Keeps a photo picked for a draft on the device, without uploading it (yet). */
  async keepDraft(hash: string, blob: Blob, type: string): Promise<void> {
    const existing = await mediaStore.get(hash);
    if (existing) return;
    await mediaStore.put({
      hash,
      nb: this.options.nb,
      type,
      blob,
      uploaded: false,
      createdAt: Date.now(),
      draft: true,
    });
  }

  /** Forgets a draft's photo the writer removed (never one that is published). */
  async discardDraft(hash: string): Promise<void> {
    const existing = await mediaStore.get(hash);
    if (existing?.draft) await mediaStore.delete(hash);
  }

  /** Keeps a prepared photo on the device and uploads it as soon as it can. */
  async add(hash: string, blob: Blob, type: string): Promise<void> {
    const existing = await mediaStore.get(hash);
    if (existing?.draft) {
      // Published now: from here on it is uploaded like any other photo.
      await mediaStore.put({ ...existing, draft: false, createdAt: Date.now() });
    } else if (!existing) {
      const media: StoredMedia = {
        hash,
        nb: this.options.nb,
        type,
        blob,
        uploaded: false,
        createdAt: Date.now(),
      };
      await mediaStore.put(media);
    }
    if (!existing?.uploaded) this.set(hash, { status: 'waiting' });
    void this.resume();
  }

  /** What is known about this photo's upload; undefined for photos this device did not add. */
  state(hash: string): UploadState | undefined {
    return this.states.get(hash);
  }

  /** An object URL of the device's own copy, or null when it has none. */
  async localUrl(hash: string): Promise<string | null> {
    const known = this.urls.get(hash);
    if (known) return known;
    const media = await mediaStore.get(hash).catch(() => undefined);
    if (!media) return null;
    const url = URL.createObjectURL(media.blob);
    this.urls.set(hash, url);
    return url;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Uploads everything still waiting (after going online, or with a new token). */
  async resume(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      do {
        this.again = false;
        const waiting = await mediaStore.pending(this.options.nb).catch(() => []);
        for (const media of waiting) {
          if (this.destroyed) return;
          if (this.states.get(media.hash)?.status === 'rejected') continue;
          this.set(media.hash, { status: 'waiting' });
          const token = this.options.token();
          if (!token || !this.options.online()) break;
          const outcome = await this.upload(media, token);
          if (outcome === 'retry-later') break;
        }
      } while (this.again && !this.destroyed);
    } finally {
      this.running = false;
    }
  }

  destroy(): void {
    this.destroyed = true;
    window.removeEventListener('online', this.onOnline);
    this.current?.abort();
    for (const url of this.urls.values()) URL.revokeObjectURL(url);
    this.urls.clear();
    this.listeners.clear();
  }

  private upload(media: StoredMedia, token: string): Promise<'done' | 'retry-later'> {
    return new Promise((resolve) => {
      const xhr = new XMLHttpRequest();
      this.current = xhr;
      xhr.open('PUT', `${this.options.apiBase ?? ''}${blobPath(media)}`);
      xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      xhr.setRequestHeader('Content-Type', media.type);
      const total = media.blob.size;
      this.set(media.hash, { status: 'uploading', loaded: 0, total });
      xhr.upload.onprogress = (event) => {
        this.set(media.hash, {
          status: 'uploading',
          loaded: event.loaded,
          total: event.lengthComputable ? event.total : total,
        });
      };
      xhr.onload = () => {
        this.current = null;
        if (xhr.status === 200 || xhr.status === 201) {
          void mediaStore.markUploaded(media.hash).finally(() => {
            this.set(media.hash, { status: 'uploaded' });
            resolve('done');
          });
        } else if (xhr.status === 401 || xhr.status === 429 || xhr.status >= 500) {
          // Token expired or the relay is busy: wait for a new token or the next attempt.
          this.set(media.hash, { status: 'waiting' });
          resolve('retry-later');
        } else {
          // The relay will never take these bytes (too large, not an image, wrong hash).
          this.set(media.hash, { status: 'rejected', httpStatus: xhr.status });
          resolve('done');
        }
      };
      const later = () => {
        this.current = null;
        this.set(media.hash, { status: 'waiting' });
        resolve('retry-later');
      };
      xhr.onerror = later;
      xhr.onabort = later;
      xhr.ontimeout = later;
      xhr.send(media.blob);
    });
  }

  private set(hash: string, state: UploadState): void {
    this.states.set(hash, state);
    for (const listener of this.listeners) listener();
  }
}
