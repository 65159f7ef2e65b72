/**
 * Registers the service worker through workbox-window. A new version never takes over by
 * itself: the page is told it is waiting, and only when the user accepts does the page ask
 * it to skip waiting and reload once it controls the page. The composer's draft lives in
 * localStorage, so even that reload loses nothing.
 */
import { Workbox } from 'workbox-window';

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
  const wb = new Workbox('/sw.js', { scope: '/' });
  wb.addEventListener('waiting', () => {
    hooks.onUpdateWaiting(() => {
      wb.addEventListener('controlling', () => location.reload());
      wb.messageSkipWaiting();
    });
  });
  void wb.register();
  return wb;
}
