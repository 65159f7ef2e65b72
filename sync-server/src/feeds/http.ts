/**
 * The feed endpoints on the relay's HTTP port:
 *
 *   GET  /nb/<nb>/events.ics            public events as iCalendar (subscribable)
 *   GET  /nb/<nb>/events.ics?key=<k>    a member's personal feed: members-only events too
 *   GET  /nb/<nb>/posts.atom            public posts as Atom, newest first
 *   GET  /nb/<nb>/cap.xml               the most severe active crisis alert as CAP 1.2
 *                                       (204 when none is active)
 *   GET  /nb/<nb>/cap/<id>.xml          one alert's current CAP message
 *   GET  /nb/<nb>/crisis.atom           crisis alerts and their updates as Atom
 *   GET  /nb/<nb>/crisis[?lang=en]      the active alerts as a plain HTML page, no JavaScript
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
import { renderCap } from './cap.js';
import { renderCrisisAtom } from './crisis-atom.js';
import { CRISIS_PAGE_CSP, renderCrisisPage } from './crisis-page.js';
import { bySeverity, endedAt, type FeedAlert, feedAlert } from './crisis-view.js';
import { renderCalendar } from './ical.js';
import { capUrl, crisisFeedUrl, feedUrl } from './links.js';
import { loadNeighbourhood, type NeighbourhoodDocs } from './source.js';

/** Posts in the Atom feed. */
export const ATOM_ENTRIES_MAX = 50;
/** Events in an iCalendar feed (the latest-starting ones are dropped past this). */
export const CALENDAR_EVENTS_MAX = 1000;
/** Events that ended longer ago than this are left out of the calendar feeds. */
export const CALENDAR_PAST_DAYS = 90;
/** How long clients may reuse a feed without asking again (seconds). */
export const FEED_MAX_AGE = 300;
/** The same for the crisis feeds: short, an update must not wait in a cache for long. */
export const CRISIS_MAX_AGE = 60;
/** Alerts that ended (expired or were cancelled) longer ago than this leave crisis.atom. */
export const CRISIS_ARCHIVE_DAYS = 30;
/** Entries (alerts and updates) in crisis.atom. */
export const CRISIS_ENTRIES_MAX = 200;

export interface FeedRoutesOptions {
  storage: Storage;
  keys: KeyStore;
  /** Base of links in feeds and of personal calendar URLs, e.g. `https://buurt.example.nl`. */
  publicUrl: string;
  log: Logger;
  /** Milliseconds since the epoch; tests pass a fixed clock. */
  now?: () => number;
}

