/**
 * Registers the service worker and offers every new version of the app. A new version never
 * takes over by itself: the page is told it is waiting, and only when the user accepts does
 * the page ask it to skip waiting and reload once it controls the page. The composer's draft
 * lives in localStorage and unsent changes in IndexedDB, so even that reload loses nothing.
 *
 * Written against the plain ServiceWorkerRegistration rather than workbox-window, which stops
 * listening for updates after the first one it takes for someone else's (any found more than
 * a minute after registering), and only sees a version whose installation it watched from
 * the start or found already waiting. Here every new version is followed from whatever
 * stage it has reached. An app left open (a kiosk, a phone keeping the PWA for days) would
 * only hear of an update on a navigation: it asks the relay every hour and whenever the
 * device comes back online. The first visit is controlled at once (sw.ts claims the page),
 * so a later version waits for the user instead of activating unseen behind an old page.
 *
 * The relay's CSP turns Trusted Types on: a plain string may no longer become a script URL.
 * The app's own policy, 'buurthub', vouches for exactly one, the service worker's.
 */
import type { TrustedScriptURL, TrustedTypePolicyFactory } from 'trusted-types/lib';

const SERVICE_WORKER_URL = '/sw.js';
/** How often an open app asks for a new version (the browser itself checks on navigation). */
const UPDATE_CHECK_MS = 60 * 60 * 1000;
/** The message sw.ts answers with `skipWaiting()`. */
const SKIP_WAITING = { type: 'SKIP_WAITING' };

/** The service worker's URL, as a TrustedScriptURL where the browser has Trusted Types. */
function serviceWorkerUrl(): string | TrustedScriptURL {
  const factory = (window as { trustedTypes?: TrustedTypePolicyFactory }).trustedTypes;
  if (!factory) return SERVICE_WORKER_URL;
  const policy = factory.createPolicy('buurthub', {
    createScriptURL: (url: string) => {
      if (url !== SERVICE_WORKER_URL) throw new TypeError(`Not a script of this app: ${url}`);
      return url;
    },
  });
  return policy.createScriptURL(SERVICE_WORKER_URL);
}

export interface ServiceWorkerHooks {
  /** A new version is installed and waiting; call `apply` to switch to it and reload. */
  onUpdateWaiting(apply: () => void): void;
}

export function registerServiceWorker(hooks: ServiceWorkerHooks): void {
  // No service worker in development, in the kiosk (loaded from the app package) or where
  // the browser has none (service workers need https or localhost).
  if (!import.meta.env.PROD || !window.isSecureContext || !('serviceWorker' in navigator)) {
    return;
  }
  register(hooks).catch((error: unknown) => {
    // The app works without it, only not offline; the next page load tries again.
    console.warn('service worker not registered', error);
  });
}

async function register(hooks: ServiceWorkerHooks): Promise<void> {
  const container = navigator.serviceWorker;
  const registration = await container.register(serviceWorkerUrl() as string, { scope: '/' });

  const offered = new WeakSet<ServiceWorker>();
  const offer = (worker: ServiceWorker) => {
    // Without a controller this is the first install: it is already the running version.
    if (offered.has(worker) || !container.controller) return;
    offered.add(worker);
    hooks.onUpdateWaiting(() => {
      container.addEventListener('controllerchange', () => location.reload(), { once: true });
      worker.postMessage(SKIP_WAITING);
    });
  };
  const follow = (worker: ServiceWorker | null) => {
    if (!worker) return;
    const check = () => {
      if (worker.state === 'installed' && registration.waiting === worker) offer(worker);
    };
    worker.addEventListener('statechange', check);
    check();
  };
  // Whichever stage the browser's own update check reached before this ran.
  follow(registration.waiting);
  follow(registration.installing);
  registration.addEventListener('updatefound', () => follow(registration.installing));

  const checkForUpdate = () => {
    // Offline or the relay away: the next check or navigation tries again.
    registration.update().catch(() => undefined);
  };
  setInterval(checkForUpdate, UPDATE_CHECK_MS);
  window.addEventListener('online', checkForUpdate);
}
