/// <reference lib="webworker" />
/**
 * The service worker: precaches the app shell so the PWA opens offline, and answers every
 * navigation with the precached index.html (the app routes on the client), and keeps media
 * the user has viewed (`/blobs/<sha256>`, immutable by name) cache-first so they open
 * offline, bounded to MEDIA_ENTRIES entries (about 60 MB of ~200 KB photos) and dropped
 * first when the browser runs out of quota. It never touches the sync endpoint, the HTTP
 * API or the relay's own pages and feeds. A new version waits until the page asks it to
 * take over (see app/register-sw.ts).
 */
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { ExpirationPlugin } from 'workbox-expiration';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';

const MEDIA_CACHE = 'buurthub-media';
const MEDIA_ENTRIES = 300;

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
      /^\/blobs\//,
      /^\/(healthz|readyz|metrics)$/,
      /^\/\.well-known\//,
      /^\/nb\/[^/]+\/(crisis|[^/]+\.(atom|xml|ics))$/,
    ],
  }),
);

// A blob's name is the hash of its bytes, so a cached copy is never stale. Only complete
// 200 answers are kept: a photo still on its way (404) is asked for again next time, and
// the `?try=` the photo component adds when retrying is ignored for the cache key.
registerRoute(
  ({ url, request }) =>
    request.method === 'GET' &&
    url.origin === self.location.origin &&
    /^\/blobs\/[0-9a-f]{64}$/.test(url.pathname),
  new CacheFirst({
    cacheName: MEDIA_CACHE,
    matchOptions: { ignoreSearch: true },
    plugins: [
      new CacheableResponsePlugin({ statuses: [200] }),
      new ExpirationPlugin({
        maxEntries: MEDIA_ENTRIES,
        maxAgeSeconds: 180 * 24 * 3600,
        purgeOnQuotaError: true,
      }),
    ],
  }),
);

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
