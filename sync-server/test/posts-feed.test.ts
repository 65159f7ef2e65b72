import { XMLValidator } from 'fast-xml-parser';
import { afterEach, describe, expect, it } from 'vitest';
import type { PostInput } from '@buurthub/shared';
import {
  expectNoElements,
  expectNoneVerbatim,
  get,
  parser,
  parseXml,
  revalidate,
} from './helpers/feeds.js';
import { anna, mieke, writeNeighbourhood } from './helpers/neighbourhood.js';
import { startRelay, type TestRelay } from './helpers/relay.js';

const NB = 'maasburen';

interface AtomEntry {
  id: string;
  title: { '#text': string; '@_type': string };
  content: { '#text': string; '@_type': string };
  updated: string;
  published: string;
  author: { name: string };
  link: { '@_rel': string; '@_href': string; '@_type': string }[];
}

const atom = (relay: TestRelay, nb = NB) => get(relay, `/nb/${nb}/posts.atom`);

function entries(xml: string): AtomEntry[] {
  return parseXml<{ feed: { entry?: AtomEntry[] } }>(xml).feed.entry ?? [];
}

const post = (title: string, extra: Partial<PostInput> = {}): PostInput => ({
  title,
  body: `Over ${title}.`,
  category: 'nieuws',
  visibility: 'public',
  ...extra,
});

