/**
 * Fuzzing every decoder the relay exposes (reliability issue): property-based with
 * fast-check over arbitrary bytes and strings, and mutation of real updates. fast-check
 * prints the seed and the shrunk input of any failure; `FUZZ_SEED=<n>` runs (or replays)
 * another seed than CI's fixed one, and `FUZZ_RUNS=<n>` makes it longer. A crashing input found here is kept as
 * a named case in malformed.test.ts. A running relay is attacked too, by thousands of
 * connections each sending one damaged frame: its retained memory must stay bounded, and the
 * residents connected to the same room must stay connected and in sync.
 */
import fc from 'fast-check';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { readAck } from '@buurthub/shared';
import { bindAwareness } from '../src/auth/awareness.js';
import { KeyStore, MemoryStorage, protocol, TokenError, verifyToken } from '../src/index.js';
import { stockClient, synced, type TestClient } from './helpers/clients.js';
import { updateFrame } from './helpers/frames.js';
import { getText } from './helpers/http.js';
import { startRelay, type TestRelay } from './helpers/relay.js';
import { defaultToken } from './helpers/tokens.js';
import { waitFor } from './helpers/wait.js';
import { MiB, retainedMemoryBytes } from './reliability/memory.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
/** Fixed by default so CI is repeatable; `FUZZ_SEED=<n>` explores (and replays) others. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const settings = { numRuns: RUNS, seed: SEED };

/** Passes when `run` returns or throws an instance of `allowed`; anything else fails. */
function onlyThrows(allowed: new (...args: never[]) => Error, run: () => unknown): boolean {
  try {
    run();
    return true;
  } catch (error) {
    return error instanceof allowed;
  }
}

/**
 * Real updates: a few random edits of maps, arrays and text, each update on its own. The
 * document's client id comes from fast-check too, so a seed replays the same bytes.
 */
const realUpdates = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc.record({
          kind: fc.constant('map' as const),
          key: fc.string({ maxLength: 8 }),
          value: fc.jsonValue(),
        }),
        fc.record({ kind: fc.constant('text' as const), text: fc.string({ maxLength: 30 }) }),
        fc.record({ kind: fc.constant('array' as const), value: fc.integer() }),
      ),
      { minLength: 1, maxLength: 8 },
    ),
    fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  )
  .map(([edits, clientID]) => {
    const doc = new Y.Doc();
    doc.clientID = clientID;
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    for (const edit of edits) {
      if (edit.kind === 'map') doc.getMap('m').set(edit.key, edit.value);
      else if (edit.kind === 'text') doc.getText('t').insert(0, edit.text);
      else doc.getArray('a').push([edit.value]);
    }
    doc.destroy();
    return updates;
  })
  // Inserting '' writes nothing: keep only edits that made at least one update.
  .filter((updates) => updates.length > 0);

/** One of: flip a byte, cut the end off, drop a byte, or insert one. */
const mutation = fc.tuple(
  fc.nat(),
  fc.integer({ min: 0, max: 255 }),
  fc.integer({ min: 0, max: 3 }),
);
function mutate(update: Uint8Array, [at, byte, how]: [number, number, number]): Uint8Array {
  if (update.length === 0) return update;
  const i = at % update.length;
  const copy = Array.from(update);
  if (how === 0) copy[i] = byte;
  else if (how === 1) copy.length = i;
  else if (how === 2) copy.splice(i, 1);
  else copy.splice(i, 0, byte);
  return new Uint8Array(copy);
}

describe('fuzzing the relay’s decoders', () => {
  it('decodes any bytes as a client message or refuses them with a protocol error', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) =>
        onlyThrows(protocol.ProtocolError, () => protocol.decodeClientMessage(bytes)),
      ),
      settings,
    );
  });

  it('validates any bytes as an update or refuses them with a protocol error', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) =>
        onlyThrows(protocol.ProtocolError, () => protocol.validateUpdate(bytes)),
      ),
      settings,
    );
  });

  it('refuses a damaged update, or accepts one a document can take in', () => {
    fc.assert(
      fc.property(
        realUpdates,
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        (updates, cuts) => {
          for (const update of updates) {
            const damaged = cuts.reduce(mutate, update);
            let valid = true;
            try {
              protocol.validateUpdate(damaged);
            } catch (error) {
              if (!(error instanceof protocol.ProtocolError)) return false;
              valid = false;
            }
            // What passes validation must not break a fresh document (the relay's check).
            if (valid) Y.applyUpdate(new Y.Doc(), damaged);
          }
          return true;
        },
      ),
      settings,
    );
  });

  it('reads state vectors and awareness updates from any bytes, or refuses them', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        return (
          onlyThrows(protocol.ProtocolError, () => protocol.decodeStateVector(bytes)) &&
          onlyThrows(protocol.ProtocolError, () => protocol.awarenessEntries(bytes))
        );
      }),
      settings,
    );
  });

  it('binds awareness from any bytes without ever touching object prototypes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.string(), (bytes, name) => {
        try {
          bindAwareness(bytes, { claimed: null, ownedByOther: () => false, name });
        } catch {
          // Undecodable: the connection is closed as malformed (tested in malformed.test.ts).
        }
        return ({} as Record<string, unknown>).polluted === undefined;
      }),
      settings,
    );
    // And with states that try it on purpose.
    const entry = (state: string) => {
      const json = new TextEncoder().encode(state);
      return new Uint8Array([1, 7, 1, json.length, ...json]);
    };
    for (const state of [
      '{"__proto__":{"polluted":1}}',
      '{"constructor":{"prototype":{"polluted":1}}}',
    ]) {
      bindAwareness(entry(state), { claimed: null, ownedByOther: () => false, name: 'x' });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it('reads acknowledgements in the app from any bytes without hanging', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        try {
          readAck(decoding.createDecoder(bytes));
        } catch {
          // Refused: the app ignores a message it cannot read.
        }
        return true;
      }),
      settings,
    );
  });

  it('refuses any string that is not a token of this relay with a token error', async () => {
    const keys = new KeyStore(new MemoryStorage());
    await keys.current();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.tuple(fc.base64String(), fc.base64String(), fc.base64String()).map((p) => p.join('.')),
        ),
        async (token) => {
          try {
            await verifyToken(keys, token);
            return false;
          } catch (error) {
            return error instanceof TokenError;
          }
        },
      ),
      { ...settings, numRuns: Math.min(RUNS, 200) },
    );
  });
});

