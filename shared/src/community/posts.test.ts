import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { NotFoundError, PermissionError } from '../errors.js';
import { SCHEMA_VERSION } from '../schema-version.js';
import { anna, bram, fixedContext, gemeente, mod } from '../test-support.js';
import { ValidationError } from '../validation.js';
import { CommunitySpace } from './community-space.js';
import { meet } from '../test-support/meet.js';

function space() {
  const ctx = fixedContext();
  return { ctx, community: new CommunitySpace(new Y.Doc(), ctx) };
}

describe('posts', () => {
  it('gives the same post object until that post changes, so a feed redraws only what changed', () => {
    const { community } = space();
    const a = community.posts.create(
      { title: 'Ladder te leen', body: 'a', category: 'nieuws' },
      anna,
    );
    const b = community.posts.create({ title: 'Kat gezien', body: 'b', category: 'nieuws' }, bram);
    const before = community.posts.list();
    expect(community.posts.list()).toEqual(before);
    expect(community.posts.get(a.id)).toBe(community.posts.get(a.id));

    community.posts.comment(a.id, { body: 'Mag ik hem zaterdag?' }, bram);
    const after = community.posts.list();
    expect(after.find((p) => p.id === b.id)).toBe(before.find((p) => p.id === b.id));
    const changed = after.find((p) => p.id === a.id);
    expect(changed).not.toBe(before.find((p) => p.id === a.id));
    expect(changed?.comments.map((c) => c.body)).toEqual(['Mag ik hem zaterdag?']);

    // A change arriving from another device is seen too.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(community.doc));
    new CommunitySpace(other, fixedContext()).posts.react(b.id, 'heart', anna);
    Y.applyUpdate(community.doc, Y.encodeStateAsUpdate(other));
    expect(community.posts.get(b.id)?.reactions.heart).toEqual([anna.id]);
    expect(community.posts.list({ query: 'KAT' }).map((p) => p.id)).toEqual([b.id]);
  });

  it('shows a new post with its author, category and time', () => {
    const { community } = space();
    const post = community.posts.create(
      {
        title: ' Fietsen gevonden ',
        body: 'Bij de kerk in Mook.',
        category: 'vraag-aanbod',
        village: 'Mook',
      },
      anna,
    );
    expect(post).toMatchObject({
      title: 'Fietsen gevonden',
      body: 'Bij de kerk in Mook.',
      category: 'vraag-aanbod',
      village: 'Mook',
      author: anna,
      createdAt: Date.UTC(2026, 10, 28, 9, 0),
      comments: [],
    });
    expect(community.posts.list().map((p) => p.id)).toEqual([post.id]);
  });

  it('lists the newest post first', () => {
    const { community, ctx } = space();
    const first = community.posts.create({ title: 'Eerste', body: 'a', category: 'nieuws' }, anna);
    ctx.advance(60_000);
    const second = community.posts.create({ title: 'Tweede', body: 'b', category: 'nieuws' }, bram);
    expect(community.posts.list().map((p) => p.id)).toEqual([second.id, first.id]);
  });

  it('marks an edited post with the time of the edit', () => {
    const { community, ctx } = space();
    const post = community.posts.create(
      { title: 'Koffie', body: 'Dinsdag', category: 'activiteit' },
      anna,
    );
    ctx.advance(5_000);
    const edited = community.posts.edit(post.id, { body: 'Woensdag' }, anna);
    expect(edited.body).toBe('Woensdag');
    expect(edited.title).toBe('Koffie');
    expect(edited.editedAt).toBe(post.createdAt + 5_000);
  });

  it('lets only the author or a moderator edit or remove a post', () => {
    const { community } = space();
    const post = community.posts.create(
      { title: 'Koffie', body: 'Dinsdag', category: 'activiteit' },
      anna,
    );
    expect(() => community.posts.edit(post.id, { body: 'Gehackt' }, bram)).toThrow(PermissionError);
    expect(() => community.posts.remove(post.id, bram)).toThrow(PermissionError);
    community.posts.remove(post.id, mod);
    expect(community.posts.list()).toEqual([]);
    expect(community.posts.get(post.id)).toBeNull();
  });

  it('keeps comments under their post, oldest first', () => {
    const { community, ctx } = space();
    const post = community.posts.create(
      { title: 'Wie heeft een ladder?', body: '3 meter', category: 'vraag-aanbod' },
      anna,
    );
    community.posts.comment(post.id, { body: 'Ik, kom maar halen' }, bram);
    ctx.advance(1_000);
    community.posts.comment(post.id, { body: 'Dank je!' }, anna);
    const comments = community.posts.get(post.id)?.comments ?? [];
    expect(comments.map((c) => [c.author.id, c.body])).toEqual([
      ['bram', 'Ik, kom maar halen'],
      ['anna', 'Dank je!'],
    ]);
  });

  it('refuses a comment on a post that does not exist', () => {
    const { community } = space();
    expect(() => community.posts.comment('nope', { body: 'Hallo' }, anna)).toThrow(NotFoundError);
  });

  it('rejects an empty title and an unknown category with a clear error per field', () => {
    const { community } = space();
    let error: unknown;
    try {
      community.posts.create({ title: '   ', body: 'tekst', category: 'spam' as never }, anna);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const issues = (error as ValidationError).issues;
    expect(issues.map((i) => i.path).sort()).toEqual(['category', 'title']);
    expect((error as Error).message).toMatch(/title/);
    expect(community.posts.list()).toEqual([]);
  });

  it('checks a draft without writing it', () => {
    const { community } = space();
    expect(() => community.posts.validate({ title: '', body: '', category: 'nieuws' })).toThrow(
      ValidationError,
    );
    community.posts.validate({ title: 'Hoi', body: 'Tekst', category: 'nieuws' });
    expect(community.posts.list()).toEqual([]);
  });

  it('rejects a body that is too long', () => {
    const { community } = space();
    expect(() =>
      community.posts.create(
        { title: 'Lang', body: 'x'.repeat(10_001), category: 'verhaal' },
        anna,
      ),
    ).toThrow(ValidationError);
  });

  it('reserves the category "van de gemeente" for officials', () => {
    const { community } = space();
    expect(() =>
      community.posts.create({ title: 'Afvalkalender', body: 'Nieuw', category: 'gemeente' }, anna),
    ).toThrow(PermissionError);
    expect(
      community.posts.create(
        { title: 'Afvalkalender', body: 'Nieuw', category: 'gemeente' },
        gemeente,
      ).category,
    ).toBe('gemeente');
  });

  it('lets a moderator write a question down for a visitor, marked with who it is for, and no one else', () => {
    const { community } = space();
    const post = community.posts.create(
      {
        title: 'Wie kan mijn heg knippen?',
        body: 'Ik kan zelf niet meer op de ladder.',
        category: 'vraag-aanbod',
        onBehalfOf: 'Tineke',
      },
      mod,
    );
    expect(community.posts.get(post.id)).toMatchObject({ onBehalfOf: 'Tineke', author: mod });
    expect(() =>
      community.posts.create(
        { title: 'Namens de buurman', body: 'x', category: 'nieuws', onBehalfOf: 'Kees' },
        anna,
      ),
    ).toThrow(PermissionError);
    // Who it was written for is fixed: an edit cannot change it.
    community.posts.edit(post.id, { onBehalfOf: 'Kees' } as never, mod);
    expect(community.posts.get(post.id)?.onBehalfOf).toBe('Tineke');
  });

  it('stamps the schema version on the first write', () => {
    const { community } = space();
    community.posts.create({ title: 'Hoi', body: 'Eerste bericht', category: 'nieuws' }, anna);
    expect(community.doc.getMap('meta').toJSON()).toEqual({
      schemaVersion: SCHEMA_VERSION,
      space: 'community',
    });
  });

  it('skips a malformed post written by another client instead of failing the feed', () => {
    const { community } = space();
    community.posts.create({ title: 'Goed', body: 'bericht', category: 'nieuws' }, anna);
    const bad = new Y.Map<unknown>();
    bad.set('title', 42);
    community.doc.getMap('posts').set('bad', bad);
    community.doc.getMap('posts').set('worse', 'not a map' as never);
    expect(community.posts.list().map((p) => p.title)).toEqual(['Goed']);
  });

  it('merges posts and comments written concurrently on two devices', () => {
    const a = new CommunitySpace(new Y.Doc(), fixedContext());
    const b = new CommunitySpace(new Y.Doc(), {
      ...fixedContext(),
      newId: () => crypto.randomUUID(),
    });
    const shared = a.posts.create(
      { title: 'Buurtfeest', body: 'Zaterdag', category: 'activiteit' },
      anna,
    );
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    a.posts.comment(shared.id, { body: 'Ik neem taart mee' }, anna);
    b.posts.comment(shared.id, { body: 'Ik breng stoelen' }, bram);
    b.posts.create({ title: 'Losse post', body: 'van b', category: 'nieuws' }, bram);
    meet(a.doc, b.doc);
    expect(a.posts.list()).toEqual(b.posts.list());
    expect(a.posts.get(shared.id)?.comments).toHaveLength(2);
  });

  it('tells observers about new comments', () => {
    const { community } = space();
    const post = community.posts.create({ title: 'Hoi', body: 'x', category: 'nieuws' }, anna);
    let calls = 0;
    const stop = community.posts.observe(() => calls++);
    community.posts.comment(post.id, { body: 'Reactie' }, bram);
    stop();
    community.posts.comment(post.id, { body: 'Nog een' }, bram);
    expect(calls).toBe(1);
  });
});
