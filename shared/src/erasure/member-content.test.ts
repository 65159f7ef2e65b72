import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PermissionError } from '../errors.js';
import { collectMemberData } from '../member-data.js';
import { anna, bram, fixedContext, gemeente, mod } from '../test-support.js';
import { annasNeighbourhood } from '../test-support/member-neighbourhood.js';
import { ERASED_AUTHOR_NAME, eraseMemberContent } from './member-content.js';

/** Anna's neighbourhood, where she also wrote an event and a response, and Bram answered her. */
function neighbourhood() {
  const n = annasNeighbourhood(fixedContext(), { anna, bram, gemeente });
  const { community, directory, hers, his, comment, when, hisEvent, round } = n;
  community.posts.comment(hers.id, { body: 'Mag ik hem morgen?' }, bram);
  community.posts.comment(his.id, { body: 'Top!', parentId: comment.id }, bram);
  community.posts.react(his.id, 'thanks', anna, true);
  community.posts.reactToComment(his.id, comment.id, 'heart', bram, true);
  community.events.create(
    { title: 'Soepmiddag', description: 'Bij Anna thuis', when, place: 'Kerkstraat 3' },
    anna,
  );
  community.events.rsvp(hisEvent.id, 'going', bram);
  const hisIdea = community.participation.submitIdea(
    round.id,
    { title: 'Glijbaan', text: 'Voor de kleintjes' },
    bram,
  );
  community.participation.respond(round.id, hisIdea.id, { text: 'Ja, en een zandbak' }, anna);
  directory.profiles.publish({ displayName: 'Bram', area: 'Plasmolen' }, {}, bram);
  return n;
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
