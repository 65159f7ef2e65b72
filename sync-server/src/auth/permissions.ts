/**
 * Who may read and write which space: DESIGN.md §3 as one pure table. Everything that
 * decides access (the upgrade check, the join API, the docs) reads it from here.
 */
import type { Role, SpaceName } from '@buurthub/shared';

export interface NeighbourhoodSettings {
  /** Kiosks may read `<nb>/community` (a buurthuis screen showing the agenda). */
  kioskReadsCommunity: boolean;
}

export const DEFAULT_SETTINGS: NeighbourhoodSettings = { kioskReadsCommunity: false };

export interface Permission {
  read: boolean;
  write: boolean;
}

/** "member" in DESIGN.md §3: resident and up, officials included. */
const MEMBERS: ReadonlySet<Role> = new Set(['resident', 'moderator', 'official']);

export function permissions(
  role: Role,
  space: SpaceName,
  settings: NeighbourhoodSettings = DEFAULT_SETTINGS,
): Permission {
  const member = MEMBERS.has(role);
  switch (space) {
    case 'public':
      // Crisis information is for everybody, also without an account.
      return { read: true, write: role === 'moderator' || role === 'official' };
    case 'community':
      return {
        read: member || (role === 'kiosk' && settings.kioskReadsCommunity),
        write: member,
      };
    case 'moderation':
      return { read: member, write: role === 'moderator' };
    case 'directory':
      // Profiles are personal data: members only, never a kiosk, whatever the settings.
      return { read: member, write: member };
  }
}
