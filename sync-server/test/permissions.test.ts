import { describe, expect, it } from 'vitest';
import { ROLES, SPACE_NAMES, type Role, type SpaceName } from '@buurthub/shared';
import { permissions } from '../src/index.js';

/** DESIGN.md §3 (plus the directory space, docs/architecture.md), written out by hand: [read, write] per role and space. */
const TABLE: Record<Role, Record<SpaceName, [boolean, boolean]>> = {
  guest: {
    public: [true, false],
    community: [false, false],
    moderation: [false, false],
    directory: [false, false],
  },
  kiosk: {
    public: [true, false],
    community: [false, false],
    moderation: [false, false],
    directory: [false, false],
  },
  resident: {
    public: [true, false],
    community: [true, true],
    moderation: [true, false],
    directory: [true, true],
  },
  moderator: {
    public: [true, true],
    community: [true, true],
    moderation: [true, true],
    directory: [true, true],
  },
  official: {
    public: [true, true],
    community: [true, true],
    moderation: [true, false],
    directory: [true, true],
  },
};

describe('the permission table', () => {
  for (const role of ROLES) {
    for (const space of SPACE_NAMES) {
      const [read, write] = TABLE[role][space];
      it(`lets a ${role} ${read ? 'read' : 'not read'} and ${write ? 'write' : 'not write'} ${space}`, () => {
        expect(permissions(role, space, { kioskReadsCommunity: false })).toEqual({ read, write });
      });
    }
  }

  it('lets a kiosk read community only where the neighbourhood allows it, never write', () => {
    expect(permissions('kiosk', 'community', { kioskReadsCommunity: true })).toEqual({
      read: true,
      write: false,
    });
    // Profiles are personal data: a kiosk never reads the directory, whatever the setting.
    expect(permissions('kiosk', 'directory', { kioskReadsCommunity: true })).toEqual({
      read: false,
      write: false,
    });
    for (const role of ROLES.filter((r) => r !== 'kiosk')) {
      for (const space of SPACE_NAMES) {
        expect(permissions(role, space, { kioskReadsCommunity: true })).toEqual(
          permissions(role, space, { kioskReadsCommunity: false }),
        );
      }
    }
  });

  it('never lets anyone write what they cannot read', () => {
    for (const role of ROLES) {
      for (const space of SPACE_NAMES) {
        for (const kioskReadsCommunity of [false, true]) {
          const p = permissions(role, space, { kioskReadsCommunity });
          expect(!p.write || p.read).toBe(true);
        }
      }
    }
  });
});
