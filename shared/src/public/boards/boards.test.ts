import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PermissionError } from '../../errors.js';
import { anna, fixedContext, gemeente, mod } from '../../test-support.js';
import { ValidationError } from '../../validation.js';
import { PublicSpace } from '../public-space.js';
import { type BoardNode, contentText } from './board-content.js';
import { AUTO_VERSION_MS } from './board-schema.js';

const text = (t: string, marks = {}): BoardNode => ({ type: 'text', text: t, marks });
const block = (type: 'paragraph' | 'heading', children: BoardNode[], attrs = {}): BoardNode => ({
  type,
  attrs,
  children,
});

const openingHours: BoardNode[] = [
  block('heading', [text('Buurthuis De Schakel')], { level: 2 }),
  block('paragraph', [text('Open voor '), text('iedereen', { strong: true }), text('.')]),
  {
    type: 'bullet_list',
    attrs: {},
    children: [
      { type: 'list_item', attrs: {}, children: [block('paragraph', [text('ma 9–17')])] },
      { type: 'list_item', attrs: {}, children: [block('paragraph', [text('di 9–12')])] },
    ],
  },
  {
    type: 'contact',
    attrs: {},
    children: [block('paragraph', [text('Bel Mieke', { link: 'mailto:mieke@example.nl' })])],
  },
];

function space(ctx = fixedContext()) {
  return { ctx, pub: new PublicSpace(new Y.Doc(), ctx) };
}

/** Two replicas that exchange every update, like two devices on one relay. */
function pair() {
  const ctx = fixedContext();
  const a = new PublicSpace(new Y.Doc(), ctx);
  const b = new PublicSpace(new Y.Doc(), ctx);
  const sync = () => {
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)));
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc)));
  };
  return { ctx, a, b, sync };
}

describe('notice boards', () => {
  it('lists boards in their order with their rich content', () => {
    const { pub } = space();
    pub.boards.create({ title: 'Voedselbank', order: 2 }, mod);
    const hours = pub.boards.create(
      { title: 'Openingstijden', order: 1, content: openingHours },
      mod,
    );
    expect(pub.boards.list().map((b) => b.title)).toEqual(['Openingstijden', 'Voedselbank']);
    expect(pub.boards.content(hours.id)).toEqual(openingHours);
    expect(contentText(pub.boards.content(hours.id))).toBe(
      'Buurthuis De Schakel\nOpen voor iedereen.\nma 9–17\ndi 9–12\nBel Mieke',
    );
  });

  it('lets moderators and officials write boards, and refuses residents', () => {
    const { pub } = space();
    expect(() => pub.boards.create({ title: 'Van Anna' }, anna)).toThrow(PermissionError);
    const board = pub.boards.create({ title: 'Wie bel ik?' }, gemeente);
    expect(() => pub.boards.update(board.id, { title: 'Anders' }, anna)).toThrow(PermissionError);
    expect(() => pub.boards.saveVersion(board.id, 'x', anna)).toThrow(PermissionError);
    expect(pub.boards.update(board.id, { title: 'Wie bel ik bij nood?' }, mod).title).toBe(
      'Wie bel ik bij nood?',
    );
  });

  it('refuses an empty title and content with a script link', () => {
    const { pub } = space();
    expect(() => pub.boards.create({ title: '   ' }, mod)).toThrow(ValidationError);
    const evil = [block('paragraph', [text('klik', { link: 'javascript:alert(1)' })])];
    expect(() => pub.boards.create({ title: 'x', content: evil }, mod)).toThrow(ValidationError);
  });

  it('drops nodes and links a hostile client wrote into the content', () => {
    const { pub } = space();
    const board = pub.boards.create({ title: 'Prikbord', content: openingHours }, mod);
    const fragment = pub.boards.fragment(board.id);
    pub.doc.transact(() => {
      const script = new Y.XmlElement('script');
      script.insert(0, [new Y.XmlText('alert(1)')]);
      const para = new Y.XmlElement('paragraph');
      const link = new Y.XmlText();
      link.insert(0, 'gevaarlijk', { link: { href: 'javascript:alert(1)' } });
      para.insert(0, [link]);
      fragment.insert(0, [script, para]);
    });
    const content = pub.boards.content(board.id);
    expect(content[0]).toEqual(block('paragraph', [text('gevaarlijk')]));
    expect(content.slice(1)).toEqual(openingHours);
  });

  it('moves a board up in the list', () => {
    const { pub } = space();
    pub.boards.create({ title: 'Een' }, mod);
    const two = pub.boards.create({ title: 'Twee' }, mod);
    pub.boards.move(two.id, -1, mod);
    expect(pub.boards.list().map((b) => b.title)).toEqual(['Twee', 'Een']);
  });

  it('hides a removed board', () => {
    const { pub } = space();
    const board = pub.boards.create({ title: 'Weg ermee' }, mod);
    pub.boards.remove(board.id, mod);
    expect(pub.boards.list()).toEqual([]);
    expect(pub.boards.get(board.id)).toBeNull();
  });
});

