#!/usr/bin/env node
/**
 * `npm run bench`: runs every benchmark in turn, passing the arguments on (e.g. `--quick`):
 * the relay benchmark (bench/relay/run.mjs) and the scaled-out relay's (bench/cluster/run.mjs),
 * both described in docs/benchmarks.md. Needs `npm run build` first; the cluster benchmark
 * also needs PostgreSQL and redis-server (see its header).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BENCHMARKS = [
  { name: 'relay', script: fileURLToPath(new URL('./relay/run.mjs', import.meta.url)) },
  { name: 'cluster', script: fileURLToPath(new URL('./cluster/run.mjs', import.meta.url)) },
];

let failed = 0;
for (const { name, script } of BENCHMARKS) {
  console.log(`=== bench: ${name}`);
  const result = spawnSync(process.execPath, [script, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    failed++;
    console.error(`=== bench: ${name} failed (${result.status ?? result.signal})`);
  }
}
process.exit(failed > 0 ? 1 : 0);
