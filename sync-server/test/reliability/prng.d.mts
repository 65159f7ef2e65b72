/** Types of prng.mjs (plain JavaScript so that the benchmarks can import it too). */
export function prng(seed: number): () => number;