describe('board versions', () => {
  it('saves a named version and shows it newest first', () => {
    const { pub, ctx } = space();
    const board = pub.boards.create({ title: 'Openingstijden', content: openingHours }, mod);
    pub.boards.saveVersion(board.id, 'Zomertijden', mod);
    ctx.advance(60_000);
    pub.boards.saveVersion(board.id, '', gemeente);
    expect(pub.boards.versions(board.id).map((v) => [v.name, v.kind, v.by.id])).toEqual([
      ['', 'manual', 'gem'],
      ['Zomertijden', 'manual', 'mieke'],
    ]);
    expect(pub.boards.versions(board.id)[1]?.content).toEqual(openingHours);
  });

  it('saves an automatic version only after ten minutes of changed content', () => {
    const { pub, ctx } = space();
    const board = pub.boards.create({ title: 'Prikbord', content: openingHours }, mod);
    expect(pub.boards.autoVersion(board.id, mod)?.kind).toBe('auto');
    ctx.advance(AUTO_VERSION_MS - 1);
    pub.doc.transact(() => pub.boards.fragment(board.id).delete(0, 1));
    expect(pub.boards.autoVersion(board.id, mod)).toBeNull();
    ctx.advance(1);
    expect(pub.boards.autoVersion(board.id, mod)?.content).toEqual(openingHours.slice(1));
    ctx.advance(AUTO_VERSION_MS);
    expect(pub.boards.autoVersion(board.id, mod)).toBeNull(); // nothing changed since
  });

  it('restores a version after a mass delete, and both replicas converge on it', () => {
    const { a, b, sync, ctx } = pair();
    const board = a.boards.create({ title: 'Openingstijden', content: openingHours }, mod);
    const good = a.boards.saveVersion(board.id, 'Goed', mod);
    sync();
    // A vandal (or a slip) on the other device empties the board.
    b.doc.transact(() => {
      const fragment = b.boards.fragment(board.id);
      fragment.delete(0, fragment.length);
    });
    sync();
    expect(a.boards.content(board.id)).toEqual([]);
    ctx.advance(60_000);
    a.boards.restore(board.id, good.id, gemeente);
    sync();
    expect(a.boards.content(board.id)).toEqual(openingHours);
    expect(b.boards.content(board.id)).toEqual(openingHours);
    // The emptied state was kept as a version too, so the restore itself can be undone.
    expect(b.boards.versions(board.id).map((v) => v.kind)).toEqual(['before-restore', 'manual']);
  });

  it('keeps concurrent typing from two replicas in the same paragraph', () => {
    const { a, b, sync } = pair();
    const board = a.boards.create(
      { title: 'Samen', content: [block('paragraph', [text('Koffie om tien uur.')])] },
      mod,
    );
    sync();
    const textOf = (pub: PublicSpace) =>
      (pub.boards.fragment(board.id).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    textOf(a).insert(0, 'Maandag: ');
    textOf(b).insert(textOf(b).length, ' Thee ook.');
    sync();
    expect(contentText(a.boards.content(board.id))).toBe(contentText(b.boards.content(board.id)));
    expect(contentText(a.boards.content(board.id))).toBe('Maandag: Koffie om tien uur. Thee ook.');
  });
});
