/**
 * Opens a neighbourhood on this device: which one (from the URL), where its relay is
 * (the same origin, `/sync`), and its spaces with their models and combined sync state.
 *
 * What is opened depends on the device's access (DESIGN.md §3):
 *
 *   member  public + community, with the member token when there is a usable one; without
 *           (expired, refused, offline) community stays on the device and waits
 *   demo    the demo neighbourhood without a session: public + community without a token
 *           (a relay started with --demo treats that as a resident). A relay that refuses it
 *           turns this into guest
 *   guest   public only: crisis information is for everybody
 *
 * The kiosk window connects with its own `kiosk` token, which reads the community room only
 * where the neighbourhood allows it. Where it does not, the relay refuses that room (403)
 * and the window stops asking for it until its token changes or the page reloads: the
 * kiosk shows the public room, without an endless round of refused connections.
 *
 * The member directory (`<nb>/directory`) is personal data: it is opened only where
 * `Access.directory` says so (a member session of a resident, moderator or official, or the
 * demo), never for guests or the kiosk, and it syncs only with a token or in the demo. The
 * moderation space (hidden items, the public moderation log) is opened with it: the relay
 * lets the same members read it.
 */
import {
  CommunitySpace,
  DirectorySpace,
  ModerationSpace,
  PublicSpace,
  isNeighbourhoodSlug,
} from '@buurthub/shared';
import { tokenClaims } from '../identity/session.js';
import { localStore } from './local-store.js';
import { SpaceConnection, type SpaceConnectionOptions } from './space-connection.js';
import { SyncStatus } from './sync-state.js';

export const DEFAULT_NEIGHBOURHOOD = 'maasburen';
/** The neighbourhood `buurthub serve --demo` seeds and opens to token-less residents. */
export const DEMO_NEIGHBOURHOOD = 'maasburen';

/** Failed attempts in a row after which the app asks the relay about its token. */
export const REFUSAL_STREAK = 3;

/** `/nb/<slug>/...` selects a neighbourhood; anything else opens the default one. */
export function neighbourhoodFromPath(pathname: string): string {
  const slug = /^\/nb\/([^/]+)/.exec(pathname)?.[1];
  return slug && isNeighbourhoodSlug(slug) ? slug : DEFAULT_NEIGHBOURHOOD;
}

/** The relay lives on the same origin (contract: `ws(s)://HOST/sync/<nb>/<space>`). */
export function syncUrlFor(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
}

export type AccessMode = 'member' | 'demo' | 'guest';

export interface Access {
  mode: AccessMode;
  /** The member token to send, or null (guest, demo, or no usable token right now). */
  token: string | null;
  /** This device may open the members' directory (members other than kiosks, and the demo). */
  directory: boolean;
  /**
   * The moderation space without the directory: the kiosk window while a moderator is
   * signed in there (it never opens the directory). Members get it with the directory.
   */
  moderation?: boolean;
}

export interface Neighbourhood {
  slug: string;
  /** Undefined for guests: they may not read the community space. */
  community?: CommunitySpace;
  /** Only where `Access.directory` allowed it (never guests or the kiosk). */
  directory?: DirectorySpace;
  /** Hidden items and the moderation log: opened with the directory, for the same members. */
  moderation?: ModerationSpace;
  publicSpace: PublicSpace;
  /** The public space's connection: its awareness says who edits which notice board. */
  publicConnection: SpaceConnection;
  sync: SyncStatus;
  /** The current mode; 'demo' becomes 'guest' when the relay refuses token-less access. */
  readonly mode: AccessMode;
  /** Applies a new token or mode (join, refresh, refusal); reconnects where it changed. */
  setAccess(access: Access): void;
  /** Something above changed (community opened, demo refused). */
  onChange(listener: () => void): () => void;
  /**
   * A connection carrying the token keeps failing while the browser is online, or the relay
   * closed it for good (4401, token revoked): the relay may be refusing the token (HTTP 401
   * at the upgrade), or simply be down. Called once at the start of a streak and then
   * rarely, so the app can ask the relay over HTTP which one it is.
   */
  onTokenSuspect(listener: () => void): () => void;
  /**
   * Erasure: after something was deleted in `space` (a post, a moderator's delete, an
   * account), asks the relay to purge that room for real. Resolves once the relay purged it
   * and this device's copy is compacted too; waits while offline. Rejects when the space
   * is not open on this device.
   */
  requestPurge(space: SpaceConnectionOptions['space']): Promise<void>;
  destroy(): void;
}

