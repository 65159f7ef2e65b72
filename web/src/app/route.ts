/**
 * The app's routes, read from the path: `/join/<code>` redeems an invite, `/nb/<slug>/`
 * opens a neighbourhood, and `/` opens the one this device joined last (or the default).
 * The relay and the service worker serve index.html for all of them.
 */
import { isNeighbourhoodSlug } from '@buurthub/shared';
import { DEFAULT_NEIGHBOURHOOD } from '../sync/neighbourhood.js';

export type Route = { kind: 'join'; code: string } | { kind: 'neighbourhood'; slug: string };

export function routeFromPath(pathname: string, lastNeighbourhood: string | null): Route {
  const join = /^\/join(?:\/([^/]*))?\/?$/.exec(pathname);
  if (join) {
    let code = '';
    try {
      code = decodeURIComponent(join[1] ?? '');
    } catch {
      // a broken escape: let the user type the code
    }
    return { kind: 'join', code: code.replace(/[^A-Za-z0-9 -]/g, '').slice(0, 40) };
  }
  const slug = /^\/nb\/([^/]+)/.exec(pathname)?.[1];
  if (slug && isNeighbourhoodSlug(slug)) return { kind: 'neighbourhood', slug };
  if (lastNeighbourhood && isNeighbourhoodSlug(lastNeighbourhood)) {
    return { kind: 'neighbourhood', slug: lastNeighbourhood };
  }
  return { kind: 'neighbourhood', slug: DEFAULT_NEIGHBOURHOOD };
}

/** Where a neighbourhood's feed lives. */
export function feedPath(slug: string): string {
  return `/nb/${slug}/#berichten`;
}
