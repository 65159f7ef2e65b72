/**
 * The relay's wire protocol: the standard y-websocket framing (y-protocols sync and
 * awareness) plus Buurthub's acknowledgement message. Pure functions over bytes only —
 * no sockets, no documents held here — so every decision about what a frame means is made
 * in one place and can be tested without a network.
 *
 * Frame layout (lib0 encoding): varUint messageType, then a type-specific body.
 *   0 sync      varUint syncType (0 step 1, 1 step 2, 2 update), varUint8Array payload
 *   1 awareness varUint8Array awareness update
 *   2 auth      varUint 0 (permission denied), varString reason   (relay -> client only)
 *   3 query awareness (no body)
 *   100 ack     see `encodeAck` in @buurthub/shared (relay -> client only)
 *   101 purge request (no body; client -> relay), 102 purge notice (no body; relay ->
 *       client), see shared/src/sync/purge.ts and src/erasure/
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import {
  encodeAck,
  encodePurgeNotice,
  MESSAGE_ACK,
  MESSAGE_PURGE_NOTICE,
  MESSAGE_PURGE_REQUEST,
} from '@buurthub/shared';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;
export { MESSAGE_ACK, MESSAGE_PURGE_NOTICE, MESSAGE_PURGE_REQUEST, encodePurgeNotice };

export const SYNC_STEP_1 = 0;
export const SYNC_STEP_2 = 1;
export const SYNC_UPDATE = 2;

/** A frame a client may send, decoded. Anything else is a protocol error. */
export type ClientMessage =
  | { kind: 'sync-step-1'; stateVector: Uint8Array }
  | { kind: 'sync-step-2'; update: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' }
  | { kind: 'purge-request' };

/**
 * Why a frame was refused. `unsupported` (unknown message type) and `malformed`
 * (bytes that do not decode) map to different close codes, see `closeCodeFor`.
 */
export class ProtocolError extends Error {
  constructor(
    readonly reason: 'unsupported' | 'malformed' | 'invalid-update',
    message: string,
  ) {
    super(message);
    this.name = 'ProtocolError';
  }
}

/** WebSocket close codes the relay uses (RFC 6455 §7.4.1); documented in docs/protocol.md. */
export const CLOSE_GOING_AWAY = 1001;
/** Text frames and message types the relay does not accept from clients. */
export const CLOSE_UNSUPPORTED_DATA = 1003;
/** Bytes that do not decode, or a Yjs update that Yjs cannot read. */
export const CLOSE_INVALID_DATA = 1007;
/** Over a rate, size or count limit that is about what was sent, not its size on the wire. */
export const CLOSE_POLICY_VIOLATION = 1008;
/** A message larger than the limit (ws closes with it itself, see `maxPayload`). */
export const CLOSE_MESSAGE_TOO_BIG = 1009;
/** Storage failed or the document refused an update: the client should retry later. */
export const CLOSE_INTERNAL_ERROR = 1011;
/** The relay is shutting down or restarting: reconnect (to it or another one) shortly. */
export const CLOSE_SERVICE_RESTART = 1012;
/** Room or subject at its connection limit: try again later. */
export const CLOSE_TRY_AGAIN_LATER = 1013;
/** The connection's token was revoked (`buurthub revoke`): do not reconnect with it. */
export const CLOSE_TOKEN_REVOKED = 4401;

export function closeCodeFor(error: ProtocolError): number {
  return error.reason === 'unsupported' ? CLOSE_UNSUPPORTED_DATA : CLOSE_INVALID_DATA;
}

/**
 * Decodes one binary frame from a client. Strict on purpose: a frame must hold exactly one
 * message (stock y-websocket clients never batch), so trailing bytes are an error rather
 * than something to guess about.
 */
export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(frame);
  let message: ClientMessage;
  try {
    const type = readStrictVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC: {
        const syncType = readStrictVarUint(decoder);
        const payload = readStrictVarUint8Array(decoder);
        if (syncType === SYNC_STEP_1) message = { kind: 'sync-step-1', stateVector: payload };
        else if (syncType === SYNC_STEP_2) message = { kind: 'sync-step-2', update: payload };
        else if (syncType === SYNC_UPDATE) message = { kind: 'update', update: payload };
        else throw new ProtocolError('unsupported', `unknown sync message type ${syncType}`);
        break;
      }
      case MESSAGE_AWARENESS:
        message = { kind: 'awareness', update: readStrictVarUint8Array(decoder) };
        break;
      case MESSAGE_QUERY_AWARENESS:
        message = { kind: 'query-awareness' };
        break;
      case MESSAGE_PURGE_REQUEST:
        message = { kind: 'purge-request' };
        break;
      default:
        throw new ProtocolError('unsupported', `unknown message type ${type}`);
    }
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    // lib0 throws plain Errors / RangeErrors on truncated input.
    throw new ProtocolError('malformed', `undecodable frame: ${String(error)}`);
  }
  if (decoding.hasContent(decoder)) {
    throw new ProtocolError('malformed', 'trailing bytes after message');
  }
  return message;
}

/**
 * Reads an unsigned LEB128 varint and refuses non-canonical encodings (e.g. `0x80 0x00`
 * for 0): one value has exactly one spelling on the wire, so nothing downstream can be
 * confused by two byte strings that mean the same message.
 */
function readStrictVarUint(decoder: decoding.Decoder): number {
  const start = decoder.pos;
  const value = decoding.readVarUint(decoder);
  if (decoder.pos - start > 1 && decoder.arr[decoder.pos - 1] === 0) {
    throw new ProtocolError('malformed', 'non-canonical varint');
  }
  return value;
}

