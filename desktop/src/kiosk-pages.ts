/**
 * The two pages the kiosk shows without the web app: the setup error (kiosk.json missing
 * or wrong, with each problem named) and the safe crisis screen after repeated renderer
 * crashes. Static HTML from escaped text, no script, no remote resource; in Dutch and
 * English together, because neither page can know the visitor's language.
 */
import type { ConfigProblem, ProblemCode } from './kiosk-config.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const esc = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

const PROBLEMS: Record<ProblemCode, [nl: string, en: string]> = {
  'file-missing': ['Het bestand kiosk.json ontbreekt.', 'The file kiosk.json is missing.'],
  'not-json': ['kiosk.json is geen geldige JSON.', 'kiosk.json is not valid JSON.'],
  'not-an-object': [
    'kiosk.json moet één object { … } zijn.',
    'kiosk.json must be one object { … }.',
  ],
  required: ['Dit veld is verplicht.', 'This field is required.'],
  invalid: ['Deze waarde klopt niet.', 'This value is not valid.'],
  'unknown-field': ['Dit veld kent de kiosk niet.', 'The kiosk does not know this field.'],
  'hub-not-started': [
    'De buurthub kon op deze poort niet starten; is de poort al in gebruik?',
    'The hub could not start on this port; is the port already in use?',
  ],
};

function page(title: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="nl"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    '<style>body{font:1.6rem/1.5 system-ui,sans-serif;margin:4rem;color:#111;background:#fff}h1{font-size:2.6rem}li{margin:.6rem 0}code{font-size:1.4rem}.en{color:#333}.big{font-size:3rem;font-weight:700}</style>',
    '</head><body>',
    body,
    '</body></html>',
    '',
  ].join('\n');
}

/** Where kiosk.json lives, so the person fixing it knows which file to open. */
export function configErrorPage(problems: ConfigProblem[], file: string): string {
  const items = problems
    .map((p) => {
      const [nl, en] = PROBLEMS[p.code];
      const field = p.field ? `<code>${esc(p.field)}</code>: ` : '';
      return `<li>${field}${esc(nl)} <span class="en" lang="en">${esc(en)}</span></li>`;
    })
    .join('\n');
  return page(
    'Kiosk niet ingesteld',
    `<h1>Deze kiosk is nog niet goed ingesteld</h1>
<p class="en" lang="en">This kiosk is not set up correctly yet.</p>
<p>Pas het bestand aan en start de kiosk opnieuw: <code>${esc(file)}</code></p>
<ul>
${items}
</ul>`,
  );
}

/**
 * The safe screen after repeated crashes: what to do in an emergency, and where the
 * neighbourhood's crisis page is (derived from the upstream relay, when there is one).
 */
export function fallbackCrisisPage(crisisPageUrl: string | null): string {
  const where = crisisPageUrl
    ? `<p>Actuele crisisinformatie: <strong>${esc(crisisPageUrl)}</strong></p>
<p class="en" lang="en">Current crisis information: <strong>${esc(crisisPageUrl)}</strong></p>`
    : '';
  return page(
    'Storing',
    `<h1>Deze kiosk heeft een storing</h1>
<p class="en" lang="en">This kiosk is out of order.</p>
<p>Bij levensgevaar: bel <span class="big">112</span>. <span class="en" lang="en">In an emergency, call 112.</span></p>
<p>Waarschuwingen van de overheid komen ook via NL-Alert op uw telefoon.</p>
<p class="en" lang="en">Government warnings also reach your phone through NL-Alert.</p>
${where}
<p>Meld de storing bij een buurtverbinder. <span class="en" lang="en">Please tell a buurtverbinder.</span></p>`,
  );
}

/** `wss://host/sync` → `https://host/nb/<nb>/crisis` (the relay's page without JavaScript). */
export function crisisPageUrl(upstream: string | null, nb: string): string | null {
  if (!upstream) return null;
  const url = new URL(upstream);
  url.protocol = url.protocol === 'wss:' ? 'https:' : 'http:';
  url.pathname = `/nb/${nb}/crisis`;
  return url.toString();
}
