/**
 * The reconnect storm at CI size (200 residents; `npm run bench:storm` runs 1,000 and
 * reports the timing): after the relay is killed and restarted, every resident reconnects
 * within one second, ends up holding every post of its room, including the one it wrote
 * while the relay was down, and the relay stays within its memory budget. No timing is
 * asserted here.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error the bench is plain JavaScript, without type declarations
import { runStorm } from '../../../bench/storm/storm.mjs';
import { scaled } from './seeds.js';

/** Peak RSS of the restarted relay for 200 residents; the bench measured about 130 MiB. */
const MEMORY_BUDGET_MIB = 256;

interface StormResult {
  clients: number;
  relayPeakRssMiB: number;
  missing: string[];
}

describe('a reconnect storm after a relay restart', () => {
  it('syncs every resident with every post, offline ones included, within the memory budget', async () => {
    const result = (await runStorm({ clients: scaled(200), timeoutMs: 240_000 })) as StormResult;
    expect(result.missing).toEqual([]);
    expect(result.relayPeakRssMiB).toBeLessThan(MEMORY_BUDGET_MIB);
  }, 300_000);
});
