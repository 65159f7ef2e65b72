import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { MESSAGE_ACK, readAck } from '@buurthub/shared';
import {
  ProtocolError,
  decodeClientMessage,
  encodeAwareness,
  encodeAckMessage,
  encodeSyncStep1,
  encodeUpdate,
  relayClocks,
  validateUpdate,
} from './protocol.js';

function decodeAck(frame: Uint8Array): Map<number, number> {
  const decoder = decoding.createDecoder(frame);
  expect(decoding.readVarUint(decoder)).toBe(MESSAGE_ACK);
  return readAck(decoder);
}

function docWithText(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return doc;
}

describe('protocol', () => {
  it('decodes the frames stock clients send', () => {
    const doc = docWithText('hoi');
    const step1 = decodeClientMessage(encodeSyncStep1(doc));
    expect(step1).toEqual({ kind: 'sync-step-1', stateVector: Y.encodeStateVector(doc) });
    const update = Y.encodeStateAsUpdate(doc);
    expect(decodeClientMessage(encodeUpdate(update))).toEqual({ kind: 'update', update });
    expect(decodeClientMessage(encodeAwareness(new Uint8Array([0])))).toEqual({
      kind: 'awareness',
      update: new Uint8Array([0]),
    });
    expect(decodeClientMessage(new Uint8Array([3]))).toEqual({ kind: 'query-awareness' });
  });

  it('refuses trailing bytes, truncation and unknown types with the right reason', () => {
    const frame = encodeUpdate(Y.encodeStateAsUpdate(docWithText('x')));
    const reason = (bytes: Uint8Array) => {
      try {
        decodeClientMessage(bytes);
        return 'accepted';
      } catch (error) {
        return (error as ProtocolError).reason;
      }
    };
    expect(reason(new Uint8Array([...frame, 0]))).toBe('malformed');
    expect(reason(frame.subarray(0, frame.length - 1))).toBe('malformed');
    expect(reason(new Uint8Array([]))).toBe('malformed');
    expect(reason(new Uint8Array([42]))).toBe('unsupported');
    expect(reason(new Uint8Array([0, 9, 0]))).toBe('unsupported');
  });

  it('accepts real updates, also out of order, and refuses garbage', () => {
    const doc = docWithText('eerste');
    const sv = Y.encodeStateVector(doc);
    doc.getText('t').insert(6, ' tweede');
    // The second update alone depends on the first: still a valid update.
    expect(() => validateUpdate(Y.encodeStateAsUpdate(doc, sv))).not.toThrow();
    expect(() => validateUpdate(new Uint8Array([1, 1, 5, 0, 31, 1, 3, 102, 111, 111, 0]))).toThrow(
      ProtocolError,
    );
    expect(() => validateUpdate(new Uint8Array([0xde, 0xad]))).toThrow(ProtocolError);
  });

  it('acks only clients the relay knows, with their current clocks', () => {
    const doc = docWithText('abc');
    const clocks = relayClocks(doc, [doc.clientID, 12345]);
    expect([...clocks]).toEqual([[doc.clientID, 3]]);
    expect(decodeAck(encodeAckMessage(clocks))).toEqual(clocks);
  });
});
