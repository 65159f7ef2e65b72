/**
 * A neighbourhood's documents as the feeds read them: built from storage (snapshot + log)
 * into fresh Y.Docs for one request and destroyed after it. Storage holds every committed
 * update (the relay commits before it applies), so this is as current as a live room, works
 * the same with rooms loaded or not, and keeps no room in memory.
 */
import * as Y from 'yjs';
import {
  CommunitySpace,
  isShown,
  itemStatus,
  ModerationSpace,
  PublicSpace,
} from '@buurthub/shared';
import type { Storage } from '../storage/storage.js';

export interface NeighbourhoodDocs {
  /** The name from the public settings, the relay's record, or the slug. */
  name: string;
  pub: PublicSpace;
  community: CommunitySpace;
  moderation: ModerationSpace;
  /** False for an item a moderator hid or that waits for review after enough reports. */
  shown(itemId: string): boolean;
  /** Frees the documents. */
  destroy(): void;
}

async function loadDoc(storage: Storage, room: string): Promise<{ doc: Y.Doc; empty: boolean }> {
  const doc = new Y.Doc();
  const stored = await storage.loadRoom(room);
  for (const update of stored.updates) {
    try {
      Y.applyUpdate(doc, update);
    } catch {
      // Validated before it was stored; a row that is unreadable anyway is skipped, as rooms.ts does.
    }
  }
  return { doc, empty: stored.updates.length === 0 };
}

/** The neighbourhood's documents, or null when the relay knows nothing about `nb`. */
export async function loadNeighbourhood(
  storage: Storage,
  nb: string,
): Promise<NeighbourhoodDocs | null> {
  const record = await storage.neighbourhood(nb);
  const loaded = await Promise.all(
    ['public', 'community', 'moderation'].map((space) => loadDoc(storage, `${nb}/${space}`)),
  );
  const [pub, community, moderation] = loaded as [
    { doc: Y.Doc; empty: boolean },
    { doc: Y.Doc; empty: boolean },
    { doc: Y.Doc; empty: boolean },
  ];
  const destroy = () => loaded.forEach(({ doc }) => doc.destroy());
  if (!record && loaded.every(({ empty }) => empty)) {
    destroy();
    return null;
  }
  const publicSpace = new PublicSpace(pub.doc);
  const settings = publicSpace.settings.get();
  const communitySpace = new CommunitySpace(community.doc);
  const moderationSpace = new ModerationSpace(moderation.doc);
  const reports = communitySpace.reports.all();
  return {
    name: settings?.name ?? record?.name ?? nb,
    pub: publicSpace,
    community: communitySpace,
    moderation: moderationSpace,
    shown: (itemId) => isShown(itemStatus(itemId, reports.get(itemId) ?? [], moderationSpace)),
    destroy,
  };
}
