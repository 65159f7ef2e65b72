import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { NotFoundError, PermissionError } from '../errors.js';
import type { Author } from '../roles.js';
import { anna, bram, fixedContext } from '../test-support.js';
import { ValidationError } from '../validation.js';
import { CommunitySpace } from './community-space.js';
import { REACTIONS } from './reactions.js';
import { meet } from '../test-support/meet.js';

function space() {
  const community = new CommunitySpace(new Y.Doc(), fixedContext());
  const post = community.posts.create(
    { title: 'Soep', body: 'Voor iedereen', category: 'nieuws' },
    anna,
  );
  return { community, post };
}

describe('reactions', () => {
  it('counts one heart per member, and a second tap takes it back', () => {
    const { community, post } = space();
    expect(community.posts.react(post.id, 'heart', bram)).toBe(true);
    expect(community.posts.react(post.id, 'thanks', bram)).toBe(true);
    expect(community.posts.react(post.id, 'heart', anna)).toBe(true);
    expect(community.posts.get(post.id)?.reactions).toEqual({
      heart: ['anna', 'bram'],
      thanks: ['bram'],
      helpful: [],
      laugh: [],
    });
    expect(community.posts.react(post.id, 'heart', bram)).toBe(false);
    expect(community.posts.get(post.id)?.reactions.heart).toEqual(['anna']);
  });

  it('sets a reaction explicitly, so a double tap offline does not undo it', () => {
    const { community, post } = space();
    community.posts.react(post.id, 'helpful', bram, true);
    community.posts.react(post.id, 'helpful', bram, true);
    expect(community.posts.get(post.id)?.reactions.helpful).toEqual(['bram']);
  });

  it('takes a reaction back by writing false, never by deleting the key', () => {
    const { community, post } = space();
    community.posts.react(post.id, 'laugh', bram);
    community.posts.react(post.id, 'laugh', bram);
    const reactions = (community.doc.getMap('posts').get(post.id) as Y.Map<unknown>).get(
      'reactions',
    ) as Y.Map<unknown>;
    expect(reactions.toJSON()).toEqual({ 'laugh:bram': false });
  });

  it('refuses unknown kinds, guests and removed posts', () => {
    const { community, post } = space();
    const guest: Author = { id: 'g', name: 'Bezoeker', role: 'guest' };
    expect(() => community.posts.react(post.id, 'angry' as never, bram)).toThrow(ValidationError);
    expect(() => community.posts.react(post.id, 'heart', guest)).toThrow(PermissionError);
    community.posts.remove(post.id, anna);
    expect(() => community.posts.react(post.id, 'heart', bram)).toThrow(NotFoundError);
  });

  it('ignores reaction keys another client made up', () => {
    const { community, post } = space();
    const reactions = (community.doc.getMap('posts').get(post.id) as Y.Map<unknown>).get(
      'reactions',
    ) as Y.Map<unknown>;
    reactions.set('angry:bram', true);
    reactions.set('heart:', true);
    reactions.set('heart:anna', 'yes');
    reactions.set('thanks:anna:2', true);
    expect(community.posts.get(post.id)?.reactions).toEqual({
      heart: [],
      thanks: ['anna:2'],
      helpful: [],
      laugh: [],
    });
  });

  it('gives a post from before reactions existed its reactions on the first tap', () => {
    const { community, post } = space();
    (community.doc.getMap('posts').get(post.id) as Y.Map<unknown>).delete('reactions');
    expect(community.posts.get(post.id)?.reactions.heart).toEqual([]);
    community.posts.react(post.id, 'heart', bram);
    expect(community.posts.get(post.id)?.reactions.heart).toEqual(['bram']);
  });

  it('converges when many members react and take back on two devices (seeded)', () => {
    const seed = 4242;
    let state = seed;
    const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const { community: a, post } = space();
    const b = new CommunitySpace(new Y.Doc(), fixedContext());
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    for (let i = 0; i < 60; i++) {
      const member: Author = { id: `m${Math.floor(random() * 6)}`, name: 'Buur', role: 'resident' };
      const kind = REACTIONS[Math.floor(random() * REACTIONS.length)] ?? 'heart';
      (random() < 0.5 ? a : b).posts.react(post.id, kind, member);
      if (random() < 0.15) {
        meet(a.doc, b.doc);
      }
    }
    meet(a.doc, b.doc);
    expect(b.posts.get(post.id)?.reactions, `seed ${seed}`).toEqual(
      a.posts.get(post.id)?.reactions,
    );
  });

  it('keeps both hearts given at the same time on two devices', () => {
    const { community: a, post } = space();
    const b = new CommunitySpace(new Y.Doc(), fixedContext());
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    a.posts.react(post.id, 'heart', anna);
    b.posts.react(post.id, 'heart', bram);
    meet(a.doc, b.doc);
    expect(a.posts.get(post.id)?.reactions.heart).toEqual(['anna', 'bram']);
    expect(b.posts.get(post.id)?.reactions.heart).toEqual(['anna', 'bram']);
  });
});
