/**
 * Initial sync of a large document. The document (the synthetic B4-like trace ×N, see
 * trace.mjs) is uploaded to the server as one update per replay, through a bare socket that
 * stays connected (so servers that keep documents only while someone is connected keep it).
 * Once the server's state vector shows it holds everything, a fresh stock provider with an
 * empty Y.Doc connects; we time from creating it until it has synced and its text has the
 * expected length, and count the bytes it received. Repeated `repeats` times (median).
 *
 * With `cold` (only meaningful for a server that persists), the server is then restarted
 * on the same data and one more client syncs: the room is loaded from storage first.
 */
import * as Y from 'yjs';
import { openProvider, RawClient, serverHas } from '../lib/clients.mjs';
import { median, now, sleep, waitFor, withTimeout } from '../lib/util.mjs';

async function timeSync(target, room, token, expectedLength) {
  const counter = { bytes: 0, frames: 0 };
  const started = now();
  const client = openProvider(target, room, { token, counter });
  await withTimeout(client.synced, 120_000, 'large document sync');
  const text = client.doc.getText('text');
  await waitFor(
    () => text.length === expectedLength,
    60_000,
    `text of length ${expectedLength}`,
    5,
  );
  const seconds = (now() - started) / 1000;
  const bytes = counter.bytes;
  client.destroy();
  return { seconds, bytes };
}

export async function runInitialSync(
  target,
  { room, chunks, expectedLength, repeats, restart = null },
) {
  const token = await target.token(room, 0);
  const stateVector = Y.encodeStateVectorFromUpdate(Y.mergeUpdates(chunks));
  const uploadBytes = chunks.reduce((sum, chunk) => sum + chunk.length, 0);

  const uploader = new RawClient(target, room, { token });
  await withTimeout(uploader.synced, 30_000, 'uploader to connect');
  const uploadStarted = now();
  for (const chunk of chunks) {
    uploader.sendUpdate(chunk);
    // Give the socket a chance to drain between chunks, as an editor's updates would.
    await sleep(50);
  }
  await waitFor(
    () => serverHas(target, room, stateVector, token),
    120_000,
    'server to hold the document',
    250,
  );
  const uploadSeconds = (now() - uploadStarted) / 1000;
  if (uploader.closedWith !== null) {
    throw new Error(`server closed the uploader with ${uploader.closedWith}`);
  }
  const loaded = await target.proc.stats({ gc: true });

  const runs = [];
  for (let i = 0; i < repeats; i++) {
    runs.push(await timeSync(target, room, token, expectedLength));
    await sleep(200);
  }
  const result = {
    chunks: chunks.length,
    uploadBytes,
    uploadSeconds,
    expectedLength,
    serverRssWithDocument: loaded.memory.rss,
    serverHeapWithDocument: loaded.memory.heapUsed,
    seconds: median(runs.map((run) => run.seconds)),
    runs,
    bytes: runs[0].bytes,
  };
  uploader.close();

  if (restart) {
    // Persisting server only: stop it (graceful, it compacts), start it again on the same
    // data, and sync once from storage.
    const restarted = await restart();
    result.cold = await timeSync(restarted, room, await restarted.token(room, 0), expectedLength);
    result.coldTarget = restarted;
  }
  return result;
}
