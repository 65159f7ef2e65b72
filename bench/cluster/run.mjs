#!/usr/bin/env node
/**
 * `npm run bench:cluster`: the relay benchmark's fan-out workloads on the scaled-out relay
 * (Redis Streams + PostgreSQL) with 1, 2 and 3 relay processes, against one relay process
 * on SQLite as the reference point, all on 127.0.0.1 in one run. The clients of every room
 * are spread over the processes (a room's c-th client connects to process c mod N), so
 * with N > 1 most deliveries cross processes through Redis.
 * Method and results: docs/benchmarks.md (this script rewrites its cluster section).
 *
 *   node bench/cluster/run.mjs [--quick] [--no-write] [--setups a,b] [--workloads a,b]
 *
 * --quick      small sizes for development; does not touch the docs
 * --no-write   full sizes, but print only
 * --setups     subset of: sqlite, cluster-1, cluster-2, cluster-3
 * --workloads  subset of: fanout-1x200, fanout-100x5
 *
 * Needs `npm run build` first, PostgreSQL on 127.0.0.1:5432 (database `test`, or
 * BUURTHUB_BENCH_POSTGRES_URL) and `redis-server` on the PATH (the script starts its own).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { measureQuietly } from '../relay/lib/measure.mjs';
import { BUURTHUB_CLI, prepareRelay, ROOT, SERVERS, startRelay } from '../relay/lib/servers.mjs';
import { machineInfo, summaryLine, writeResults } from '../relay/report.mjs';
import { runFanout } from '../relay/workloads/fanout.mjs';
import { FULL, QUICK } from '../relay/workloads/sizes.mjs';
import { CLUSTER_MARKERS, renderCluster } from './report.mjs';
import { postgresSchema, postgresVersion, serviceCpuSeconds, startRedis } from './lib/services.mjs';

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    setups: { type: 'string' },
    workloads: { type: 'string' },
  },
});

const SETUPS = {
  sqlite: { label: '1 process, SQLite', processes: 0 },
  'cluster-1': { label: '1 process, Redis + PostgreSQL', processes: 1 },
  'cluster-2': { label: '2 processes, Redis + PostgreSQL', processes: 2 },
  'cluster-3': { label: '3 processes, Redis + PostgreSQL', processes: 3 },
};
const WORKLOADS = ['fanout-1x200', 'fanout-100x5'];
const sizes = flags.quick ? QUICK : FULL;
const setupNames = flags.setups ? flags.setups.split(',') : Object.keys(SETUPS);
const workloadNames = flags.workloads ? flags.workloads.split(',') : WORKLOADS;
for (const name of setupNames) if (!SETUPS[name]) throw new Error(`unknown setup ${name}`);
for (const name of workloadNames) {
  if (!WORKLOADS.includes(name)) throw new Error(`unknown workload ${name}`);
}
if (!existsSync(BUURTHUB_CLI)) {
  console.error(`${BUURTHUB_CLI} is missing: run \`npm run build\` first.`);
  process.exit(1);
}
// y-websocket registers a process 'exit' handler per provider; hundreds are expected here.
process.setMaxListeners(0);

/** No retries of disturbed runs after this many minutes, to keep a run near 6 minutes. */
const RETRY_UNTIL_MIN = 4;
const log = (...args) => console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...args);
const started = performance.now();
const workDir = mkdtempSync(join(tmpdir(), 'buurthub-bench-cluster-'));
const machine = machineInfo();
log(`cluster benchmark (${flags.quick ? 'quick' : 'full'}), work dir ${workDir}`);
log(`${machine.nproc} cores, ${machine.memory}, node ${machine.node}, load ${machine.loadStart}`);

const redis = await startRedis();
const services = { redis: redis.version, postgres: await postgresVersion() };
log(
  `redis-server ${services.redis} (AOF everysec) at ${redis.url}, PostgreSQL ${services.postgres}`,
);

/** Per setup, once per run: its storage (a data directory or a schema) and token minter. */
const states = {};
const schemas = [];
for (const name of setupNames) {
  if (SETUPS[name].processes === 0) {
    states[name] = await SERVERS.buurthub.prepare({ workDir });
    continue;
  }
  const schema = postgresSchema();
  schemas.push(schema);
  const state = await prepareRelay({
    storageArgs: ['--postgres', schema.url],
    openStorage: (library) => library.PostgresStorage.open(schema.url),
  });
  states[name] = {
    ...state,
    serveArgs: [
      '--postgres',
      schema.url,
      '--redis',
      redis.url,
      '--redis-prefix',
      `bhbench:${schema.schema}:`,
    ],
  };
}

