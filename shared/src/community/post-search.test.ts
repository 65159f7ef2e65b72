import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anna, fixedContext, gemeente } from '../test-support.js';
import { CommunitySpace } from './community-space.js';

function space() {
  const ctx = fixedContext();
  const community = new CommunitySpace(new Y.Doc(), ctx);
  const add = (
    title: string,
    body: string,
    category: 'nieuws' | 'activiteit' | 'gemeente' = 'nieuws',
    village?: string,
  ) => {
    ctx.advance(60_000);
    return community.posts.create(
      { title, body, category, ...(village ? { village } : {}) },
      category === 'gemeente' ? gemeente : anna,
    ).title;
  };
  add('Repair Café Molenhoek', 'Elke tweede zaterdag', 'activiteit', 'Molenhoek');
  add('Koffie in het dorpshuis', 'Met vlaai uit de BAKKERIJ', 'activiteit', 'Mook');
  add('Afvalkalender', 'Nieuwe ophaaldagen in Middelaar', 'gemeente', 'Middelaar');
  add('Fiets gevonden', 'Bij het café aan de Maas', 'nieuws', 'Mook');
  add('Ĳsbaan open', 'Schaatsen op de ijsbaan', 'nieuws', 'Plasmolen');
  return community;
}

const titles = (posts: { title: string }[]) => posts.map((p) => p.title);

describe('finding posts', () => {
  it('finds "cafe" in titles and bodies written with an accent, in any case', () => {
    const community = space();
    expect(titles(community.posts.list({ query: 'cafe' }))).toEqual([
      'Fiets gevonden',
      'Repair Café Molenhoek',
    ]);
    expect(titles(community.posts.list({ query: 'CAFÉ' }))).toHaveLength(2);
    expect(titles(community.posts.list({ query: 'bakkerij' }))).toEqual([
      'Koffie in het dorpshuis',
    ]);
  });

  it('needs every word of the query, in any order', () => {
    const community = space();
    expect(titles(community.posts.list({ query: 'maas fiets' }))).toEqual(['Fiets gevonden']);
    expect(titles(community.posts.list({ query: 'maas koffie' }))).toEqual([]);
  });

  it('matches the Dutch ĳ ligature with ij', () => {
    const community = space();
    expect(titles(community.posts.list({ query: 'ijsbaan' }))).toEqual(['Ĳsbaan open']);
  });

  it('filters by category, village and visibility, together with a query', () => {
    const community = space();
    expect(titles(community.posts.list({ category: 'activiteit' }))).toEqual([
      'Koffie in het dorpshuis',
      'Repair Café Molenhoek',
    ]);
    expect(titles(community.posts.list({ village: 'Mook' }))).toEqual([
      'Fiets gevonden',
      'Koffie in het dorpshuis',
    ]);
    expect(titles(community.posts.list({ village: 'Mook', query: 'café' }))).toEqual([
      'Fiets gevonden',
    ]);
    expect(titles(community.posts.list({ visibility: 'public' }))).toEqual(['Afvalkalender']);
    expect(community.posts.list({ query: '   ' })).toHaveLength(5);
  });

  it('does not find a removed post', () => {
    const community = space();
    const [fiets] = community.posts.list({ query: 'fiets' });
    community.posts.remove(fiets?.id ?? '', anna);
    expect(community.posts.list({ query: 'fiets' })).toEqual([]);
  });
});
