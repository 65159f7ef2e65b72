#!/usr/bin/env node
/**
 * `npm run bench:storm [-- --clients N --neighbourhoods N --spread-ms N]`: the reconnect
 * storm of bench/storm/storm.mjs (default 1,000 residents in 20 neighbourhoods reconnecting
 * within one second after the relay was killed and restarted). Prints the figures and
 * writes them to bench/storm/results/last-run.json; docs/benchmarks.md reports them.
 * Needs `npm run build` first.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { runStorm } from './storm.mjs';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '1000' },
    neighbourhoods: { type: 'string', default: '20' },
    'spread-ms': { type: 'string', default: '1000' },
  },
});
const started = new Date().toISOString();
const result = await runStorm({
  clients: Number(values.clients),
  neighbourhoods: Number(values.neighbourhoods),
  spreadMs: Number(values['spread-ms']),
  log: (line) => console.log(line),
});
const report = {
  started,
  machine: { cores: cpus().length, loadAverageAtEnd: loadavg()[0] },
  ...result,
};
console.log(JSON.stringify(report, null, 2));
const dir = new URL('./results/', import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(new URL('last-run.json', dir), `${JSON.stringify(report, null, 2)}\n`);
if (result.missing.length > 0) {
  console.error(`lost offline posts: ${result.missing.join(', ')}`);
  process.exit(1);
}
