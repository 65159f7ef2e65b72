/**
 * Fan-out: R rooms × C clients. In each room the first `full` clients are stock providers
 * (y-websocket's WebsocketProvider, or HocuspocusProvider) and write; the others are light
 * receivers (bare sockets that decode each update just enough to read its key — a full
 * provider costs the client process ~50 µs per received update, which on 2 cores would make
 * the client, not the server, the bottleneck). A writer sets one new key in a shared Y.Map
 * per update; every other client of the room observes it. For each update we record the
 * time until the LAST other client of the room has it ("fan-out complete"), and per
 * delivery the time until one client has it.
 *
 *  1. paced: a fixed total rate of updates, writers and rooms taken round-robin — latency
 *     at a load every server should carry (p50/p99 of fan-out-complete time);
 *  2. saturated: each room keeps `window` updates in flight (a new one as soon as one is
 *     complete everywhere) for `seconds` — throughput in fully fanned-out updates per
 *     second, and the latency under that load.
 *
 * CPU seconds of the server process and of the client process are recorded per phase: on
 * a 2-core machine the clients can be the limit, and the report says so.
 */
import * as Y from 'yjs';
import { openProvider, RawClient } from '../lib/clients.mjs';
import { CLIENTS_PER_SUBJECT } from '../lib/servers.mjs';
import { cpuMeter, now, sleep, summarize, waitFor, withTimeout } from '../lib/util.mjs';

export function roomNames(prefix, rooms) {
  return Array.from(
    { length: rooms },
    (_, i) => `${prefix}-${String(i).padStart(3, '0')}/community`,
  );
}

/**
 * Connects every room's clients, a batch at a time, and waits until each has synced:
 * the first `full` of a room are stock providers (the writers), the rest light receivers.
 * `onKeys(client, keys)` is called for every remote change a client receives. A target of
 * several server processes says with `forClient(c)` where a room's c-th client connects.
 */
export async function connectAll(target, rooms, perRoom, full, onKeys, { batch = 50 } = {}) {
  const clients = [];
  const jobs = [];
  for (const [r, room] of rooms.entries()) {
    for (let c = 0; c < perRoom; c++) jobs.push({ r, room, c });
  }
  const tokens = await Promise.all(
    jobs.map(({ room, c }) => target.token(room, Math.floor(c / CLIENTS_PER_SUBJECT))),
  );
  for (let i = 0; i < jobs.length; i += batch) {
    const slice = jobs.slice(i, i + batch).map((job, k) => {
      const token = tokens[i + k];
      const server = target.forClient?.(job.c) ?? target;
      let client;
      if (job.c < full) {
        client = openProvider(server, job.room, { token });
        const map = client.doc.getMap('bench');
        map.observe((event) => {
          if (!event.transaction.local) onKeys(client, event.keysChanged);
        });
      } else {
        client = new RawClient(server, job.room, {
          token,
          onUpdate: (update) => {
            const keys = [];
            for (const struct of Y.decodeUpdate(update).structs) {
              if (struct.parentSub) keys.push(struct.parentSub);
            }
            onKeys(client, keys);
          },
        });
        client.closes = [];
        client.ws.on('close', (code) => client.closes.push(code));
        client.destroy = () => client.close();
      }
      client.roomIndex = job.r;
      client.full = job.c < full;
      clients.push(client);
      return client.synced;
    });
    await withTimeout(Promise.all(slice), 60_000, `clients ${i}..${i + slice.length} to sync`);
  }
  return clients;
}

/** Mean seconds per update in each stage between two scrapes; null without stage timing. */
function stageMeans(before, after) {
  const means = {};
  for (const [stage, { seconds, count }] of Object.entries(after)) {
    const n = count - before[stage].count;
    if (n > 0) means[stage] = (seconds - before[stage].seconds) / n;
  }
  return Object.keys(means).length > 0 ? means : null;
}

