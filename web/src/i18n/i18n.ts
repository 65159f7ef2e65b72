/**
 * The UI language: which locale is active, the typed translation function `t`, locale-aware
 * time and number formatting, and a reactive controller that re-renders a component when the
 * language changes. Dutch is the source and the fallback. Until the user picks a language it
 * follows the device (`navigator.languages`); a pick is remembered on this device. The
 * locale is mirrored to `<html lang>` so screen readers pronounce the text correctly.
 *
 * Only the active language's catalogue is loaded: this module waits for it (top-level await)
 * before anything that translates runs, so the first paint is already in that language; the
 * other catalogue is fetched when the user switches (and kept, the service worker has it
 * offline).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MessageKey, Messages } from './nl.js';

export type Locale = 'nl' | 'en';
export const LOCALES: readonly Locale[] = ['nl', 'en'];
export type { MessageKey };

const CATALOG_LOADERS: Record<Locale, () => Promise<Messages>> = {
  nl: () => import('./nl.js').then((m) => m.nl),
  en: () => import('./en.js').then((m) => m.en),
};
const catalogs: Partial<Record<Locale, Messages>> = {};

async function loadCatalog(locale: Locale): Promise<Messages> {
  catalogs[locale] ??= await CATALOG_LOADERS[locale]();
  return catalogs[locale];
}

const STORAGE_KEY = 'buurthub:lang';

/**
 * The language a device asks for: the first of its preferred languages that is Dutch or
 * English decides (a Belgian phone set to French, then Dutch, gets Dutch); a device that
 * lists neither gets English, which more visitors read than Dutch. Without any list (not a
 * browser) the source language, Dutch.
 */
export function deviceLocale(languages: readonly string[] | undefined): Locale {
  if (!languages || languages.length === 0) return 'nl';
  for (const tag of languages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'nl') return 'nl';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'nl' || stored === 'en') return stored;
  } catch {
    // storage can be unavailable (private mode, kiosk policy): follow the device
  }
  return deviceLocale(typeof navigator === 'undefined' ? undefined : navigator.languages);
}

let current: Locale = initialLocale();
let messages: Messages = await loadCatalog(current);
const listeners = new Set<() => void>();

export function getLocale(): Locale {
  return current;
}

/** The language last asked for: a quick second switch wins over a first one still loading. */
let wanted: Locale = current;

/** Switches the language once its catalogue is there (fetched on the first switch). */
export async function setLocale(locale: Locale): Promise<void> {
  wanted = locale;
  const loaded = await loadCatalog(locale);
  if (locale !== wanted || locale === current) return;
  current = locale;
  messages = loaded;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // not remembered, but still applied for this session
  }
  applyDocumentLocale();
  for (const cb of listeners) cb();
}

export function onLocaleChange(cb: () => void): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

/** Mirrors the locale to `<html lang>`. */
export function applyDocumentLocale(): void {
  // Guarded so the translation functions also run in Node (unit tests, pre-rendering).
  if (typeof document !== 'undefined') document.documentElement.lang = current;
}

/** BCP 47 tags for Intl: British English keeps the 24-hour clock Dutch users expect. */
const INTL_TAGS: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

/** The BCP 47 tag of the current locale, for Intl formatters. */
export function intlTag(): string {
  return INTL_TAGS[current];
}

export type Params = Record<string, string | number>;

const formatters = new Map<string, unknown>();

/**
 * One Intl formatter of a kind per language, made on first use: creating one costs far more
 * than formatting, and a feed formats hundreds of times and numbers while scrolling.
 */
function formatter<T>(kind: string, make: (tag: string) => T): T {
  const key = `${current} ${kind}`;
  let made = formatters.get(key) as T | undefined;
  if (made === undefined) {
    made = make(INTL_TAGS[current]);
    formatters.set(key, made);
  }
  return made;
}

/**
 * A number as the language writes it: "1,5" and "12.500" in Dutch, "1.5" and "12,500" in
 * British English. Grouping starts at five digits, so a year or a house number stays "2026".
 */
export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  const make = (tag: string) => new Intl.NumberFormat(tag, { useGrouping: 'min2', ...options });
  const format =
    Object.keys(options).length === 0 ? formatter('number', make) : make(INTL_TAGS[current]);
  return format.format(value);
}

/**
 * Translates a message key, filling `{name}` parameters (numbers through `formatNumber`);
 * plural messages use `count`.
 */
export function t(key: MessageKey, params: Params = {}): string {
  const message = messages[key];
  let text: string;
  if (typeof message === 'string') {
    text = message;
  } else {
    const count = Number(params['count'] ?? 0);
    text =
      formatter('plural', (tag) => new Intl.PluralRules(tag)).select(count) === 'one'
        ? message.one
        : message.other;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

/** Translates a key built at runtime (e.g. a category name), with a fallback text. */
export function tDynamic(key: string, fallback: string, params: Params = {}): string {
  return key in messages ? t(key as MessageKey, params) : fallback;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "5 minuten geleden" / "5 minutes ago"; anything under a minute is "just now". */
export function formatRelative(timestamp: number, now: number): string {
  const seconds = Math.round((timestamp - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return t('time.justNow');
  const rtf = formatter('relative', (tag) => new Intl.RelativeTimeFormat(tag, { numeric: 'auto' }));
  for (const [unit, size] of UNITS) {
    if (abs >= size) return rtf.format(Math.trunc(seconds / size), unit);
  }
  return t('time.justNow');
}

/** Wall-clock time, "14:05". */
export function formatTime(timestamp: number): string {
  return formatter(
    'time',
    (tag) => new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit' }),
  ).format(timestamp);
}

/** Full date and time for tooltips and `<time datetime>` titles. */
export function formatDateTime(timestamp: number): string {
  return formatter(
    'date-time',
    (tag) => new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeStyle: 'short' }),
  ).format(timestamp);
}

/** Re-renders its host whenever the UI language changes. */
export class LocaleController implements ReactiveController {
  private off?: () => void;
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }
  hostConnected(): void {
    this.off = onLocaleChange(() => this.host.requestUpdate());
  }
  hostDisconnected(): void {
    this.off?.();
  }
}
