/// <reference lib="webworker" />
/**
 * The service worker: precaches the app shell so the PWA opens offline, and answers every
 * navigation with the precached index.html (the app routes on the client), and keeps media
 * the user has viewed (`/blobs/<sha256>`, immutable by name) cache-first so they open
 * offline, bounded to MEDIA_ENTRIES entries (about 60 MB of ~200 KB photos) and dropped
 * first when the browser runs out of quota. Videos are played through byte ranges: a cached
 * video answers them from the cache (206), and one not cached yet is fetched whole once in
 * the background while it plays, so a video someone has watched also plays offline. It never
 * touches the sync endpoint, the HTTP API or the relay's own pages and feeds. The first
 * version claims the open page; a new version waits until the page asks it to take over
 * (see app/register-sw.ts).
 */
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { ExpirationPlugin } from 'workbox-expiration';
import { createPartialResponse } from 'workbox-range-requests';
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
const media = new CacheFirst({
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
});
const isBlob = (url: URL, request: Request) =>
  request.method === 'GET' &&
  url.origin === self.location.origin &&
  /^\/blobs\/[0-9a-f]{64}$/.test(url.pathname);
/** Blobs whose whole copy is being fetched for the cache, so a seeking player starts one. */
const filling = new Set<string>();

// A video player asks for byte ranges, and the relay answers 206, which is never cached. So a
// range is answered from the cached whole blob when there is one; otherwise from the network,
// while the whole blob is fetched once through the media strategy (its plugins decide what is
// kept). Registered first: routes match in order.
registerRoute(
  ({ url, request }) => isBlob(url, request) && request.headers.has('range'),
  async ({ url, request, event }) => {
    const cached = await caches.match(url.pathname, {
      cacheName: MEDIA_CACHE,
      ignoreSearch: true,
    });
    if (cached) return createPartialResponse(request, cached);
    if (!filling.has(url.pathname)) {
      filling.add(url.pathname);
      const whole = media
        .handle({ event, request: new Request(url.pathname) })
        .catch(() => undefined)
        .finally(() => filling.delete(url.pathname));
      (event as ExtendableEvent).waitUntil(whole);
    }
    return fetch(request);
  },
);
registerRoute(({ url, request }) => isBlob(url, request), media);

// The first version installed takes the open page at once, so a first visit that goes
// offline still loads the views it had not opened yet (their code comes from the precache).
// A later version only activates when the user accepted it (app/register-sw.ts); the pages
// it then controls reload.
self.addEventListener('activate', (event: ExtendableEvent) =>
  event.waitUntil(self.clients.claim()),
);

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
