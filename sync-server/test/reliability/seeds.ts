/**
 * Seeds and sizes for the randomized reliability tests. CI runs a few fixed seeds so it
 * repeats the same runs; `RELIABILITY_SEED=<n>` replays one seed (printed on failure),
 * `RELIABILITY_SEEDS=<n>` runs n seeds from `RELIABILITY_SEED_BASE`, and
 * `RELIABILITY_SCALE=<k>` makes every run k times longer (more operations, clients and
 * kills). `npm run soak` (scripts/soak.mjs) sets them for a release.
 */
import { prng } from './prng.mjs';

export { prng };
export type Random = () => number;

/** An integer in [min, max]. */
export function between(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function pick<T>(random: Random, items: readonly T[]): T | undefined {
  return items.length === 0 ? undefined : items[Math.floor(random() * items.length)];
}

/** The seeds this run uses: `fixed` in CI, or what the environment asks for. */
export function seedsToRun(fixed: readonly number[]): number[] {
  const env = process.env;
  if (env.RELIABILITY_SEED !== undefined) return [Number(env.RELIABILITY_SEED)];
  if (env.RELIABILITY_SEEDS === undefined) return [...fixed];
  const base = Number(env.RELIABILITY_SEED_BASE ?? 1);
  return Array.from({ length: Number(env.RELIABILITY_SEEDS) }, (_, i) => base + i);
}

/** `ciSize` times RELIABILITY_SCALE (default 1). */
export function scaled(ciSize: number): number {
  return Math.round(ciSize * Number(process.env.RELIABILITY_SCALE ?? 1));
}

/** Runs one seeded case; on failure, says how to replay it. */
export async function withSeed(
  name: string,
  seed: number,
  run: (random: Random) => Promise<void>,
): Promise<void> {
  try {
    await run(prng(seed));
  } catch (error) {
    console.error(`${name} failed; replay with RELIABILITY_SEED=${seed}`);
    throw error;
  }
}
