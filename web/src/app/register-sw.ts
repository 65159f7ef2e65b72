/**
 * Registers the service worker through workbox-window. A new version never takes over by
 * itself: the page is told it is waiting, and only when the user accepts does the page ask
 * it to skip waiting and reload once it controls the page. The composer's draft lives in
 * localStorage, so even that reload loses nothing.
 *
 * The relay's CSP turns Trusted Types on: a plain string may no longer become a script URL.
 * The app's own policy, 'buurthub', vouches for exactly one, the service worker's.
 */
import type { TrustedScriptURL, TrustedTypePolicyFactory } from 'trusted-types/lib';
import { Workbox } from 'workbox-window';

const SERVICE_WORKER_URL = '/sw.js';

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

export function registerServiceWorker(hooks: ServiceWorkerHooks): Workbox | null {
  // No service worker in development, in the kiosk (loaded from the app package) or where
  // the browser has none
  // (service workers need https or localhost).
  if (!import.meta.env.PROD || !window.isSecureContext || !('serviceWorker' in navigator)) {
    return null;
  }
  const wb = new Workbox(serviceWorkerUrl(), { scope: '/' });
  wb.addEventListener('waiting', () => {
    hooks.onUpdateWaiting(() => {
      wb.addEventListener('controlling', () => location.reload());
      wb.messageSkipWaiting();
    });
  });
  void wb.register();
  return wb;
}
