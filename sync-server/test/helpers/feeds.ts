/**
 * Reading what the relay's feeds serve (Atom, CAP, the polyglot HTML crisis page) the way
 * other systems do: plain GETs, conditional GETs, an XML parser, and the checks that markup
 * written by neighbours stays text.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';
import type { TestRelay } from './relay.js';

export const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ['entry', 'link', 'info', 'area', 'category', 'resource'].includes(name),
});

/** Checks well-formedness, then parses. */
export function parseXml<T>(xml: string): T {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml) as T;
}

export async function get(relay: TestRelay, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${relay.url}${path}`, { headers });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** Asks for `path` again with the ETag an earlier answer carried, as a cache does. */
export function revalidate(relay: TestRelay, path: string, earlier: { headers: Headers }) {
  return get(relay, path, { 'if-none-match': earlier.headers.get('etag')! });
}

/** Fails for each of `raws` that stands in a served document as it is: it was not escaped. */
export function expectNoneVerbatim(text: string, raws: string[]): void {
  for (const raw of raws) expect(text).not.toContain(raw);
}

/** Fails for each of `names` that is an element anywhere in the parsed document. */
export function expectNoElements(doc: unknown, names: string[]): void {
  const found = elementNames(doc);
  for (const name of names) expect(found.has(name), name).toBe(false);
}

/** Every element name anywhere in a parsed document. */
export function elementNames(value: unknown, names = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => elementNames(item, names));
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (!key.startsWith('@_') && key !== '#text') names.add(key);
      elementNames(child, names);
    }
  }
  return names;
}
