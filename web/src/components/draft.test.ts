import { describe, expect, it } from 'vitest';
import { readDraft } from './draft.js';

const EMPTY = { title: '', body: '', allDay: false };

describe('reading back a draft kept on the device', () => {
  it('restores what was written', () => {
    const stored = JSON.stringify({ title: 'Kat vermist', body: 'Grijs', allDay: true });
    expect(readDraft(stored, EMPTY)).toEqual({ title: 'Kat vermist', body: 'Grijs', allDay: true });
  });

  it('starts empty when nothing was kept or what was kept is not JSON', () => {
    expect(readDraft(null, EMPTY)).toEqual(EMPTY);
    expect(readDraft('{"title": "Kat', EMPTY)).toEqual(EMPTY);
    expect(readDraft('"just text"', EMPTY)).toEqual(EMPTY);
  });

  it('keeps only the fields the form knows, with the type it expects', () => {
    const stored = JSON.stringify({ title: 42, body: 'Grijs', allDay: 'ja', extra: 'x' });
    expect(readDraft(stored, EMPTY)).toEqual({ title: '', body: 'Grijs', allDay: false });
  });

  it('never changes the empty draft it starts from', () => {
    readDraft(JSON.stringify({ title: 'Kat' }), EMPTY);
    expect(EMPTY.title).toBe('');
  });
});
