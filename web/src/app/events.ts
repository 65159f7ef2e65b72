/** Typed events that components fire (all bubble and cross shadow roots). */
import type { Session } from '../identity/session.js';

/** The device joined a neighbourhood; `session` is the new member session. */
export class BhJoinedEvent extends Event {
  static readonly type = 'bh-joined';
  constructor(readonly session: Session) {
    super(BhJoinedEvent.type, { bubbles: true, composed: true });
  }
}

/** A post was published; `postId` is its id. */
export class BhPostCreatedEvent extends Event {
  static readonly type = 'bh-post-created';
  constructor(readonly postId: string) {
    super(BhPostCreatedEvent.type, { bubbles: true, composed: true });
  }
}

/** A post was removed by its author or a moderator. */
export class BhPostRemovedEvent extends Event {
  static readonly type = 'bh-post-removed';
  constructor(readonly postId: string) {
    super(BhPostRemovedEvent.type, { bubbles: true, composed: true });
  }
}

/** A comment was published under `postId`. */
export class BhCommentCreatedEvent extends Event {
  static readonly type = 'bh-comment-created';
  constructor(
    readonly postId: string,
    readonly commentId: string,
  ) {
    super(BhCommentCreatedEvent.type, { bubbles: true, composed: true });
  }
}

/** The user asked to load the waiting new version of the app. */
export class BhUpdateAcceptEvent extends Event {
  static readonly type = 'bh-update-accept';
  constructor() {
    super(BhUpdateAcceptEvent.type, { bubbles: true, composed: true });
  }
}

/** The user dismissed the update prompt for now. */
export class BhUpdateDismissEvent extends Event {
  static readonly type = 'bh-update-dismiss';
  constructor() {
    super(BhUpdateDismissEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'bh-joined': BhJoinedEvent;
    'bh-post-created': BhPostCreatedEvent;
    'bh-post-removed': BhPostRemovedEvent;
    'bh-comment-created': BhCommentCreatedEvent;
    'bh-update-accept': BhUpdateAcceptEvent;
    'bh-update-dismiss': BhUpdateDismissEvent;
  }
}
