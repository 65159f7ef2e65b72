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

/** The views of a neighbourhood, chosen by the URL hash. */
export type View =
  | 'feed'
  | 'compose'
  | 'invite'
  | 'agenda'
  | 'boards'
  | 'participation'
  | 'directory'
  | 'socialMap'
  | 'impact'
  | 'account'
  | 'moderation'
  | 'moderationLog'
  | 'kioskApprove';

/**
 * What the hash asks for: `#berichten[/<post id>]`, `#nieuw`, `#uitnodigen`, and the agenda:
 * `#agenda` (upcoming), `#agenda/maand[/YYYY-MM]`, `#agenda/nieuw` and `#agenda/<event id>`
 * (the links in the relay's feeds), and the notice boards: `#prikborden` (the list) and
 * `#prikborden/<id>[/bewerken|/geschiedenis|/poster]`; participation: `#meedoen`,
 * `#meedoen/nieuw` (an official starts a round), `#meedoen/<round id>`; the directory:
 * `#buren`, `#buren/profiel`, `#buren/verzoeken`; the social map: `#sociale-kaart[/<id>]`;
 * `#impact`; the moderation queue `#moderatie` and its public log `#moderatie/logboek`;
 * `#kiosk-koppelen[/<code>]` (a moderator signs in on the buurthuis screen; the screen's QR
 * code carries the code). Anything else is the feed.
 */
export type HashRoute =
  | { view: 'feed'; postId?: string }
  | { view: 'compose' | 'invite' }
  | { view: 'agenda'; page: 'upcoming' | 'new' }
  | { view: 'agenda'; page: 'month'; month?: string }
  | { view: 'agenda'; page: 'event'; eventId: string }
  | { view: 'boards'; page: 'list' }
  | { view: 'boards'; page: BoardPage; boardId: string }
  | { view: 'participation'; page: 'list' | 'new' }
  | { view: 'participation'; page: 'round'; roundId: string }
  | { view: 'directory'; page: DirectoryPage }
  | { view: 'socialMap'; entryId?: string }
  | { view: 'impact' }
  | { view: 'account' }
  | { view: 'moderation' | 'moderationLog' }
  | { view: 'kioskApprove'; code: string };

/** The pages of the directory, by their Dutch path segment. */
export type DirectoryPage = 'browse' | 'profile' | 'requests';
const DIRECTORY_PAGES: Record<string, DirectoryPage> = {
  profiel: 'profile',
  verzoeken: 'requests',
};

/** The pages of one notice board, by their Dutch path segment. */
export type BoardPage = 'board' | 'edit' | 'history' | 'poster';
const BOARD_PAGES: Record<string, BoardPage> = {
  bewerken: 'edit',
  geschiedenis: 'history',
  poster: 'poster',
};

function decodeId(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const id = decodeURIComponent(raw);
    return id.length > 0 && id.length <= 100 ? id : undefined;
  } catch {
    return undefined;
  }
}

export function routeFromHash(hash: string): HashRoute {
  const [head, ...rest] = hash.replace(/^#/, '').split('/');
  const tail = rest.join('/');
  switch (head) {
    case 'nieuw':
      return { view: 'compose' };
    case 'uitnodigen':
      return { view: 'invite' };
    case 'agenda': {
      if (!tail) return { view: 'agenda', page: 'upcoming' };
      if (tail === 'nieuw') return { view: 'agenda', page: 'new' };
      const month = /^maand(?:\/(\d{4}-\d{2}))?$/.exec(tail);
      if (month)
        return month[1]
          ? { view: 'agenda', page: 'month', month: month[1] }
          : { view: 'agenda', page: 'month' };
      const eventId = decodeId(tail);
      return eventId
        ? { view: 'agenda', page: 'event', eventId }
        : { view: 'agenda', page: 'upcoming' };
    }
    case 'prikborden': {
      const [rawId, segment] = rest;
      const boardId = decodeId(rawId);
      if (!boardId || rest.length > 2) return { view: 'boards', page: 'list' };
      const page = segment === undefined ? 'board' : BOARD_PAGES[segment];
      return page ? { view: 'boards', page, boardId } : { view: 'boards', page: 'board', boardId };
    }
    case 'meedoen': {
      if (!tail) return { view: 'participation', page: 'list' };
      if (tail === 'nieuw') return { view: 'participation', page: 'new' };
      const roundId = decodeId(tail);
      return roundId
        ? { view: 'participation', page: 'round', roundId }
        : { view: 'participation', page: 'list' };
    }
    case 'buren':
      return { view: 'directory', page: DIRECTORY_PAGES[tail] ?? 'browse' };
    case 'sociale-kaart': {
      const entryId = decodeId(tail);
      return entryId ? { view: 'socialMap', entryId } : { view: 'socialMap' };
    }
    case 'impact':
      return { view: 'impact' };
    case 'moderatie':
      return { view: tail === 'logboek' ? 'moderationLog' : 'moderation' };
    case 'account':
      return { view: 'account' };
    case 'kiosk-koppelen':
      // Only what a user code can hold: a crafted link cannot put anything else in the field.
      return {
        view: 'kioskApprove',
        code: (decodeId(tail) ?? '').replace(/[^A-Za-z0-9-]/g, '').slice(0, 20),
      };
    default: {
      const postId = head === 'berichten' ? decodeId(tail) : undefined;
      return postId ? { view: 'feed', postId } : { view: 'feed' };
    }
  }
}

/** The hash of an event's detail page. */
export function eventHash(id: string): string {
  return `#agenda/${encodeURIComponent(id)}`;
}

/** The hash of a post in the feed. */
export function postHash(id: string): string {
  return `#berichten/${encodeURIComponent(id)}`;
}

/** The hash of a notice board's page (`board` is the read-only view). */
export function boardHash(id: string, page: BoardPage = 'board'): string {
  const segment = Object.entries(BOARD_PAGES).find(([, p]) => p === page)?.[0];
  return `#prikborden/${encodeURIComponent(id)}${segment ? `/${segment}` : ''}`;
}

/** The hash of a participation round's page. */
export function roundHash(id: string): string {
  return `#meedoen/${encodeURIComponent(id)}`;
}

/** The hash of an organisation's or regulation's page on the social map. */
export function socialMapHash(id: string): string {
  return `#sociale-kaart/${encodeURIComponent(id)}`;
}
