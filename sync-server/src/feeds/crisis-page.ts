/**
 * The plain crisis page, `GET /nb/<nb>/crisis` (`?lang=en` for English): the active alerts
 * as one small server-rendered HTML document with no JavaScript and nothing to load (CSS
 * inline, no images, no fonts), so it opens on any old phone, a buurthuis LAN without
 * internet, or a screen reader. Dutch first; the English page translates the page's own
 * words, while what authors wrote stays Dutch and is marked `lang="nl"` (alerts have no
 * English text). Every text an author wrote is escaped; severity is written out in words
 * and coloured with at least 4.5:1 contrast (WCAG AA). The markup is also well-formed
 * XML (void elements self-closed), so tests parse it with an XML parser.
 */
import { createHash } from 'node:crypto';
import { escapeXml } from './atom.js';
import { capDateTime } from './cap.js';
import { type FeedAlert, type FeedLanguage, formatLocal } from './crisis-view.js';
import { crisisUrl } from './links.js';

/** Escaping for HTML text and quoted attribute values (XML escaping is a safe subset). */
export const escapeHtml = escapeXml;

/** Badge colours per severity: text on background, each at least 4.5:1 (tested). */
export const SEVERITY_COLOURS: Record<FeedAlert['severity'], { fg: string; bg: string }> = {
  Extreme: { fg: '#ffffff', bg: '#7f0000' },
  Severe: { fg: '#ffffff', bg: '#c62828' },
  Moderate: { fg: '#000000', bg: '#f9a825' },
  Minor: { fg: '#000000', bg: '#fff59d' },
  Unknown: { fg: '#ffffff', bg: '#555555' },
};

const WORDS = {
  nl: {
    title: 'Crisisinformatie',
    other: 'English',
    otherLang: 'en',
    otherHref: 'crisis?lang=en',
    asOf: 'Stand van zaken',
    none: 'Er is op dit moment geen crisismelding.',
    lastArchived: 'Laatste melding',
    ended: 'verlopen',
    cancelled: 'ingetrokken',
    severity: 'Ernst',
    severities: {
      Extreme: 'Zeer ernstig',
      Severe: 'Ernstig',
      Moderate: 'Matig',
      Minor: 'Gering',
      Unknown: 'Onbekend',
    },
    status: { Exercise: 'OEFENING', Test: 'TEST', Draft: 'CONCEPT', System: 'SYSTEEMBERICHT' },
    areas: 'Geldt voor',
    lastUpdated: 'Laatst bijgewerkt',
    validUntil: 'Geldig tot',
    what: 'Wat is er aan de hand',
    instruction: 'Wat moet je doen',
    updates: 'Updates (nieuwste eerst)',
    openApp: 'Open deze melding in Buurthub',
    from: 'Van',
    count: (n: number) => (n === 1 ? '1 actieve melding' : `${n} actieve meldingen`),
    reload: 'Laad deze pagina opnieuw voor de laatste stand.',
  },
  en: {
    title: 'Crisis information',
    other: 'Nederlands',
    otherLang: 'nl',
    otherHref: 'crisis',
    asOf: 'Situation as of',
    none: 'There is no crisis alert at the moment.',
    lastArchived: 'Most recent alert',
    ended: 'expired',
    cancelled: 'cancelled',
    severity: 'Severity',
    severities: {
      Extreme: 'Extreme',
      Severe: 'Severe',
      Moderate: 'Moderate',
      Minor: 'Minor',
      Unknown: 'Unknown',
    },
    status: { Exercise: 'EXERCISE', Test: 'TEST', Draft: 'DRAFT', System: 'SYSTEM MESSAGE' },
    areas: 'Applies to',
    lastUpdated: 'Last updated',
    validUntil: 'Valid until',
    what: 'What is happening',
    instruction: 'What to do',
    updates: 'Updates (newest first)',
    openApp: 'Open this alert in Buurthub',
    from: 'From',
    count: (n: number) => (n === 1 ? '1 active alert' : `${n} active alerts`),
    reload: 'Reload this page for the latest situation.',
  },
} as const;

const CSS = [
  'body{margin:0 auto;max-width:40em;padding:.5em 1em;font:1.1em/1.5 sans-serif;color:#111;background:#fff}',
  'h1{font-size:1.5em;margin:.3em 0}',
  'h2{font-size:1.3em;margin:.2em 0}',
  'h3{font-size:1.05em;margin:.8em 0 .2em}',
  'article{border:2px solid #333;border-left-width:.6em;padding:.5em 1em;margin:1em 0}',
  'p,li{white-space:pre-line;margin:.3em 0}',
  'ol{padding-left:1.2em}',
  '.badge{display:inline-block;padding:.1em .5em;font-weight:bold}',
  '.test{font-weight:bold;border:2px dashed #111;padding:.1em .5em}',
  'a{color:#0b4ea2}',
  ...Object.entries(SEVERITY_COLOURS).map(
    ([severity, { fg, bg }]) =>
      `.s-${severity.toLowerCase()}{border-color:${bg}}.s-${severity.toLowerCase()} .badge{color:${fg};background:${bg}}`,
  ),
].join('\n');

