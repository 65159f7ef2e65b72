/**
 * One crisis alert as a CAP 1.2 message (OASIS Common Alerting Protocol), for
 * `GET /nb/<nb>/cap.xml` and `GET /nb/<nb>/cap/<id>.xml`: a pure function from the feed
 * shape (crisis-view.ts) to XML that validates against the OASIS schema
 * (sync-server/test/fixtures/CAP-v1.2.xsd; tested with xmllint).
 *
 * A CAP document has exactly one `<alert>` root, so the relay serves one message per
 * address (see docs/protocol.md, "Crisis feeds"). Rolling updates are CAP's
 * update chain: the alert as first published is `msgType Alert` with identifier
 * `<nb>-<id>`; each timeline entry (update or cancel) is a message of its own,
 * `<nb>-<id>-<entry id>`, and the current message — the newest — is `msgType Update` or
 * `Cancel` with `<references>` to every earlier message of the chain
 * (`sender,identifier,sent`). Its `<info>` is the current state: superseded fields
 * replaced, the updates' texts newest first in the description.
 */
import { escapeXml } from './atom.js';
import { type FeedAlert, formatLocal } from './crisis-view.js';
import { crisisUrl } from './links.js';
import { zoneOffset } from '@buurthub/shared';

export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A CAP dateTime: Europe/Amsterdam local time with its offset, whole seconds,
 * `2026-11-28T14:00:00+01:00`. CAP forbids `Z` (the schema's pattern requires
 * `[-,+]hh:mm`), so the offset is always written.
 */
export function capDateTime(ms: number): string {
  const seconds = Math.floor(ms / 1000) * 1000;
  const offset = zoneOffset(seconds);
  const local = new Date(seconds + offset).toISOString().slice(0, 19);
  const minutes = Math.abs(offset) / 60_000;
  const sign = offset < 0 ? '-' : '+';
  return `${local}${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/**
 * CAP identifiers and senders may not contain white space, commas, `<` or `&`
 * (they are joined with those in `<references>`): anything outside a safe set becomes `_`.
 */
export const capToken = (value: string): string => value.replace(/[^A-Za-z0-9._:@/-]/g, '_');

/** `buurthub@<host of the public URL>`: who sends the neighbourhood's alerts. */
export function capSender(publicUrl: string): string {
  let host = 'localhost';
  try {
    host = new URL(publicUrl).host || host;
  } catch {
    // a relay always has a valid public URL (the CLI checks it); keep a valid sender anyway
  }
  return capToken(`buurthub@${host}`);
}

export interface CapMessageId {
  identifier: string;
  sent: number;
}

/** Every message of an alert's CAP chain, oldest first: the alert, each update, the cancel. */
export function capChain(nb: string, alert: FeedAlert): CapMessageId[] {
  const base = capToken(`${nb}-${alert.id}`);
  return [
    { identifier: base, sent: alert.createdAt },
    ...alert.updates.map((entry) => ({
      identifier: capToken(`${base}-${entry.id}`),
      sent: entry.at,
    })),
  ];
}

export interface CapOptions {
  nb: string;
  /** The neighbourhood's name: the area when an alert names no village. */
  name: string;
  publicUrl: string;
  alert: FeedAlert;
}

const STATUS_NOTE: Partial<Record<FeedAlert['status'], string>> = {
  Exercise: 'Oefening – geen echte situatie.',
  Test: 'Test – geen echte situatie.',
};

/** The updates newest first, each with its local time, then the alert's own description. */
function description(alert: FeedAlert): string {
  const parts = alert.updates
    .filter((entry) => entry.kind === 'update')
    .reverse()
    .map((entry) => `[Update ${formatLocal(entry.at)}] ${entry.text}`);
  parts.push(alert.description);
  return parts.join('\n\n');
}

function element(indent: string, name: string, value: string | undefined): string[] {
  return value === undefined || value === ''
    ? []
    : [`${indent}<${name}>${escapeXml(value)}</${name}>`];
}

function resource(
  indent: string,
  desc: string,
  mimeType: string,
  uri: string,
  size?: number,
): string[] {
  return [
    `${indent}<resource>`,
    `${indent}  <resourceDesc>${escapeXml(desc)}</resourceDesc>`,
    `${indent}  <mimeType>${escapeXml(mimeType)}</mimeType>`,
    ...(size !== undefined ? [`${indent}  <size>${Math.trunc(size)}</size>`] : []),
    `${indent}  <uri>${escapeXml(uri)}</uri>`,
    `${indent}</resource>`,
  ];
}

function info(options: CapOptions): string[] {
  const { alert, publicUrl, nb } = options;
  const i = '    ';
  const lines = [
    '  <info>',
    `${i}<language>nl-NL</language>`,
    `${i}<category>${alert.category}</category>`,
    ...element(i, 'event', alert.event || 'Crisismelding'),
    `${i}<urgency>${alert.urgency}</urgency>`,
    `${i}<severity>${alert.severity}</severity>`,
    `${i}<certainty>${alert.certainty}</certainty>`,
    `${i}<effective>${capDateTime(alert.effective)}</effective>`,
    `${i}<expires>${capDateTime(alert.expires)}</expires>`,
    ...element(i, 'senderName', alert.senderName),
    ...element(i, 'headline', alert.headline),
    ...element(i, 'description', description(alert)),
    ...element(i, 'instruction', alert.instruction),
    `${i}<web>${escapeXml(crisisUrl(publicUrl, nb, alert.id))}</web>`,
  ];
  const media = [...alert.media, ...alert.updates.flatMap((entry) => entry.media)];
  for (const item of media) {
    const desc = item.alt || (item.type.startsWith('video/') ? 'Video' : 'Foto');
    lines.push(...resource(i, desc, item.type, `${publicUrl}/blobs/${item.hash}`, item.bytes));
  }
  for (const link of alert.links) {
    lines.push(...resource(i, link.title ?? 'Meer informatie', 'text/html', link.url));
  }
  const areas = alert.areas.length > 0 ? alert.areas : [options.name];
  for (const area of areas) {
    lines.push(`${i}<area>`, `${i}  <areaDesc>${escapeXml(area)}</areaDesc>`, `${i}</area>`);
  }
  lines.push('  </info>');
  return lines;
}

/** The alert's current CAP message (the newest of its chain) as a whole XML document. */
export function renderCap(options: CapOptions): string {
  const { alert, nb, publicUrl } = options;
  const sender = capSender(publicUrl);
  const chain = capChain(nb, alert);
  const current = chain.at(-1)!;
  const earlier = chain.slice(0, -1);
  const note = [
    STATUS_NOTE[alert.status],
    alert.msgType === 'Cancel' ? `Ingetrokken: ${alert.cancelReason ?? ''}`.trim() : undefined,
  ]
    .filter(Boolean)
    .join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<alert xmlns="${CAP_NAMESPACE}">`,
    `  <identifier>${escapeXml(current.identifier)}</identifier>`,
    `  <sender>${escapeXml(sender)}</sender>`,
    `  <sent>${capDateTime(current.sent)}</sent>`,
    `  <status>${alert.status}</status>`,
    `  <msgType>${alert.msgType}</msgType>`,
    `  <scope>Public</scope>`,
    ...element('  ', 'note', note),
    ...element(
      '  ',
      'references',
      earlier.map((m) => `${sender},${m.identifier},${capDateTime(m.sent)}`).join(' '),
    ),
    ...info(options),
    '</alert>',
    '',
  ].join('\n');
}
