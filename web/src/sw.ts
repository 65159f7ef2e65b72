/// <reference lib="webworker" />
/**
 * The service worker: precaches the app shell so the PWA opens offline, and answers every
 * navigation with the precached index.html (the app routes on the client). It never
 * touches the sync endpoint, the HTTP API or the relay's own pages and feeds. A new
 * version waits until the page asks it to take over (see app/register-sw.ts).
 */
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: (string | { url: string; revision: string | null })[];
};

cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    // Served by the relay, never by the app shell: sync, API, health and metrics, JWKS,
    // and per-neighbourhood feeds and the no-JavaScript crisis page.
    denylist: [
      /^\/sync(\/|$)/,
      /^\/api(\/|$)/,
      /^\/(healthz|readyz|metrics)$/,
      /^\/\.well-known\//,
      /^\/nb\/[^/]+\/(crisis|[^/]+\.(atom|xml|ics))$/,
    ],
  }),
);

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
