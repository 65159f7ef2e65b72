/**
 * Room names (contract, DESIGN.md §3, docs/protocol.md): one neighbourhood is four Yjs
 * documents, `<nb>/public`, `<nb>/community`, `<nb>/moderation` and `<nb>/directory` (the
 * member directory: personal data kept apart from what kiosks may read; see
 * docs/architecture.md, "Directory and personal data").
 */

export const SPACE_NAMES = ['public', 'community', 'moderation', 'directory'] as const;
export type SpaceName = (typeof SPACE_NAMES)[number];

const SLUG = /^[a-z0-9-]{2,40}$/;

/** A neighbourhood slug: lowercase letters, digits and dashes, 2 to 40 long. */
export function isNeighbourhoodSlug(value: string): boolean {
  return SLUG.test(value);
}

export function isSpaceName(value: string): value is SpaceName {
  return (SPACE_NAMES as readonly string[]).includes(value);
}

export function roomName(nb: string, space: SpaceName): string {
  if (!isNeighbourhoodSlug(nb)) throw new RangeError(`Invalid neighbourhood slug: ${nb}`);
  return `${nb}/${space}`;
}

/** Parses `<nb>/<space>`; anything else (extra segments, bad slug, unknown space) is null. */
export function parseRoomName(name: string): { nb: string; space: SpaceName } | null {
  const parts = name.split('/');
  if (parts.length !== 2) return null;
  const [nb, space] = parts as [string, string];
  if (!isNeighbourhoodSlug(nb) || !isSpaceName(space)) return null;
  return { nb, space };
}