export function openNeighbourhood(slug: string, syncUrl: string, access: Access): Neighbourhood {
  const listeners = new Set<() => void>();
  const suspectListeners = new Set<() => void>();
  const changed = () => listeners.forEach((l) => l());
  let current = access;
  let mode: AccessMode = access.mode;

  const pub = new SpaceConnection({
    nb: slug,
    space: 'public',
    syncUrl,
    store: localStore,
    token: access.token,
  });
  const sync = new SyncStatus([pub]);
  let communityConnection: SpaceConnection | undefined;
  let directoryConnection: SpaceConnection | undefined;
  let moderationConnection: SpaceConnection | undefined;
  /** The kiosk token the relay refused the community room to (see `refusedToKiosk`). */
  let communityRefusedTo: string | null = null;

  /**
   * A kiosk token reads the community room only where the neighbourhood allows it
   * (DESIGN.md §3). The relay refuses it with 403 before the upgrade, which a browser sees
   * only as a socket that never opened; while the same token is connected to the public
   * room, a streak of those is that refusal, not an outage.
   */
  const refusedToKiosk = (space: SpaceConnection): boolean =>
    space === communityConnection &&
    space.failures >= REFUSAL_STREAK &&
    pub.status === 'connected' &&
    current.token !== null &&
    tokenClaims(current.token)?.['role'] === 'kiosk';

  const watch = (space: SpaceConnection) => {
    let reportedRefusal = false;
    return space.onChange(() => {
      if (!space.refused) reportedRefusal = false;
      const streak = space.failures;
      if ((streak === 0 && !space.refused) || !navigator.onLine) return;
      if (mode === 'demo' && space === communityConnection && pub.status === 'connected') {
        // The relay lets us read public but refuses community without a token: no demo here.
        if (streak >= REFUSAL_STREAK) {
          mode = 'guest';
          space.setAccess(null, false);
          directoryConnection?.setAccess(null, false);
          moderationConnection?.setAccess(null, false);
          changed();
        }
        return;
      }
      if (refusedToKiosk(space)) {
        communityRefusedTo = current.token;
        space.setAccess(current.token, false);
        return;
      }
      if (!current.token) return;
      // A close the relay means for good (4401 token revoked) is reported at once.
      const refusedNow = space.refused && !reportedRefusal;
      if (refusedNow || (!space.refused && (streak === REFUSAL_STREAK || streak % 20 === 0))) {
        reportedRefusal ||= space.refused;
        suspectListeners.forEach((l) => l());
      }
    });
  };
  const offs = [watch(pub)];

  function communityConnects(a: Access): boolean {
    return a.mode === 'demo' || (a.mode === 'member' && a.token !== null);
  }

  /** Not with a token the relay refused it to; a new token (renewed, a moderator) asks again. */
  const readsCommunity = (a: Access): boolean =>
    communityConnects(a) && (a.token === null || a.token !== communityRefusedTo);

  function openCommunity(a: Access): void {
    communityConnection = new SpaceConnection({
      nb: slug,
      space: 'community',
      syncUrl,
      store: localStore,
      token: a.token,
      connect: readsCommunity(a),
    });
    offs.push(watch(communityConnection));
    sync.add(communityConnection);
    neighbourhood.community = new CommunitySpace(communityConnection.doc);
  }

  function openDirectory(a: Access): void {
    directoryConnection = new SpaceConnection({
      nb: slug,
      space: 'directory',
      syncUrl,
      store: localStore,
      token: a.token,
      connect: communityConnects(a),
    });
    offs.push(watch(directoryConnection));
    sync.add(directoryConnection);
    neighbourhood.directory = new DirectorySpace(directoryConnection.doc);
  }

  /** The moderation space: with the directory, or alone for the kiosk's moderator. */
  const opensModeration = (a: Access) =>
    a.mode !== 'guest' && (a.directory || a.moderation === true);

  function openModeration(a: Access): void {
    moderationConnection = new SpaceConnection({
      nb: slug,
      space: 'moderation',
      syncUrl,
      store: localStore,
      token: a.token,
      connect: communityConnects(a),
    });
    offs.push(watch(moderationConnection));
    sync.add(moderationConnection);
    neighbourhood.moderation = new ModerationSpace(moderationConnection.doc);
  }

  const neighbourhood: Neighbourhood = {
    slug,
    publicSpace: new PublicSpace(pub.doc),
    publicConnection: pub,
    sync,
    get mode() {
      return mode;
    },
    setAccess(next) {
      current = next;
      mode = next.mode;
      pub.setAccess(next.token, true);
      if (next.mode !== 'guest') {
        if (communityConnection) communityConnection.setAccess(next.token, readsCommunity(next));
        else openCommunity(next);
      } else {
        communityConnection?.setAccess(null, false);
      }
      if (next.mode !== 'guest' && next.directory) {
        if (directoryConnection) directoryConnection.setAccess(next.token, communityConnects(next));
        else openDirectory(next);
      } else {
        directoryConnection?.setAccess(null, false);
      }
      if (opensModeration(next)) {
        if (moderationConnection)
          moderationConnection.setAccess(next.token, communityConnects(next));
        else openModeration(next);
      } else {
        moderationConnection?.setAccess(null, false);
      }
      changed();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onTokenSuspect(listener) {
      suspectListeners.add(listener);
      return () => suspectListeners.delete(listener);
    },
    requestPurge(space) {
      const open: Partial<Record<SpaceConnectionOptions['space'], SpaceConnection>> = {
        public: pub,
        community: communityConnection,
        directory: directoryConnection,
        moderation: moderationConnection,
      };
      const connection = open[space];
      if (!connection) return Promise.reject(new Error(`${space} is not open on this device`));
      return connection.requestPurge();
    },
    destroy() {
      offs.forEach((off) => off());
      listeners.clear();
      suspectListeners.clear();
      sync.destroy();
      communityConnection?.destroy();
      directoryConnection?.destroy();
      moderationConnection?.destroy();
      pub.destroy();
    },
  };
  if (access.mode !== 'guest') openCommunity(access);
  if (access.mode !== 'guest' && access.directory) openDirectory(access);
  if (opensModeration(access)) openModeration(access);
  return neighbourhood;
}