describe('public posts as an Atom feed', () => {
  let relay: TestRelay;
  afterEach(() => relay?.dispose());

  it('lists public posts newest first with author, times and links back to the app', async () => {
    relay = await startRelay({ publicUrl: 'https://buurt.example.nl' });
    const ids: string[] = [];
    await writeNeighbourhood(relay.storage, NB, ({ community, pub }) => {
      pub.settings.set({ name: 'Maasburen', villages: [] }, mieke);
      ids.push(community.posts.create(post('Eerste bericht'), anna).id);
      ids.push(community.posts.create(post('Tweede bericht'), mieke).id);
    });
    const { status, headers, text } = await atom(relay);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(headers.get('etag')).toBeTruthy();
    const parsed = parser.parse(text) as { feed: { title: { '#text': string }; updated: string } };
    expect(parsed.feed.title['#text']).toBe('Maasburen – berichten');
    const list = entries(text);
    expect(list.map((e) => e.title['#text'])).toEqual(['Tweede bericht', 'Eerste bericht']);
    const [newest] = list;
    expect(newest!.author.name).toBe('Mieke (buurtverbinder)');
    expect(newest!.updated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(parsed.feed.updated).toBe(newest!.updated);
    expect(newest!.link[0]!['@_href']).toBe(
      `https://buurt.example.nl/nb/${NB}/#berichten/${ids[1]}`,
    );
    expect(newest!.content).toEqual({ '#text': 'Over Tweede bericht.', '@_type': 'text' });
  });

  it('leaves out members-only, hidden and removed posts', async () => {
    relay = await startRelay();
    await writeNeighbourhood(relay.storage, NB, ({ community, moderation }) => {
      community.posts.create(post('Voor iedereen'), anna);
      community.posts.create(post('Alleen leden', { visibility: 'members' }), anna);
      community.posts.create(
        { title: 'Zonder keuze', body: 'Standaard alleen leden.', category: 'verhaal' },
        anna,
      );
      const hidden = community.posts.create(post('Verborgen'), anna);
      moderation.hide(hidden.id, 'spam', mieke);
      const removed = community.posts.create(post('Weggehaald'), anna);
      community.posts.remove(removed.id, anna);
    });
    const { text } = await atom(relay);
    expect(entries(text).map((e) => e.title['#text'])).toEqual(['Voor iedereen']);
    for (const secret of ['Alleen leden', 'Zonder keuze', 'Verborgen', 'Weggehaald']) {
      expect(text).not.toContain(secret);
    }
  });

  it('leaves out a post enough neighbours reported until a moderator has looked at it', async () => {
    relay = await startRelay();
    let id = '';
    await writeNeighbourhood(relay.storage, NB, ({ community }) => {
      id = community.posts.create(post('Gemeld bericht'), anna).id;
      for (const reporter of ['r1', 'r2', 'r3']) {
        community.reports.report(
          id,
          { kind: 'post', reason: 'offensive' },
          { id: reporter, name: reporter, role: 'resident' },
        );
      }
    });
    expect(await atom(relay).then(({ text }) => text)).not.toContain('Gemeld bericht');
    // A day later, a moderator looks and keeps it.
    await writeNeighbourhood(
      relay.storage,
      NB,
      ({ moderation }) => moderation.dismiss(id, 'Geen probleem gevonden', mieke),
      Date.UTC(2026, 0, 11, 9, 0),
    );
    expect(entries((await atom(relay)).text).map((e) => e.title['#text'])).toEqual([
      'Gemeld bericht',
    ]);
  });

  it('shows script and HTML payloads in titles, bodies and names as text, never as markup', async () => {
    relay = await startRelay();
    const title = '<script>alert("titel")</script> & </title><entry>';
    const body =
      '<img src=x onerror=alert(1)> **vet** ]]> <![CDATA[ x ]]>\n\n[klik](javascript:alert(1)) <a href="https://evil.example">a</a>';
    await writeNeighbourhood(relay.storage, NB, ({ community }) => {
      community.posts.create(post(title, { body }), {
        ...anna,
        name: '<b onmouseover=alert(2)>Anna</b>',
      });
    });
    const { text } = await atom(relay);
    expectNoneVerbatim(text, ['<script', '<img', '<a ', '<b ', '<![CDATA[', '</title><entry>']);
    const [entry] = entries(text);
    expect(entry!.title).toEqual({ '#text': title, '@_type': 'text' });
    expect(entry!.author.name).toBe('<b onmouseover=alert(2)>Anna</b>');
    expect(entry!.content['@_type']).toBe('text');
    expect(entry!.content['#text']).toContain('<img src=x onerror=alert(1)>');
    expect(entry!.content['#text']).not.toContain('**');
    expectNoElements(parser.parse(text), ['script', 'img', 'a', 'b']);
  });

  it('keeps the feed to the 50 newest posts', async () => {
    relay = await startRelay();
    await writeNeighbourhood(relay.storage, NB, ({ community }) => {
      for (let i = 1; i <= 55; i++) community.posts.create(post(`Bericht ${i}`), anna);
    });
    const list = entries((await atom(relay)).text);
    expect(list).toHaveLength(50);
    expect(list[0]!.title['#text']).toBe('Bericht 55');
    expect(list.at(-1)!.title['#text']).toBe('Bericht 6');
  });

  it('links photos of a post as enclosures served from the blob store', async () => {
    relay = await startRelay({ publicUrl: 'https://buurt.example.nl' });
    const hash = 'a'.repeat(64);
    await writeNeighbourhood(relay.storage, NB, ({ community }) => {
      community.posts.create(
        post('Hoog water', {
          photos: [{ hash, type: 'image/jpeg', alt: 'De kade onder water', bytes: 2048 }],
        }),
        anna,
      );
    });
    const [entry] = entries((await atom(relay)).text);
    expect(entry!.link.find((l) => l['@_rel'] === 'enclosure')).toMatchObject({
      '@_href': `https://buurt.example.nl/blobs/${hash}`,
      '@_type': 'image/jpeg',
      '@_length': '2048',
      '@_title': 'De kade onder water',
    });
  });

  it('links a video link as a related page, not as an enclosure the relay would host', async () => {
    relay = await startRelay({ publicUrl: 'https://buurt.example.nl' });
    await writeNeighbourhood(relay.storage, NB, ({ community }) => {
      community.posts.create(
        post('Dijkbewaking', {
          photos: [
            {
              kind: 'video-link',
              url: 'https://vimeo.com/12345?a=1&b=2',
              title: 'Dijk "bij" nacht',
            },
          ],
        }),
        anna,
      );
    });
    const { text } = await atom(relay);
    expect(XMLValidator.validate(text)).toBe(true);
    const [entry] = entries(text);
    expect(entry!.link.filter((l) => l['@_rel'] === 'enclosure')).toEqual([]);
    expect(entry!.link.find((l) => l['@_rel'] === 'related')).toMatchObject({
      '@_href': 'https://vimeo.com/12345?a=1&b=2',
      '@_type': 'text/html',
      '@_title': 'Dijk "bij" nacht',
    });
  });

  it('answers 404 for an unknown neighbourhood and 304 when the feed did not change', async () => {
    relay = await startRelay();
    expect((await atom(relay, 'nergenshuizen')).status).toBe(404);
    await writeNeighbourhood(relay.storage, NB, ({ community }) => {
      community.posts.create(post('Iets'), anna);
    });
    const first = await atom(relay);
    const again = await revalidate(relay, `/nb/${NB}/posts.atom`, first);
    expect(again.status).toBe(304);
    expect((await fetch(`${relay.url}/nb/${NB}/posts.atom`, { method: 'POST' })).status).toBe(405);
  });
});
