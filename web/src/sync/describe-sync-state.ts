/** The words the sync indicator uses for a state, in the current UI language. */
import { formatTime, t } from '../i18n/i18n.js';
import type { SyncState } from './sync-state.js';

export function describeSyncState(s: SyncState): string {
  const parts: string[] = [];
  if (s.connection === 'offline') parts.push(t('sync.offline'));
  else if (s.connection === 'connecting') parts.push(t('sync.connecting'));
  else if (s.syncing) parts.push(t('sync.syncing'));
  else parts.push(t('sync.online'));
  if (s.pending > 0) parts.push(t('sync.pending', { count: s.pending }));
  else if (s.lastSavedAt !== null && s.connection === 'online' && !s.syncing) {
    parts.push(t('sync.savedAt', { time: formatTime(s.lastSavedAt) }));
  }
  return parts.join(' · ');
}
