/**
 * Crisis alerts for the feed tests, written through the model into the public room
 * (helpers/neighbourhood.ts), and the OASIS CAP 1.2 schema check (via xmllint) CAP messages
 * must pass. Reading and checking the served documents: helpers/feeds.ts.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AlertInput, Author, PublicSpace } from '@buurthub/shared';
import { writeNeighbourhood } from './neighbourhood.js';
import type { TestRelay } from './relay.js';

export const NB = 'maasburen';
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export const gemeente: Author = {
  id: 'gem',
  name: 'Gemeente Mook en Middelaar',
  role: 'official',
};

const CAP_SCHEMA = fileURLToPath(new URL('../fixtures/CAP-v1.2.xsd', import.meta.url));

/** A high-water alert in force from an hour ago for two days. */
export const highWater = (now = Date.now(), extra: Partial<AlertInput> = {}): AlertInput => ({
  headline: 'Hoogwater Maas',
  description: 'Het waterpeil stijgt.\nDe hoogste stand wordt vrijdag 14:00 verwacht.',
  instruction: 'Zet spullen uit de kelder hoger.',
  severity: 'severe',
  status: 'actual',
  villages: ['Middelaar', 'Mook'],
  effective: now - HOUR,
  expires: now + 2 * DAY,
  ...extra,
});

/** xmllint's verdict on `xml` against the OASIS CAP 1.2 schema; `ok` with its messages. */
export function validateCap(xml: string): { ok: boolean; messages: string } {
  const run = spawnSync('xmllint', ['--noout', '--schema', CAP_SCHEMA, '-'], {
    input: xml,
    encoding: 'utf8',
  });
  if (run.error) throw run.error;
  return { ok: run.status === 0, messages: `${run.stderr}${run.stdout}`.trim() };
}

/**
 * Writes into the public space of NB, by default an hour ago: alerts made with `highWater()`
 * then are in force, and what the feeds show no longer depends on the current second.
 */
export function writePublic(
  relay: TestRelay,
  write: (pub: PublicSpace) => unknown,
  at = Date.now() - HOUR,
): Promise<void> {
  return writeNeighbourhood(relay.storage, NB, ({ pub }) => void write(pub), at);
}

/** The gemeente's high-water alert, written an hour ago. */
export function writeHighWater(relay: TestRelay): Promise<void> {
  return writePublic(relay, (pub) => pub.crisis.create(highWater(), gemeente));
}

/** Script, markup and XML-breaking payloads for every text field. */
export const XSS = {
  headline: '<script>alert("kop")</script> & </headline><alert>',
  description: '<img src=x onerror=alert(1)> ]]> <![CDATA[ x ]]> "quotes" \'single\'',
  instruction: '<a href="javascript:alert(2)">klik</a> &amp; <!-- comment -->',
  village: '<svg onload=alert(3)>',
  author: '<b onmouseover=alert(4)>Gemeente</b>',
  update: '</li><script>alert(5)</script><style>body{display:none}</style>',
};

/** How the markup in XSS begins; a feed that escapes it never holds these as they are. */
export const XSS_MARKUP = ['<script', '<img', '<svg', '<a ', '<b ', '<![CDATA[', '<!--'];

/** An alert with a payload in every text field (and the author's name), plus an update. */
export function writeXssAlert(pub: PublicSpace): string {
  const { id } = pub.crisis.create(
    highWater(Date.now(), {
      headline: XSS.headline,
      description: XSS.description,
      instruction: XSS.instruction,
      villages: [XSS.village],
    }),
    { ...gemeente, name: XSS.author },
  );
  pub.crisis.addUpdate(id, { text: XSS.update }, gemeente);
  return id;
}
