/**
 * mulberry32: a small seeded PRNG, the same on every machine, so a failing randomized run
 * can be replayed exactly from its seed. Plain JavaScript so that both the tests and the
 * benchmarks (bench/relay/trace.mjs, run by plain Node) import this one copy.
 * @param {number} seed
 * @returns {() => number} numbers in [0, 1)
 */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
