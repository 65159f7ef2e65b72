/**
 * Crisis information of one opened neighbourhood, for every component that shows it:
 *
 * - pins the relay's keys (jwks-pins.ts) on the first start of a neighbourhood without pins
 *   and again whenever the member session changes (join, token refresh), never while
 *   verifying;
 * - verifies each alert against the pinned keys (verifications.ts);
 * - notices alerts and updates that arrive by sync (arrivals.ts): announces them for screen
 *   readers, shows a system notification when the user allowed it, and fetches their photos
 *   through the service worker so they are in its media cache before the network goes.
 */
import {
  type AlertVerification,
  type Author,
  type CrisisAlertView,
  type DeviceSigner,
  type PublicSpace,
  blobPath,
  canModerate,
} from '@buurthub/shared';
import { deviceBytesSigner } from '../identity/device-key.js';
import { type Sessions, authorOf } from '../identity/session.js';
import { t } from '../i18n/i18n.js';
import { type Arrival, findArrivals, itemIds } from './arrivals.js';
import type { JwksPins, PinStore } from './jwks-pins.js';
import { AlertVerifications } from './verifications.js';

const SEEN_PREFIX = 'buurthub:crisis-seen:';
const SEEN_MAX = 500;
const ANNOUNCE_MS = 30_000;

export interface CrisisServiceOptions {
  nb: string;
  publicSpace: PublicSpace;
  pins: JwksPins;
  sessions: Sessions;
  store: PinStore;
  online: () => boolean;
  now?: () => number;
}

export interface Announcement {
  text: string;
  alertId: string;
  at: number;
}

