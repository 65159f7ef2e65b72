/**
 * Reconnect storm: `clients` residents (stock y-websocket providers, as the PWA uses) in
 * the community rooms of `neighbourhoods` neighbourhoods write posts; the relay (the
 * `buurthub serve` process on SQLite) is killed with SIGKILL; every resident writes one
 * more post while it is down; the relay is started again on the same port and all
 * residents reconnect within `spreadMs` (each at a random moment in it). Measured: the time
 * from the first reconnect until every resident holds every post of its room (its own
 * offline post re-sent by itself, the others' received), each resident's own time to
 * sync, and the relay's memory (peak RSS of the restarted process, from /proc).
 *
 * Used by `npm run bench:storm` (1,000 clients, bench/storm/run.mjs) and by the CI-sized
 * correctness test (sync-server/test/reliability/storm.test.ts), which asserts that all
 * synced and the memory budget, not the timing.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CommunitySpace } from '@buurthub/shared';
import { BUURTHUB_CLI } from '../relay/lib/servers.mjs';
import { freePort, now, percentile, ServerProcess, sleep, waitFor } from '../relay/lib/util.mjs';

/** Peak resident set size of a process since it started (VmHWM), in bytes. */
function peakRss(pid) {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : NaN;
}

function startRelay(port, data) {
  const relay = new ServerProcess({
    name: 'buurthub',
    args: [BUURTHUB_CLI, 'serve', '--port', String(port), '--host', '127.0.0.1', '--data', data],
    ready: /listening on/,
  });
  return relay.ready().then(() => relay);
}

async function mintTokens(data, count, nbOf) {
  const library = await import('../../sync-server/dist/index.js');
  const storage = new library.SqliteStorage(data);
  try {
    const tokens = [];
    for (let i = 0; i < count; i++) {
      const minted = await library.mintTokenFor(storage, {
        sub: `bewoner-${i}`,
        nb: nbOf(i),
        role: 'resident',
      });
      tokens.push(minted.token);
    }
    return tokens;
  } finally {
    await storage.close();
  }
}

export async function runStorm({
  clients: count = 1000,
  neighbourhoods = 20,
  postsEach = 2,
  spreadMs = 1000,
  timeoutMs = 300_000,
  log = () => {},
} = {}) {
  const data = mkdtempSync(join(tmpdir(), 'buurthub-storm-'));
  const port = await freePort();
  const nbOf = (i) => `storm-${i % neighbourhoods}`;
  const residents = [];
  let relay = null;
  try {
    relay = await startRelay(port, data);
    const tokens = await mintTokens(data, count, nbOf);
    for (let i = 0; i < count; i++) {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(
        `ws://127.0.0.1:${port}/sync`,
        `${nbOf(i)}/community`,
        doc,
        {
          WebSocketPolyfill: WebSocket,
          disableBc: true,
          params: { token: tokens[i] },
        },
      );
      residents.push({ i, doc, provider, community: new CommunitySpace(doc), syncedAt: null });
    }
    await waitFor(
      () => residents.every((r) => r.provider.synced),
      timeoutMs,
      'every resident to sync',
    ).catch((error) => {
      const synced = residents.filter((r) => r.provider.synced).length;
      throw new Error(`${error.message} (${synced} of ${count} synced)`);
    });
    const author = (r) => ({ id: `bewoner-${r.i}`, name: `Bewoner ${r.i}`, role: 'resident' });
    for (const r of residents) {
      for (let p = 0; p < postsEach; p++) {
        r.community.posts.create(
          { title: `Bericht ${r.i}.${p}`, body: 'Voor de storing.', category: 'nieuws' },
          author(r),
        );
      }
    }
    // Counted on the document's posts map: reading 1,000 feeds through the model on every
    // poll would cost more CPU than the storm itself.
    const posts = (r) => r.doc.getMap('posts').size;
    const sizes = new Map();
    for (const r of residents) sizes.set(nbOf(r.i), (sizes.get(nbOf(r.i)) ?? 0) + 1);
    const roomSize = (nb) => sizes.get(nb) ?? 0;
    const perRoom = (nb) => roomSize(nb) * (postsEach + 1);
    const before = (r) => posts(r) === postsEach * roomSize(nbOf(r.i));
    await waitFor(
      () => residents.every(before),
      timeoutMs,
      'the posts before the crash everywhere',
    );
    const steadyRss = (await relay.stats()).procRss;
    log(`${count} residents synced; relay RSS ${(steadyRss / 2 ** 20).toFixed(1)} MiB`);

    // The crash: no goodbye, no compaction; the residents stop their own retries so that
    // the storm is theirs to time.
    relay.child.kill('SIGKILL');
    await relay.exitedPromise;
    for (const r of residents) r.provider.disconnect();
    for (const r of residents) {
      r.community.posts.create(
        { title: `Offline ${r.i}`, body: 'Tijdens de storing.', category: 'nieuws' },
        author(r),
      );
    }

    relay = await startRelay(port, data);
    const started = now();
    const all = (r) => posts(r) === perRoom(nbOf(r.i));
    for (const r of residents) {
      r.reconnectAt = started + Math.random() * spreadMs;
      setTimeout(() => {
        r.reconnectAt = now();
        r.provider.connect();
      }, r.reconnectAt - started);
    }
    await waitFor(
      () => {
        let done = true;
        for (const r of residents) {
          if (r.syncedAt === null && r.provider.synced && r.provider.wsconnected && all(r))
            r.syncedAt = now();
          if (r.syncedAt === null) done = false;
        }
        return done;
      },
      timeoutMs,
      'every resident to hold every post after the storm',
      20,
    );
    const allSyncedSeconds = (now() - started) / 1000;
    // What the relay stored, not only what the residents hold: a fresh reader per room.
    const missing = [];
    for (let n = 0; n < neighbourhoods; n++) {
      const nb = `storm-${n}`;
      const index = residents.find((r) => nbOf(r.i) === nb)?.i;
      if (index === undefined) continue;
      const doc = new Y.Doc();
      const reader = new WebsocketProvider(`ws://127.0.0.1:${port}/sync`, `${nb}/community`, doc, {
        WebSocketPolyfill: WebSocket,
        disableBc: true,
        params: { token: tokens[index] },
      });
      await waitFor(() => reader.synced, 30_000, `a reader of ${nb}`);
      const titles = new Set(new CommunitySpace(doc).posts.list().map((post) => post.title));
      for (const r of residents.filter((o) => nbOf(o.i) === nb)) {
        if (!titles.has(`Offline ${r.i}`)) missing.push(`Offline ${r.i}`);
      }
      reader.destroy();
      doc.destroy();
    }
    const perClient = residents
      .map((r) => (r.syncedAt - r.reconnectAt) / 1000)
      .sort((a, b) => a - b);
    await sleep(0);
    return {
      clients: count,
      neighbourhoods,
      spreadMs,
      allSyncedSeconds,
      clientSyncSeconds: {
        p50: percentile(perClient, 50),
        p95: percentile(perClient, 95),
        max: perClient.at(-1),
      },
      relaySteadyRssMiB: steadyRss / 2 ** 20,
      relayPeakRssMiB: peakRss(relay.pid) / 2 ** 20,
      postsPerRoom: perRoom('storm-0'),
      missing,
    };
  } finally {
    for (const r of residents) {
      r.provider.destroy();
      r.doc.destroy();
    }
    await relay?.stop();
    rmSync(data, { recursive: true, force: true });
  }
}
