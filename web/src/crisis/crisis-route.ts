/**
 * The crisis pages, chosen by the URL hash: `#crisis` (active alerts and the archive),
 * `#crisis/<id>` (one alert; the relay's feeds link there) and `#crisis-nieuw` (composer).
 */
export type CrisisRoute = { page: 'list' } | { page: 'alert'; id: string } | { page: 'compose' };

export function crisisRouteFromHash(hash: string): CrisisRoute | null {
  if (hash === '#crisis-nieuw') return { page: 'compose' };
  if (hash === '#crisis' || hash === '#crisis/') return { page: 'list' };
  const match = /^#crisis\/(.+)$/.exec(hash);
  if (!match) return null;
  try {
    const id = decodeURIComponent(match[1] ?? '');
    return id.length > 0 && id.length <= 100 ? { page: 'alert', id } : { page: 'list' };
  } catch {
    return { page: 'list' };
  }
}

export function alertHash(id: string): string {
  return `#crisis/${encodeURIComponent(id)}`;
}
