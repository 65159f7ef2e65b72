/**
 * Reconnect catch-up: client A (a stock provider) is in a room with writers, goes offline,
 * the writers make `missed` small updates (one new Y.Map key each, spread over the
 * writers), then A reconnects. We count every byte A receives (WebSocket message payloads)
 * from the reconnect until it has synced and holds all missed keys.
 *
 * For scale, also reported: the sum of the missed updates' sizes (what replaying them one
 * by one would send) and the size of the minimal diff (Y.encodeStateAsUpdate against A's
 * state vector, computed locally).
 */
import * as Y from 'yjs';
import { openProvider } from '../lib/clients.mjs';
import { now, sleep, waitFor, withTimeout } from '../lib/util.mjs';

export async function runReconnect(target, { missed, writers: writerCount, room }) {
  const counter = { bytes: 0, frames: 0 };
  const token = await target.token(room, 0);
  const a = openProvider(target, room, { token, counter });
  const writers = Array.from({ length: writerCount }, () => openProvider(target, room, { token }));
  await withTimeout(
    Promise.all([a.synced, ...writers.map((w) => w.synced)]),
    30_000,
    'reconnect clients to sync',
  );
  // Some shared history first, so the room is not empty when A leaves.
  writers[0].doc.getMap('bench').set('before', 1);
  await waitFor(() => a.doc.getMap('bench').has('before'), 10_000, 'A to see the first update');

  a.disconnect();
  await waitFor(
    () => !a.provider.wsconnected && a.provider.status !== 'connected',
    10_000,
    'A to disconnect',
  ).catch(() => {});
  await sleep(200);
  const stateVectorA = Y.encodeStateVector(a.doc);

  let replayBytes = 0;
  const burstStarted = now();
  const perWriter = Math.ceil(missed / writerCount);
  for (const [w, writer] of writers.entries()) {
    writer.doc.on('update', (update, origin) => {
      if (origin !== writer.provider) replayBytes += update.length;
    });
    for (let i = 0; i < perWriter && w * perWriter + i < missed; i++) {
      writer.doc.getMap('bench').set(`m${w * perWriter + i}`, i);
    }
  }
  // Wait until the server has processed them all: every writer holds every key (a writer's
  // own keys prove nothing about the server, the other writers' copies do).
  await waitFor(
    () => writers.every((writer) => writer.doc.getMap('bench').size >= missed + 1), // + 'before'
    60_000,
    'writers to see all missed updates',
  );
  const burstSeconds = (now() - burstStarted) / 1000;
  const minimalDiff = Y.encodeStateAsUpdate(writers[0].doc, stateVectorA).length;

  counter.bytes = 0;
  counter.frames = 0;
  const started = now();
  a.connect();
  await withTimeout(a.synced, 30_000, 'A to resync');
  const map = a.doc.getMap('bench');
  await waitFor(
    () => {
      for (let k = 0; k < missed; k++) if (!map.has(`m${k}`)) return false;
      return true;
    },
    30_000,
    'A to hold every missed update',
  );
  const seconds = (now() - started) / 1000;
  const result = {
    missed,
    writers: writerCount,
    bytes: counter.bytes,
    frames: counter.frames,
    seconds,
    replayBytes,
    minimalDiff,
    burstSeconds,
  };
  a.destroy();
  for (const writer of writers) writer.destroy();
  await sleep(300);
  return result;
}
