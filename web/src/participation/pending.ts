/**
 * Whether something this device wrote is still waiting for the relay: written after the
 * relay last confirmed everything as stored, while changes are still unconfirmed. The
 * sync state counts unconfirmed changes per device, not per item, so this is the honest
 * reading of it for an item with a creation time.
 */
import type { SyncState } from '../sync/sync-state.js';

export function waitsForRelay(
  createdAt: number,
  ownItem: boolean,
  state: Pick<SyncState, 'pending' | 'lastSavedAt'> | undefined,
): boolean {
  if (!ownItem || !state || state.pending === 0) return false;
  return state.lastSavedAt === null || createdAt > state.lastSavedAt;
}
