/** Deterministic clock and ids for model tests. Not exported from the package. */
import type { ModelContext } from './context.js';
import type { Author } from './roles.js';

export function fixedContext(
  start = Date.UTC(2026, 10, 28, 9, 0),
): ModelContext & { advance(ms: number): void } {
  let time = start;
  let counter = 0;
  return {
    now: () => time,
    newId: () => `id-${++counter}`,
    advance: (ms) => {
      time += ms;
    },
  };
}

export const anna: Author = { id: 'anna', name: 'Anna de Vries', role: 'resident' };
export const bram: Author = { id: 'bram', name: 'Bram Janssen', role: 'resident' };
export const mod: Author = { id: 'mieke', name: 'Mieke (buurtverbinder)', role: 'moderator' };
export const gemeente: Author = { id: 'gem', name: 'Gemeente Mook en Middelaar', role: 'official' };
