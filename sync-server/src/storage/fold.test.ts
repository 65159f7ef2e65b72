import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { FoldThread, foldUpdates } from './fold.js';

/** Updates of an edit session in which a resident types a phone number and deletes it. */
function editSession(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const text = doc.getText('prikbord');
  text.insert(0, 'Fietsen te leen bij de kerk. ');
  text.insert(text.length, 'Bel 0612345678');
  text.delete(text.length - 'Bel 0612345678'.length, 'Bel 0612345678'.length);
  doc.getMap('meta').set('titel', 'Fietsen');
  doc.destroy();
  return updates;
}

describe('the fold thread', () => {
  let thread: FoldThread;
  afterEach(async () => {
    await thread.close();
  });

  it('folds into exactly the bytes of a fold on the relay thread, deleted text gone', async () => {
    thread = new FoldThread();
    const updates = editSession();
    const folded = await thread.fold(updates);
    expect(Buffer.from(folded).equals(Buffer.from(foldUpdates(updates)))).toBe(true);
    expect(Buffer.from(folded).includes('0612345678')).toBe(false);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, folded);
    expect(doc.getText('prikbord').toString()).toBe('Fietsen te leen bij de kerk. ');
    doc.destroy();
  });

  it('refuses an unreadable update with an error and folds the next room as before', async () => {
    thread = new FoldThread();
    await expect(thread.fold([new Uint8Array([0xff, 0xff, 0xff])])).rejects.toThrow();
    const updates = editSession();
    expect((await thread.fold(updates)).byteLength).toBe(foldUpdates(updates).byteLength);
  });

  it('refuses folds still running when it is closed instead of leaving them hanging', async () => {
    thread = new FoldThread();
    const refused = expect(thread.fold(editSession())).rejects.toThrow('fold thread closed');
    await thread.close();
    await refused;
  });
});
