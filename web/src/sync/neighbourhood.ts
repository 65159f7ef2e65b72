/**
 * Opens a neighbourhood on this device: which one (from the URL), where its relay is
 * (the same origin, `/sync`), and its spaces with their models and combined sync state.
 */
import { CommunitySpace, PublicSpace, isNeighbourhoodSlug } from '@buurthub/shared';
import { localStore } from './local-store.js';
import { SpaceConnection } from './space-connection.js';
import { SyncStatus } from './sync-state.js';

export const DEFAULT_NEIGHBOURHOOD = 'maasburen';

/** `/nb/<slug>/...` selects a neighbourhood; anything else opens the default one. */
export function neighbourhoodFromPath(pathname: string): string {
  const slug = /^\/nb\/([^/]+)/.exec(pathname)?.[1];
  return slug && isNeighbourhoodSlug(slug) ? slug : DEFAULT_NEIGHBOURHOOD;
}

/** The relay lives on the same origin (contract: `ws(s)://HOST/sync/<nb>/<space>`). */
export function syncUrlFor(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
}

export interface Neighbourhood {
  slug: string;
  community: CommunitySpace;
  publicSpace: PublicSpace;
  sync: SyncStatus;
  destroy(): void;
}

export function openNeighbourhood(slug: string, syncUrl: string): Neighbourhood {
  const community = new SpaceConnection({
    nb: slug,
    space: 'community',
    syncUrl,
    store: localStore,
  });
  const pub = new SpaceConnection({ nb: slug, space: 'public', syncUrl, store: localStore });
  const sync = new SyncStatus([community, pub]);
  return {
    slug,
    community: new CommunitySpace(community.doc),
    publicSpace: new PublicSpace(pub.doc),
    sync,
    destroy() {
      sync.destroy();
      community.destroy();
      pub.destroy();
    },
  };
}