export async function runFanout(
  target,
  { name, rooms: roomCount, perRoom, full, paced, saturated, prefix },
) {
  const rooms = roomNames(prefix, roomCount);
  const pending = new Map(); // key -> { sent, remaining, phase, room }
  const results = {
    'warm-up': { complete: [], delivery: [] },
    paced: { complete: [], delivery: [] },
    saturated: { complete: [], delivery: [] },
  };
  let onComplete = () => {};
  const onKeys = (_client, keys) => {
    const at = now();
    for (const key of keys) {
      const entry = pending.get(key);
      if (!entry) continue;
      results[entry.phase].delivery.push(at - entry.sent);
      if (--entry.remaining === 0) {
        pending.delete(key);
        results[entry.phase].complete.push(at - entry.sent);
        onComplete(entry);
      }
    }
  };

  const setupStarted = now();
  const clients = await connectAll(target, rooms, perRoom, full, onKeys);
  const setupSeconds = (now() - setupStarted) / 1000;
  // Let the awareness announcements of all those connections settle.
  await sleep(1000);
  const writersByRoom = rooms.map((_, r) =>
    clients.filter((client) => client.roomIndex === r && client.full),
  );

  let seq = 0;
  const writerTurn = rooms.map(() => 0);
  function send(r, phase) {
    const writers = writersByRoom[r];
    const writer = writers[writerTurn[r]++ % writers.length];
    const key = `u${seq++}`;
    const sent = now();
    pending.set(key, { sent, remaining: perRoom - 1, phase, room: r });
    writer.doc.getMap('bench').set(key, sent);
  }

  /** Sends `count` updates at the paced rate, room after room; resolves when all arrived. */
  let roomTurn = 0;
  async function pace(count, phase) {
    const interval = 1000 / paced.rate;
    const started = now();
    for (let i = 0; i < count; i++) {
      const wait = started + i * interval - now();
      if (wait > 1) await sleep(wait);
      send(roomTurn++ % roomCount, phase);
    }
    await waitFor(() => pending.size === 0, 30_000, `${phase} updates to fan out`).catch(() => {});
    const lost = pending.size;
    pending.clear();
    return lost;
  }

  // Warm-up, not measured, the same for every server: two updates from each writer at the
  // paced rate. A writer's first update brings the relay a new client id, and the first
  // updates run code not yet compiled; in 1 room x 200 the first 0.4 s held the paced
  // phase's eight slowest updates, so its p99 (the second slowest of 200) measured the
  // start-up, not a relay that runs for days.
  await pace(2 * writersByRoom.reduce((n, writers) => n + writers.length, 0), 'warm-up');
  await sleep(500);

  // Phase 1: paced.
  const pacedMetrics0 = (await target.metrics?.()) ?? null;
  let meter = await cpuMeter(target.proc);
  const pacedUpdates = Math.round(paced.rate * paced.seconds);
  const pacedLost = await pace(pacedUpdates, 'paced');
  const pacedCpu = await meter();
  const pacedMetrics1 = (await target.metrics?.()) ?? null;
  await sleep(500);

  // Phase 2: saturated, closed loop with `window` updates in flight per room.
  meter = await cpuMeter(target.proc);
  const metrics0 = (await target.metrics?.()) ?? null;
  const satStarted = now();
  const satEnds = satStarted + saturated.seconds * 1000;
  let completedInWindow = 0;
  let sentSaturated = 0;
  onComplete = (entry) => {
    if (entry.phase !== 'saturated') return;
    if (now() <= satEnds) {
      completedInWindow++;
      send(entry.room, 'saturated');
      sentSaturated++;
    }
  };
  for (let r = 0; r < roomCount; r++) {
    for (let w = 0; w < saturated.window; w++) {
      send(r, 'saturated');
      sentSaturated++;
    }
  }
  await sleep(saturated.seconds * 1000);
  const satElapsed = (now() - satStarted) / 1000;
  const satCpu = await meter();
  const metrics1 = (await target.metrics?.()) ?? null;
  const storage =
    metrics0 && metrics1
      ? {
          commits: metrics1.commits - metrics0.commits,
          commitSeconds: metrics1.commitSeconds - metrics0.commitSeconds,
          rejectedMessages: metrics1.rejectedMessages,
          rejectedConnections: metrics1.rejectedConnections,
          stages: stageMeans(metrics0.stages, metrics1.stages),
        }
      : null;
  await waitFor(() => pending.size === 0, 30_000, 'saturated updates to drain').catch(() => {});
  const satLost = pending.size;
  onComplete = () => {};

  const closes = clients.reduce((sum, client) => sum + client.closes.length, 0);
  for (const client of clients) client.destroy();
  await sleep(300);

  return {
    name,
    rooms: roomCount,
    perRoom,
    full,
    setupSeconds,
    paced: {
      rate: paced.rate,
      updates: pacedUpdates,
      lost: pacedLost,
      complete: summarize(results.paced.complete),
      delivery: summarize(results.paced.delivery),
      cpu: pacedCpu,
      // Where an unhurried update's time goes in the relay (BUURTHUB_STAGE_TIMING=1 only).
      stages:
        pacedMetrics0 && pacedMetrics1
          ? stageMeans(pacedMetrics0.stages, pacedMetrics1.stages)
          : undefined,
    },
    saturated: {
      window: saturated.window,
      seconds: satElapsed,
      sent: sentSaturated,
      completed: completedInWindow,
      lost: satLost,
      updatesPerSecond: completedInWindow / satElapsed,
      deliveriesPerSecond: (completedInWindow * (perRoom - 1)) / satElapsed,
      complete: summarize(results.saturated.complete),
      cpu: satCpu,
      storage,
    },
    unexpectedCloses: closes,
  };
}
