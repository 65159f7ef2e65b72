/**
 * One neighbourhood for the member-data tests (download my data, delete my account): Anna
 * wrote one thing of each kind the export gathers, Bram and the gemeente wrote around it.
 * Not exported from the package. The people and the clock come from the tests' own
 * test-support.ts, which the package build leaves out and so this file cannot import.
 */
import * as Y from 'yjs';
import { CommunitySpace } from '../community/community-space.js';
import type { ModelContext } from '../context.js';
import { DirectorySpace } from '../directory/directory-space.js';
import type { Author } from '../roles.js';

export interface Neighbours {
  anna: Author;
  bram: Author;
  gemeente: Author;
}

export function annasNeighbourhood<C extends ModelContext>(
  ctx: C,
  { anna, bram, gemeente }: Neighbours,
) {
  const community = new CommunitySpace(new Y.Doc(), ctx);
  const directory = new DirectorySpace(new Y.Doc(), ctx);
  const hers = community.posts.create(
    {
      title: 'Fietspomp te leen',
      body: 'Bij mij <script>alert(1)</script> op de stoep',
      category: 'vraag-aanbod',
    },
    anna,
  );
  const his = community.posts.create(
    { title: 'Buurtbarbecue', body: 'Wie komt?', category: 'activiteit' },
    bram,
  );
  const comment = community.posts.comment(his.id, { body: 'Ik neem salade mee' }, anna);
  community.posts.comment(his.id, { body: 'Ik ook' }, bram);
  const start = ctx.now() + 86_400_000;
  const when = { allDay: false as const, start, end: start + 3_600_000 };
  const hisEvent = community.events.create(
    { title: 'Koffieochtend', description: 'Gezellig', when, place: 'De Schakel' },
    bram,
  );
  community.events.rsvp(hisEvent.id, 'going', anna);
  const question = community.crisisQuestions.ask('alert-1', { text: 'Is de dijk veilig?' }, anna);
  community.crisisQuestions.answer(question.id, { text: 'Ja, hij wordt bewaakt.' }, gemeente);
  const round = community.participation.start(
    {
      title: 'Speeltuin',
      summary: 'Nieuw',
      legalFrame: 'Budget vast',
      roomForChoice: 'Toestellen',
    },
    gemeente,
  );
  community.participation.advance(round.id, 'ideas', gemeente);
  const idea = community.participation.submitIdea(
    round.id,
    { title: 'Schommel', text: 'Graag een schommel' },
    anna,
  );
  community.participation.respond(round.id, idea.id, { text: 'Mee eens' }, bram);
  community.reports.report(his.id, { kind: 'post', reason: 'spam' }, anna);
  directory.profiles.publish({ displayName: 'Anna', area: 'Mook', about: 'Tuinier' }, {}, anna);
  return { ctx, community, directory, hers, his, comment, when, hisEvent, round };
}
