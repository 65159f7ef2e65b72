/**
 * What a queued item is: its author, title and text for the moderator to judge, and how
 * to delete it for real in the space it lives in. Reports name an item only by id and kind,
 * so comments and ideas are found by looking through the posts and the participation rounds
 * (only when the queue holds one).
 */
import type { Author, CommunitySpace, Directory, IdeaView, QueueItem } from '@buurthub/shared';

export interface ResolvedItem {
  author: Pick<Author, 'id' | 'name'>;
  title?: string;
  text: string;
  /** Which space holds the content (the one to purge after deleting it). */
  space: 'community' | 'directory';
  /** Removes the content (the model's remove, which also clears its text). */
  remove(by: Author): void;
}

export function resolveItems(
  queue: QueueItem[],
  community: CommunitySpace,
  directory: Directory | undefined,
): Map<string, ResolvedItem> {
  const resolved = new Map<string, ResolvedItem>();
  const comments = queue.some((q) => q.kind === 'comment') ? commentIndex(community) : null;
  const ideas = queue.some((q) => q.kind === 'idea') ? ideaIndex(community) : null;
  for (const { itemId: id, kind } of queue) {
    const item = resolveOne(id, kind, community, directory, comments, ideas);
    if (item) resolved.set(id, item);
  }
  return resolved;
}

type CommentIndex = Map<string, { postId: string; author: Author; body: string }>;

function commentIndex(community: CommunitySpace): CommentIndex {
  const index: CommentIndex = new Map();
  for (const post of community.posts.list()) {
    for (const c of post.comments) {
      if (!c.removed) index.set(c.id, { postId: post.id, author: c.author, body: c.body });
    }
  }
  return index;
}

type IdeaIndex = Map<string, IdeaView & { roundId: string }>;

function ideaIndex(community: CommunitySpace): IdeaIndex {
  const index: IdeaIndex = new Map();
  for (const round of community.participation.list()) {
    for (const idea of round.ideas) index.set(idea.id, { ...idea, roundId: round.id });
  }
  return index;
}

function resolveOne(
  id: string,
  kind: QueueItem['kind'],
  community: CommunitySpace,
  directory: Directory | undefined,
  comments: CommentIndex | null,
  ideas: IdeaIndex | null,
): ResolvedItem | null {
  switch (kind) {
    case 'post': {
      const post = community.posts.get(id);
      return post
        ? {
            author: post.author,
            title: post.title,
            text: post.body,
            space: 'community',
            remove: (by) => community.posts.remove(id, by),
          }
        : null;
    }
    case 'comment': {
      const comment = comments?.get(id);
      return comment
        ? {
            author: comment.author,
            text: comment.body,
            space: 'community',
            remove: (by) => community.posts.removeComment(comment.postId, id, by),
          }
        : null;
    }
    case 'event': {
      const event = community.events.get(id);
      return event
        ? {
            author: event.organiser,
            title: event.title,
            text: event.description,
            space: 'community',
            remove: (by) => community.events.remove(id, by),
          }
        : null;
    }
    case 'profile': {
      const profile = directory?.get(id);
      return profile && directory
        ? {
            author: { id: profile.memberId, name: profile.displayName },
            title: profile.displayName,
            text: [profile.area, profile.about].filter(Boolean).join('\n'),
            space: 'directory',
            remove: (by) => directory.remove(id, by),
          }
        : null;
    }
    case 'idea': {
      const idea = ideas?.get(id);
      return idea
        ? {
            author: idea.author,
            title: idea.title,
            text: idea.text,
            space: 'community',
            remove: (by) => community.participation.removeIdea(idea.roundId, id, by),
          }
        : null;
    }
  }
}
