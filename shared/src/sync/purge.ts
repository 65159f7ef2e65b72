/**
 * Erasure messages (message types 101 and 102, see docs/protocol.md).
 *
 * 101 purge request (client -> relay): "I deleted something in this room; erase it for
 * real". The relay accepts it only from a connection that may write the room, rate-limits
 * it and coalesces requests into one purge a few seconds later.
 * 102 purge notice (relay -> client): "this room was compacted into a garbage-collected
 * snapshot and its storage scrubbed; compact your local copy too".
 *
 * Neither carries a body: what was deleted is already in the document's delete set, so the
 * messages only say when to act on it. Stock y-websocket clients never send 101, and only
 * connections that opted in with `ack=1` receive 102.
 */
import * as encoding from 'lib0/encoding';

export const MESSAGE_PURGE_REQUEST = 101;
export const MESSAGE_PURGE_NOTICE = 102;

export function encodePurgeRequest(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_PURGE_REQUEST);
  return encoding.toUint8Array(encoder);
}

export function encodePurgeNotice(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_PURGE_NOTICE);
  return encoding.toUint8Array(encoder);
}
