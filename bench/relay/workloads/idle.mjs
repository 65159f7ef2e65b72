/**
 * Memory per idle connection: N bare sockets spread over R rooms, each doing what a stock
 * client does on connect (the sync handshake) and then nothing. The server's memory is read
 * before and after (after a full GC in the server, through the stats preload); the delta
 * divided by N is the cost of one idle connection. RSS is what the target is about; the JS
 * heap part is shown too.
 */
import { RawClient } from '../lib/clients.mjs';
import { CLIENTS_PER_SUBJECT } from '../lib/servers.mjs';
import { sleep, withTimeout } from '../lib/util.mjs';
import { roomNames } from './fanout.mjs';

export async function runIdle(target, { connections, rooms: roomCount, prefix, batch = 250 }) {
  const rooms = roomNames(prefix, roomCount);
  const perRoom = Math.ceil(connections / roomCount);
  const jobs = [];
  for (let i = 0; i < connections; i++) {
    const r = i % roomCount;
    jobs.push({
      room: rooms[r],
      subject: Math.floor(Math.floor(i / roomCount) / CLIENTS_PER_SUBJECT),
    });
  }
  const tokens = await Promise.all(jobs.map(({ room, subject }) => target.token(room, subject)));

  await sleep(1000);
  const before = await target.proc.stats({ gc: true });
  const clients = [];
  const started = performance.now();
  for (let i = 0; i < jobs.length; i += batch) {
    const slice = jobs.slice(i, i + batch).map(({ room }, k) => {
      const client = new RawClient(target, room, { token: tokens[i + k] });
      clients.push(client);
      return client.synced;
    });
    await withTimeout(Promise.all(slice), 60_000, `idle connections ${i}..${i + slice.length}`);
  }
  const connectSeconds = (performance.now() - started) / 1000;
  // Let anything lazy (timers, buffers) settle, then measure after a full GC.
  await sleep(3000);
  const after = await target.proc.stats({ gc: true });
  const stillOpen = clients.filter((client) => client.closedWith === null).length;

  for (const client of clients) client.terminate();
  await sleep(500);

  return {
    connections,
    rooms: roomCount,
    perRoom,
    connectSeconds,
    stillOpen,
    before: before.memory,
    after: after.memory,
    procRssBefore: before.procRss,
    procRssAfter: after.procRss,
    rssPerConnection: (after.memory.rss - before.memory.rss) / connections,
    heapPerConnection: (after.memory.heapUsed - before.memory.heapUsed) / connections,
    externalPerConnection:
      (after.memory.external +
        after.memory.arrayBuffers -
        before.memory.external -
        before.memory.arrayBuffers) /
      connections,
  };
}
