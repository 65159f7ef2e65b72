import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PermissionError } from '../errors.js';
import { anna, bram, fixedContext, gemeente } from '../test-support.js';
import { ValidationError } from '../validation.js';
import { CommunitySpace } from './community-space.js';

const photo = (n: number) => ({
  hash: n.toString(16).padStart(64, '0'),
  type: 'image/jpeg' as const,
  alt: `Foto ${n} van de dijk`,
  bytes: 200_000,
});

function space() {
  return new CommunitySpace(new Y.Doc(), fixedContext());
}

describe('post visibility and photos', () => {
  it('keeps a resident’s post for members unless they make it public', () => {
    const community = space();
    const post = community.posts.create(
      { title: 'Ladder', body: 'Wie?', category: 'vraag-aanbod' },
      anna,
    );
    expect(post.visibility).toBe('members');
    const open = community.posts.create(
      { title: 'Rommelmarkt', body: 'Zaterdag', category: 'activiteit', visibility: 'public' },
      anna,
    );
    expect(open.visibility).toBe('public');
    expect(community.posts.edit(post.id, { visibility: 'public' }, anna).visibility).toBe('public');
  });

  it('makes a post from the gemeente public by default', () => {
    const community = space();
    const news = community.posts.create(
      { title: 'Afvalkalender 2027', body: 'Staat online', category: 'gemeente' },
      gemeente,
    );
    expect(news.visibility).toBe('public');
  });

  it('does not let a resident move a post into the category "van de gemeente"', () => {
    const community = space();
    const post = community.posts.create({ title: 'Hoi', body: 'x', category: 'nieuws' }, anna);
    expect(() => community.posts.edit(post.id, { category: 'gemeente' }, anna)).toThrow(
      PermissionError,
    );
  });

  it('reads a post from before visibility existed as members-only', () => {
    const community = space();
    const post = community.posts.create(
      { title: 'Oud', body: 'x', category: 'gemeente' },
      gemeente,
    );
    (community.doc.getMap('posts').get(post.id) as Y.Map<unknown>).delete('visibility');
    expect(community.posts.get(post.id)?.visibility).toBe('members');
  });

  it('shows up to eight photos in the order they were added', () => {
    const community = space();
    const photos = [1, 2, 3].map(photo);
    const post = community.posts.create(
      { title: 'Dijk', body: 'Zo staat het water', category: 'nieuws', photos },
      anna,
    );
    expect(post.photos).toEqual(photos);
    expect(() =>
      community.posts.create(
        {
          title: 'Te veel',
          body: 'x',
          category: 'nieuws',
          photos: [...Array(9).keys()].map(photo),
        },
        anna,
      ),
    ).toThrow(ValidationError);
  });

  it('refuses a photo without alt text or with a malformed hash', () => {
    const community = space();
    const make = (p: object) =>
      community.posts.create(
        { title: 'x', body: 'x', category: 'nieuws', photos: [p as never] },
        anna,
      );
    expect(() => make({ ...photo(1), alt: '  ' })).toThrow(ValidationError);
    expect(() => make({ ...photo(1), alt: undefined })).toThrow(ValidationError);
    expect(() => make({ ...photo(1), hash: 'ABC' })).toThrow(ValidationError);
    expect(() => make({ ...photo(1), type: 'image/svg+xml' })).toThrow(ValidationError);
    // A short video needs a description too (see post-video.test.ts).
    const video = { hash: 'f'.repeat(64), type: 'video/mp4' as const, bytes: 4_000_000 };
    expect(() => make(video)).toThrow(ValidationError);
    expect(make({ ...video, alt: 'De dijk bij Mook' }).photos).toEqual([
      { ...video, alt: 'De dijk bij Mook' },
    ]);
  });

  it('hides a malformed photo from another client but keeps the post', () => {
    const community = space();
    const post = community.posts.create(
      { title: 'Dijk', body: 'x', category: 'nieuws', photos: [photo(1)] },
      anna,
    );
    const stored = community.doc.getMap('posts').get(post.id) as Y.Map<unknown>;
    stored.set('photos', [photo(1), { hash: 'javascript:alert(1)', type: 'image/png', bytes: 1 }]);
    expect(community.posts.get(post.id)?.photos).toEqual([photo(1)]);
  });

  it('keeps nothing of a removed post but its id and when it was removed', () => {
    const community = space();
    const post = community.posts.create(
      { title: 'Dijk', body: 'x', category: 'nieuws', photos: [photo(1)] },
      anna,
    );
    expect(() => community.posts.remove(post.id, bram)).toThrow(PermissionError);
    community.posts.remove(post.id, anna);
    const stored = community.doc.getMap('posts').get(post.id) as Y.Map<unknown>;
    expect([...stored.keys()].sort()).toEqual(['deletedAt', 'id']);
  });
});
