/**
 * `kiosk.json`: how one buurthuis kiosk is set up (issue: the buurthuis kiosk). Read by the
 * main process at start; a missing or bad file never crashes the kiosk: it shows an error
 * screen listing each problem (codes the renderer translates), so a buurtverbinder can fix
 * the file. Hand-checked rather than with a schema library, to keep the main process small.
 *
 * {
 *   "neighbourhood": "maasburen",
 *   "upstream": "wss://buurt.example.nl/sync",     optional: the relay to replicate with
 *   "deviceToken": "eyJ…",                          with upstream: the kiosk's token
 *   "lanPort": 8080,                                the hub's port on the centre's network
 *   "idleSeconds": 120,                             back to home after this long untouched
 *   "show": { "crisis": true, "agenda": true, "boards": true, "joinQr": true },
 *   "setupPin": { "salt": "…", "hash": "…" }        scrypt of the moderator PIN (setup-pin.ts)
 * }
 */

export interface KioskConfig {
  neighbourhood: string;
  upstream: string | null;
  deviceToken: string | null;
  lanPort: number;
  idleSeconds: number;
  show: { crisis: boolean; agenda: boolean; boards: boolean; joinQr: boolean };
  setupPin: { salt: string; hash: string } | null;
}

export type ProblemCode =
  | 'file-missing'
  | 'not-json'
  | 'not-an-object'
  | 'required'
  | 'invalid'
  | 'unknown-field'
  /** The file is fine, but the embedded hub could not listen on `lanPort` (main.ts). */
  | 'hub-not-started';

export interface ConfigProblem {
  /** The field (dotted), or '' for the file as a whole. */
  field: string;
  code: ProblemCode;
}

export type ConfigResult =
  { ok: true; config: KioskConfig } | { ok: false; problems: ConfigProblem[] };

export const DEFAULTS = {
  lanPort: 8080,
  idleSeconds: 120,
  show: { crisis: true, agenda: true, boards: true, joinQr: true },
} as const;

const FIELDS = [
  'neighbourhood',
  'upstream',
  'deviceToken',
  'lanPort',
  'idleSeconds',
  'show',
  'setupPin',
];
const SHOW_FIELDS = ['crisis', 'agenda', 'boards', 'joinQr'] as const;
const SLUG = /^[a-z0-9-]{2,40}$/;
const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/;
const HEX = /^[0-9a-f]{32,128}$/;

/** `text` is the file's content, or null when there is no file. */
export function parseKioskConfig(text: string | null): ConfigResult {
  if (text === null) return { ok: false, problems: [{ field: '', code: 'file-missing' }] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problems: [{ field: '', code: 'not-json' }] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, problems: [{ field: '', code: 'not-an-object' }] };
  }
  const input = raw as Record<string, unknown>;
  const problems: ConfigProblem[] = [];
  const problem = (field: string, code: ProblemCode) => problems.push({ field, code });
  for (const key of Object.keys(input)) if (!FIELDS.includes(key)) problem(key, 'unknown-field');

  const neighbourhood = input.neighbourhood;
  if (neighbourhood === undefined) problem('neighbourhood', 'required');
  else if (typeof neighbourhood !== 'string' || !SLUG.test(neighbourhood))
    problem('neighbourhood', 'invalid');

  const upstream = input.upstream ?? null;
  if (upstream !== null && !isUpstreamUrl(upstream)) problem('upstream', 'invalid');
  const deviceToken = input.deviceToken ?? null;
  if (deviceToken !== null && (typeof deviceToken !== 'string' || !JWT.test(deviceToken))) {
    problem('deviceToken', 'invalid');
  }
  if (upstream !== null && deviceToken === null) problem('deviceToken', 'required');

  const lanPort = input.lanPort ?? DEFAULTS.lanPort;
  if (!Number.isInteger(lanPort) || (lanPort as number) < 1024 || (lanPort as number) > 65535) {
    problem('lanPort', 'invalid');
  }
  const idleSeconds = input.idleSeconds ?? DEFAULTS.idleSeconds;
  if (
    !Number.isInteger(idleSeconds) ||
    (idleSeconds as number) < 15 ||
    (idleSeconds as number) > 3600
  ) {
    problem('idleSeconds', 'invalid');
  }

  const show: Record<string, boolean> = { ...DEFAULTS.show };
  if (input.show !== undefined) {
    if (typeof input.show !== 'object' || input.show === null || Array.isArray(input.show)) {
      problem('show', 'invalid');
    } else {
      for (const [key, value] of Object.entries(input.show)) {
        if (!(SHOW_FIELDS as readonly string[]).includes(key))
          problem(`show.${key}`, 'unknown-field');
        else if (typeof value !== 'boolean') problem(`show.${key}`, 'invalid');
        else show[key] = value;
      }
    }
  }

  const pin = input.setupPin ?? null;
  const pinOk =
    pin === null ||
    (typeof pin === 'object' &&
      typeof (pin as Record<string, unknown>).salt === 'string' &&
      typeof (pin as Record<string, unknown>).hash === 'string' &&
      HEX.test((pin as Record<string, string>).salt as string) &&
      HEX.test((pin as Record<string, string>).hash as string));
  if (!pinOk) problem('setupPin', 'invalid');

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    config: {
      neighbourhood: neighbourhood as string,
      upstream: upstream as string | null,
      deviceToken: deviceToken as string | null,
      lanPort: lanPort as number,
      idleSeconds: idleSeconds as number,
      show: show as KioskConfig['show'],
      setupPin: pin as KioskConfig['setupPin'],
    },
  };
}

/** A `wss:` sync base URL without credentials, query or fragment (`ws:` only on loopback). */
function isUpstreamUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  const loopback =
    url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  return (
    (url.protocol === 'wss:' || (url.protocol === 'ws:' && loopback)) &&
    url.username === '' &&
    url.password === '' &&
    url.search === '' &&
    url.hash === ''
  );
}

/** The `process.argv` entry that carries the renderer's part of the configuration. */
export const RENDERER_ARGUMENT = '--buurthub-kiosk=';

/** Where the renderer finds the hub, and what it tells visitors (hub-options.ts). */
export interface HubAddresses {
  /** The embedded hub on this machine, e.g. `http://127.0.0.1:8080`. */
  hubUrl: string;
  /** The hub on the centre's network, or null when the machine has no LAN address. */
  lanUrl: string | null;
}

/**
 * What the web bundle may know of the configuration (never the device token or the PIN),
 * as one argument for the preload (window-options.ts). `publicUrl` is where phones should
 * go for QR codes: the upstream's web address (reachable from anywhere), else the LAN one.
 */
export function rendererArgument(config: KioskConfig, hub: HubAddresses): string {
  const { neighbourhood, idleSeconds, show } = config;
  const publicUrl = config.upstream !== null ? upstreamWebOrigin(config.upstream) : hub.lanUrl;
  return `${RENDERER_ARGUMENT}${JSON.stringify({
    neighbourhood,
    idleSeconds,
    show,
    hubUrl: hub.hubUrl,
    lanUrl: hub.lanUrl,
    publicUrl,
  })}`;
}

/** `wss://buurt.example.nl/sync` → `https://buurt.example.nl` (the relay serves its PWA). */
export function upstreamWebOrigin(upstream: string): string {
  const url = new URL(upstream);
  return `${url.protocol === 'wss:' ? 'https:' : 'http:'}//${url.host}`;
}
