import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { NotFoundError, PermissionError } from '../errors.js';
import { anna, bram, fixedContext, mod } from '../test-support.js';
import { ValidationError } from '../validation.js';
import { CommunitySpace } from './community-space.js';
import { meet } from '../test-support/meet.js';

function space() {
  const ctx = fixedContext();
  const community = new CommunitySpace(new Y.Doc(), ctx);
  const post = community.posts.create(
    { title: 'Wie heeft een ladder?', body: '3 meter', category: 'vraag-aanbod' },
    anna,
  );
  return { ctx, community, post };
}

describe('comments and answers', () => {
  it('shows an answer directly under the comment it answers', () => {
    const { community, post, ctx } = space();
    const first = community.posts.comment(post.id, { body: 'Ik heb er een' }, bram);
    ctx.advance(1_000);
    const second = community.posts.comment(post.id, { body: 'Ik ook' }, mod);
    ctx.advance(1_000);
    const answer = community.posts.comment(
      post.id,
      { body: 'Top, ik kom hem halen', parentId: first.id },
      anna,
    );
    expect(answer.parentId).toBe(first.id);
    expect(community.posts.get(post.id)?.comments.map((c) => c.body)).toEqual([
      'Ik heb er een',
      'Top, ik kom hem halen',
      'Ik ook',
    ]);
    expect(second.parentId).toBeUndefined();
  });

  it('keeps threads one level deep', () => {
    const { community, post } = space();
    const first = community.posts.comment(post.id, { body: 'Ik heb er een' }, bram);
    const answer = community.posts.comment(post.id, { body: 'Fijn', parentId: first.id }, anna);
    expect(() =>
      community.posts.comment(post.id, { body: 'Dieper', parentId: answer.id }, bram),
    ).toThrow(ValidationError);
    expect(() =>
      community.posts.comment(post.id, { body: 'Aan niemand', parentId: 'nope' }, bram),
    ).toThrow(NotFoundError);
  });

  it('lets the author edit a comment and shows that it was edited', () => {
    const { community, post, ctx } = space();
    const comment = community.posts.comment(post.id, { body: 'Ik heb er een' }, bram);
    ctx.advance(30_000);
    const edited = community.posts.editComment(post.id, comment.id, { body: 'Twee zelfs' }, bram);
    expect(edited).toMatchObject({ body: 'Twee zelfs', editedAt: comment.createdAt + 30_000 });
    expect(() =>
      community.posts.editComment(post.id, comment.id, { body: 'Gehackt' }, anna),
    ).toThrow(PermissionError);
    expect(() => community.posts.editComment(post.id, comment.id, { body: ' ' }, bram)).toThrow(
      ValidationError,
    );
    expect(community.posts.editComment(post.id, comment.id, { body: 'Nette taal' }, mod).body).toBe(
      'Nette taal',
    );
  });

  it('removes a comment for everyone, by its author or a moderator only', () => {
    const { community, post } = space();
    const comment = community.posts.comment(post.id, { body: 'Oeps' }, bram);
    expect(() => community.posts.removeComment(post.id, comment.id, anna)).toThrow(PermissionError);
    community.posts.removeComment(post.id, comment.id, bram);
    expect(community.posts.get(post.id)?.comments).toEqual([]);
    const stored = (
      (community.doc.getMap('posts').get(post.id) as Y.Map<unknown>).get('comments') as Y.Map<
        Y.Map<unknown>
      >
    ).get(comment.id);
    expect(stored?.get('body')).toBe('');
    expect(() => community.posts.editComment(post.id, comment.id, { body: 'x' }, bram)).toThrow(
      NotFoundError,
    );
  });

  it('keeps the answers of a removed comment under a placeholder', () => {
    const { community, post } = space();
    const first = community.posts.comment(post.id, { body: 'Onaardig' }, bram);
    community.posts.comment(post.id, { body: 'Doe eens normaal', parentId: first.id }, anna);
    community.posts.removeComment(post.id, first.id, mod);
    const comments = community.posts.get(post.id)?.comments ?? [];
    expect(comments.map((c) => [c.body, c.removed ?? false])).toEqual([
      ['', true],
      ['Doe eens normaal', false],
    ]);
    expect(() =>
      community.posts.comment(post.id, { body: 'Nog een', parentId: first.id }, anna),
    ).toThrow(NotFoundError);
  });

  it('merges answers written on two devices to the same comment', () => {
    const { community: a, post } = space();
    const first = a.posts.comment(post.id, { body: 'Ik heb er een' }, bram);
    const b = new CommunitySpace(new Y.Doc(), { ...fixedContext(), newId: () => 'from-b' });
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    a.posts.comment(post.id, { body: 'Dank je', parentId: first.id }, anna);
    b.posts.comment(post.id, { body: 'Ik ook', parentId: first.id }, mod);
    meet(a.doc, b.doc);
    expect(a.posts.get(post.id)?.comments).toEqual(b.posts.get(post.id)?.comments);
    expect(a.posts.get(post.id)?.comments).toHaveLength(3);
  });
});