export class CrisisService {
  readonly verifications: AlertVerifications;
  /** The latest arrival said out loud (and shown) by the banner's live region. */
  announcement: Announcement | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly offs: (() => void)[] = [];
  private readonly warmed = new Set<string>();
  private destroyed = false;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: CrisisServiceOptions) {
    const { nb, pins, sessions, publicSpace } = options;
    this.verifications = new AlertVerifications(nb, () => pins.get(nb));
    this.offs.push(
      this.verifications.onChange(() => this.changed()),
      pins.onChange((changedNb) => changedNb === nb && this.changed()),
      sessions.onChange((changedNb) => {
        if (changedNb === nb && options.online()) void pins.pin(nb);
      }),
      publicSpace.crisis.observe(() => this.onAlertsChanged()),
    );
    if (!pins.has(nb) && options.online()) void pins.pin(nb);
    this.onAlertsChanged();
  }

  get nb(): string {
    return this.options.nb;
  }

  /** The verification of `alert` as it is now; undefined while it is computed. */
  verification(alert: CrisisAlertView): AlertVerification | undefined {
    return this.verifications.get(alert);
  }

  /** True when this device has relay keys to verify against. */
  get pinned(): boolean {
    return this.options.pins.has(this.options.nb);
  }

  /** The member who may publish crisis information here, or null (residents, guests). */
  publisher(): Author | null {
    const session = this.options.sessions.get(this.options.nb);
    if (!session || session.needsInvite || !canModerate(session.role)) return null;
    return authorOf(session);
  }

  /** The author's device as signer, with the session token as certificate; null without one. */
  async signer(): Promise<DeviceSigner | null> {
    const token = this.options.sessions.usableToken(this.options.nb);
    if (!token) return null;
    return { sign: await deviceBytesSigner(), token };
  }

  /** Whether system notifications can be asked for / are on. */
  get notificationPermission(): NotificationPermission | 'unsupported' {
    return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
  }

  /** Asks for permission to notify; call only from a user's action (a button). */
  async enableNotifications(): Promise<NotificationPermission | 'unsupported'> {
    if (typeof Notification === 'undefined') return 'unsupported';
    const result = await Notification.requestPermission();
    this.changed();
    return result;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.announceTimer);
    this.offs.forEach((off) => off());
    this.listeners.clear();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  private ownId(): string | null {
    return this.options.sessions.get(this.options.nb)?.sub ?? null;
  }

  private onAlertsChanged(): void {
    if (this.destroyed) return;
    const now = (this.options.now ?? Date.now)();
    const crisis = this.options.publicSpace.crisis;
    const active = crisis.active(now);
    this.warmMedia(active);
    const key = SEEN_PREFIX + this.options.nb;
    const stored = this.options.store.get(key);
    const all = crisis.all();
    const ids = itemIds(all);
    if (stored === null) {
      // First start here: what is already there is not news.
      this.options.store.set(key, JSON.stringify(ids.slice(-SEEN_MAX)));
      return;
    }
    let seen: Set<string>;
    try {
      seen = new Set(JSON.parse(stored) as string[]);
    } catch {
      seen = new Set();
    }
    const arrivals = findArrivals(active, seen, this.ownId());
    const unseen = ids.filter((id) => !seen.has(id));
    if (unseen.length === 0) return;
    this.options.store.set(key, JSON.stringify([...seen, ...unseen].slice(-SEEN_MAX)));
    for (const arrival of arrivals) void this.announce(arrival);
  }

  private async announce(arrival: Arrival): Promise<void> {
    const alert = this.options.publicSpace.crisis.get(arrival.alertId);
    if (!alert) return;
    const verification = await this.verifications.verify(alert);
    const verified =
      arrival.kind === 'alert'
        ? verification.alert.status === 'verified'
        : verification.updates.find((u) => u.id === arrival.itemId)?.status === 'verified';
    const title = t(
      arrival.kind === 'alert'
        ? 'crisis.announce.alert'
        : arrival.kind === 'cancel'
          ? 'crisis.announce.cancel'
          : 'crisis.announce.update',
      { headline: arrival.headline },
    );
    const mark = verified ? t('crisis.official') : t('crisis.unverified');
    const text = `${title} (${mark}). ${arrival.text}`;
    this.announcement = { text, alertId: arrival.alertId, at: Date.now() };
    this.changed();
    clearTimeout(this.announceTimer);
    // Heard and read by then; the banner and the alert page keep the content itself.
    this.announceTimer = setTimeout(() => {
      this.announcement = null;
      this.changed();
    }, ANNOUNCE_MS);
    this.notify(`${title} (${mark})`, arrival);
  }

  private notify(title: string, arrival: Arrival): void {
    if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
    const options: NotificationOptions = {
      body: arrival.text.slice(0, 200),
      tag: `crisis-${arrival.alertId}`,
      icon: '/icons/icon-192.png',
    };
    const open = () => {
      window.focus();
      location.hash = `#crisis/${arrival.alertId}`;
    };
    try {
      const notification = new Notification(title, options);
      notification.onclick = open;
    } catch {
      // Chrome on Android only shows notifications through the service worker.
      void navigator.serviceWorker?.ready
        .then((registration) => registration.showNotification(title, options))
        .catch(() => undefined);
    }
  }

  /** Fetches the photos of active alerts once, through the service worker's media cache. */
  private warmMedia(alerts: readonly CrisisAlertView[]): void {
    if (!this.options.online() || typeof fetch === 'undefined') return;
    const hashes = alerts.flatMap((a) => [
      ...a.media.map((m) => m.hash),
      ...a.updates.flatMap((u) => u.media.map((m) => m.hash)),
    ]);
    for (const hash of hashes) {
      if (this.warmed.has(hash)) continue;
      this.warmed.add(hash);
      // A photo still on its way (404) is tried again on the next change.
      void fetch(blobPath({ hash }))
        .then((response) => {
          if (!response.ok) this.warmed.delete(hash);
          // Read to the end: the service worker keeps it as the page receives it.
          return response.arrayBuffer();
        })
        .catch(() => this.warmed.delete(hash));
    }
  }
}
