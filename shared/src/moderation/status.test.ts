import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Reports } from '../community/reports.js';
import { PermissionError } from '../errors.js';
import type { Author } from '../roles.js';
import { anna, bram, fixedContext, gemeente, mod } from '../test-support.js';
import { ValidationError } from '../validation.js';
import { ModerationSpace } from './moderation-space.js';
import { isShownTo, itemStatus, moderationQueue } from './status.js';

const cor: Author = { id: 'cor', name: 'Cor', role: 'resident' };
const kiosk: Author = { id: 'kiosk-1', name: 'Kiosk', role: 'kiosk' };

function setup() {
  const ctx = fixedContext();
  const reports = new Reports(new Y.Doc(), ctx);
  const moderation = new ModerationSpace(new Y.Doc(), ctx);
  const status = (itemId: string) => itemStatus(itemId, reports.of(itemId), moderation);
  return { ctx, reports, moderation, status };
}

const spam = { kind: 'post', reason: 'spam' } as const;

describe('reports and the moderation queue', () => {
  it('hides an item pending review once enough different members report it', () => {
    const { ctx, reports, moderation, status } = setup();
    reports.report('post-1', spam, anna);
    ctx.advance(1000);
    reports.report('post-1', { ...spam, reason: 'offensive', note: 'Scheldwoorden' }, anna);
    reports.report('post-1', spam, bram);
    expect(status('post-1')).toEqual({ state: 'visible', openReports: 2 });
    reports.report('post-1', spam, cor);
    expect(status('post-1')).toEqual({ state: 'pending-review', openReports: 3 });
    expect(reports.of('post-1').find((r) => r.reporterId === 'anna')?.reason).toBe('offensive');

    moderation.setReportThreshold(5, mod);
    expect(status('post-1').state).toBe('visible');
  });

  it('lets a moderator keep an item after review; only later reports count again', () => {
    const { ctx, reports, moderation, status } = setup();
    for (const who of [anna, bram, cor]) reports.report('post-1', spam, who);
    ctx.advance(60_000);
    moderation.dismiss('post-1', 'Geen spam: een oproep voor de buurtbarbecue', mod);
    expect(status('post-1')).toEqual({ state: 'visible', openReports: 0 });
    expect(moderationQueue(reports.all(), moderation)).toEqual([]);
    ctx.advance(60_000);
    reports.report('post-1', spam, anna);
    expect(moderationQueue(reports.all(), moderation).map((q) => q.reports.length)).toEqual([1]);
  });

  it('lists the queue most reported first, with the hidden reason once a moderator hides', () => {
    const { ctx, reports, moderation } = setup();
    reports.report('event-9', { kind: 'event', reason: 'false-information' }, anna);
    ctx.advance(1000);
    for (const who of [anna, bram])
      reports.report('comment-2', { kind: 'comment', reason: 'personal-data' }, who);
    const queue = moderationQueue(reports.all(), moderation);
    expect(queue.map((q) => [q.itemId, q.kind, q.reports.length])).toEqual([
      ['comment-2', 'comment', 2],
      ['event-9', 'event', 1],
    ]);
    moderation.hide('comment-2', 'Telefoonnummer van een buurman', mod);
    expect(itemStatus('comment-2', reports.of('comment-2'), moderation)).toMatchObject({
      state: 'hidden',
      hidden: { reason: 'Telefoonnummer van een buurman', by: mod },
    });
  });

  it('keeps kiosks from reporting and residents and officials from moderating', () => {
    const { reports, moderation } = setup();
    expect(() => reports.report('post-1', spam, kiosk)).toThrow(PermissionError);
    expect(() =>
      reports.report('post-1', { kind: 'post', reason: 'boring' as 'spam' }, anna),
    ).toThrow(ValidationError);
    expect(() => moderation.dismiss('post-1', 'x', anna)).toThrow(PermissionError);
    expect(() => moderation.hide('post-1', 'x', gemeente)).toThrow(PermissionError);
    expect(() => moderation.setReportThreshold(1, anna)).toThrow(PermissionError);
  });

  it('logs warnings, suspensions and removals of members with who did it, when and why', () => {
    const { ctx, moderation } = setup();
    moderation.warn('bram', 'Blijf vriendelijk in de reacties', mod);
    ctx.advance(1000);
    moderation.suspend(
      'bram',
      ctx.now() + 7 * 86_400_000,
      'Opnieuw schelden na een waarschuwing',
      mod,
    );
    ctx.advance(1000);
    moderation.removeMember('bram', 'Bedreiging van een buurman', mod);
    expect(moderation.memberHistory('bram').map((e) => [e.action, e.by.role])).toEqual([
      ['remove-member', 'moderator'],
      ['suspend', 'moderator'],
      ['warn', 'moderator'],
    ]);
    expect(() => moderation.suspend('bram', ctx.now() - 1, 'terug in de tijd', mod)).toThrow(
      RangeError,
    );
  });

  it('merges reports made on two devices offline: each member counts once', () => {
    const ctx = fixedContext();
    const phone = new Reports(new Y.Doc(), ctx);
    const doc = new Y.Doc();
    const laptop = new Reports(doc, ctx);
    phone.report('post-1', spam, anna);
    laptop.report('post-1', { ...spam, reason: 'offensive' }, anna);
    laptop.report('post-1', spam, bram);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate((phone as unknown as { doc: Y.Doc }).doc));
    expect(laptop.of('post-1').map((r) => r.reporterId)).toEqual(['anna', 'bram']);
  });

  it('keeps a hidden item in the queue, with its reports, until a moderator restores it', () => {
    const { ctx, reports, moderation } = setup();
    for (const who of [anna, bram]) reports.report('post-1', spam, who);
    ctx.advance(1000);
    moderation.hide('post-1', 'Reclame voor een webwinkel', mod, 'post');
    moderation.hide('comment-7', 'Een adres van een buurman', mod, 'comment');
    const queue = moderationQueue(reports.all(), moderation);
    expect(queue.map((q) => [q.itemId, q.kind, q.status.state, q.reports.length])).toEqual([
      ['post-1', 'post', 'hidden', 2],
      ['comment-7', 'comment', 'hidden', 0],
    ]);
    expect(moderation.log()[0]).toMatchObject({
      action: 'hide',
      itemId: 'comment-7',
      kind: 'comment',
    });
    ctx.advance(1000);
    moderation.restore('post-1', 'Reclame verwijderd door de schrijver', mod, 'post');
    expect(moderationQueue(reports.all(), moderation).map((q) => q.itemId)).toEqual(['comment-7']);
  });

  it('shows a hidden item only to its author and the moderators', () => {
    const { reports, moderation, status } = setup();
    for (const who of [bram, cor, gemeente]) reports.report('post-1', spam, who);
    expect(isShownTo(status('post-1'), 'anna', bram)).toBe(false);
    expect(isShownTo(status('post-1'), 'anna', null)).toBe(false);
    expect(isShownTo(status('post-1'), 'anna', gemeente)).toBe(false);
    expect(isShownTo(status('post-1'), 'anna', anna)).toBe(true);
    expect(isShownTo(status('post-1'), 'anna', mod)).toBe(true);
    moderation.dismiss('post-1', 'Geen spam', mod, 'post');
    expect(isShownTo(status('post-1'), 'anna', bram)).toBe(true);
  });
});
