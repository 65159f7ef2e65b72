import { CrisisAlerts, modelContext } from '@buurthub/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { findArrivals, itemIds } from './arrivals.js';

const gemeente = { id: 'gem', name: 'Gemeente', role: 'official' as const };
const mieke = { id: 'mieke', name: 'Mieke', role: 'moderator' as const };
const NOW = Date.UTC(2026, 6, 14, 9);

function alerts() {
  let n = 0;
  const crisis = new CrisisAlerts(
    new Y.Doc(),
    modelContext({ now: () => NOW + n * 1000, newId: () => `id${++n}` }),
  );
  const input = {
    status: 'actual' as const,
    severity: 'severe' as const,
    headline: 'Hoogwater Maas',
    description: 'Het water stijgt.',
    villages: ['Mook'],
    effective: NOW,
    expires: NOW + 86_400_000,
  };
  return { crisis, input };
}

describe('crisis arrivals', () => {
  it('announces new alerts and updates by others, not what was seen or written here', () => {
    const { crisis, input } = alerts();
    const first = crisis.create(input, gemeente);
    const seen = new Set(itemIds(crisis.all()));
    expect(findArrivals(crisis.all(), seen, 'anna')).toEqual([]);

    crisis.addUpdate(first.id, { text: 'Hoogste stand vrijdag 14:00.' }, gemeente);
    crisis.addUpdate(first.id, { text: 'Dijkwacht loopt.' }, mieke);
    const second = crisis.create({ ...input, headline: 'Stroomstoring' }, gemeente);
    const arrivals = findArrivals(crisis.all(), seen, 'mieke');
    expect(arrivals.map((a) => [a.kind, a.alertId, a.text])).toEqual(
      expect.arrayContaining([
        ['alert', second.id, 'Het water stijgt.'],
        ['update', first.id, 'Hoogste stand vrijdag 14:00.'],
      ]),
    );
    expect(arrivals).toHaveLength(2);
    expect(findArrivals(crisis.all(), new Set(itemIds(crisis.all())), null)).toEqual([]);
  });
});
