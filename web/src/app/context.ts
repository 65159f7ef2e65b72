/**
 * Contexts through which components reach the model and platform services. Components
 * never receive Yjs types: only the typed model from `@buurthub/shared`.
 */
import type { CommunitySpace, DirectorySpace, PublicSpace } from '@buurthub/shared';
import { createContext } from '@lit/context';
import type { SyncStatus } from '../sync/sync-state.js';
import type { Sessions } from '../identity/session.js';
import type { IdentityService } from './identity.js';
import type { MediaUploads } from '../media/uploads.js';

export const communityContext = createContext<CommunitySpace | undefined>(Symbol('bh-community'));
/** The members' directory: undefined for guests and the kiosk, who never open it. */
export const directoryContext = createContext<DirectorySpace | undefined>(Symbol('bh-directory'));
export const publicContext = createContext<PublicSpace | undefined>(Symbol('bh-public'));
export const syncContext = createContext<SyncStatus | undefined>(Symbol('bh-sync'));
export const identityContext = createContext<IdentityService | undefined>(Symbol('bh-identity'));
export const sessionsContext = createContext<Sessions | undefined>(Symbol('bh-sessions'));
/** Photos of the opened neighbourhood: the device's copies and their uploads. */
export const mediaContext = createContext<MediaUploads | undefined>(Symbol('bh-media'));
