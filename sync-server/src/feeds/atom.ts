/**
 * Public posts as an Atom 1.0 feed (RFC 4287), for `GET /nb/<nb>/posts.atom`: a pure
 * function from post views to XML. Everything a user wrote goes out as escaped text
 * (`<content type="text">`): no user HTML, no markup a feed reader would render.
 */
import { type PostView, isVideoLink } from '@buurthub/shared';
import { feedUrl, postUrl, postsPageUrl } from './links.js';
import { plainText } from './text.js';

/** Escapes text for XML content and attribute values, dropping characters XML forbids. */
export function escapeXml(value: string): string {
  return (
    value
      // XML 1.0 allows tab, newline, CR and U+0020 and up, minus lone surrogates and U+FFFE/F.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/** RFC 3339 in UTC, e.g. `2026-03-29T00:30:00Z` (milliseconds dropped). */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface AtomOptions {
  nb: string;
  name: string;
  publicUrl: string;
  /** Newest first, already limited and filtered to what is public. */
  posts: readonly PostView[];
  /** Fallback `<updated>` for an empty feed. */
  now: number;
}

const updatedAt = (post: PostView) => post.editedAt ?? post.createdAt;

function entry(post: PostView, options: AtomOptions): string {
  const url = escapeXml(postUrl(options.publicUrl, options.nb, post.id));
  const lines = [
    '  <entry>',
    `    <id>${url}</id>`,
    `    <title type="text">${escapeXml(post.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${url}"/>`,
    `    <published>${rfc3339(post.createdAt)}</published>`,
    `    <updated>${rfc3339(updatedAt(post))}</updated>`,
    `    <author><name>${escapeXml(post.author.name)}</name></author>`,
    `    <category term="${escapeXml(post.category)}"/>`,
  ];
  for (const photo of post.photos) {
    if (isVideoLink(photo)) {
      // A video elsewhere is a related link, not an enclosure: we do not host its bytes.
      lines.push(
        `    <link rel="related" type="text/html" href="${escapeXml(photo.url)}"` +
          (photo.title ? ` title="${escapeXml(photo.title)}"` : '') +
          '/>',
      );
      continue;
    }
    lines.push(
      `    <link rel="enclosure" type="${escapeXml(photo.type)}" length="${photo.bytes}"` +
        ` href="${escapeXml(`${options.publicUrl}/blobs/${photo.hash}`)}"` +
        (photo.alt ? ` title="${escapeXml(photo.alt)}"` : '') +
        '/>',
    );
  }
  lines.push(`    <content type="text">${escapeXml(plainText(post.body))}</content>`);
  lines.push('  </entry>');
  return lines.join('\n');
}

export function renderAtom(options: AtomOptions): string {
  const self = escapeXml(feedUrl(options.publicUrl, options.nb, 'posts.atom'));
  const updated = options.posts.reduce(
    (latest, post) => Math.max(latest, updatedAt(post)),
    options.posts.length ? 0 : options.now,
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">',
    `  <id>${self}</id>`,
    `  <title type="text">${escapeXml(`${options.name} – berichten`)}</title>`,
    `  <updated>${rfc3339(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${self}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(postsPageUrl(options.publicUrl, options.nb))}"/>`,
    '  <generator>Buurthub</generator>',
    ...options.posts.map((post) => entry(post, options)),
    '</feed>',
    '',
  ].join('\n');
}
