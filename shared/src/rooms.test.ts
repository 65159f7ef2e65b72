import { describe, expect, it } from 'vitest';
import { parseRoomName, roomName } from './rooms.js';

describe('room names', () => {
  it('accepts the four spaces of a neighbourhood', () => {
    expect(parseRoomName('maasburen/public')).toEqual({ nb: 'maasburen', space: 'public' });
    expect(parseRoomName('mook-2/moderation')).toEqual({ nb: 'mook-2', space: 'moderation' });
    expect(parseRoomName('mook-2/directory')).toEqual({ nb: 'mook-2', space: 'directory' });
    expect(roomName('maasburen', 'community')).toBe('maasburen/community');
  });

  it.each([
    'maasburen',
    'maasburen/private',
    'Maasburen/public',
    'm/public',
    `${'a'.repeat(41)}/public`,
    'maasburen/public/extra',
    '../public',
    'maas buren/public',
  ])('refuses %s', (name) => {
    expect(parseRoomName(name)).toBeNull();
  });

  it('refuses to build a room name from a bad slug', () => {
    expect(() => roomName('../etc', 'public')).toThrow(RangeError);
  });
});
