import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { toCsv } from '../csv.js';
import type { Author } from '../roles.js';
import { Participation } from './participation.js';
import { ideaRows, responseRows } from './report.js';

const gemeente: Author = { id: 'gem', name: 'Gemeente Mook', role: 'official' };
const anna: Author = { id: 'anna', name: 'Anna', role: 'resident' };

describe('the council report of a participation round', () => {
  it('exports ideas and responses as CSV a spreadsheet opens without running formulas', () => {
    let clock = Date.UTC(2026, 4, 1, 10);
    let ids = 0;
    const rounds = new Participation(new Y.Doc(), {
      now: () => (clock += 60_000),
      newId: () => `i${++ids}`,
    });
    const { id } = rounds.start(
      {
        title: 'Plein',
        summary: 'Nieuw plein.',
        legalFrame: 'Budget vast.',
        roomForChoice: 'Inrichting.',
      },
      gemeente,
    );
    rounds.advance(id, 'ideas', gemeente);
    const idea = rounds.submitIdea(
      id,
      { title: '=HYPERLINK("http://evil")', text: 'Bomen, bankjes en "schaduw"\nen water' },
      anna,
    );
    rounds.respond(id, idea.id, { text: '+1 eens' }, anna);
    rounds.advance(id, 'decision', gemeente);
    rounds.setOutcome(id, idea.id, { status: 'adopted', explanation: 'Komt er.' }, gemeente);
    const round = rounds.get(id)!;
    const words = {
      adopted: 'Overgenomen',
      partly: 'Deels',
      'not-adopted': 'Niet',
      researched: 'Onderzocht',
      late: 'Te laat',
    };

    const csv = toCsv(
      [
        'id',
        'titel',
        'tekst',
        'door',
        'genoteerd door',
        'datum',
        'steun',
        'reacties',
        'uitkomst',
        'toelichting',
        'te laat',
      ],
      ideaRows(round, (k) => words[k]),
    );
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'id,titel,tekst,door,genoteerd door,datum,steun,reacties,uitkomst,toelichting,te laat',
    );
    // The line break inside the text stays inside its quoted field; records end in CRLF.
    expect(lines[1]).toBe(
      `${idea.id},"'=HYPERLINK(""http://evil"")","Bomen, bankjes en ""schaduw""\nen water",` +
        'Anna,,2026-05-01T10:03:00.000Z,0,1,Overgenomen,Komt er.,',
    );

    const responses = toCsv(['idee', 'titel', 'reactie', 'door', 'datum'], responseRows(round));
    expect(responses.split('\r\n')[1]).toBe(
      `${idea.id},"'=HYPERLINK(""http://evil"")",'+1 eens,Anna,2026-05-01T10:04:00.000Z`,
    );
  });
});
