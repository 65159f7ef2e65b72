/**
 * The relay's side of a big neighbourhood (bench:client): how long a freshly started relay
 * takes to load a neighbourhood's rooms for the first client and how much memory they
 * hold, and the bytes a device that was offline for a day receives when it reconnects,
 * against the size of that day's new content (the physical limit: the minimal Yjs update).
 */
import * as Y from 'yjs';
import { writeDay } from '../gen/generate.mjs';
import { RawClient, openProvider } from '../relay/lib/clients.mjs';
import { startRelay } from '../relay/lib/servers.mjs';

const DAY = 86_400_000;

async function memoryOf(relay) {
  const { memory, procRss } = await relay.proc.stats({ gc: true });
  return { rss: procRss, heapUsed: memory.heapUsed, external: memory.external };
}

/** A fresh relay on `dataDir`; the first client of each room makes the relay load it. */
export async function roomLoad({ dataDir, nb, token }) {
  const relay = await startRelay({}, ['--data', dataDir]);
  try {
    const idle = await memoryOf(relay);
    const rooms = {};
    for (const space of ['public', 'community']) {
      const began = performance.now();
      const client = new RawClient(relay, `${nb}/${space}`, { token });
      await client.synced;
      rooms[space] = {
        loadAndSyncSeconds: (performance.now() - began) / 1000,
        bytesSent: client.bytesReceived,
      };
      client.close();
    }
    const loaded = await memoryOf(relay);
    return { idle, loaded, rooms };
  } finally {
    await relay.proc.stop();
  }
}

/**
 * A device holding the whole community room goes offline; a neighbour writes one day's
 * posts, comments and reactions; the device reconnects with its state vector.
 */
export async function dayOfflineCatchUp({ dataDir, nb, token, households, day }) {
  const relay = await startRelay({}, ['--data', dataDir]);
  const room = `${nb}/community`;
  const offline = openProvider(relay, room, { token });
  const writer = openProvider(relay, room, { token });
  try {
    await Promise.all([offline.synced, writer.synced]);
    const stateVector = Y.encodeStateVector(offline.doc);
    offline.destroy();
    const before = Y.encodeStateVector(writer.doc);
    const counts = writeDay(writer.doc, { households, day: day ?? Date.UTC(2026, 10, 1) + DAY });
    const dayUpdate = Y.encodeStateAsUpdate(writer.doc, before);
    // Wait until the relay holds the day (a fresh reader sees the writer's state).
    const target = Y.encodeStateVector(writer.doc);
    for (let tries = 0; ; tries++) {
      const probe = new RawClient(relay, room, { token });
      await probe.synced;
      await probe.gotStateVector;
      const same = Buffer.from(probe.serverStateVector).equals(Buffer.from(target));
      probe.close();
      if (same) break;
      if (tries > 200) throw new Error('the relay never held the day written');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const began = performance.now();
    const back = new RawClient(relay, room, { token, stateVector });
    await back.synced;
    const seconds = (performance.now() - began) / 1000;
    back.close();
    return {
      ...counts,
      dayUpdateBytes: dayUpdate.byteLength,
      catchUpBytes: back.bytesReceived,
      ratio: back.bytesReceived / dayUpdate.byteLength,
      seconds,
    };
  } finally {
    writer.destroy();
    await relay.proc.stop();
  }
}
