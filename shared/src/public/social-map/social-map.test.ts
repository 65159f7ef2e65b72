import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PermissionError } from '../../errors.js';
import type { Author } from '../../roles.js';
import { ValidationError } from '../../validation.js';
import { SocialMap } from './social-map.js';
import type { OrganisationInput, RegulationInput } from './social-map-schema.js';
import { meet } from '../../test-support/meet.js';

const mieke: Author = { id: 'mieke', name: 'Mieke', role: 'moderator' };
const gemeente: Author = { id: 'gem', name: 'Gemeente Mook', role: 'official' };
const anna: Author = { id: 'anna', name: 'Anna', role: 'resident' };

const voedselbank: OrganisationInput = {
  name: 'Voedselbank Maasburen',
  summary: 'Gratis boodschappen voor huishoudens die even niet rondkomen.',
  offer: 'Elke week een pakket met eten en drinken.',
  forWhom: 'Huishoudens met een laag inkomen, na een gesprek.',
  openingHours: 'Donderdag 14:00–16:00',
  contact: {
    phone: '024 123 45 67',
    email: 'info@voedselbank.example',
    web: 'https://voedselbank.example',
  },
  address: 'Kerkstraat 3, Mook',
  village: 'Mook',
  categories: ['food', 'money'],
};
const schuldhulp: OrganisationInput = {
  name: 'Schuldhulp Café',
  summary: 'Hulp bij rekeningen en schulden, zonder afspraak.',
  offer: 'Samen uw post en rekeningen doornemen.',
  forWhom: 'Iedereen met geldzorgen.',
  categories: ['money', 'legal'],
};
const energietoeslag = (organisationIds: string[]): RegulationInput => ({
  name: 'Energietoeslag',
  summary: 'Een bedrag van de gemeente voor hoge energiekosten.',
  whoQualifies: 'Huishoudens met een inkomen tot 120% van het sociaal minimum.',
  howToApply: 'Vul het formulier op de website in of vraag hulp bij het Schuldhulp Café.',
  link: 'https://www.mookenmiddelaar.nl/energietoeslag',
  organisationIds,
  categories: ['energy', 'money'],
});

function setup() {
  let clock = 1_700_000_000_000;
  let ids = 0;
  const doc = new Y.Doc();
  const ctx = { now: () => (clock += 1000), newId: () => `e${++ids}` };
  return { doc, map: new SocialMap(doc, ctx), ctx };
}

