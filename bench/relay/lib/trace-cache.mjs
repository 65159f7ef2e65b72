/**
 * The large document for the initial-sync workload, as one Yjs update per replay of the
 * synthetic trace. Building it takes ~30 s at full size, so the chunks are cached in the
 * system temp directory, keyed by everything that determines them.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { generateTrace, replay } from '../trace.mjs';

const GENERATOR_VERSION = 1;
const yjsVersion = createRequire(import.meta.url)('yjs/package.json').version;

export function largeDocument({ seed, scale, times }) {
  const dir = join(tmpdir(), 'buurthub-bench-cache');
  const file = join(
    dir,
    `trace-v${GENERATOR_VERSION}-yjs${yjsVersion}-seed${seed}-scale${scale}-x${times}.bin`,
  );
  try {
    return decode(readFileSync(file));
  } catch {
    // not cached yet
  }
  const started = performance.now();
  const { edits, finalLength } = generateTrace({ seed, scale });
  const doc = new Y.Doc();
  const text = doc.getText('text');
  const chunks = [];
  let stateVector = Y.encodeStateVector(doc);
  replay(doc, text, edits, times, () => {
    chunks.push(Y.encodeStateAsUpdate(doc, stateVector));
    stateVector = Y.encodeStateVector(doc);
  });
  const result = {
    chunks,
    ops: edits.length * times,
    inserts: edits.filter((edit) => edit[2]).length * times,
    deletes: edits.filter((edit) => edit[1] > 0).length * times,
    expectedLength: text.length,
    docSize: Y.encodeStateAsUpdate(doc).length,
    buildSeconds: (performance.now() - started) / 1000,
  };
  doc.destroy();
  if (text.length !== finalLength * times)
    throw new Error('trace replay produced the wrong length');
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, encode(result));
  return result;
}

function encode(result) {
  const meta = Buffer.from(
    JSON.stringify({ ...result, chunks: result.chunks.map((chunk) => chunk.length) }),
  );
  return Buffer.concat([Buffer.from(Uint32Array.of(meta.length).buffer), meta, ...result.chunks]);
}

function decode(buffer) {
  const metaLength = buffer.readUInt32LE(0);
  const meta = JSON.parse(buffer.subarray(4, 4 + metaLength).toString());
  let offset = 4 + metaLength;
  const chunks = meta.chunks.map((length) => {
    const chunk = new Uint8Array(buffer.subarray(offset, offset + length));
    offset += length;
    return chunk;
  });
  return { ...meta, chunks, cached: true };
}
