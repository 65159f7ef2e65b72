/**
 * Writes neighbourhood content the way the app does — through the shared model on a Y.Doc —
 * and commits it to the relay's storage as one update per room.
 */
import * as Y from 'yjs';
import { type Author, CommunitySpace, ModerationSpace, PublicSpace } from '@buurthub/shared';
import type { Storage } from '../../src/index.js';

export const anna: Author = { id: 'anna', name: 'Anna de Vries', role: 'resident' };
export const mieke: Author = { id: 'mieke', name: 'Mieke (buurtverbinder)', role: 'moderator' };

export interface Spaces {
  community: CommunitySpace;
  moderation: ModerationSpace;
  pub: PublicSpace;
}

/** Runs `write` on fresh documents (fixed clock from `at`) and stores what it wrote. */
export async function writeNeighbourhood(
  storage: Storage,
  nb: string,
  write: (spaces: Spaces) => void,
  at = Date.UTC(2026, 0, 10, 9, 0),
): Promise<void> {
  let time = at;
  let counter = 0;
  const ctx = {
    now: () => (time += 1000),
    newId: () => `${nb}-${++counter}-${Math.random().toString(36).slice(2, 8)}`,
  };
  const docs = { public: new Y.Doc(), community: new Y.Doc(), moderation: new Y.Doc() };
  // Start from what is stored, so several calls add up.
  for (const [space, doc] of Object.entries(docs)) {
    for (const update of (await storage.loadRoom(`${nb}/${space}`)).updates)
      Y.applyUpdate(doc, update);
  }
  const before = Object.fromEntries(
    Object.entries(docs).map(([space, doc]) => [space, Y.encodeStateVector(doc)]),
  );
  write({
    community: new CommunitySpace(docs.community, ctx),
    moderation: new ModerationSpace(docs.moderation, ctx),
    pub: new PublicSpace(docs.public, ctx),
  });
  for (const [space, doc] of Object.entries(docs)) {
    const update = Y.encodeStateAsUpdate(doc, before[space]);
    if (update.byteLength > 2) await storage.appendUpdate(`${nb}/${space}`, update);
    doc.destroy();
  }
}
