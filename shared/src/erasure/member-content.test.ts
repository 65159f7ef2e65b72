import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CommunitySpace } from '../community/community-space.js';
import { DirectorySpace } from '../directory/directory-space.js';
import { PermissionError } from '../errors.js';
import { collectMemberData } from '../member-data.js';
import { anna, bram, fixedContext, gemeente, mod } from '../test-support.js';
import { ERASED_AUTHOR_NAME, eraseMemberContent } from './member-content.js';

/** A neighbourhood where Anna wrote something of every kind, and Bram answered her. */
function neighbourhood() {
  const ctx = fixedContext();
  const community = new CommunitySpace(new Y.Doc(), ctx);
  const directory = new DirectorySpace(new Y.Doc(), ctx);
  const hers = community.posts.create(
    { title: 'Fietspomp te leen', body: 'Bij mij op de stoep', category: 'vraag-aanbod' },
    anna,
  );
  community.posts.comment(hers.id, { body: 'Mag ik hem morgen?' }, bram);
  const his = community.posts.create(
    { title: 'Buurtbarbecue', body: 'Wie komt?', category: 'activiteit' },
    bram,
  );
  const comment = community.posts.comment(his.id, { body: 'Ik neem salade mee' }, anna);
  community.posts.comment(his.id, { body: 'Top!', parentId: comment.id }, bram);
  community.posts.react(his.id, 'thanks', anna, true);
  community.posts.reactToComment(his.id, comment.id, 'heart', bram, true);
  const start = ctx.now() + 86_400_000;
  const when = { allDay: false, start, end: start + 3_600_000 };
  community.events.create(
    { title: 'Soepmiddag', description: 'Bij Anna thuis', when, place: 'Kerkstraat 3' },
    anna,
  );
  const hisEvent = community.events.create(
    { title: 'Koffieochtend', description: 'Gezellig', when, place: 'De Schakel' },
    bram,
  );
  community.events.rsvp(hisEvent.id, 'going', anna);
  community.events.rsvp(hisEvent.id, 'going', bram);
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
  const hisIdea = community.participation.submitIdea(
    round.id,
    { title: 'Glijbaan', text: 'Voor de kleintjes' },
    bram,
  );
  community.participation.respond(round.id, hisIdea.id, { text: 'Ja, en een zandbak' }, anna);
  community.reports.report(his.id, { kind: 'post', reason: 'spam' }, anna);
  directory.profiles.publish({ displayName: 'Anna', area: 'Mook', about: 'Tuinier' }, {}, anna);
  directory.profiles.publish({ displayName: 'Bram', area: 'Plasmolen' }, {}, bram);
  return { ctx, community, directory, his, hisEvent, comment };
}

/** Her texts and name, which must not be in the erased document's bytes. */
const HERS = [
  'Fietspomp',
  'salade',
  'Soepmiddag',
  'Kerkstraat',
  'dijk veilig',
  'Schommel',
  'zandbak',
  'Tuinier',
  anna.name,
];

function bytesHold(doc: Y.Doc, text: string): boolean {
  return Buffer.from(Y.encodeStateAsUpdate(doc)).includes(text);
}

describe('delete my account: everything the member wrote, erased', () => {
  it('leaves nothing the member wrote in what the model shows, nor in the documents', () => {
    const { ctx, community, directory } = neighbourhood();
    for (const text of HERS.slice(0, 7)) expect(bytesHold(community.doc, text)).toBe(true);

    const counts = eraseMemberContent(anna.id, { community, directory }, anna, ctx.now());

    expect(counts).toEqual({
      posts: 1,
      comments: 1,
      reactions: 1,
      events: 1,
      rsvps: 1,
      questions: 1,
      answers: 0,
      reports: 1,
      ideas: 1,
      responses: 1,
      profile: true,
    });
    const left = collectMemberData(anna.id, { community, directory }, ctx.now());
    for (const key of [
      'posts',
      'comments',
      'events',
      'rsvps',
      'questions',
      'ideas',
      'responses',
      'reports',
    ] as const) {
      expect(left[key], key).toEqual([]);
    }
    expect(left.profile).toBeNull();
    for (const text of HERS) {
      expect(bytesHold(community.doc, text), text).toBe(false);
      expect(bytesHold(directory.doc, text), text).toBe(false);
    }
  });

  it("keeps what others wrote, and a thread's answers under an erased comment", () => {
    const { ctx, community, directory, his, hisEvent, comment } = neighbourhood();
    eraseMemberContent(anna.id, { community, directory }, anna, ctx.now());

    const post = community.posts.get(his.id);
    expect(post?.body).toBe('Wie komt?');
    expect(post?.reactions.thanks).toEqual([]);
    const bodies = post?.comments.map((c) => c.body);
    expect(bodies).toContain('Top!');
    expect(bodies).not.toContain('Ik neem salade mee');
    const erased = community.doc
      .getMap<Y.Map<unknown>>('posts')
      .get(his.id)
      ?.get('comments') as Y.Map<Y.Map<unknown>>;
    expect(erased.get(comment.id)?.get('author')).toEqual({
      id: anna.id,
      name: ERASED_AUTHOR_NAME,
      role: anna.role,
    });
    expect(community.events.get(hisEvent.id)?.counts.going).toBe(1);
    expect(community.events.rsvpOf(hisEvent.id, bram.id)).toBe('going');
    expect(directory.profiles.get(bram.id)?.displayName).toBe('Bram');
    expect(community.crisisQuestions.all()).toHaveLength(0);
  });

  it('is done by the member themself only', () => {
    const { ctx, community, directory } = neighbourhood();
    expect(() => eraseMemberContent(anna.id, { community, directory }, mod, ctx.now())).toThrow(
      PermissionError,
    );
    expect(community.posts.list().some((p) => p.author.id === anna.id)).toBe(true);
  });
});
