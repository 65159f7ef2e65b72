/** Hand-made protocol frames, for tests that speak the wire protocol directly. */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

export function syncFrame(syncType: 0 | 1 | 2, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export const updateFrame = (update: Uint8Array) => syncFrame(2, update);
export const syncStep1Frame = (doc: Y.Doc) => syncFrame(0, Y.encodeStateVector(doc));

/** The payloads of every received sync message of `syncType` (2 = update). */
export function syncPayloads(messages: Uint8Array[], syncType: 0 | 1 | 2): Uint8Array[] {
  const payloads: Uint8Array[] = [];
  for (const message of messages) {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== 0) continue;
    if (decoding.readVarUint(decoder) !== syncType) continue;
    payloads.push(decoding.readVarUint8Array(decoder));
  }
  return payloads;
}

/** An awareness message with one client's state given as raw JSON text. */
export function awarenessFrame(clientId: number, clock: number, stateJson: string): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 1);
  encoding.writeVarUint(update, clientId);
  encoding.writeVarUint(update, clock);
  encoding.writeVarString(update, stateJson);
  const frame = encoding.createEncoder();
  encoding.writeVarUint(frame, 1);
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update));
  return encoding.toUint8Array(frame);
}

/** A query-awareness message: the smallest valid frame a client can send. */
export const queryAwarenessFrame = () => new Uint8Array([3]);