/** The CSP `style-src` hash of the inline style sheet (CSP 2); older browsers use 'unsafe-inline'. */
export const CRISIS_PAGE_STYLE_HASH = `'sha256-${createHash('sha256').update(CSS).digest('base64')}'`;

/** The page's Content-Security-Policy: nothing may load or run; only the inline style applies. */
export const CRISIS_PAGE_CSP = `default-src 'none'; style-src ${CRISIS_PAGE_STYLE_HASH} 'unsafe-inline'; base-uri 'none'; form-action 'none'`;

export interface CrisisPageOptions {
  nb: string;
  name: string;
  publicUrl: string;
  lang: FeedLanguage;
  /** Active alerts, most severe first. */
  active: readonly FeedAlert[];
  /** The most recently ended alert, shown when nothing is active. */
  lastArchived: FeedAlert | null;
  now: number;
}

const e = escapeHtml;

function time(ms: number, lang: FeedLanguage, style: 'short' | 'long' = 'short'): string {
  return `<time datetime="${capDateTime(ms)}">${e(formatLocal(ms, lang, style))}</time>`;
}

function alertHtml(alert: FeedAlert, options: CrisisPageOptions, index: number): string {
  const { lang } = options;
  const w = WORDS[lang];
  // Author text not in the page's language keeps its own language for screen readers.
  const textLang = lang === 'en' ? ' lang="nl"' : '';
  const { headline, description, instruction } = alert;
  const status = (w.status as Partial<Record<FeedAlert['status'], string>>)[alert.status];
  const id = `alert-${index + 1}`;
  const lines = [
    `<article class="s-${alert.severity.toLowerCase()}" aria-labelledby="${id}">`,
    `<h2 id="${id}"${textLang}>${e(headline)}</h2>`,
  ];
  if (status) lines.push(`<p class="test">${e(status)}</p>`);
  lines.push(
    `<p><span class="badge">${e(w.severity)}: ${e(w.severities[alert.severity])}</span></p>`,
  );
  if (alert.areas.length) {
    const areas = e(alert.areas.join(', '));
    lines.push(`<p>${e(w.areas)}: ${textLang ? `<span${textLang}>${areas}</span>` : areas}</p>`);
  }
  lines.push(
    `<p>${e(w.lastUpdated)}: ${time(alert.lastUpdated, lang, 'long')}</p>`,
    `<h3>${e(w.what)}</h3>`,
    `<p${textLang}>${e(description)}</p>`,
  );
  if (instruction) {
    lines.push(`<h3>${e(w.instruction)}</h3>`, `<p${textLang}>${e(instruction)}</p>`);
  }
  const updates = alert.updates.filter((entry) => entry.kind === 'update');
  if (updates.length) {
    lines.push(`<h3>${e(w.updates)}</h3>`, '<ol reversed>');
    for (const update of [...updates].reverse()) {
      const text = lang === 'en' ? `<span lang="nl">${e(update.text)}</span>` : e(update.text);
      lines.push(`<li>${time(update.at, lang)} — ${text}</li>`);
    }
    lines.push('</ol>');
  }
  lines.push(
    `<p>${e(w.from)}: ${e(alert.senderName)}. ${e(w.validUntil)} ${time(alert.expires, lang)}.</p>`,
    `<p><a href="${e(crisisUrl(options.publicUrl, options.nb, alert.id))}">${e(w.openApp)}</a></p>`,
    '</article>',
  );
  return lines.join('\n');
}

export function renderCrisisPage(options: CrisisPageOptions): string {
  const { lang } = options;
  const w = WORDS[lang];
  const title = `${w.title} – ${options.name}`;
  const body: string[] = [];
  if (options.active.length === 0) {
    body.push(`<p><strong>${e(w.none)}</strong></p>`);
    const last = options.lastArchived;
    if (last) {
      const ended = last.cancelledAt ?? last.expires;
      const headline = `<span${lang === 'en' ? ' lang="nl"' : ''}>${e(last.headline)}</span>`;
      const how = last.cancelledAt !== undefined ? w.cancelled : w.ended;
      body.push(`<p>${e(w.lastArchived)}: ${headline} (${e(how)} ${time(ended, lang)}).</p>`);
    }
  } else {
    body.push(`<p>${e(w.count(options.active.length))}</p>`);
    options.active.forEach((alert, i) => body.push(alertHtml(alert, options, i)));
  }
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8"/>',
    '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
    `<title>${e(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<p><a href="${w.otherHref}" hreflang="${w.otherLang}" lang="${w.otherLang}">${w.other}</a></p>`,
    `<h1>${e(title)}</h1>`,
    // To the minute, so the page (and its ETag) stays the same within a minute.
    `<p>${e(w.asOf)}: ${time(Math.floor(options.now / 60_000) * 60_000, lang, 'long')}. ${e(w.reload)}</p>`,
    '</header>',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
