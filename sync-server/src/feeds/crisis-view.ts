/**
 * Crisis alerts as the three crisis feeds read them (cap.ts, crisis-atom.ts,
 * crisis-page.ts): the model's view (shared/src/public/crisis/alert-view.ts: the current
 * state after superseding updates, the timeline, the cancellation) turned into one plain
 * shape in CAP's vocabulary. Values CAP does not know fall back to CAP's own "don't know"
 * (urgency and certainty `Unknown`, category `Other`), so an alert written by an older or
 * newer client never makes a feed invalid.
 */
import type { AlertCategory, CrisisAlertView } from '@buurthub/shared';
import { ALERT_CATEGORIES, ICAL_TIME_ZONE as FEED_TIME_ZONE } from '@buurthub/shared';

export const CAP_STATUSES = ['Actual', 'Exercise', 'System', 'Test', 'Draft'] as const;
export const CAP_MSG_TYPES = ['Alert', 'Update', 'Cancel'] as const;
export const CAP_SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;
export const CAP_URGENCIES = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const;
export const CAP_CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const;

export type CapStatus = (typeof CAP_STATUSES)[number];
export type CapMsgType = (typeof CAP_MSG_TYPES)[number];
export type CapSeverity = (typeof CAP_SEVERITIES)[number];
export type CapUrgency = (typeof CAP_URGENCIES)[number];
export type CapCertainty = (typeof CAP_CERTAINTIES)[number];
/** Our categories are CAP's, spelled as CAP spells them. */
export type CapCategory = AlertCategory;

export interface FeedMedia {
  hash: string;
  type: string;
  bytes: number;
  alt?: string;
}

export interface FeedLink {
  url: string;
  title?: string;
}

/** One entry of the timeline: an update, or the cancellation (`text` is its reason). */
export interface FeedUpdate {
  id: string;
  kind: 'update' | 'cancel';
  at: number;
  text: string;
  author: string;
  media: FeedMedia[];
}

export interface FeedAlert {
  id: string;
  /** Current values: the original with every update's changes applied. */
  headline: string;
  description: string;
  instruction?: string;
  status: CapStatus;
  /** Alert; Update once it has updates; Cancel once cancelled. */
  msgType: CapMsgType;
  severity: CapSeverity;
  urgency: CapUrgency;
  certainty: CapCertainty;
  category: CapCategory;
  /** The kind of event ("Hoogwater"); empty when the alert does not say. */
  event: string;
  /** Villages, then the free area description, without duplicates. */
  areas: string[];
  effective: number;
  expires: number;
  createdAt: number;
  /** When and why the alert was cancelled, if it was. */
  cancelledAt?: number;
  cancelReason?: string;
  /** The latest of creation and every timeline entry. */
  lastUpdated: number;
  /** Who published the alert. */
  senderName: string;
  /** The timeline, oldest first; at most one `cancel`, which ends it. */
  updates: FeedUpdate[];
  /** The alert's own web page (e.g. the gemeente's) and further links. */
  links: FeedLink[];
  media: FeedMedia[];
}

/** `severe` or `Severe` -> `Severe` when it is one of `allowed`, else `fallback`. */
function capValue<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  if (typeof value !== 'string') return fallback;
  const lower = value.trim().toLowerCase();
  return allowed.find((item) => item.toLowerCase() === lower) ?? fallback;
}

const feedMedia = (media: CrisisAlertView['media']): FeedMedia[] =>
  media.map(({ hash, type, bytes, alt }) => ({ hash, type, bytes, ...(alt && { alt }) }));

/** The feed shape of one alert from the model. */
export function feedAlert(view: CrisisAlertView): FeedAlert {
  const updates: FeedUpdate[] = [];
  for (const entry of view.updates) {
    updates.push({
      id: entry.id,
      kind: entry.msgType,
      at: entry.at,
      text: entry.text,
      author: entry.author.name,
      media: feedMedia(entry.media),
    });
    // Entries after the cancel stay in the document but no longer belong to the alert.
    if (entry.id === view.cancelled?.updateId) break;
  }
  const areas = [...view.villages, ...(view.areaDesc ? [view.areaDesc] : [])]
    .map((area) => area.trim())
    .filter((area) => area !== '');
  const links: FeedLink[] = [
    ...(view.web ? [{ url: view.web }] : []),
    ...view.links.map(({ url, title }) => ({ url, ...(title && { title }) })),
  ];
  return {
    id: view.id,
    headline: view.headline,
    description: view.description,
    ...(view.instruction && { instruction: view.instruction }),
    status: capValue(view.status, CAP_STATUSES, 'Actual'),
    msgType: capValue(view.msgType, CAP_MSG_TYPES, 'Alert'),
    severity: capValue(view.severity, CAP_SEVERITIES, 'Unknown'),
    urgency: capValue(view.urgency, CAP_URGENCIES, 'Unknown'),
    certainty: capValue(view.certainty, CAP_CERTAINTIES, 'Unknown'),
    category: capValue(view.category, ALERT_CATEGORIES, 'Other'),
    event: view.event?.trim() ?? '',
    areas: [...new Set(areas)],
    effective: view.effective,
    expires: view.expires,
    createdAt: view.createdAt,
    ...(view.cancelled && {
      cancelledAt: view.cancelled.at,
      cancelReason: view.cancelled.reason,
    }),
    lastUpdated: view.updatedAt,
    senderName: view.author.name,
    updates,
    links: links.filter((link, i) => links.findIndex((l) => l.url === link.url) === i),
    media: feedMedia(view.media),
  };
}

/** When the alert stopped applying: its cancellation, or its (current) expiry. */
export const endedAt = (alert: FeedAlert): number => alert.cancelledAt ?? alert.expires;

/** Most severe first, then the most recently changed. */
export function bySeverity(a: FeedAlert, b: FeedAlert): number {
  return (
    CAP_SEVERITIES.indexOf(a.severity) - CAP_SEVERITIES.indexOf(b.severity) ||
    b.lastUpdated - a.lastUpdated ||
    a.id.localeCompare(b.id)
  );
}

export type FeedLanguage = 'nl' | 'en';

const formats = new Map<string, Intl.DateTimeFormat>();
function format(
  lang: FeedLanguage,
  style: 'short' | 'long' | 'time' | 'date',
): Intl.DateTimeFormat {
  const key = `${lang}-${style}`;
  let f = formats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      style === 'time'
        ? { hour: '2-digit', minute: '2-digit' }
        : style === 'date'
          ? { day: 'numeric', month: 'long', year: 'numeric' }
          : style === 'short'
            ? {
                weekday: 'short',
                day: 'numeric',
                month: 'short',
                hour: '2-digit',
                minute: '2-digit',
              }
            : {
                weekday: 'long',
                day: 'numeric',
                month: 'long',
                year: 'numeric',
                hour: '2-digit',
                minute: '2-digit',
              };
    f = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
      ...options,
      timeZone: FEED_TIME_ZONE,
      hourCycle: 'h23',
    });
    formats.set(key, f);
  }
  return f;
}

/** Neighbourhood wall-clock time for people, e.g. `za 28 nov, 14:05` (Europe/Amsterdam). */
export const formatLocal = (
  ms: number,
  lang: FeedLanguage = 'nl',
  style: 'short' | 'long' | 'time' | 'date' = 'short',
): string => format(lang, style).format(ms);

/** The calendar day in Europe/Amsterdam, to tell whether two instants share a day. */
export const localDay = (ms: number): string => format('nl', 'date').format(ms);
