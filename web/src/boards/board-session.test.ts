import { afterEach, describe, expect, it, vi } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CURSOR_INTERVAL_MS, colorFor, editorsIn, throttledCursors } from './board-session.js';

describe('presence on notice boards', () => {
  afterEach(() => vi.useRealTimers());

  it('lists who edits which board by name, leaving out this device and malformed states', () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: { name: 'Ik', color: '#1f6b4f' }, editing: 'b1' }],
      [2, { user: { name: 'Mieke', color: '#a4231b' }, editing: 'b1' }],
      [3, { user: { name: 'Bram', color: 'red;background:url(x)' }, editing: 'b2' }],
      [4, { user: { name: 'Alleen lezer' } }],
      [5, { editing: 'b1' }],
    ]);
    expect(editorsIn(states, 1)).toEqual([
      { clientId: 3, name: 'Bram', color: '#1f6b4f', boardId: 'b2' },
      { clientId: 2, name: 'Mieke', color: '#a4231b', boardId: 'b1' },
    ]);
  });

  it('gives a member the same colour on every board and device', () => {
    expect(colorFor('sub-123')).toBe(colorFor('sub-123'));
    expect(colorFor('sub-123')).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('sends a dragged selection at a pace the relay accepts, ending with where it stopped', () => {
    vi.useFakeTimers();
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    const sent: unknown[] = [];
    awareness.on('change', () => sent.push(awareness.getLocalState()?.['cursor']));
    const cursors = throttledCursors(awareness);
    // Sixty selection changes in one second, as when dragging with the mouse.
    for (let i = 1; i <= 60; i++) {
      cursors.setLocalStateField('cursor', { head: i });
      vi.advanceTimersByTime(1000 / 60);
    }
    vi.advanceTimersByTime(CURSOR_INTERVAL_MS);
    expect(sent.length).toBeLessThanOrEqual(1000 / CURSOR_INTERVAL_MS + 2);
    expect(sent.at(-1)).toEqual({ head: 60 });
    // Leaving the editor clears the cursor at once.
    cursors.setLocalStateField('cursor', null);
    expect(awareness.getLocalState()?.['cursor']).toBeNull();
    awareness.destroy();
    doc.destroy();
  });
});
