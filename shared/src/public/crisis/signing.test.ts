import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { canonicalize } from '../../crypto/canonical-json.js';
import type { Author } from '../../roles.js';
import { PublicSpace } from '../public-space.js';
import { alertPayload, updatePayload } from './signing.js';

const official: Author = { id: 'm-1', name: 'Gemeente', role: 'official' };
const T = Date.UTC(2026, 10, 28, 9);

describe('signed crisis payloads', () => {
  it('signs exactly the canonical payload documented in docs/schema.md', () => {
    let now = T;
    let next = 'a1';
    const pub = new PublicSpace(new Y.Doc(), { now: () => now, newId: () => next });
    const alert = pub.crisis.create(
      {
        status: 'actual',
        event: 'Hoogwater',
        category: 'Met',
        severity: 'severe',
        urgency: 'expected',
        certainty: 'likely',
        headline: 'Hoogwater Maas',
        description: 'Het water stijgt.',
        villages: ['Mook'],
        effective: T,
        expires: T + 48 * 3_600_000,
      },
      official,
    );
    expect(canonicalize(alertPayload('maasburen', alert))).toBe(
      '{"alertId":"a1","at":1795856400000,"content":{"category":"Met","certainty":"likely",' +
        '"description":"Het water stijgt.","effective":1795856400000,"event":"Hoogwater",' +
        '"expires":1796029200000,"headline":"Hoogwater Maas","links":[],"media":[],' +
        '"severity":"severe","status":"actual","urgency":"expected","villages":["Mook"]},' +
        '"ctx":"buurthub/crisis-signature/1","kind":"alert","nb":"maasburen","sub":"m-1"}',
    );
    now = T + 3_600_000;
    next = 'u1';
    const update = pub.crisis.addUpdate(
      'a1',
      { text: 'Hoogste stand vrijdag 18:00.', changes: { severity: 'extreme' } },
      official,
    );
    expect(canonicalize(updatePayload('maasburen', 'a1', update))).toBe(
      '{"alertId":"a1","at":1795860000000,"content":{"changes":{"severity":"extreme"},' +
        '"media":[],"text":"Hoogste stand vrijdag 18:00."},"ctx":"buurthub/crisis-signature/1",' +
        '"kind":"update","nb":"maasburen","sub":"m-1","updateId":"u1"}',
    );
    next = 'c1';
    const cancel = pub.crisis.cancel('a1', { reason: 'Het water zakt.' }, official);
    expect(canonicalize(updatePayload('maasburen', 'a1', cancel))).toBe(
      '{"alertId":"a1","at":1795860000000,"content":{"reason":"Het water zakt."},' +
        '"ctx":"buurthub/crisis-signature/1","kind":"cancel","nb":"maasburen","sub":"m-1",' +
        '"updateId":"c1"}',
    );
  });
});