/**
 * N relay processes as one target: every room's clients spread over them, CPU summed over
 * the processes (and Redis/PostgreSQL reported as services), metrics summed.
 */
function clusterTarget(targets) {
  const sumMetrics = async () => {
    const all = await Promise.all(targets.map((target) => target.metrics()));
    if (all.some((metrics) => !metrics)) return null;
    const total = {};
    for (const metrics of all) {
      for (const [key, value] of Object.entries(metrics)) total[key] = (total[key] ?? 0) + value;
    }
    return total;
  };
  return {
    ...targets[0],
    forClient: (c) => targets[c % targets.length],
    metrics: sumMetrics,
    proc: {
      async stats() {
        const all = await Promise.all(targets.map((target) => target.proc.stats()));
        const cpu = { user: 0, system: 0 };
        for (const { cpu: one } of all) {
          cpu.user += one.user;
          cpu.system += one.system;
        }
        return { cpu };
      },
      serviceCpuSeconds: () => serviceCpuSeconds(redis.pid),
      async stop() {
        await Promise.all(targets.map((target) => target.proc.stop()));
      },
    },
  };
}

async function startSetup(name) {
  if (SETUPS[name].processes === 0) return SERVERS.buurthub.start(states[name]);
  const targets = [];
  try {
    for (let i = 0; i < SETUPS[name].processes; i++) {
      targets.push(await startRelay(states[name], states[name].serveArgs, `relay-${i + 1}`));
    }
  } catch (error) {
    await Promise.all(targets.map((target) => target.proc.stop()));
    throw error;
  }
  return clusterTarget(targets);
}

let cleaned = null;
/** Stops Redis and drops the schemas; also on Ctrl-C, so an interrupted run leaves nothing. */
function cleanUp() {
  cleaned ??= (async () => {
    for (const state of Object.values(states)) await state.minter?.close();
    await redis.stop();
    for (const schema of schemas) await schema.drop();
    rmSync(workDir, { recursive: true, force: true });
  })();
  return cleaned;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    log(`${signal}: stopping`);
    void cleanUp().finally(() => process.exit(130));
  });
}

const results = {
  flags: { quick: flags.quick },
  config: Object.fromEntries(workloadNames.map((w) => [w, sizes[w]])),
  machine,
  services,
  setups: Object.fromEntries(setupNames.map((name) => [name, SETUPS[name]])),
  workloads: {},
};
try {
  // Workload by workload, every setup in turn: background load on the shared machine
  // drifts over minutes, so neighbouring measurements are the fairest comparison.
  for (const workload of workloadNames) {
    results.workloads[workload] = {};
    for (const name of setupNames) {
      results.workloads[workload][name] = await measureQuietly({
        what: `${workload} · ${SETUPS[name].label}`,
        maxWaitMs: flags.quick ? 0 : 15_000,
        mayRetry: () => !flags.quick && (performance.now() - started) / 60_000 <= RETRY_UNTIL_MIN,
        run: async (attempt) => {
          const target = await startSetup(name);
          try {
            // A retry uses new rooms: the first attempt's rooms stay in storage.
            return await runFanout(target, {
              ...sizes[workload],
              name: workload,
              prefix: `${workload === 'fanout-1x200' ? 'ca' : 'cb'}${attempt}`,
            });
          } finally {
            await target.proc.stop();
          }
        },
        summary: (result) =>
          `${summaryLine(workload, result)}; Redis + PostgreSQL ${result.saturated.cpu.services.toFixed(1)} s`,
        log,
      });
    }
  }
} finally {
  await cleanUp();
}

results.durationSeconds = (performance.now() - started) / 1000;
results.machine.loadEnd = machineInfo().loadNow;
results.finishedAt = new Date().toISOString();
const markdown = renderCluster(results);
console.log(`\n${markdown}`);
if (!flags.quick && !flags['no-write']) {
  const resultsDir = join(ROOT, 'bench', 'cluster', 'results');
  mkdirSync(resultsDir, { recursive: true });
  // Formatted like the rest of the repository, so `prettier --check .` stays green.
  const prettier = await import('prettier');
  const jsonFile = join(resultsDir, 'last-run.json');
  const options = { ...(await prettier.resolveConfig(jsonFile)), parser: 'json' };
  writeFileSync(jsonFile, await prettier.format(JSON.stringify(results), options));
  writeResults(join(ROOT, 'docs', 'benchmarks.md'), markdown, CLUSTER_MARKERS);
  log('wrote docs/benchmarks.md and bench/cluster/results/last-run.json');
}
log(`done in ${(results.durationSeconds / 60).toFixed(1)} min`);
// Every client and server is closed; exit even if a library left a timer behind.
process.exit(0);
