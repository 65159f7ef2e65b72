/** The `<nb>/public` document: readable by everyone, written by moderators and officials. */
import type * as Y from 'yjs';
import { type ModelContext, modelContext } from '../context.js';
import { isSchemaTooNew, observeSchema } from '../schema-version.js';
import { Boards } from './boards/boards.js';
import { CrisisAlerts } from './crisis.js';
import { Settings } from './settings.js';
import { SocialMap } from './social-map/social-map.js';

export class PublicSpace {
  readonly settings: Settings;
  readonly crisis: CrisisAlerts;
  readonly boards: Boards;
  /** Organisations, regulations and residents' stories (sociale kaart). */
  readonly socialMap: SocialMap;

  constructor(
    readonly doc: Y.Doc,
    ctx: Partial<ModelContext> = {},
  ) {
    this.settings = new Settings(doc);
    const context = modelContext(ctx);
    this.crisis = new CrisisAlerts(doc, context);
    this.boards = new Boards(doc, context);
    this.socialMap = new SocialMap(doc, context);
  }

  get readOnly(): boolean {
    return isSchemaTooNew(this.doc);
  }

  /** Calls `listener` when `readOnly` may have changed (a newer schema arrived). */
  observeReadOnly(listener: () => void): () => void {
    return observeSchema(this.doc, listener);
  }
}