const FEED_PATH = /^\/nb\/([^/]+)\/(events\.ics|posts\.atom|cap\.xml|crisis\.atom|crisis)$/;
const CAP_ALERT_PATH = /^\/nb\/([^/]+)\/cap\/([^/]+)\.xml$/;

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
  headers: Record<string, string> = {},
): void {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', `${personal ? 'private' : 'public'}, max-age=${FEED_MAX_AGE}`);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
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
        .filter((event) => docs.shown(event.id))
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
        .filter((post) => docs.shown(post.id))
        .slice(0, ATOM_ENTRIES_MAX);
      body = renderAtom({ nb, name: docs.name, publicUrl, posts: visible, now: now() });
    } finally {
      docs.destroy();
    }
    sendFeed(req, res, body, 'application/atom+xml; charset=utf-8', false);
  }

  /** Readable alerts not hidden by moderation, in the feeds' shape. */
  const crisisAlerts = (docs: NeighbourhoodDocs) =>
    docs.pub.crisis
      .all()
      .filter((alert) => docs.shown(alert.id))
      .map((alert) => feedAlert(alert));

  /** In force now (the model decides), not cancelled, most severe first. */
  function activeAlerts(docs: NeighbourhoodDocs, at: number): FeedAlert[] {
    const active = new Set(docs.pub.crisis.active(at).map((alert) => alert.id));
    return crisisAlerts(docs)
      .filter((alert) => active.has(alert.id) && alert.cancelledAt === undefined)
      .sort(bySeverity);
  }

  const crisisCache = `public, max-age=${CRISIS_MAX_AGE}`;

  async function crisis(
    req: IncomingMessage,
    res: ServerResponse,
    nb: string,
    file: 'cap.xml' | 'crisis.atom' | 'crisis',
    lang: 'nl' | 'en',
  ): Promise<void> {
    const docs = await loadNeighbourhood(storage, nb);
    if (!docs) return sendText(res, 404, 'Unknown neighbourhood\n');
    const at = now();
    const feedLink = `<${crisisFeedUrl(publicUrl, nb, 'crisis.atom')}>; rel="alternate"; type="application/atom+xml"`;
    let body: string;
    try {
      if (file === 'cap.xml') {
        const [first, ...others] = activeAlerts(docs, at);
        const links = [
          ...others.map(
            (a) => `<${capUrl(publicUrl, nb, a.id)}>; rel="related"; type="application/cap+xml"`,
          ),
          feedLink,
        ].join(', ');
        if (!first) {
          // CAP has no empty message: "nothing active" is 204, with the Atom index to follow.
          res.writeHead(204, { 'Cache-Control': crisisCache, Link: links });
          res.end();
          return;
        }
        body = renderCap({ nb, name: docs.name, publicUrl, alert: first });
        return sendFeed(req, res, body, 'application/cap+xml; charset=utf-8', false, {
          'Cache-Control': crisisCache,
          Link: links,
        });
      }
      if (file === 'crisis.atom') {
        const horizon = at - CRISIS_ARCHIVE_DAYS * 86_400_000;
        const alerts = crisisAlerts(docs).filter((alert) => endedAt(alert) >= horizon);
        body = renderCrisisAtom({
          nb,
          name: docs.name,
          publicUrl,
          alerts,
          maxEntries: CRISIS_ENTRIES_MAX,
          now: at,
        });
        return sendFeed(req, res, body, 'application/atom+xml; charset=utf-8', false, {
          'Cache-Control': crisisCache,
        });
      }
      const active = activeAlerts(docs, at);
      const lastArchived = docs.pub.crisis.archive(at).find((alert) => docs.shown(alert.id));
      body = renderCrisisPage({
        nb,
        name: docs.name,
        publicUrl,
        lang,
        active,
        lastArchived: lastArchived ? feedAlert(lastArchived) : null,
        now: at,
      });
      sendFeed(req, res, body, 'text/html; charset=utf-8', false, {
        'Cache-Control': 'no-cache',
        'Content-Security-Policy': CRISIS_PAGE_CSP,
        'Content-Language': lang,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      });
    } finally {
      docs.destroy();
    }
  }

  async function capAlert(
    req: IncomingMessage,
    res: ServerResponse,
    nb: string,
    id: string,
  ): Promise<void> {
    const docs = await loadNeighbourhood(storage, nb);
    if (!docs) return sendText(res, 404, 'Unknown neighbourhood\n');
    try {
      const alert = crisisAlerts(docs).find((a) => a.id === id);
      if (!alert) return sendText(res, 404, 'Unknown crisis alert\n');
      const body = renderCap({ nb, name: docs.name, publicUrl, alert });
      sendFeed(req, res, body, 'application/cap+xml; charset=utf-8', false, {
        'Cache-Control': crisisCache,
      });
    } finally {
      docs.destroy();
    }
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
    const capMatch = match ? null : CAP_ALERT_PATH.exec(url.pathname);
    if (!match && !capMatch) return false;
    if (method !== 'GET' && method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      sendText(res, 405, 'Method not allowed\n');
      return true;
    }
    const nb = (match ?? capMatch)?.[1] ?? '';
    if (!isNeighbourhoodSlug(nb)) {
      sendText(res, 404, 'Unknown neighbourhood\n');
      return true;
    }
    if (capMatch) {
      let id: string;
      try {
        id = decodeURIComponent(capMatch[2] ?? '');
      } catch {
        sendText(res, 404, 'Unknown crisis alert\n');
        return true;
      }
      await capAlert(req, res, nb, id);
      return true;
    }
    const file = match?.[2];
    if (file === 'events.ics') await calendar(req, res, nb, url.searchParams.get('key'));
    else if (file === 'posts.atom') await posts(req, res, nb);
    else if (file === 'cap.xml' || file === 'crisis.atom' || file === 'crisis') {
      const lang = url.searchParams.get('lang') === 'en' ? 'en' : 'nl';
      await crisis(req, res, nb, file, lang);
    }
    return true;
  };
}
