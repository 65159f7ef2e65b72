/** The `<nb>/community` document: what members write (DESIGN.md §3). */
import type * as Y from 'yjs';
import { type ModelContext, modelContext } from '../context.js';
import { isSchemaTooNew, observeSchema } from '../schema-version.js';
import { CrisisQuestions } from './crisis-questions.js';
import { Events, type EventsOptions } from './events.js';
import { Posts } from './posts.js';
import { Reports } from './reports.js';
import { Participation } from '../participation/participation.js';

export type CommunitySpaceOptions = EventsOptions;

export class CommunitySpace {
  readonly posts: Posts;
  readonly events: Events;
  /** Questions and answers under crisis alerts (the alerts live in `public`). */
  readonly crisisQuestions: CrisisQuestions;
  /** Participation rounds on municipal plans. */
  readonly participation: Participation;
  /** Members' reports of posts, comments, events, ideas and profiles. */
  readonly reports: Reports;

  constructor(
    readonly doc: Y.Doc,
    ctx: Partial<ModelContext> = {},
    options: CommunitySpaceOptions = {},
  ) {
    const context = modelContext(ctx);
    this.posts = new Posts(doc, context);
    this.events = new Events(doc, context, options);
    this.crisisQuestions = new CrisisQuestions(doc, context);
    this.participation = new Participation(doc, context);
    this.reports = new Reports(doc, context);
  }

  /** True when a newer app wrote this document: show it, but do not write. */
  get readOnly(): boolean {
    return isSchemaTooNew(this.doc);
  }

  /** Calls `listener` when `readOnly` may have changed (a newer schema arrived). */
  observeReadOnly(listener: () => void): () => void {
    return observeSchema(this.doc, listener);
  }
}
