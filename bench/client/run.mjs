/**
 * `npm run bench:client`: the PWA on a big neighbourhood, side by side with an empty one in
 * the same run (performance issue). It builds the PWA into a temporary folder, generates
 * the neighbourhood (bench/gen) and an empty one into one relay data directory, starts
 * `buurthub serve` on 127.0.0.1 and measures, in headless Chromium with the CPU slowed 4x:
 * the JavaScript of the first load, a new device's first sync, the offline cold start from
 * the warm IndexedDB, memory on the feed, scrolling to the 10,000th post with long tasks
 * counted, Lighthouse, installability; then the relay's side (relay-rooms.mjs). Results go
 * to bench/client/results/last-run.json and the generated section of docs/benchmarks.md.
 *
 *   node bench/client/run.mjs [--years 5] [--households 5000] [--no-write] [--no-lighthouse]
 *   node bench/client/run.mjs --render bench/client/results/last-run.json
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import * as Y from 'yjs';
import { generate } from '../gen/generate.mjs';
import { machineInfo } from '../relay/report.mjs';
import { ROOT } from '../relay/lib/servers.mjs';
import { ServerProcess } from '../relay/lib/util.mjs';
import { runLighthouse } from './lighthouse.mjs';
import { MOBILE, firstSync, offlineColdStart, prepareContext, scrollFeed } from './page.mjs';
import { dayOfflineCatchUp, roomLoad } from './relay-rooms.mjs';
import { renderReport, writeReport } from './report.mjs';

const { values } = parseArgs({
  options: {
    years: { type: 'string', default: '5' },
    households: { type: 'string', default: '5000' },
    'no-write': { type: 'boolean', default: false },
    'no-lighthouse': { type: 'boolean', default: false },
    render: { type: 'string' },
  },
});

/** The longest one measurement may take; a slower one is reported as "more than". */
const STEP_MS = 180_000;
/**
 * The longest a whole step may take (its measurement plus reading memory, closing pages):
 * a step still running then is recorded in `results.stopped` and the run goes on, so a
 * neighbourhood too big for the app still gets a report saying where it stopped.
 */
const STEP_LIMIT_MS = STEP_MS + 120_000;
const RESULTS = join(ROOT, 'bench', 'client', 'results', 'last-run.json');
const log = (line) => process.stderr.write(`[bench:client] ${line}\n`);
const load1 = () => Number(loadavg()[0].toFixed(2));

if (values.render) {
  writeReport(JSON.parse(readFileSync(values.render, 'utf8')));
  process.exit(0);
}

const years = Number(values.years);
const households = Number(values.households);
const BIG = 'groot-maasburen';
const EMPTY = 'lege-buurt';
const workDir = mkdtempSync(join(tmpdir(), 'bench-client-'));
const dist = join(workDir, 'dist');
const dataDir = join(workDir, 'data');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const cli = join(ROOT, 'sync-server', 'dist', 'cli.js');
const results = {
  machine: machineInfo(),
  years,
  households,
  loadDuring: [],
  stopped: [],
  neighbourhoods: {},
};
const note = (what) => results.loadDuring.push({ what, load1: load1() });

/**
 * Runs one step within STEP_LIMIT_MS; undefined when it did not finish (recorded, with the
 * error if it failed).
 */
const STOPPED = Symbol('stopped');
async function step(what, run) {
  log(what);
  note(what);
  let timer;
  const late = new Promise(
    (resolve) => (timer = setTimeout(() => resolve(STOPPED), STEP_LIMIT_MS)),
  );
  try {
    const result = await Promise.race([run(), late]);
    if (result !== STOPPED) return result;
    results.stopped.push({ step: what, reason: `still running after ${STEP_LIMIT_MS / 1000} s` });
  } catch (error) {
    results.stopped.push({ step: what, reason: String(error?.message ?? error).split('\n')[0] });
  } finally {
    clearTimeout(timer);
  }
  log(`${what}: stopped (${results.stopped.at(-1).reason})`);
  return undefined;
}

function token(nb) {
  const out = execFileSync(process.execPath, [
    cli,
    'token',
    nb,
    '--role',
    'resident',
    '--sub',
    `bench-${nb}`,
    '--name',
    'Bench Lezer',
    '--ttl',
    '7d',
    '--data',
    dataDir,
  ]).toString();
  return out.trim().split('\n').at(-1);
}

