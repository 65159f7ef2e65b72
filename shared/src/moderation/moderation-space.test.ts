import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PermissionError } from '../errors.js';
import { anna, fixedContext, mod } from '../test-support.js';
import { ModerationSpace } from './moderation-space.js';

describe('moderation space', () => {
  it('records who hid an item, why, and logs the restore too', () => {
    const ctx = fixedContext();
    const moderation = new ModerationSpace(new Y.Doc(), ctx);
    moderation.hide('post-1', 'Persoonsgegevens van een buurman', mod);
    expect(moderation.hiddenReason('post-1')).toMatchObject({
      reason: 'Persoonsgegevens van een buurman',
      by: mod,
    });
    ctx.advance(1000);
    moderation.restore('post-1', 'Aangepast door de schrijver', mod);
    expect(moderation.hiddenReason('post-1')).toBeNull();
    expect(moderation.log().map((e) => e.action)).toEqual(['restore', 'hide']);
  });

  it('refuses hiding by a resident', () => {
    const moderation = new ModerationSpace(new Y.Doc(), fixedContext());
    expect(() => moderation.hide('post-1', 'Vind ik niks', anna)).toThrow(PermissionError);
  });
});
