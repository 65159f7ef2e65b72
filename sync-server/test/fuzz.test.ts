/**
 * Fuzzing every decoder the relay exposes (reliability issue): property-based with
 * fast-check over arbitrary bytes and strings, and mutation of real updates. fast-check
 * prints the seed and the shrunk input of any failure; `FUZZ_SEED=<n>` runs (or replays)
 * another seed than CI's fixed one, and `FUZZ_RUNS=<n>` makes it longer. A crashing input found here is kept as
 * a named case in malformed.test.ts.
 */
import fc from 'fast-check';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { readAck } from '@buurthub/shared';
import { bindAwareness } from '../src/auth/awareness.js';
import { KeyStore, MemoryStorage, protocol, TokenError, verifyToken } from '../src/index.js';
import { stockClient, synced } from './helpers/clients.js';
import { updateFrame } from './helpers/frames.js';
import { getText } from './helpers/http.js';
import { startRelay, type TestRelay } from './helpers/relay.js';
import { defaultToken } from './helpers/tokens.js';
import { waitFor } from './helpers/wait.js';

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

/** Real updates: a few random edits of maps, arrays and text, each update on its own. */
const realUpdates = fc
  .array(
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
  )
  .map((edits) => {
    const doc = new Y.Doc();
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

describe('fuzzing a running relay', () => {
  let relay: TestRelay;
  afterEach(() => relay?.dispose());

  it('keeps serving everyone else while one connection sends damaged and random frames', async () => {
    relay = await startRelay();
    const room = 'maasburen/community';
    const neighbour = stockClient(relay.url, room);
    await synced(neighbour);
    const samples = fc.sample(
      fc.oneof(
        fc.uint8Array({ maxLength: 200 }),
        fc
          .tuple(realUpdates, mutation)
          .map(([updates, cut]) => updateFrame(mutate(updates[0]!, cut))),
      ),
      { numRuns: 60, seed: SEED },
    );
    const closeCodes: number[] = [];
    for (const frame of samples) {
      const socket = new WebSocket(
        `${relay.url.replace('http', 'ws')}/sync/${room}?token=${defaultToken(relay.url, room)}`,
      );
      const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
      await new Promise((resolve) => socket.on('open', resolve));
      socket.send(frame);
      // Either refused (closed with a code) or taken; then the next attacker.
      const code = await Promise.race([
        closed,
        new Promise<number>((r) => setTimeout(() => r(0), 100)),
      ]);
      if (code !== 0) closeCodes.push(code);
      socket.terminate();
    }
    expect(closeCodes.every((code) => [1002, 1003, 1007, 1008, 1009, 1011].includes(code))).toBe(
      true,
    );
    // The relay is up, and the neighbour's edits still go through.
    expect((await getText(relay.url, '/healthz')).status).toBe(200);
    const other = stockClient(relay.url, room);
    await synced(other);
    neighbour.doc.getText('notes').insert(0, 'nog steeds hier');
    await waitFor(
      () => other.doc.getText('notes').toString().includes('nog steeds hier'),
      'sync after fuzzing',
    );
    neighbour.destroy();
    other.destroy();
  });
});