/**
 * A length-prefixed byte array, bounds-checked against this frame: lib0 builds a view on
 * the underlying ArrayBuffer, which for a pooled socket buffer is larger than the frame.
 */
function readStrictVarUint8Array(decoder: decoding.Decoder): Uint8Array {
  const length = readStrictVarUint(decoder);
  if (length > decoder.arr.length - decoder.pos) {
    throw new ProtocolError('malformed', 'length beyond the end of the frame');
  }
  return decoding.readUint8Array(decoder, length);
}

/** A Yjs update decoded by `validateUpdate`: its structs and its delete set. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/**
 * The names of the root types (`doc.getMap(name)` and friends) an update writes to
 * directly. Yjs creates a root type for every new name it sees, and they are never removed,
 * so the relay bounds how many a document may collect (limits.ts).
 */
export function rootTypeNames({ structs }: DecodedUpdate): Set<string> {
  const names = new Set<string>();
  for (const struct of structs) {
    if (struct instanceof Y.Item && typeof struct.parent === 'string') names.add(struct.parent);
  }
  return names;
}

/** One client's entry in an awareness update: its id, clock and the size of its JSON state. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  stateBytes: number;
}

/** Decodes an awareness update's entries (y-protocols layout) without applying it. */
export function awarenessEntries(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state = decoding.readVarString(decoder);
      entries.push({ clientId, clock, stateBytes: Buffer.byteLength(state) });
    }
    return entries;
  } catch (error) {
    throw new ProtocolError('malformed', `undecodable awareness update: ${String(error)}`);
  }
}

/**
 * Checks that bytes are a Yjs (v1) update before anything is persisted, and returns it
 * decoded (the relay's other checks read that instead of decoding again). Yjs decodes every
 * struct and its content eagerly, and throws on unknown content references or truncation;
 * applying to a throwaway document additionally exercises integration for everything that
 * does not depend on state the relay already has. Updates whose dependencies are missing
 * are legal (they arrive out of order).
 *
 * Only a client's run of structs that starts at clock 0 can integrate in an empty document;
 * the rest would merely be parked there as pending, which costs Yjs a re-encoding (~60 µs,
 * most of the relay's CPU per update in profiles) and checks nothing that decoding has not.
 * An ordinary edit continues its client's clocks, so the scratch document is only built
 * when some struct starts at 0 (a client's first edit, a full state) or the update deletes
 * something: a delete set can decode and still fail to apply (found by fuzz.test.ts), and
 * a failure in the room's document would reset the room for everyone in it.
 */
export function validateUpdate(update: Uint8Array): DecodedUpdate {
  if (update.length === 0) throw new ProtocolError('invalid-update', 'empty update');
  let decoded: DecodedUpdate;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (error) {
    throw new ProtocolError('invalid-update', `not a Yjs update: ${String(error)}`);
  }
  // No client writes a struct or a deletion of length 0 (an empty insert writes nothing), yet
  // Yjs decodes and even integrates such a struct; in the store it breaks the clock search,
  // so the next update touching that client throws in the room's document, which resets the
  // room for everyone (found by fuzz.test.ts under load: a cut ContentAny with no elements).
  if (
    decoded.structs.some((struct) => struct.length === 0) ||
    [...decoded.ds.clients.values()].some((ranges) => ranges.some((range) => range.len === 0))
  ) {
    throw new ProtocolError('invalid-update', 'an update with an empty struct or deletion');
  }
  try {
    if (decoded.structs.some((struct) => struct.id.clock === 0) || decoded.ds.clients.size > 0) {
      // A fixed guid: a random one costs ~30 calls into the crypto source per update.
      const scratch = new Y.Doc({ gc: false, guid: 'buurthub-validate' });
      try {
        Y.applyUpdate(scratch, update);
      } finally {
        scratch.destroy();
      }
    }
  } catch (error) {
    throw new ProtocolError('invalid-update', `not a Yjs update: ${String(error)}`);
  }
  return decoded;
}

/** The state vector in a sync step 1, as client id -> clock. Throws ProtocolError. */
export function decodeStateVector(stateVector: Uint8Array): Map<number, number> {
  try {
    return Y.decodeStateVector(stateVector);
  } catch (error) {
    throw new ProtocolError('malformed', `undecodable state vector: ${String(error)}`);
  }
}

/** The client ids an update writes to (those whose clocks an ack should report). */
export function clientsInUpdate(update: Uint8Array): number[] {
  return [...Y.parseUpdateMeta(update).to.keys()];
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, SYNC_STEP_1);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc));
  return encoding.toUint8Array(encoder);
}

/** Sync step 2: everything in `doc` the peer with `stateVector` is missing. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, SYNC_STEP_2);
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc, stateVector));
  return encoding.toUint8Array(encoder);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, SYNC_UPDATE);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** y-protocols auth message "permission denied"; stock clients log the reason. */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AUTH);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarString(encoder, reason);
  return encoding.toUint8Array(encoder);
}

/**
 * The relay's clocks for the given clients, for an ack. Clients the relay has never seen
 * are left out: reporting clock 0 for them would tell the client nothing.
 */
export function relayClocks(doc: Y.Doc, clients: Iterable<number>): Map<number, number> {
  const clocks = new Map<number, number>();
  for (const client of clients) {
    if (doc.store.clients.has(client)) clocks.set(client, Y.getState(doc.store, client));
  }
  return clocks;
}

export function encodeAckMessage(clocks: Map<number, number>): Uint8Array {
  return encodeAck(clocks);
}
