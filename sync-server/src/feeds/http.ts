/**
 * The feed endpoints on the relay's HTTP port:
 *
 *   GET  /nb/<nb>/events.ics            public events as iCalendar (subscribable)
 *   GET  /nb/<nb>/events.ics?key=<k>    a member's personal feed: members-only events too
 *   GET  /nb/<nb>/posts.atom            public posts as Atom, newest first
 *   POST /api/calendar-key              member token (Bearer) -> { url } of a new personal
 *                                       feed; the previous one stops working
 *
 * Only what is public leaves without a member's key: `visibility: 'public'` and not hidden
 * by a moderator. Feeds are built from storage per request (source.ts) and carry an ETag
 * and a short max-age, so calendar apps and feed readers polling them cost little.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isNeighbourhoodSlug } from '@buurthub/shared';
import { authenticateMember, isBearerRefusal } from '../auth/bearer.js';
import { type KeyStore, nowSeconds } from '../auth/keys.js';
import type { Logger } from '../log.js';
import type { Storage } from '../storage/storage.js';
import { renderAtom } from './atom.js';
import { checkCalendarKey, issueCalendarKey } from './calendar-keys.js';
import { renderCalendar } from './ical.js';
import { feedUrl } from './links.js';
import { loadNeighbourhood } from './source.js';

/** Posts in the Atom feed. */
export const ATOM_ENTRIES_MAX = 50;
/** Events in an iCalendar feed (the latest-starting ones are dropped past this). */
export const CALENDAR_EVENTS_MAX = 1000;
/** Events that ended longer ago than this are left out of the calendar feeds. */
export const CALENDAR_PAST_DAYS = 90;
/** How long clients may reuse a feed without asking again (seconds). */
export const FEED_MAX_AGE = 300;

export interface FeedRoutesOptions {
  storage: Storage;
  keys: KeyStore;
  /** Base of links in feeds and of personal calendar URLs, e.g. `https://buurt.example.nl`. */
  publicUrl: string;
  log: Logger;
  /** Milliseconds since the epoch; tests pass a fixed clock. */
  now?: () => number;
}

const FEED_PATH = /^\/nb\/([^/]+)\/(events\.ics|posts\.atom)$/;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendFeed(
  req: IncomingMessage,
  res: ServerResponse,
  body: string,
  contentType: string,
  personal: boolean,
): void {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', `${personal ? 'private' : 'public'}, max-age=${FEED_MAX_AGE}`);
  // A personal feed's address is a secret: keep it out of search engines and referrers.
  if (personal) res.setHeader('X-Robots-Tag', 'noindex');
  const inm = req.headers['if-none-match'];
  if (inm && inm.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    res.writeHead(304);
    res.end();
    return;
  }
  res.writeHead(200, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Resolves true when it answered the request. */
export function createFeedRoutes(
  options: FeedRoutesOptions,
): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const { storage, keys, log } = options;
  const publicUrl = options.publicUrl.replace(/\/+$/, '');
  const now = options.now ?? (() => Date.now());

  async function calendar(
    req: IncomingMessage,
    res: ServerResponse,
    nb: string,
    key: string | null,
  ): Promise<void> {
    let personal = false;
    if (key !== null) {
      if (!(await checkCalendarKey(storage, key, nb))) {
        return sendText(
          res,
          404,
          'This calendar address no longer works; make a new one in the app\n',
        );
      }
      personal = true;
    }
    const docs = await loadNeighbourhood(storage, nb);
    if (!docs) return sendText(res, 404, 'Unknown neighbourhood\n');
    let body: string;
    try {
      const horizon = now() - CALENDAR_PAST_DAYS * 86_400_000;
      const events = docs.community.events
        .all()
        .filter((event) => personal || event.visibility === 'public')
        .filter((event) => docs.moderation.hiddenReason(event.id) === null)
        .filter((event) => event.endsAt >= horizon)
        .slice(0, CALENDAR_EVENTS_MAX);
      body = renderCalendar({ nb, name: docs.name, publicUrl, events, personal });
    } finally {
      docs.destroy();
    }
    sendFeed(req, res, body, 'text/calendar; charset=utf-8', personal);
  }

  async function posts(req: IncomingMessage, res: ServerResponse, nb: string): Promise<void> {
    const docs = await loadNeighbourhood(storage, nb);
    if (!docs) return sendText(res, 404, 'Unknown neighbourhood\n');
    let body: string;
    try {
      const visible = docs.community.posts
        .list({ visibility: 'public' })
        .filter((post) => docs.moderation.hiddenReason(post.id) === null)
        .slice(0, ATOM_ENTRIES_MAX);
      body = renderAtom({ nb, name: docs.name, publicUrl, posts: visible, now: now() });
    } finally {
      docs.destroy();
    }
    sendFeed(req, res, body, 'application/atom+xml; charset=utf-8', false);
  }

  async function calendarKey(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const member = await authenticateMember(req, keys, storage);
    if (isBearerRefusal(member)) {
      if (member.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
      return sendJson(res, member.status, { error: member.code, message: member.message });
    }
    const secret = await issueCalendarKey(storage, member, nowSeconds());
    log.info(`personal calendar key made for ${member.sub} in ${member.nb}`, {
      sub: member.sub,
      nb: member.nb,
    });
    sendJson(res, 200, {
      url: `${feedUrl(publicUrl, member.nb, 'events.ics')}?key=${secret}`,
    });
  }

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://relay.invalid');
    const method = req.method ?? 'GET';
    if (url.pathname === '/api/calendar-key') {
      if (method !== 'POST') {
        res.setHeader('Allow', 'POST');
        sendJson(res, 405, { error: 'method-not-allowed', message: 'Use POST' });
        return true;
      }
      await calendarKey(req, res);
      return true;
    }
    const match = FEED_PATH.exec(url.pathname);
    if (!match) return false;
    if (method !== 'GET' && method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      sendText(res, 405, 'Method not allowed\n');
      return true;
    }
    const [, nb = '', file] = match;
    if (!isNeighbourhoodSlug(nb)) {
      sendText(res, 404, 'Unknown neighbourhood\n');
      return true;
    }
    if (file === 'events.ics') await calendar(req, res, nb, url.searchParams.get('key'));
    else await posts(req, res, nb);
    return true;
  };
}
