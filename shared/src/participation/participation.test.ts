import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PermissionError, PhaseError } from '../errors.js';
import type { Author } from '../roles.js';
import { ValidationError } from '../validation.js';
import { Participation } from './participation.js';
import type { RoundInput } from './round-schema.js';
import { meet } from '../test-support/meet.js';

const gemeente: Author = { id: 'gem', name: 'Gemeente Mook', role: 'official' };
const wethouder: Author = { id: 'weth', name: 'Wethouder', role: 'official' };
const mieke: Author = { id: 'mieke', name: 'Mieke', role: 'moderator' };
const anna: Author = { id: 'anna', name: 'Anna', role: 'resident' };
const bert: Author = { id: 'bert', name: 'Bert', role: 'resident' };
const kiosk: Author = { id: 'kiosk-1', name: 'Kiosk', role: 'kiosk' };

const plan: RoundInput = {
  title: 'Speeltuin Heumensebaan',
  summary: 'De speeltuin wordt vernieuwd. Wat wilt u er zien?',
  legalFrame: 'Budget € 60.000, de speeltuin blijft op dezelfde plek (bestemmingsplan).',
  roomForChoice: 'Welke toestellen, groen en bankjes er komen.',
  village: 'Mook',
};

function setup() {
  let clock = 1_700_000_000_000;
  let ids = 0;
  const doc = new Y.Doc();
  const ctx = { now: () => (clock += 1000), newId: () => `id-${++ids}` };
  return { doc, rounds: new Participation(doc, ctx), tick: (ms: number) => (clock += ms) };
}

