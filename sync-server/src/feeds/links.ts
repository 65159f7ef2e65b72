/**
 * Links from feeds back into the PWA. The app routes inside the page with the hash
 * (`/nb/<nb>/#berichten`, web/src/app/route.ts); an item is `#agenda/<id>` or
 * `#berichten/<id>` after it.
 */
const base = (publicUrl: string, nb: string) => `${publicUrl.replace(/\/+$/, '')}/nb/${nb}/`;

export const eventUrl = (publicUrl: string, nb: string, id: string): string =>
  `${base(publicUrl, nb)}#agenda/${encodeURIComponent(id)}`;

export const postUrl = (publicUrl: string, nb: string, id: string): string =>
  `${base(publicUrl, nb)}#berichten/${encodeURIComponent(id)}`;

export const postsPageUrl = (publicUrl: string, nb: string): string =>
  `${base(publicUrl, nb)}#berichten`;

export const feedUrl = (publicUrl: string, nb: string, file: 'events.ics' | 'posts.atom'): string =>
  `${base(publicUrl, nb)}${file}`;

/** An alert's page in the PWA: `<public-url>/nb/<nb>/#crisis/<id>`. */
export const crisisUrl = (publicUrl: string, nb: string, id: string): string =>
  `${base(publicUrl, nb)}#crisis/${encodeURIComponent(id)}`;

/** The relay's own crisis pages and documents, outside the PWA. */
export const crisisFeedUrl = (
  publicUrl: string,
  nb: string,
  file: 'crisis' | 'crisis.atom' | 'cap.xml',
): string => `${base(publicUrl, nb)}${file}`;

/** One alert's current CAP message. */
export const capUrl = (publicUrl: string, nb: string, id: string): string =>
  `${base(publicUrl, nb)}cap/${encodeURIComponent(id)}.xml`;