describe('the social map', () => {
  it('keeps organisations, regulations and stories that link to each other', () => {
    const { map } = setup();
    const bank = map.organisations.create(voedselbank, mieke);
    const cafe = map.organisations.create(schuldhulp, mieke);
    const toeslag = map.regulations.create(energietoeslag([cafe.id]), gemeente);
    const story = map.stories.create(
      {
        title: 'Hoe ik de energietoeslag kreeg',
        text: 'In het café hielpen ze me met het formulier. Binnen drie weken had ik het geld.',
        attribution: 'Els (67), Mook',
        consent: true,
        regulationIds: [toeslag.id],
        organisationIds: [cafe.id],
      },
      mieke,
    );
    expect(bank).toMatchObject({
      name: voedselbank.name,
      contact: voedselbank.contact,
      createdBy: mieke,
    });
    expect(map.regulationsOf(cafe.id).map((r) => r.name)).toEqual(['Energietoeslag']);
    expect(map.storiesAbout(toeslag.id).map((s) => s.id)).toEqual([story.id]);
    expect(map.storiesAbout(toeslag.id)[0]).not.toHaveProperty('consent');
    expect(map.organisations.list().map((o) => o.name)).toEqual([
      'Schuldhulp Café',
      'Voedselbank Maasburen',
    ]);
  });

  it('lets only moderators and officials write it', () => {
    const { map } = setup();
    expect(() => map.organisations.create(voedselbank, anna)).toThrow(PermissionError);
    const bank = map.organisations.create(voedselbank, mieke);
    expect(() => map.organisations.update(bank.id, { openingHours: 'Nooit' }, anna)).toThrow(
      PermissionError,
    );
    expect(() => map.organisations.remove(bank.id, anna)).toThrow(PermissionError);
  });

  it('refuses a story without the resident’s consent, unsafe links and made-up help areas', () => {
    const { map } = setup();
    expect(() =>
      map.stories.create({ title: 'x', text: 'y', consent: false as unknown as true }, mieke),
    ).toThrow(ValidationError);
    expect(() =>
      map.organisations.create({ ...voedselbank, contact: { web: 'javascript:alert(1)' } }, mieke),
    ).toThrow(ValidationError);
    expect(() =>
      map.regulations.create({ ...energietoeslag([]), link: 'http://plain.example' }, mieke),
    ).toThrow(ValidationError);
    expect(() =>
      map.organisations.create({ ...voedselbank, categories: ['magic' as 'food'] }, mieke),
    ).toThrow(ValidationError);
  });

  it('finds entries by words in any field, without caring about case or accents, and by help area', () => {
    const { map } = setup();
    const bank = map.organisations.create(voedselbank, mieke);
    const cafe = map.organisations.create(schuldhulp, mieke);
    const toeslag = map.regulations.create(energietoeslag([cafe.id]), gemeente);
    map.stories.create(
      {
        title: 'Eten voor de kinderen',
        text: 'De voedselbank hielp ons de winter door.',
        consent: true,
        organisationIds: [bank.id],
      },
      mieke,
    );
    const names = (hits: ReturnType<typeof map.search>) =>
      hits.map((h) => ('name' in h.item ? h.item.name : h.item.title));

    expect(names(map.search({ text: 'CAFE rekeningen' }))).toEqual(['Schuldhulp Café']);
    expect(names(map.search({ text: 'voedselbank' }))).toEqual([
      'Voedselbank Maasburen',
      'Eten voor de kinderen',
    ]);
    expect(names(map.search({ category: 'energy' }))).toEqual([toeslag.name]);
    expect(names(map.search({ category: 'food' }))).toEqual([
      'Voedselbank Maasburen',
      'Eten voor de kinderen',
    ]);
    expect(map.search()).toHaveLength(4);
  });

  it('merges two moderators editing different fields of one organisation at the same time', () => {
    const a = setup();
    const bank = a.map.organisations.create(voedselbank, mieke);
    const b = setup();
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    a.map.organisations.update(bank.id, { openingHours: 'Vrijdag 10:00–12:00' }, mieke);
    b.map.organisations.update(bank.id, { address: 'Molenweg 1, Mook' }, gemeente);
    meet(a.doc, b.doc);
    expect(a.map.organisations.get(bank.id)).toMatchObject({
      openingHours: 'Vrijdag 10:00–12:00',
      address: 'Molenweg 1, Mook',
    });
    expect(b.map.organisations.get(bank.id)).toEqual(a.map.organisations.get(bank.id));
  });

  it('removes an entry’s text from the document, not just from the list', () => {
    const { doc, map } = setup();
    const story = map.stories.create(
      { title: 'Mijn verhaal', text: 'Heel persoonlijk: UNIEK-MERKTEKEN', consent: true },
      mieke,
    );
    map.stories.remove(story.id, mieke);
    expect(map.stories.list()).toEqual([]);
    expect(JSON.stringify(doc.getMap('stories').toJSON())).not.toContain('UNIEK-MERKTEKEN');
  });

  it('skips a malformed entry written by another client', () => {
    const { doc, map } = setup();
    map.organisations.create(voedselbank, mieke);
    const bad = new Y.Map<unknown>();
    bad.set('id', 'bad');
    bad.set('name', { not: 'text' });
    doc.getMap('organisations').set('bad', bad);
    expect(map.organisations.list().map((o) => o.name)).toEqual([voedselbank.name]);
  });
});
