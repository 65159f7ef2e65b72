/**
 * The relay's acknowledgement message (message type 100, see docs/protocol.md).
 *
 * After the relay has committed an update to storage it tells the sending connection,
 * per Yjs client id in that update, the clock it now holds. A client compares these clocks
 * with its own changes to say honestly "saved on the server". Only connections that opt in
 * (`ack=1`) get it, so stock y-websocket clients never see an unknown message type.
 *
 * Layout: varUint(100) varUint(n) then n times varUint(clientId) varUint(clock).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export const MESSAGE_ACK = 100;

/** The most client ids one ack may carry; more means a malformed or hostile message. */
const MAX_ENTRIES = 1_000_000;

export function encodeAck(clocks: Map<number, number>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_ACK);
  encoding.writeVarUint(encoder, clocks.size);
  for (const [client, clock] of clocks) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
  }
  return encoding.toUint8Array(encoder);
}

/** Reads an ack body; `decoder` stands just after the message type. */
export function readAck(decoder: decoding.Decoder): Map<number, number> {
  const size = decoding.readVarUint(decoder);
  if (size > MAX_ENTRIES) throw new RangeError(`Ack with ${size} entries`);
  const clocks = new Map<number, number>();
  for (let i = 0; i < size; i++) {
    const client = decoding.readVarUint(decoder);
    clocks.set(client, decoding.readVarUint(decoder));
  }
  return clocks;
}
