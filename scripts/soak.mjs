#!/usr/bin/env node
/**
 * `npm run soak [-- --minutes N --scale K]`: the reliability suite for a release. Runs
 * sync-server/test/reliability/ plus the decoder fuzzing and the single-relay crash test
 * round after round, each round with new seeds (RELIABILITY_SEED_BASE, FUZZ_SEED,
 * CRASH_SEED) and every run K times longer (RELIABILITY_SCALE, FUZZ_RUNS), until N minutes
 * (default 10) have passed. Stops at the first failing round and prints how to replay it.
 * Needs `npm run build` first (the tests start the built relay).
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    scale: { type: 'string', default: '3' },
    seeds: { type: 'string', default: '2' },
  },
});
const minutes = Number(values.minutes);
const scale = Number(values.scale);
const seedsPerRound = Number(values.seeds);
const FILES = [
  'sync-server/test/reliability',
  'sync-server/test/fuzz.test.ts',
  'sync-server/test/crash.test.ts',
];

const started = Date.now();
const rounds = [];
let base = 1000 + Math.floor(Math.random() * 1_000_000);
while (Date.now() - started < minutes * 60_000) {
  const env = {
    ...process.env,
    RELIABILITY_SEED_BASE: String(base),
    RELIABILITY_SEEDS: String(seedsPerRound),
    RELIABILITY_SCALE: String(scale),
    FUZZ_SEED: String(base),
    FUZZ_RUNS: String(300 * scale),
    CRASH_SEED: String(base),
  };
  const roundStarted = Date.now();
  console.log(
    `=== soak round ${rounds.length + 1}: seeds ${base}..${base + seedsPerRound - 1}, scale ${scale}`,
  );
  const result = spawnSync('npx', ['vitest', 'run', '--project', 'sync-server', ...FILES], {
    env,
    encoding: 'utf8',
  });
  const output = `${result.stdout}${result.stderr}`;
  const tests =
    /Tests\s+(.*)\n/
      .exec(output.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), ''))?.[1]
      ?.trim() ?? '?';
  const seconds = Math.round((Date.now() - roundStarted) / 1000);
  rounds.push({ base, tests, seconds, ok: result.status === 0 });
  console.log(`    ${result.status === 0 ? 'passed' : 'FAILED'}: ${tests} in ${seconds} s`);
  if (result.status !== 0) {
    console.log(output);
    console.log(
      `replay: RELIABILITY_SEED_BASE=${base} RELIABILITY_SEEDS=${seedsPerRound} RELIABILITY_SCALE=${scale} FUZZ_SEED=${base} FUZZ_RUNS=${300 * scale} CRASH_SEED=${base} npx vitest run --project sync-server ${FILES.join(' ')}`,
    );
    break;
  }
  base += seedsPerRound;
}
const total = Math.round((Date.now() - started) / 1000);
const passed = rounds.filter((round) => round.ok).length;
console.log(`=== soak: ${passed}/${rounds.length} rounds passed in ${total} s`);
for (const round of rounds)
  console.log(
    `    seeds from ${round.base}: ${round.ok ? 'ok' : 'FAILED'}, ${round.tests}, ${round.seconds} s`,
  );
process.exit(passed === rounds.length && rounds.length > 0 ? 0 : 1);
