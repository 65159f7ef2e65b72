import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { NotFoundError, PermissionError } from '../errors.js';
import type { Author } from '../roles.js';
import { anna, bram, fixedContext } from '../test-support.js';
import { ValidationError } from '../validation.js';
import { CommunitySpace } from './community-space.js';
import { meet } from '../test-support/meet.js';

function space() {
  const community = new CommunitySpace(new Y.Doc(), fixedContext());
  const post = community.posts.create(
    { title: 'Soep', body: 'Voor iedereen', category: 'nieuws' },
    anna,
  );
  const comment = community.posts.comment(post.id, { body: 'Lekker!' }, bram);
  return { community, post, comment };
}

function commentOf(community: CommunitySpace, postId: string, commentId: string) {
  return community.posts.get(postId)?.comments.find((c) => c.id === commentId);
}

describe('reactions on comments', () => {
  it('counts one heart per member on a comment, and a second tap takes it back', () => {
    const { community, post, comment } = space();
    expect(community.posts.reactToComment(post.id, comment.id, 'heart', anna)).toBe(true);
    expect(community.posts.reactToComment(post.id, comment.id, 'heart', bram)).toBe(true);
    expect(community.posts.reactToComment(post.id, comment.id, 'thanks', anna)).toBe(true);
    expect(commentOf(community, post.id, comment.id)?.reactions).toEqual({
      heart: ['anna', 'bram'],
      thanks: ['anna'],
      helpful: [],
      laugh: [],
    });
    expect(community.posts.reactToComment(post.id, comment.id, 'heart', anna)).toBe(false);
    expect(commentOf(community, post.id, comment.id)?.reactions.heart).toEqual(['bram']);
    // The post's own reactions are separate.
    expect(community.posts.get(post.id)?.reactions.heart).toEqual([]);
  });

  it('reacts to an answer in a thread', () => {
    const { community, post, comment } = space();
    const answer = community.posts.comment(post.id, { body: 'Zeker', parentId: comment.id }, anna);
    community.posts.reactToComment(post.id, answer.id, 'helpful', bram, true);
    community.posts.reactToComment(post.id, answer.id, 'helpful', bram, true);
    expect(commentOf(community, post.id, answer.id)?.reactions.helpful).toEqual(['bram']);
  });

  it('takes a comment reaction back by writing false, never by deleting the key', () => {
    const { community, post, comment } = space();
    community.posts.reactToComment(post.id, comment.id, 'laugh', anna);
    community.posts.reactToComment(post.id, comment.id, 'laugh', anna);
    const stored = (
      (community.doc.getMap('posts').get(post.id) as Y.Map<unknown>).get('comments') as Y.Map<
        Y.Map<unknown>
      >
    ).get(comment.id);
    expect((stored?.get('reactions') as Y.Map<unknown>).toJSON()).toEqual({ 'laugh:anna': false });
  });

  it('refuses unknown kinds, guests and removed comments', () => {
    const { community, post, comment } = space();
    const guest: Author = { id: 'g', name: 'Bezoeker', role: 'guest' };
    expect(() =>
      community.posts.reactToComment(post.id, comment.id, 'angry' as never, anna),
    ).toThrow(ValidationError);
    expect(() => community.posts.reactToComment(post.id, comment.id, 'heart', guest)).toThrow(
      PermissionError,
    );
    expect(() => community.posts.reactToComment(post.id, 'nope', 'heart', anna)).toThrow(
      NotFoundError,
    );
    community.posts.removeComment(post.id, comment.id, bram);
    expect(() => community.posts.reactToComment(post.id, comment.id, 'heart', anna)).toThrow(
      NotFoundError,
    );
  });

  it('keeps both hearts given to one comment at the same time on two devices', () => {
    const { community: a, post, comment } = space();
    const b = new CommunitySpace(new Y.Doc(), fixedContext());
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    a.posts.reactToComment(post.id, comment.id, 'heart', anna);
    b.posts.reactToComment(post.id, comment.id, 'heart', bram);
    meet(a.doc, b.doc);
    expect(commentOf(a, post.id, comment.id)?.reactions.heart).toEqual(['anna', 'bram']);
    expect(commentOf(b, post.id, comment.id)?.reactions.heart).toEqual(['anna', 'bram']);
  });

  it('reads comments from before comment reactions existed as having none', () => {
    const { community, post, comment } = space();
    expect(commentOf(community, post.id, comment.id)?.reactions).toEqual({
      heart: [],
      thanks: [],
      helpful: [],
      laugh: [],
    });
  });
});
