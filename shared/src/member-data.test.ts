import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CommunitySpace } from './community/community-space.js';
import { DirectorySpace } from './directory/directory-space.js';
import { collectMemberData, type MemberDataLabels, memberDataHtml } from './member-data.js';
import { anna, bram, fixedContext, gemeente } from './test-support.js';

const labels: MemberDataLabels = {
  title: 'Mijn gegevens',
  exportedAt: 'Gemaakt op',
  empty: 'Niets',
  sections: {
    posts: 'Berichten',
    comments: 'Reacties',
    events: 'Activiteiten',
    rsvps: 'Aanmeldingen',
    questions: 'Vragen',
    answers: 'Antwoorden',
    ideas: 'Ideeën',
    responses: 'Reacties op ideeën',
    reports: 'Meldingen',
    profile: 'Profiel',
  },
};

function neighbourhood() {
  const ctx = fixedContext();
  const community = new CommunitySpace(new Y.Doc(), ctx);
  const directory = new DirectorySpace(new Y.Doc(), ctx);
  const mine = community.posts.create(
    {
      title: 'Fietspomp te leen',
      body: 'Bij mij <script>alert(1)</script> op de stoep',
      category: 'vraag-aanbod',
    },
    anna,
  );
  const theirs = community.posts.create(
    { title: 'Buurtbarbecue', body: 'Wie komt?', category: 'activiteit' },
    bram,
  );
  community.posts.comment(theirs.id, { body: 'Ik neem salade mee' }, anna);
  community.posts.comment(theirs.id, { body: 'Ik ook' }, bram);
  const start = ctx.now() + 86_400_000;
  const event = community.events.create(
    {
      title: 'Koffieochtend',
      description: 'Gezellig',
      when: { allDay: false, start, end: start + 3_600_000 },
      place: 'De Schakel',
    },
    bram,
  );
  community.events.rsvp(event.id, 'going', anna);
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
    { title: 'Schommel', text: 'Graag' },
    anna,
  );
  community.participation.respond(round.id, idea.id, { text: 'Mee eens' }, bram);
  community.reports.report(theirs.id, { kind: 'post', reason: 'spam' }, anna);
  directory.profiles.publish({ displayName: 'Anna', area: 'Mook' }, {}, anna);
  return { community, directory, mine };
}

describe('download my data', () => {
  it('gathers everything a member wrote, and nothing someone else wrote', () => {
    const { community, directory, mine } = neighbourhood();
    const data = collectMemberData('anna', { community, directory }, Date.UTC(2026, 10, 28));
    expect(data.posts.map((p) => p.id)).toEqual([mine.id]);
    expect(data.comments.map((c) => c.body)).toEqual(['Ik neem salade mee']);
    expect(data.events).toEqual([]);
    expect(data.rsvps).toEqual([
      expect.objectContaining({ eventTitle: 'Koffieochtend', answer: 'going' }),
    ]);
    expect(data.questions.map((q) => q.text)).toEqual(['Is de dijk veilig?']);
    expect(data.answers).toEqual([]);
    expect(data.ideas.map((i) => i.title)).toEqual(['Schommel']);
    expect(data.responses).toEqual([]);
    expect(data.reports).toEqual([expect.objectContaining({ kind: 'post', reason: 'spam' })]);
    expect(data.profile).toMatchObject({ displayName: 'Anna', area: 'Mook' });
    expect(JSON.stringify(data)).not.toContain('Ik ook');

    const other = collectMemberData('bram', { community }, 0);
    expect(other.events.map((e) => e.title)).toEqual(['Koffieochtend']);
    expect(other.profile).toBeNull();
    expect(collectMemberData('gem', { community }, 0).answers.map((a) => a.text)).toEqual([
      'Ja, hij wordt bewaakt.',
    ]);
  });

  it('writes a readable page where what anyone typed stays text', () => {
    const { community, directory } = neighbourhood();
    const data = collectMemberData('anna', { community, directory }, Date.UTC(2026, 10, 28));
    const html = memberDataHtml(data, labels, (ms) => new Date(ms).toISOString(), 'nl');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('Bij mij &lt;script&gt;alert(1)&lt;/script&gt; op de stoep');
    expect(html).toContain('<h2>Berichten</h2>');
    expect(html).toContain('<h2>Activiteiten</h2>\n<p>Niets</p>');
    expect(html).toContain('2026-11-28T00:00:00.000Z');
  });
});
