/**
 * Crisis alerts and their rolling updates as an Atom 1.0 feed (RFC 4287), for
 * `GET /nb/<nb>/crisis.atom`: one entry per alert and one per update, newest first, so a
 * feed reader shows every new development as a new item. It doubles as the index of the
 * CAP messages (one `<link rel="related" type="application/cap+xml">` per entry), the way
 * alert aggregators read CAP feeds. All text is escaped text (`type="text"`).
 */
import { escapeXml, rfc3339 } from './atom.js';
import { capUrl, crisisFeedUrl, crisisUrl } from './links.js';
import { type FeedAlert, formatLocal, localDay } from './crisis-view.js';

export interface CrisisAtomOptions {
  nb: string;
  name: string;
  publicUrl: string;
  /** Alerts to list (active and recently archived), any order. */
  alerts: readonly FeedAlert[];
  /** At most this many entries, the newest kept. */
  maxEntries: number;
  /** Fallback `<updated>` for an empty feed. */
  now: number;
}

const SEVERITY_NL: Record<FeedAlert['severity'], string> = {
  Extreme: 'Zeer ernstig',
  Severe: 'Ernstig',
  Moderate: 'Matig',
  Minor: 'Gering',
  Unknown: 'Onbekend',
};

const STATUS_PREFIX: Partial<Record<FeedAlert['status'], string>> = {
  Exercise: '[Oefening] ',
  Test: '[Test] ',
  Draft: '[Concept] ',
  System: '[Systeem] ',
};

interface Entry {
  id: string;
  title: string;
  updated: number;
  published: number;
  author: string;
  content: string;
  alert: FeedAlert;
  media: FeedAlert['media'];
}

function alertContent(alert: FeedAlert): string {
  const lines = [
    `Ernst: ${SEVERITY_NL[alert.severity]}`,
    ...(alert.areas.length ? [`Geldt voor: ${alert.areas.join(', ')}`] : []),
    `Geldig van ${formatLocal(alert.effective)} tot ${formatLocal(alert.expires)}`,
    '',
    alert.description,
  ];
  if (alert.instruction) lines.push('', `Wat moet je doen: ${alert.instruction}`);
  return lines.join('\n');
}

function entries(options: CrisisAtomOptions): Entry[] {
  const list: Entry[] = [];
  for (const alert of options.alerts) {
    const url = crisisUrl(options.publicUrl, options.nb, alert.id);
    const prefix = STATUS_PREFIX[alert.status] ?? '';
    list.push({
      id: url,
      title: `${prefix}${alert.headline}`,
      published: alert.createdAt,
      updated: alert.createdAt,
      author: alert.senderName,
      content: alertContent(alert),
      alert,
      media: alert.media,
    });
    for (const update of alert.updates) {
      // Same day as the alert: the time is enough; later days also name the day.
      const when =
        localDay(update.at) === localDay(alert.createdAt)
          ? formatLocal(update.at, 'nl', 'time')
          : formatLocal(update.at);
      const cancel = update.kind === 'cancel';
      list.push({
        id: `${url}/${cancel ? 'cancel' : 'update'}/${encodeURIComponent(update.id)}`,
        title: `${prefix}${alert.headline} — ${cancel ? 'ingetrokken' : 'update'} ${when}`,
        published: update.at,
        updated: update.at,
        author: update.author,
        content: cancel ? `Deze melding is ingetrokken: ${update.text}` : update.text,
        alert,
        media: update.media,
      });
    }
  }
  return list
    .sort((a, b) => b.updated - a.updated || a.id.localeCompare(b.id))
    .slice(0, options.maxEntries);
}

function renderEntry(entry: Entry, options: CrisisAtomOptions): string {
  const { alert } = entry;
  const page = escapeXml(crisisUrl(options.publicUrl, options.nb, alert.id));
  const cap = escapeXml(capUrl(options.publicUrl, options.nb, alert.id));
  const lines = [
    '  <entry>',
    `    <id>${escapeXml(entry.id)}</id>`,
    `    <title type="text">${escapeXml(entry.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${page}"/>`,
    `    <link rel="related" type="application/cap+xml" href="${cap}"/>`,
    `    <published>${rfc3339(entry.published)}</published>`,
    `    <updated>${rfc3339(entry.updated)}</updated>`,
    `    <author><name>${escapeXml(entry.author)}</name></author>`,
    `    <category term="${alert.severity.toLowerCase()}" label="${SEVERITY_NL[alert.severity]}"/>`,
  ];
  for (const media of entry.media) {
    lines.push(
      `    <link rel="enclosure" type="${escapeXml(media.type)}"` +
        ` length="${Math.trunc(media.bytes)}"` +
        ` href="${escapeXml(`${options.publicUrl}/blobs/${media.hash}`)}"` +
        (media.alt ? ` title="${escapeXml(media.alt)}"` : '') +
        '/>',
    );
  }
  lines.push(`    <content type="text">${escapeXml(entry.content)}</content>`, '  </entry>');
  return lines.join('\n');
}

export function renderCrisisAtom(options: CrisisAtomOptions): string {
  const self = escapeXml(crisisFeedUrl(options.publicUrl, options.nb, 'crisis.atom'));
  const list = entries(options);
  const updated = list.length ? Math.max(...list.map((e) => e.updated)) : options.now;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">',
    `  <id>${self}</id>`,
    `  <title type="text">${escapeXml(`${options.name} – crisisinformatie`)}</title>`,
    `  <updated>${rfc3339(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${self}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(crisisFeedUrl(options.publicUrl, options.nb, 'crisis'))}"/>`,
    '  <generator>Buurthub</generator>',
    ...list.map((entry) => renderEntry(entry, options)),
    '</feed>',
    '',
  ].join('\n');
}
