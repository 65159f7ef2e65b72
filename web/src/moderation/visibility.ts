/**
 * What a view may show of an item after reports and moderators' decisions: a reactive
 * controller every list and detail view uses the same way. An item hidden by a moderator, or
 * waiting for review after enough reports, is left out for other members; its author and
 * the moderators still see it, marked (`bh-moderation-notice`).
 *
 * Reports and hidden items are read once per change, not once per item: a feed of thousands
 * of posts asks for each of them on every render.
 */
import {
  type CommunitySpace,
  type ItemStatus,
  type ModerationSpace,
  type ReportView,
  isShownTo,
  itemStatus,
} from '@buurthub/shared';
import { ContextConsumer } from '@lit/context';
import { type ReactiveController, type ReactiveControllerHost, html, nothing } from 'lit';
import { communityContext, identityContext } from '../app/context.js';
import { ObserveController } from '../app/controllers.js';
import '../components/bh-moderation-notice/bh-moderation-notice.js';
import { moderationContext } from './context.js';

type Host = ReactiveControllerHost & HTMLElement;

const VISIBLE: ItemStatus = { state: 'visible', openReports: 0 };

export class ModerationVisibility implements ReactiveController {
  private readonly community: ContextConsumer<{ __context__: CommunitySpace | undefined }, Host>;
  private readonly moderation: ContextConsumer<{ __context__: ModerationSpace | undefined }, Host>;
  private readonly identity;
  private reports: Map<string, ReportView[]> | null = null;
  private hidden: Set<string> | null = null;

  constructor(host: Host) {
    this.community = new ContextConsumer(host, { context: communityContext, subscribe: true });
    this.moderation = new ContextConsumer(host, { context: moderationContext, subscribe: true });
    this.identity = new ContextConsumer(host, { context: identityContext, subscribe: true });
    const stale = (subscribe: (changed: () => void) => () => void) => (changed: () => void) =>
      subscribe(() => {
        this.reports = null;
        this.hidden = null;
        changed();
      });
    new ObserveController(
      host,
      () => this.community.value?.reports,
      (reports, changed) => stale((c) => reports.observe(c))(changed),
    );
    new ObserveController(
      host,
      () => this.moderation.value,
      (moderation, changed) => stale((c) => moderation.observe(c))(changed),
    );
    new ObserveController(
      host,
      () => this.identity.value,
      (identity, changed) => identity.onChange(changed),
    );
    host.addController(this);
  }

  hostUpdate(): void {
    // A context value that arrived (or changed) since the last render invalidates the cache.
    this.reports = null;
    this.hidden = null;
  }

  /** The item's status; visible when nobody reported or hid it (or before the spaces load). */
  status(itemId: string): ItemStatus {
    const moderation = this.moderation.value;
    const community = this.community.value;
    if (!moderation || !community) return VISIBLE;
    this.reports ??= community.reports.all();
    this.hidden ??= new Set(moderation.hiddenItems().keys());
    const reports = this.reports.get(itemId);
    if (!reports && !this.hidden.has(itemId)) return VISIBLE;
    return itemStatus(itemId, reports ?? [], moderation);
  }

  /** Whether this member sees the item written by `authorId`. */
  shows(itemId: string, authorId: string): boolean {
    return isShownTo(this.status(itemId), authorId, this.identity.value?.current ?? null);
  }

  /** Why the item is not shown to others, for its author and the moderators (or nothing). */
  notice(itemId: string) {
    const status = this.status(itemId);
    return status.state === 'visible'
      ? nothing
      : html`<bh-moderation-notice .status=${status}></bh-moderation-notice>`;
  }
}
