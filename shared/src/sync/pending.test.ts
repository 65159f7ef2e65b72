import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CommunitySpace } from '../community/community-space.js';
import { anna, fixedContext } from '../test-support.js';
import { MESSAGE_ACK, encodeAck, readAck } from './ack.js';
import { type KeyValueStore, PendingChanges } from './pending.js';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, get: (k) => data.get(k) ?? null, set: (k, v) => void data.set(k, v) };
}

function serverClocks(doc: Y.Doc): Map<number, number> {
  return Y.decodeStateVector(Y.encodeStateVector(doc));
}

describe('pending changes', () => {
  it('counts local posts as waiting until the relay acknowledges them', () => {
    const doc = new Y.Doc();
    const pending = new PendingChanges(doc, memoryStore(), 'k', () => 1234);
    const community = new CommunitySpace(doc, fixedContext());
    community.posts.create({ title: 'Een', body: 'x', category: 'nieuws' }, anna);
    community.posts.create({ title: 'Twee', body: 'y', category: 'nieuws' }, anna);
    expect(pending.count).toBe(2);
    expect(pending.lastSavedAt).toBeNull();

    const relay = new Y.Doc();
    Y.applyUpdate(relay, Y.encodeStateAsUpdate(doc));
    pending.handleAck(serverClocks(relay));
    expect(pending.count).toBe(0);
    expect(pending.lastSavedAt).toBe(1234);
  });

  it('keeps waiting for a change the relay has not stored yet', () => {
    const doc = new Y.Doc();
    const pending = new PendingChanges(doc, memoryStore(), 'k');
    const community = new CommunitySpace(doc, fixedContext());
    community.posts.create({ title: 'Een', body: 'x', category: 'nieuws' }, anna);
    const relay = new Y.Doc();
    Y.applyUpdate(relay, Y.encodeStateAsUpdate(doc));
    community.posts.create({ title: 'Twee', body: 'y', category: 'nieuws' }, anna);
    pending.handleAck(serverClocks(relay));
    expect(pending.count).toBe(1);
  });

  it('does not count changes that arrive from other devices', () => {
    const doc = new Y.Doc();
    const pending = new PendingChanges(doc, memoryStore(), 'k');
    const other = new CommunitySpace(new Y.Doc(), fixedContext());
    other.posts.create({ title: 'Van elders', body: 'x', category: 'nieuws' }, anna);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other.doc), 'provider');
    expect(pending.count).toBe(0);
  });

  it('remembers waiting changes across a reload', () => {
    const store = memoryStore();
    const doc = new Y.Doc();
    const first = new PendingChanges(doc, store, 'k');
    new CommunitySpace(doc, fixedContext()).posts.create(
      { title: 'Offline', body: 'x', category: 'nieuws' },
      anna,
    );
    first.destroy();
    const reloaded = new PendingChanges(new Y.Doc(), store, 'k');
    expect(reloaded.count).toBe(1);
  });

  it('survives a corrupt stored entry', () => {
    const store = memoryStore();
    store.set('k', '{not json');
    expect(new PendingChanges(new Y.Doc(), store, 'k').count).toBe(0);
  });
});

describe('ack message', () => {
  it('round-trips client clocks', () => {
    const clocks = new Map([
      [1, 10],
      [4294967295, 0],
    ]);
    const decoder = decoding.createDecoder(encodeAck(clocks));
    expect(decoding.readVarUint(decoder)).toBe(MESSAGE_ACK);
    expect(readAck(decoder)).toEqual(clocks);
  });

  it('throws on a truncated ack instead of reading garbage', () => {
    const bytes = encodeAck(new Map([[7, 300]]));
    const decoder = decoding.createDecoder(bytes.subarray(0, bytes.length - 1));
    decoding.readVarUint(decoder);
    expect(() => readAck(decoder)).toThrow();
  });
});
