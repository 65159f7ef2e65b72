#!/usr/bin/env node
/**
 * `npm run bench:relay`: the same workloads against Buurthub's relay, the reference
 * @y/websocket-server and Hocuspocus, one server process at a time, on 127.0.0.1.
 * Method and results: docs/benchmarks.md (this script rewrites its results section).
 *
 *   node bench/relay/run.mjs [--quick] [--no-write] [--servers a,b] [--workloads a,b]
 *
 * --quick      small sizes for development (about a minute); does not touch the docs
 * --no-write   full sizes, but print only
 * --servers    subset of: buurthub, y-websocket-server, hocuspocus
 * --workloads  subset of: fanout-1x200, fanout-100x5, idle, initial-sync, reconnect
 * --render F   only re-render docs/benchmarks.md from a saved run (results JSON)
 * --merge      with --workloads: replace only those workloads' results in the last full run
 *              (bench/relay/results/last-run.json) and re-render; the docs say so
 * --rounds N   fan-out rounds, every server once per round (default 3, --quick 1); each
 *              server's run with the median throughput is reported, with every round's
 *              throughput and paced p99 beside it
 *
 * Needs `npm run build` first (the relay runs from sync-server/dist).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { largeDocument } from './lib/trace-cache.mjs';
import { BUURTHUB_CLI, ROOT, SERVERS } from './lib/servers.mjs';
import { measureQuietly } from './lib/measure.mjs';
import { machineInfo, renderResults, summaryLine, writeResults } from './report.mjs';
import { runFanout } from './workloads/fanout.mjs';
import { FULL, QUICK } from './workloads/sizes.mjs';
import { runIdle } from './workloads/idle.mjs';
import { runInitialSync } from './workloads/initial-sync.mjs';
import { runReconnect } from './workloads/reconnect.mjs';

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    servers: { type: 'string' },
    workloads: { type: 'string' },
    render: { type: 'string' },
    merge: { type: 'boolean', default: false },
    rounds: { type: 'string' },
  },
});

if (flags.render) {
  // Re-render docs/benchmarks.md from a saved run (e.g. after changing the report layout).
  const saved = JSON.parse(readFileSync(flags.render, 'utf8'));
  writeResults(join(ROOT, 'docs', 'benchmarks.md'), renderResults(saved));
  console.log(`docs/benchmarks.md re-rendered from ${flags.render}`);
  process.exit(0);
}

const config = flags.quick ? QUICK : FULL;
const rounds = Number(flags.rounds ?? (flags.quick ? 1 : 3));
if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds takes a whole number ≥ 1');
// y-websocket registers a process 'exit' handler per provider; hundreds are expected here.
process.setMaxListeners(0);
const serverNames = flags.servers ? flags.servers.split(',') : Object.keys(SERVERS);
const workloadNames = flags.workloads ? flags.workloads.split(',') : Object.keys(config);
for (const name of serverNames) if (!SERVERS[name]) throw new Error(`unknown server ${name}`);
for (const name of workloadNames) if (!config[name]) throw new Error(`unknown workload ${name}`);

if (!existsSync(BUURTHUB_CLI)) {
  console.error(`${BUURTHUB_CLI} is missing: run \`npm run build\` first.`);
  process.exit(1);
}

/** No fan-out retries after this many minutes, to keep a full run near 10 minutes. */
const RETRY_UNTIL_MIN = 3.5;
const log = (...args) => console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...args);
const started = performance.now();
const workDir = mkdtempSync(join(tmpdir(), 'buurthub-bench-'));
const machine = machineInfo();
log(`relay benchmark (${flags.quick ? 'quick' : 'full'}), work dir ${workDir}`);
log(`${machine.nproc} cores, ${machine.memory}, node ${machine.node}, load ${machine.loadStart}`);

const states = {};
for (const name of serverNames) states[name] = await SERVERS[name].prepare({ workDir });
const results = { flags: { quick: flags.quick }, config, machine, servers: {}, workloads: {} };
for (const name of serverNames) {
  results.servers[name] = {
    label: SERVERS[name].label,
    setup: SERVERS[name].describe(states[name]),
  };
}

let large = null;
if (workloadNames.includes('initial-sync')) {
  log('building the large document (synthetic B4-like trace)…');
  large = largeDocument(config['initial-sync']);
  log(
    `  ${large.ops} ops, ${large.chunks.length} chunks, ${large.expectedLength} chars, ` +
      `${large.docSize} bytes encoded${large.cached ? ' (cached)' : `, built in ${large.buildSeconds.toFixed(1)} s`}`,
  );
  results.largeDocument = { ...large, chunks: large.chunks.map((chunk) => chunk.length) };
}

/** Starts a fresh server, runs `body`, always stops the server. */
async function withServer(name, body) {
  const definition = SERVERS[name];
  let target = await definition.start(states[name]);
  const extra = [];
  try {
    return await body(target, async () => {
      // restart on the same data (used by the cold initial sync)
      await target.proc.stop();
      target = await definition.start(states[name]);
      extra.push(target);
      return target;
    });
  } finally {
    await target.proc.stop();
    for (const other of extra) await other.proc.stop();
    if (target.proc.exitCode && target.proc.exitCode !== 0) {
      log(`  ${name} exited with ${target.proc.exitCode}:\n${target.proc.output.slice(-2000)}`);
    }
  }
}

