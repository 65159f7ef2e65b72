import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { rawClient } from './helpers/clients.js';
import { updateFrame } from './helpers/frames.js';
import { startRelay, type TestRelay } from './helpers/relay.js';
import { waitFor } from './helpers/wait.js';

const ROOM = 'maasburen/community';
const STAGES = ['validate', 'queued', 'write', 'settle', 'apply', 'fanout'];

/** `buurthub_update_stage_seconds_count` per stage, from the relay's /metrics. */
async function stageCounts(relay: TestRelay): Promise<Map<string, number>> {
  const text = await (await fetch(`${relay.url}/metrics`)).text();
  const counts = new Map<string, number>();
  for (const match of text.matchAll(
    /^buurthub_update_stage_seconds_count\{stage="(\w+)"\} (\d+)$/gm,
  )) {
    counts.set(match[1] as string, Number(match[2]));
  }
  return counts;
}

async function storeEdits(relay: TestRelay, count: number): Promise<void> {
  const doc = new Y.Doc();
  const client = await rawClient(relay.url, ROOM, '?ack=1');
  for (let i = 0; i < count; i++) {
    const before = Y.encodeStateVector(doc);
    doc.getArray<number>('n').push([i]);
    client.socket.send(updateFrame(Y.encodeStateAsUpdate(doc, before)));
  }
  await waitFor(
    () => client.acks().at(-1)?.get(doc.clientID) === Y.getState(doc.store, doc.clientID),
    'the last edit acknowledged',
  );
  client.close();
  await client.closed;
  doc.destroy();
}

describe('per-stage timing of updates (operators profiling the relay)', () => {
  let relay: TestRelay;
  afterEach(async () => {
    delete process.env.BUURTHUB_STAGE_TIMING;
    await relay?.dispose();
  });

  it('with BUURTHUB_STAGE_TIMING=1, /metrics times every stored update in every stage', async () => {
    process.env.BUURTHUB_STAGE_TIMING = '1';
    relay = await startRelay();
    await storeEdits(relay, 3);
    const counts = await stageCounts(relay);
    expect(Object.fromEntries(counts)).toEqual(
      Object.fromEntries(STAGES.map((stage) => [stage, 3])),
    );
  });

  it('without it, the relay does not time stages', async () => {
    relay = await startRelay();
    await storeEdits(relay, 1);
    expect((await stageCounts(relay)).size).toBe(0);
    expect(await relay.storage.rooms()).toEqual([ROOM]);
  });
});
