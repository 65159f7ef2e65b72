/**
 * Workload sizes: the full run (what docs/benchmarks.md reports) and the quick run for
 * development. bench:relay and bench:cluster measure the fan-out with the same sizes.
 */
export const FULL = {
  'fanout-1x200': {
    rooms: 1,
    perRoom: 200,
    full: 20,
    paced: { rate: 20, seconds: 10 },
    saturated: { window: 16, seconds: 8 },
  },
  'fanout-100x5': {
    rooms: 100,
    perRoom: 5,
    full: 2,
    paced: { rate: 200, seconds: 10 },
    saturated: { window: 2, seconds: 8 },
  },
  idle: { connections: 5000, rooms: 50 },
  'initial-sync': { seed: 4, scale: 1, times: 10, repeats: 3 },
  reconnect: { missed: 1000, writers: 10 },
};
export const QUICK = {
  'fanout-1x200': {
    rooms: 1,
    perRoom: 50,
    full: 10,
    paced: { rate: 20, seconds: 3 },
    saturated: { window: 8, seconds: 3 },
  },
  'fanout-100x5': {
    rooms: 10,
    perRoom: 5,
    full: 2,
    paced: { rate: 50, seconds: 3 },
    saturated: { window: 2, seconds: 3 },
  },
  idle: { connections: 500, rooms: 10 },
  'initial-sync': { seed: 4, scale: 0.1, times: 2, repeats: 1 },
  reconnect: { missed: 200, writers: 4 },
};
