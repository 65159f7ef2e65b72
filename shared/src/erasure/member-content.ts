/**
 * "Delete my account" in the documents: everything a member wrote, erased from the spaces
 * this device holds, in one transaction per space. After this the app asks the relay to
 * purge those rooms (message 101), which is what takes the text off the relay's disk and
 * every other device; this module only makes sure nothing of the member is left in the
 * documents' current state.
 *
 * - posts by the member: replaced by a tombstone `{ id, deletedAt }` (Posts.remove), with
 *   every comment and reaction under them;
 * - comments and answers by the member under others' posts: a tombstone that keeps the
 *   thread readable (`id`, `parentId`, times) but no text and no name;
 * - reactions (posts and comments), RSVPs and reports by the member: their entries deleted;
 * - events the member organised and crisis questions they asked: tombstones;
 * - answers they gave to crisis questions (moderators and officials): taken out;
 * - ideas they submitted in participation rounds: tombstones; their responses and
 *   supports on others' ideas: taken out;
 * - their directory profile: deleted (Directory.remove).
 */
import * as Y from 'yjs';
import type { CommunitySpace } from '../community/community-space.js';
import type { DirectorySpace } from '../directory/directory-space.js';
import { PermissionError } from '../errors.js';
import { type Author, authorSchema } from '../roles.js';
import { writeTransaction } from '../schema-version.js';
import { parseInput } from '../validation.js';

/** The name shown on a comment whose author deleted their account. */
export const ERASED_AUTHOR_NAME = '—';

export interface ErasedCounts {
  posts: number;
  comments: number;
  reactions: number;
  events: number;
  rsvps: number;
  questions: number;
  answers: number;
  reports: number;
  ideas: number;
  responses: number;
  profile: boolean;
}

type Fields = Y.Map<unknown>;

const authorId = (value: unknown): string | undefined =>
  typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string'
    ? value.id
    : undefined;

/** An entry reduced to its id and the time it was erased; readers skip it. */
function tombstone(id: string, now: number): Fields {
  const fields = new Y.Map<unknown>();
  fields.set('id', id);
  fields.set('deletedAt', now);
  return fields;
}

/** Takes the member's entries (JSON with an `author`) out of an append-only array. */
function dropAuthored(list: unknown, memberId: string): number {
  if (!(list instanceof Y.Array)) return 0;
  let dropped = 0;
  // From the end, so the indexes still to visit do not move.
  for (let i = list.length - 1; i >= 0; i--) {
    if (authorId((list.get(i) as { author?: unknown } | null)?.author) === memberId) {
      list.delete(i, 1);
      dropped++;
    }
  }
  return dropped;
}

/** Deletes the member's `<kind>:<memberId>` entries from a reactions map. */
function dropReactions(owner: Fields, memberId: string): number {
  const reactions = owner.get('reactions');
  if (!(reactions instanceof Y.Map)) return 0;
  const mine = [...reactions.keys()].filter((key) => key.endsWith(`:${memberId}`));
  for (const key of mine) reactions.delete(key);
  return mine.length;
}

/**
 * Erases everything `memberId` wrote in `community` (and `directory`, when given). Only
 * the member themself does this (`by.id === memberId`); a moderator removes a member with
 * the moderation tools instead.
 */
export function eraseMemberContent(
  memberId: string,
  spaces: { community: CommunitySpace; directory?: DirectorySpace },
  by: Author,
  now: number,
): ErasedCounts {
  const who = parseInput(authorSchema, by);
  if (who.id !== memberId) throw new PermissionError('Only the member deletes their account.');
  const counts: ErasedCounts = {
    posts: 0,
    comments: 0,
    reactions: 0,
    events: 0,
    rsvps: 0,
    questions: 0,
    answers: 0,
    reports: 0,
    ideas: 0,
    responses: 0,
    profile: false,
  };
  const doc = spaces.community.doc;
  writeTransaction(doc, 'community', () => {
    const posts = doc.getMap<Fields>('posts');
    for (const [id, post] of posts) {
      if (!(post instanceof Y.Map) || post.has('deletedAt')) continue;
      if (authorId(post.get('author')) === memberId) {
        posts.set(id, tombstone(id, now));
        counts.posts++;
        continue;
      }
      counts.reactions += dropReactions(post, memberId);
      const comments = post.get('comments');
      if (!(comments instanceof Y.Map)) continue;
      for (const [commentId, comment] of comments as Y.Map<unknown>) {
        if (!(comment instanceof Y.Map)) continue;
        if (authorId(comment.get('author')) !== memberId) {
          counts.reactions += dropReactions(comment, memberId);
          continue;
        }
        if (comment.has('deletedAt') && comment.get('body') === '') {
          // Removed earlier: only the name is left to erase.
          const author = comment.get('author') as Author;
          if (author.name !== ERASED_AUTHOR_NAME) {
            comment.set('author', { ...author, name: ERASED_AUTHOR_NAME });
          }
          continue;
        }
        const erased = new Y.Map<unknown>();
        erased.set('id', commentId);
        erased.set('body', '');
        erased.set('author', { id: memberId, name: ERASED_AUTHOR_NAME, role: who.role });
        erased.set('createdAt', comment.get('createdAt') ?? now);
        const parentId = comment.get('parentId');
        if (typeof parentId === 'string') erased.set('parentId', parentId);
        erased.set('deletedAt', now);
        erased.set('reactions', new Y.Map<boolean>());
        comments.set(commentId, erased);
        counts.comments++;
      }
    }

    const events = doc.getMap<Fields>('events');
    for (const [id, event] of events) {
      if (!(event instanceof Y.Map) || event.has('deletedAt')) continue;
      if (authorId(event.get('organiser')) === memberId) {
        events.set(id, tombstone(id, now));
        counts.events++;
        continue;
      }
      const rsvps = event.get('rsvps');
      if (rsvps instanceof Y.Map && rsvps.has(memberId)) {
        rsvps.delete(memberId);
        counts.rsvps++;
      }
    }

    const questions = doc.getMap<Fields>('crisisQuestions');
    for (const [id, question] of questions) {
      if (!(question instanceof Y.Map)) continue;
      if (authorId(question.get('author')) === memberId && !question.has('deletedAt')) {
        questions.set(id, tombstone(id, now));
        counts.questions++;
        continue;
      }
      counts.answers += dropAuthored(question.get('answers'), memberId);
    }

    for (const round of doc.getMap<Fields>('participation').values()) {
      const ideas = round instanceof Y.Map ? round.get('ideas') : undefined;
      if (!(ideas instanceof Y.Map)) continue;
      for (const [id, idea] of ideas as Y.Map<unknown>) {
        if (!(idea instanceof Y.Map) || idea.has('deletedAt')) continue;
        if (authorId(idea.get('author')) === memberId) {
          ideas.set(id, tombstone(id, now));
          counts.ideas++;
          continue;
        }
        counts.responses += dropAuthored(idea.get('responses'), memberId);
        const supports = idea.get('supports');
        if (supports instanceof Y.Map && supports.has(memberId)) supports.delete(memberId);
      }
    }

    const reports = doc.getMap<unknown>('reports');
    for (const [key, report] of reports) {
      const reporter = (report as { reporterId?: unknown } | null)?.reporterId;
      if (reporter === memberId) {
        reports.delete(key);
        counts.reports++;
      }
    }
  });
  if (spaces.directory?.profiles.get(memberId)) {
    spaces.directory.profiles.remove(memberId, who);
    counts.profile = true;
  }
  return counts;
}
