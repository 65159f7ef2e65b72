import { describe, expect, it } from 'vitest';
import { collectMemberData, type MemberDataLabels, memberDataHtml } from './member-data.js';
import { anna, bram, fixedContext, gemeente } from './test-support.js';
import { annasNeighbourhood } from './test-support/member-neighbourhood.js';

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

const neighbourhood = () => annasNeighbourhood(fixedContext(), { anna, bram, gemeente });

describe('download my data', () => {
  it('gathers everything a member wrote, and nothing someone else wrote', () => {
    const { community, directory, hers } = neighbourhood();
    const data = collectMemberData('anna', { community, directory }, Date.UTC(2026, 10, 28));
    expect(data.posts.map((p) => p.id)).toEqual([hers.id]);
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