let relay;
let context;
try {
  // Vite alone (the web workspace's build script also type-checks, which CI does anyway).
  log(`building the PWA into ${dist}`);
  const build = spawnSync('npx', ['vite', 'build'], {
    cwd: join(ROOT, 'web'),
    env: { ...process.env, BUURTHUB_WEB_DIST: dist },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`PWA build failed:\n${build.stdout}\n${build.stderr}`);

  log(`generating ${years} years of ${households} households`);
  const began = performance.now();
  const { publicDoc, communityDoc, counts } = generate({ years, households });
  results.generated = { ...counts, seconds: (performance.now() - began) / 1000 };
  mkdirSync(dataDir, { recursive: true });
  const { SqliteStorage } = await import(join(ROOT, 'sync-server', 'dist', 'index.js'));
  const storage = new SqliteStorage(dataDir);
  const createdAt = Math.floor(Date.now() / 1000);
  for (const [slug, name] of [
    [BIG, 'Groot Maasburen'],
    [EMPTY, 'Lege Buurt'],
  ]) {
    await storage.putNeighbourhood({
      slug,
      name,
      villages: [],
      kioskReadsCommunity: false,
      createdAt,
    });
  }
  results.documentBytes = {};
  for (const [space, doc] of [
    ['public', publicDoc],
    ['community', communityDoc],
  ]) {
    const update = Y.encodeStateAsUpdate(doc);
    results.documentBytes[space] = update.byteLength;
    await storage.appendUpdate(`${BIG}/${space}`, update);
  }
  await storage.close();
  const tokens = { [BIG]: token(BIG), [EMPTY]: token(EMPTY) };

  relay = new ServerProcess({
    name: 'relay',
    cwd: ROOT,
    args: [cli, 'serve', '--port', '0', '--host', '127.0.0.1', '--data', dataDir],
    env: { BUURTHUB_WEB_DIST: dist },
    ready: /listening on (http:\/\/127\.0\.0\.1:\d+)/,
  });
  const base = (await relay.ready())[1];
  results.chromium = execFileSync(CHROMIUM, ['--version']).toString().trim();
  // A persistent profile per neighbourhood: Chromium calls an incognito context never
  // installable, and a phone's browser is not incognito either.
  const launch = (profile) =>
    chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      viewport: MOBILE,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });

  for (const nb of [EMPTY, BIG]) {
    const r = {};
    results.neighbourhoods[nb] = r;
    const expectPosts = nb === BIG;
    context = await launch(join(workDir, `profile-${nb}`));
    await prepareContext(context, nb, tokens[nb]);
    r.firstSync = await step(`${nb} first sync`, () =>
      firstSync(context, { base, nb, dist, expectPosts, timeoutMs: STEP_MS }),
    );
    const cold = await step(`${nb} cold start`, () =>
      offlineColdStart(context, { base, nb, expectPosts, timeoutMs: STEP_MS }),
    );
    if (cold) r.coldStart = { seconds: cold.seconds, timedOut: cold.timedOut, heap: cold.heap };
    if (cold && !cold.timedOut) {
      r.scroll = await step(`${nb} scroll`, () =>
        scrollFeed(cold.page, cold.cdp, { target: 10_000, timeoutMs: STEP_MS }),
      );
    }
    // A page still busy may not close quickly: the browser goes with the next step.
    await step(`${nb} closing the browser`, () => context.close());
    context = undefined;
    if (!values['no-lighthouse']) {
      // A page too busy to answer makes Lighthouse give up: that is a result, not a crash.
      r.lighthouse = await step(`${nb} lighthouse`, () =>
        runLighthouse({ base, nb, token: tokens[nb] }).catch((error) => ({
          error: String(error.friendlyMessage ?? error.message ?? error),
        })),
      );
    }
  }
  await relay.stop();
  relay = undefined;

  results.relay = {
    [EMPTY]: await step(`relay: loading ${EMPTY}'s rooms`, () =>
      roomLoad({ dataDir, nb: EMPTY, token: tokens[EMPTY] }),
    ),
    [BIG]: await step(`relay: loading ${BIG}'s rooms`, () =>
      roomLoad({ dataDir, nb: BIG, token: tokens[BIG] }),
    ),
  };
  results.relay.catchUp = await step('relay: a day offline', () =>
    dayOfflineCatchUp({ dataDir, nb: BIG, token: tokens[BIG], households }),
  );
  results.machine.loadNow = loadavg()
    .map((v) => v.toFixed(2))
    .join(' / ');

  mkdirSync(join(ROOT, 'bench', 'client', 'results'), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  if (values['no-write']) process.stdout.write(renderReport(results));
  else writeReport(results);
  log(`done; results in ${RESULTS}`);
} finally {
  await context?.close();
  await relay?.stop();
  rmSync(workDir, { recursive: true, force: true });
}