describe('participation rounds', () => {
  it('starts a round in the inform phase with the legal frame and the room for choice stated', () => {
    const { rounds } = setup();
    const round = rounds.start(plan, gemeente);
    expect(round).toMatchObject({
      title: plan.title,
      legalFrame: plan.legalFrame,
      roomForChoice: plan.roomForChoice,
      village: 'Mook',
      phase: 'inform',
      createdBy: gemeente,
      ideas: [],
    });
    expect(rounds.list().map((r) => r.id)).toEqual([round.id]);
  });

  it('lets only officials start rounds and move them on', () => {
    const { rounds } = setup();
    expect(() => rounds.start(plan, mieke)).toThrow(PermissionError);
    expect(() => rounds.start(plan, anna)).toThrow(PermissionError);
    const round = rounds.start(plan, gemeente);
    expect(() => rounds.advance(round.id, 'ideas', mieke)).toThrow(PermissionError);
  });

  it('refuses a round without its legal frame', () => {
    const { rounds } = setup();
    expect(() => rounds.start({ ...plan, legalFrame: '  ' }, gemeente)).toThrow(ValidationError);
  });

  it('runs a whole round from inform to feedback and stays readable afterwards', () => {
    const { rounds } = setup();
    const { id } = rounds.start(plan, gemeente);
    expect(() => rounds.submitIdea(id, { title: 'Te vroeg', text: 'x' }, anna)).toThrow(PhaseError);

    rounds.advance(id, 'ideas', gemeente);
    const swing = rounds.submitIdea(
      id,
      { title: 'Nestschommel', text: 'Voor kleine kinderen.' },
      anna,
    );
    const trees = rounds.submitIdea(
      id,
      { title: 'Meer bomen', text: 'Schaduw in de zomer.' },
      bert,
    );
    const benches = rounds.submitIdea(
      id,
      { title: 'Bankjes', text: 'Om te zitten bij de zandbak.', onBehalfOf: 'Mevrouw Jansen' },
      mieke,
    );
    rounds.support(id, trees.id, true, anna);
    rounds.support(id, trees.id, true, mieke);
    rounds.support(id, swing.id, true, bert);

    rounds.advance(id, 'responses', gemeente);
    expect(() => rounds.submitIdea(id, { title: 'Later', text: 'x' }, anna)).toThrow(PhaseError);
    rounds.respond(
      id,
      swing.id,
      { text: 'Goed idee, mijn kleinzoon zou het geweldig vinden.' },
      bert,
    );

    rounds.advance(id, 'decision', gemeente);
    expect(() => rounds.respond(id, swing.id, { text: 'Te laat' }, anna)).toThrow(PhaseError);
    rounds.setOutcome(
      id,
      trees.id,
      { status: 'adopted', explanation: 'Er komen 4 lindes.' },
      gemeente,
    );
    rounds.setOutcome(
      id,
      swing.id,
      { status: 'partly', explanation: 'Een kleinere schommel.' },
      gemeente,
    );
    rounds.decide(id, { text: 'De raad kiest voor groen en een nestschommel.' }, gemeente);
    expect(() => rounds.giveFeedback(id, { text: 'Te vroeg' }, gemeente)).toThrow(PhaseError);

    rounds.advance(id, 'feedback', gemeente);
    const done = rounds.giveFeedback(id, { text: 'De speeltuin is in mei geopend.' }, gemeente);

    expect(done.phase).toBe('feedback');
    expect(done.timeline.map((t) => t.phase)).toEqual([
      'inform',
      'ideas',
      'responses',
      'decision',
      'feedback',
    ]);
    expect(done.ideas.map((i) => [i.title, i.supporters.length])).toEqual([
      ['Meer bomen', 2],
      ['Nestschommel', 1],
      ['Bankjes', 0],
    ]);
    const byTitle = new Map(done.ideas.map((i) => [i.title, i]));
    expect(byTitle.get('Bankjes')).toMatchObject({ onBehalfOf: 'Mevrouw Jansen', author: mieke });
    expect(byTitle.get('Nestschommel')?.responses.map((r) => r.author.id)).toEqual(['bert']);
    expect(byTitle.get('Meer bomen')?.outcome).toMatchObject({ status: 'adopted', by: gemeente });
    expect(done.decision?.text).toBe('De raad kiest voor groen en een nestschommel.');
    expect(done.feedback?.text).toBe('De speeltuin is in mei geopend.');
    expect(benches.late).toBe(false);
  });

  it('counts one support per member and lets them withdraw it', () => {
    const { rounds } = setup();
    const { id } = rounds.start(plan, gemeente);
    rounds.advance(id, 'ideas', gemeente);
    const idea = rounds.submitIdea(id, { title: 'Bankjes', text: 'Bij de zandbak.' }, anna);
    rounds.support(id, idea.id, true, bert);
    rounds.support(id, idea.id, true, bert);
    expect(rounds.get(id)?.ideas[0]?.supporters).toEqual(['bert']);
    rounds.support(id, idea.id, false, bert);
    expect(rounds.get(id)?.ideas[0]?.supporters).toEqual([]);
  });

  it('keeps the kiosk and guests from writing, and residents from writing down ideas for others', () => {
    const { rounds } = setup();
    const { id } = rounds.start(plan, gemeente);
    rounds.advance(id, 'ideas', gemeente);
    expect(() => rounds.submitIdea(id, { title: 'Kiosk', text: 'x' }, kiosk)).toThrow(
      PermissionError,
    );
    expect(() =>
      rounds.submitIdea(id, { title: 'Voor buurman', text: 'x', onBehalfOf: 'Buurman' }, anna),
    ).toThrow(PermissionError);
  });

  it('never moves a round back, and converges on the furthest phase when two officials advance at once', () => {
    const a = setup();
    const { id } = a.rounds.start(plan, gemeente);
    a.rounds.advance(id, 'ideas', gemeente);
    expect(() => a.rounds.advance(id, 'inform', gemeente)).toThrow(PhaseError);

    const b = setup();
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    a.rounds.advance(id, 'responses', gemeente);
    b.rounds.advance(id, 'decision', wethouder);
    meet(a.doc, b.doc);
    expect(a.rounds.get(id)?.phase).toBe('decision');
    expect(b.rounds.get(id)).toEqual(a.rounds.get(id));
  });

  it('keeps an idea written offline during the ideas phase, marked late when it arrives after the phase closed', () => {
    const office = setup();
    const { id } = office.rounds.start(plan, gemeente);
    office.rounds.advance(id, 'ideas', gemeente);
    const phone = setup();
    Y.applyUpdate(phone.doc, Y.encodeStateAsUpdate(office.doc));

    office.rounds.advance(id, 'responses', gemeente);
    // The phone's clock runs later than the office's: it wrote after the phase closed.
    phone.tick(60_000);
    phone.rounds.submitIdea(id, { title: 'Watertappunt', text: 'Voor warme dagen.' }, anna);
    Y.applyUpdate(office.doc, Y.encodeStateAsUpdate(phone.doc));

    const idea = office.rounds.get(id)?.ideas.find((i) => i.title === 'Watertappunt');
    expect(idea).toMatchObject({ late: true, author: anna });
  });

  it('lets an author remove their idea while ideas are open, and a moderator at any time', () => {
    const { rounds } = setup();
    const { id } = rounds.start(plan, gemeente);
    rounds.advance(id, 'ideas', gemeente);
    const own = rounds.submitIdea(id, { title: 'Foutje', text: 'Verkeerde ronde.' }, anna);
    const rude = rounds.submitIdea(id, { title: 'Scheldpartij', text: 'Onaardige tekst.' }, bert);
    expect(() => rounds.removeIdea(id, own.id, bert)).toThrow(PermissionError);
    rounds.removeIdea(id, own.id, anna);
    rounds.advance(id, 'responses', gemeente);
    expect(() => rounds.removeIdea(id, rude.id, bert)).toThrow(PermissionError);
    rounds.removeIdea(id, rude.id, mieke);
    expect(rounds.get(id)?.ideas).toEqual([]);
  });

  it('skips a malformed round from another client instead of failing the list', () => {
    const { doc, rounds } = setup();
    rounds.start(plan, gemeente);
    const bad = new Y.Map<unknown>();
    bad.set('id', 'bad');
    bad.set('title', 42);
    doc.getMap('participation').set('bad', bad);
    expect(rounds.list().map((r) => r.title)).toEqual([plan.title]);
  });
});
