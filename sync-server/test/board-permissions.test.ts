/**
 * Notice boards live in `<nb>/public`, which only moderators and officials write. A resident
 * running a modified client that writes a board anyway (a raw Yjs update to the public room)
 * is refused by the relay: it hears "permission denied", nothing is stored, and nobody else
 * receives the change.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type BoardNode, PublicSpace } from '@buurthub/shared';
import { rawClient, stockClient, synced, type TestClient } from './helpers/clients.js';
import { updateFrame } from './helpers/frames.js';
import { startRelay, type TestRelay } from './helpers/relay.js';
import { tokenFor } from './helpers/tokens.js';
import { waitFor } from './helpers/wait.js';

const ROOM = 'maasburen/public';
const MIEKE = { id: 'mieke', name: 'Mieke', role: 'moderator' as const };
const HOURS: BoardNode[] = [
  {
    type: 'paragraph',
    attrs: {},
    children: [{ type: 'text', text: 'Open van 9 tot 17 uur.', marks: {} }],
  },
];

describe('notice boards on the relay', () => {
  let relay: TestRelay;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await relay?.dispose();
  });

  it('refuses a board edit from a resident with a modified client: not stored, not passed on', async () => {
    relay = await startRelay();
    const moderator = stockClient(relay.url, ROOM);
    clients.push(moderator);
    await synced(moderator);
    const board = new PublicSpace(moderator.doc).boards.create(
      { title: 'Openingstijden', content: HOURS },
      MIEKE,
    );
    await waitFor(async () => (await relay.storage.stats(ROOM)).logLength > 0, 'board stored');

    // The resident's client reads the public space like everyone, then empties the board
    // and gives it a new title, bypassing the app's checks.
    const token = await tokenFor(relay.storage, 'maasburen', 'resident', { name: 'Rik' });
    const resident = await rawClient(relay.url, ROOM, `?token=${token}`);
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(moderator.doc));
    const before = Y.encodeStateVector(forged);
    forged.transact(() => {
      const fields = forged.getMap('boards').get(board.id) as Y.Map<unknown>;
      const content = fields.get('content') as Y.XmlFragment;
      content.delete(0, content.length);
      fields.set('title', 'Gehackt');
    });
    resident.socket.send(updateFrame(Y.encodeStateAsUpdate(forged, before)));
    // y-protocols auth message: type 2, permission denied (0).
    await waitFor(() => resident.messages.find((m) => m[0] === 2 && m[1] === 0), 'denial');

    // A reader that connects afterwards, the moderator, and what is on disk all still have
    // the board unchanged.
    const reader = stockClient(relay.url, ROOM, { token: '' });
    clients.push(reader);
    await synced(reader);
    const stored = new Y.Doc();
    for (const update of (await relay.storage.loadRoom(ROOM)).updates)
      Y.applyUpdate(stored, update);
    for (const doc of [reader.doc, moderator.doc, stored]) {
      const space = new PublicSpace(doc);
      expect(space.boards.get(board.id)?.title).toBe('Openingstijden');
      expect(space.boards.content(board.id)).toEqual(HOURS);
    }
    resident.close();
    forged.destroy();
    stored.destroy();
  });
});
