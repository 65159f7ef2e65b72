import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PermissionError } from '../errors.js';
import type { Author } from '../roles.js';
import { ValidationError } from '../validation.js';
import { Directory } from './directory.js';
import type { ProfileInput } from './profile-schema.js';
import { meet } from '../test-support/meet.js';

const anna: Author = { id: 'anna', name: 'Anna', role: 'resident' };
const bert: Author = { id: 'bert', name: 'Bert', role: 'resident' };
const cor: Author = { id: 'cor', name: 'Cor', role: 'resident' };
const dina: Author = { id: 'dina', name: 'Dina', role: 'resident' };
const mieke: Author = { id: 'mieke', name: 'Mieke', role: 'moderator' };
const kiosk: Author = { id: 'kiosk-1', name: 'Kiosk', role: 'kiosk' };

function setup() {
  let clock = 1_700_000_000_000;
  const doc = new Y.Doc();
  return { doc, directory: new Directory(doc, { now: () => (clock += 1000), newId: () => 'x' }) };
}

const gardener = (name: string, area: string): ProfileInput => ({
  displayName: name,
  area,
  interests: { topics: ['gardening'], tags: [] },
});

describe('the neighbourhood directory', () => {
  it('shows only the fields a member shows the neighbourhood, and hands back those for moderators', () => {
    const { doc, directory } = setup();
    const { profile, forModerators } = directory.publish(
      {
        displayName: 'Anna de Vries',
        area: 'Mook-centrum',
        skills: { topics: ['bike-repair', 'computer-help'], tags: ['Fietsbanden plakken'] },
        wantsToLearn: { topics: ['cooking'], tags: [] },
        availability: ['evenings'],
        about: 'Ik woon hier sinds 2010 ... geheim-VERBORGEN',
      },
      { availability: 'moderators', about: 'hidden' },
      anna,
    );
    expect(profile).toMatchObject({
      memberId: 'anna',
      displayName: 'Anna de Vries',
      area: 'Mook-centrum',
      skills: { topics: ['bike-repair', 'computer-help'], tags: ['fietsbanden plakken'] },
    });
    expect(profile).not.toHaveProperty('availability');
    expect(profile).not.toHaveProperty('about');
    expect(forModerators).toEqual({ availability: ['evenings'] });
    // Hidden means not in the shared document at all.
    expect(JSON.stringify(doc.getMap('profiles').toJSON())).not.toContain('VERBORGEN');
  });

  it('takes a field out of the document when its visibility is narrowed later', () => {
    const { doc, directory } = setup();
    directory.publish({ displayName: 'Anna', area: 'Plasmolen', about: 'Tuinier' }, {}, anna);
    directory.publish(
      { displayName: 'Anna', area: 'Plasmolen', about: 'Tuinier' },
      { area: 'hidden' },
      anna,
    );
    expect(directory.get('anna')).not.toHaveProperty('area');
    expect(JSON.stringify(doc.getMap('profiles').toJSON())).not.toContain('Plasmolen');
  });

  it('refuses an exact address as an area', () => {
    const { directory } = setup();
    for (const area of ['Kerkstraat 12', '6585 AB', 'Molenweg 3a']) {
      expect(() => directory.publish({ displayName: 'Anna', area }, {}, anna)).toThrow(
        ValidationError,
      );
    }
  });

  it('keeps kiosks and guests out, and lets only the member or a moderator remove a profile', () => {
    const { directory } = setup();
    expect(() => directory.publish({ displayName: 'Kiosk' }, {}, kiosk)).toThrow(PermissionError);
    directory.publish({ displayName: 'Anna' }, {}, anna);
    expect(() => directory.remove('anna', bert)).toThrow(PermissionError);
    directory.remove('anna', mieke);
    expect(directory.list()).toEqual([]);
  });

  it('removes everything a member wrote when they leave the directory', () => {
    const { doc, directory } = setup();
    directory.publish({ displayName: 'Anna UNIEK-MERK', about: 'Ook UNIEK-MERK' }, {}, anna);
    directory.remove('anna', anna);
    expect(directory.get('anna')).toBeNull();
    expect(JSON.stringify(doc.getMap('profiles').toJSON())).not.toContain('UNIEK-MERK');
  });

  it('finds neighbours by skill, by tag words and by area', () => {
    const { directory } = setup();
    directory.publish(
      { displayName: 'Anna', area: 'Mook', skills: { topics: ['bike-repair'], tags: [] } },
      {},
      anna,
    );
    directory.publish(
      {
        displayName: 'Bert',
        area: 'Plasmolen',
        skills: { topics: ['cooking'], tags: ['Indonesisch koken'] },
      },
      {},
      bert,
    );
    directory.publish(
      { displayName: 'Cor', area: 'Mook', interests: { topics: ['bike-repair'], tags: [] } },
      {},
      cor,
    );
    const names = (list: { displayName: string }[]) => list.map((p) => p.displayName);
    expect(names(directory.search({ topic: 'bike-repair', kind: 'skills' }))).toEqual(['Anna']);
    expect(names(directory.search({ topic: 'bike-repair' }))).toEqual(['Anna', 'Cor']);
    expect(names(directory.search({ text: 'indonesisch' }))).toEqual(['Bert']);
    expect(names(directory.search({ area: 'Mook' }))).toEqual(['Anna', 'Cor']);
  });

  it('suggests neighbours in the same area with the same interest, and those who can teach what one wants to learn', () => {
    const { directory } = setup();
    directory.publish(
      { ...gardener('Anna', 'Mook'), wantsToLearn: { topics: ['cooking'], tags: [] } },
      {},
      anna,
    );
    directory.publish(gardener('Bert', 'Mook'), {}, bert);
    directory.publish(gardener('Cor', 'Mook'), {}, cor);
    directory.publish(
      { ...gardener('Dina', 'Plasmolen'), skills: { topics: ['cooking'], tags: [] } },
      {},
      dina,
    );
    expect(directory.suggestions('anna')).toEqual([
      { reason: 'same-interest', topic: 'gardening', area: 'Mook', memberIds: ['bert', 'cor'] },
      { reason: 'can-teach', topic: 'cooking', memberIds: ['dina'] },
    ]);
  });

  it('merges a profile first published on two devices of the same member while both were offline', () => {
    const phone = setup();
    const laptop = setup();
    phone.directory.publish({ displayName: 'Anna', about: 'Van de telefoon' }, {}, anna);
    laptop.directory.publish(
      { displayName: 'Anna', skills: { topics: ['crafts'], tags: [] } },
      {},
      anna,
    );
    meet(phone.doc, laptop.doc);
    expect(phone.directory.get('anna')).toMatchObject({
      about: 'Van de telefoon',
      skills: { topics: ['crafts'], tags: [] },
    });
    expect(laptop.directory.get('anna')).toEqual(phone.directory.get('anna'));
  });

  it('merges a profile edited on two devices of the same member', () => {
    const phone = setup();
    phone.directory.publish({ displayName: 'Anna', area: 'Mook' }, {}, anna);
    const laptop = setup();
    Y.applyUpdate(laptop.doc, Y.encodeStateAsUpdate(phone.doc));
    phone.directory.publish(
      { displayName: 'Anna', area: 'Mook', about: 'Van de telefoon' },
      {},
      anna,
    );
    laptop.directory.publish(
      { displayName: 'Anna', area: 'Mook', skills: { topics: ['crafts'], tags: [] } },
      {},
      anna,
    );
    meet(phone.doc, laptop.doc);
    expect(laptop.directory.get('anna')).toEqual(phone.directory.get('anna'));
  });
});
