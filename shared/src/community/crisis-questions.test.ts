import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { NotFoundError, PermissionError } from '../errors.js';
import type { Author } from '../roles.js';
import { anna, bram, fixedContext, gemeente, mod } from '../test-support.js';
import { ValidationError } from '../validation.js';
import { CommunitySpace } from './community-space.js';
import { meet } from '../test-support/meet.js';

const MINUTE = 60_000;
const kiosk: Author = { id: 'kiosk', name: 'Buurthuis', role: 'kiosk' };
const guest: Author = { id: 'guest', name: 'Gast', role: 'guest' };

function space() {
  const ctx = fixedContext();
  return { ctx, qa: new CommunitySpace(new Y.Doc(), ctx).crisisQuestions };
}

describe('questions under a crisis alert', () => {
  it('lets a resident ask and an official answer, showing who answered', () => {
    const { qa, ctx } = space();
    const question = qa.ask('alert-1', { text: 'Waar haal ik zandzakken?' }, anna);
    expect(question).toMatchObject({ alertId: 'alert-1', answered: false, pinned: false });
    ctx.advance(5 * MINUTE);
    qa.answer(question.id, { text: 'Bij de gemeentewerf, tot 20:00.' }, gemeente);
    expect(qa.get(question.id)).toMatchObject({
      answered: true,
      answers: [{ text: 'Bij de gemeentewerf, tot 20:00.', author: gemeente }],
    });
  });

  it('keeps answers from two devices written at the same time', () => {
    const { qa } = space();
    const doc = new Y.Doc();
    const a = new CommunitySpace(doc, fixedContext()).crisisQuestions;
    const question = a.ask('alert-1', { text: 'Is het water drinkbaar?' }, anna);
    const otherDoc = new Y.Doc();
    Y.applyUpdate(otherDoc, Y.encodeStateAsUpdate(doc));
    const b = new CommunitySpace(otherDoc, { ...fixedContext(), newId: () => 'b-1' })
      .crisisQuestions;
    a.answer(question.id, { text: 'Ja.' }, gemeente);
    b.answer(question.id, { text: 'Ja, volgens Vitens.' }, mod);
    meet(doc, otherDoc);
    expect(a.get(question.id)?.answers).toHaveLength(2);
    expect(a.get(question.id)).toEqual(b.get(question.id));
    expect(qa.forAlert('alert-1')).toEqual([]);
  });

  it('lists pinned FAQ first, then unanswered questions, then answered ones', () => {
    const { qa, ctx } = space();
    const ask = (text: string, who = anna) => {
      ctx.advance(MINUTE);
      return qa.ask('alert-1', { text }, who);
    };
    const answeredEarly = ask('Gaat de school dicht?');
    const waiting = ask('Mag ik de dijk op?', bram);
    const faq = ask('Waar is de opvang?');
    const answeredLate = ask('Rijdt de bus?');
    const stillWaiting = ask('Is er stroom in Plasmolen?');
    qa.ask('alert-2', { text: 'Andere crisis' }, anna);
    ctx.advance(MINUTE);
    qa.answer(answeredEarly.id, { text: 'Ja, morgen dicht.' }, gemeente);
    ctx.advance(MINUTE);
    qa.answer(faq.id, { text: 'In De Lindenhof.' }, gemeente);
    qa.pin(faq.id, true, mod);
    ctx.advance(MINUTE);
    qa.answer(answeredLate.id, { text: 'Nee.' }, mod);
    expect(qa.forAlert('alert-1').map((q) => q.text)).toEqual([
      faq.text,
      waiting.text,
      stillWaiting.text,
      answeredLate.text,
      answeredEarly.text,
    ]);
    expect(qa.counts('alert-1')).toEqual({ questions: 5, unanswered: 2 });
  });

  it('lets a moderator unpin a FAQ and mark a question answered or open again', () => {
    const { qa, ctx } = space();
    const question = qa.ask('alert-1', { text: 'Komt er een update?' }, anna);
    expect(qa.pin(question.id, true, gemeente)).toMatchObject({ pinned: true, pinnedBy: gemeente });
    expect(qa.pin(question.id, false, mod).pinned).toBe(false);
    ctx.advance(MINUTE);
    expect(qa.markAnswered(question.id, true, mod).answered).toBe(true);
    ctx.advance(MINUTE);
    qa.answer(question.id, { text: 'Om 18:00.' }, gemeente);
    ctx.advance(MINUTE);
    expect(qa.markAnswered(question.id, false, mod).answered).toBe(false);
    ctx.advance(MINUTE);
    qa.answer(question.id, { text: 'Verschoven naar 19:00.' }, gemeente);
    expect(qa.get(question.id)?.answered).toBe(true);
  });

  it('lets only members ask and only officials and moderators answer, mark and pin', () => {
    const { qa } = space();
    expect(() => qa.ask('alert-1', { text: 'Vraag' }, kiosk)).toThrow(PermissionError);
    expect(() => qa.ask('alert-1', { text: 'Vraag' }, guest)).toThrow(PermissionError);
    const question = qa.ask('alert-1', { text: 'Vraag' }, anna);
    expect(() => qa.answer(question.id, { text: 'Antwoord' }, bram)).toThrow(PermissionError);
    expect(() => qa.answer(question.id, { text: 'Antwoord' }, anna)).toThrow(PermissionError);
    expect(() => qa.pin(question.id, true, anna)).toThrow(PermissionError);
    expect(() => qa.markAnswered(question.id, true, bram)).toThrow(PermissionError);
    expect(() => qa.ask('alert-1', { text: '   ' }, anna)).toThrow(ValidationError);
    expect(() => qa.ask('alert-1', { text: 'x'.repeat(1_001) }, anna)).toThrow(ValidationError);
    expect(() => qa.answer('missing', { text: 'Antwoord' }, mod)).toThrow(NotFoundError);
  });

  it('lets the asker or a moderator remove a question, but not another resident', () => {
    const { qa } = space();
    const first = qa.ask('alert-1', { text: 'Eerste' }, anna);
    const second = qa.ask('alert-1', { text: 'Tweede' }, anna);
    expect(() => qa.remove(first.id, bram)).toThrow(PermissionError);
    qa.remove(first.id, anna);
    qa.remove(second.id, mod);
    expect(qa.forAlert('alert-1')).toEqual([]);
    expect(() => qa.answer(first.id, { text: 'Te laat' }, mod)).toThrow(NotFoundError);
  });
});