const RUNNERS = {
  'fanout-1x200': (target, _restart, c, _name, run) =>
    runFanout(target, { ...c, name: 'fanout-1x200', prefix: `fa${run}` }),
  'fanout-100x5': (target, _restart, c, _name, run) =>
    runFanout(target, { ...c, name: 'fanout-100x5', prefix: `fb${run}` }),
  idle: (target, _restart, c) => runIdle(target, { ...c, prefix: 'idle' }),
  'initial-sync': (target, restart, _c, name) =>
    runInitialSync(target, {
      room: 'big-doc/community',
      chunks: large.chunks,
      expectedLength: large.expectedLength,
      repeats: config['initial-sync'].repeats,
      // Only a server that persists can serve the document after a restart.
      restart: name === 'buurthub' ? restart : null,
    }),
  reconnect: (target, _restart, c) => runReconnect(target, { ...c, room: 'reconnect/community' }),
};

// Workload by workload, every server in turn: background load on the shared machine
// drifts over minutes, so neighbouring measurements are the fairest comparison. Fan-out
// runs in rounds (every server once a round): one run each swung by ±15 % between runs
// minutes apart on the same machine, more than the differences being measured.
for (const workload of workloadNames) {
  results.workloads[workload] = {};
  const fanout = workload.startsWith('fanout');
  const runs = Object.fromEntries(serverNames.map((name) => [name, []]));
  for (let round = 1; round <= (fanout ? rounds : 1); round++) {
    for (const name of serverNames) {
      const measured = await measureQuietly({
        what: `${workload} · ${name}${fanout && rounds > 1 ? ` · round ${round}/${rounds}` : ''}`,
        maxWaitMs: flags.quick ? 0 : fanout ? 15_000 : 10_000,
        // With rounds, the median stands in for a second try at a disturbed run.
        mayRetry: () =>
          !flags.quick &&
          !(fanout && rounds > 1) &&
          (performance.now() - started) / 60_000 <= RETRY_UNTIL_MIN,
        run: async (attempt) => {
          // A new prefix per run: Buurthub keeps earlier runs' rooms in its data directory.
          const result = await withServer(name, (target, restart) =>
            RUNNERS[workload](target, restart, config[workload], name, round * 10 + attempt),
          );
          delete result.coldTarget;
          return result;
        },
        summary: (result) => summaryLine(workload, result),
        log,
      });
      runs[name].push(measured);
    }
  }
  for (const name of serverNames) {
    results.workloads[workload][name] = fanout ? medianRun(runs[name]) : runs[name][0];
  }
}

/**
 * The run with the median saturated throughput (failed runs last), with every round's
 * throughput and paced p99 beside it.
 */
function medianRun(measured) {
  if (measured.length === 1) return measured[0];
  const ok = measured.filter((run) => !run.error);
  if (ok.length === 0) return measured[0];
  const sorted = [...ok].sort(
    (a, b) => a.saturated.updatesPerSecond - b.saturated.updatesPerSecond,
  );
  return {
    ...sorted[Math.floor((sorted.length - 1) / 2)],
    rounds: measured.map((run) =>
      run.error
        ? { error: run.error }
        : { updatesPerSecond: run.saturated.updatesPerSecond, pacedP99: run.paced.complete.p99 },
    ),
  };
}

await states.buurthub?.minter?.close();
results.minting = states.buurthub?.minter
  ? { tokens: states.buurthub.minter.minted, seconds: states.buurthub.minter.mintSeconds }
  : null;
const thisRunSeconds = (performance.now() - started) / 1000;
results.durationSeconds = thisRunSeconds;
results.machine.loadEnd = machineInfo().loadNow;
results.finishedAt = new Date().toISOString();

const resultsDir = join(ROOT, 'bench', 'relay', 'results');
if (flags.merge && !flags.quick) {
  // Keep the last full run, replace what was re-measured now.
  const previous = JSON.parse(readFileSync(join(resultsDir, 'last-run.json'), 'utf8'));
  for (const [workload, byServer] of Object.entries(results.workloads)) {
    previous.workloads[workload] = { ...previous.workloads[workload], ...byServer };
    previous.config[workload] = results.config[workload];
  }
  const remeasured = Object.keys(results.workloads);
  // An earlier merge whose workloads were all measured again now no longer shows anything.
  const stillShown = (previous.merged ?? []).filter(
    (merge) => !merge.workloads.every((workload) => remeasured.includes(workload)),
  );
  previous.merged = [
    ...stillShown,
    { at: results.finishedAt, workloads: remeasured, servers: serverNames },
  ];
  Object.assign(results, previous);
}
const markdown = renderResults(results);
console.log(`\n${markdown}`);
if (!flags.quick && !flags['no-write']) {
  mkdirSync(resultsDir, { recursive: true });
  // Formatted like the rest of the repository, so `prettier --check .` stays green.
  const prettier = await import('prettier');
  const jsonFile = join(resultsDir, 'last-run.json');
  const options = { ...(await prettier.resolveConfig(jsonFile)), parser: 'json' };
  writeFileSync(jsonFile, await prettier.format(JSON.stringify(results), options));
  writeResults(join(ROOT, 'docs', 'benchmarks.md'), markdown);
  log('wrote docs/benchmarks.md and bench/relay/results/last-run.json');
} else {
  writeFileSync(join(workDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  log(`results: ${join(workDir, 'results.json')} (docs not touched)`);
}
rmSync(join(workDir, 'buurthub-data'), { recursive: true, force: true });
log(`done in ${(thisRunSeconds / 60).toFixed(1)} min`);
// Every client and server is closed; exit even if a library left a timer behind.
process.exit(0);