/** Damaged frames sent to the running relay, each on its own connection (2,400 in CI). */
const ATTACKS = RUNS * 8;
/** Attackers connected at once: well under the per-subject connection limit (50). */
const PARALLEL = 16;
/** Before memory is first measured: warms up code, metrics and caches that stay anyway. */
const WARM_UP = 200;
/**
 * How much retained memory the attacks after the warm-up may add. An idle connection costs the
 * relay 10.3 KiB (benchmarks.md); a relay that kept anything per refused connection (the
 * connection, its room slot, a buffered frame) would retain at least that for each of the
 * thousands here, tens of MiB. 8 MiB leaves room for what grows once and stops (compiled
 * code, a logger's buffers), measured after a full collection, so no timing is involved.
 */
const MEMORY_GROWTH_BOUND = 8 * MiB;

describe('fuzzing a running relay', () => {
  let relay: TestRelay;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await relay?.dispose();
  });

  /** Connects, sends one frame, and resolves with the close code (0: the relay took it). */
  async function attack(room: string, frame: Uint8Array): Promise<number> {
    const socket = new WebSocket(
      `${relay.url.replace('http', 'ws')}/sync/${room}?token=${defaultToken(relay.url, room)}`,
    );
    socket.on('error', () => {});
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    await new Promise((resolve) => socket.on('open', resolve));
    socket.send(frame);
    // Either refused (closed with a code) or taken; then the attacker leaves.
    const code = await Promise.race([
      closed,
      new Promise<number>((resolve) => setTimeout(() => resolve(0), 100)),
    ]);
    socket.terminate();
    await closed;
    return code;
  }

  it('keeps serving everyone else, in bounded memory, while thousands of connections send damaged and random frames', async () => {
    // What the relay says about connections it closes, shown if a resident is disconnected.
    const closings: string[] = [];
    const record = (message: string) => {
      if (/terminated|refused by document|storage|room reset/.test(message)) closings.push(message);
    };
    relay = await startRelay({ log: { info: record, warn: record, error: record } });
    const room = 'maasburen/community';
    const neighbour = stockClient(relay.url, room);
    const other = stockClient(relay.url, room);
    clients.push(neighbour, other);
    await synced(neighbour);
    await synced(other);
    // Each bad input may only affect its sender: the residents stay connected throughout.
    const disconnects: string[] = [];
    let attacked = 0;
    for (const [i, client] of clients.entries()) {
      client.provider.on('connection-close', (event: { code: number; reason: string } | null) => {
        disconnects.push(
          `resident ${i} after ${attacked} frames: code ${event?.code} ${event?.reason ?? ''}`,
        );
      });
    }

    const samples = fc.sample(
      fc.oneof(
        fc.uint8Array({ maxLength: 200 }),
        fc
          .tuple(realUpdates, mutation)
          .map(([updates, cut]) => updateFrame(mutate(updates[0]!, cut))),
      ),
      { numRuns: ATTACKS, seed: SEED },
    );
    const closeCodes = new Map<number, number>();
    let memoryAfterWarmUp = 0;
    for (let start = 0; start < samples.length; start += PARALLEL) {
      if (start >= WARM_UP && memoryAfterWarmUp === 0) memoryAfterWarmUp = retainedMemoryBytes();
      const codes = await Promise.all(
        samples.slice(start, start + PARALLEL).map((frame) => attack(room, frame)),
      );
      attacked = start + codes.length;
      for (const code of codes) closeCodes.set(code, (closeCodes.get(code) ?? 0) + 1);
      // A resident keeps writing while the attacks go on.
      if (start % (PARALLEL * 10) === 0) neighbour.doc.getArray<number>('live').push([start]);
    }
    const memoryGrowth = retainedMemoryBytes() - memoryAfterWarmUp;
    console.info(
      `relay fuzz: ${samples.length} frames, close codes ${JSON.stringify([...closeCodes].sort())}, ` +
        `retained memory ${(memoryGrowth / MiB).toFixed(1)} MiB after the warm-up`,
    );
    expect(
      [...closeCodes.keys()].every((code) =>
        [0, 1002, 1003, 1007, 1008, 1009, 1011].includes(code),
      ),
    ).toBe(true);
    // Most frames are garbage: the decoders refused them, one connection at a time.
    expect([...closeCodes.keys()].some((code) => code !== 0)).toBe(true);
    expect(memoryGrowth).toBeLessThan(MEMORY_GROWTH_BOUND);

    // The relay is up, and the neighbour's edits went through all along.
    expect((await getText(relay.url, '/healthz')).status).toBe(200);
    const pushed = neighbour.doc.getArray('live').length;
    await waitFor(() => other.doc.getArray('live').length === pushed, 'live sync throughout');
    neighbour.doc.getText('notes').insert(0, 'nog steeds hier');
    await waitFor(
      () => other.doc.getText('notes').toString().includes('nog steeds hier'),
      'sync after fuzzing',
    );
    expect({ disconnects, closings: disconnects.length > 0 ? closings : [] }).toEqual({
      disconnects: [],
      closings: [],
    });
  }, 180_000);
});
