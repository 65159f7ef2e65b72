/**
 * The moderation queue (`#moderatie`), for moderators and officials: every reported item
 * with its reports since the last decision, most reported first, then every hidden item.
 * A moderator hides an item (the author sees the reason), restores it, keeps it (dismisses
 * the reports) or deletes it for real, and warns, suspends or removes its author. Every
 * decision is a write in the moderation space with a reason, so it works offline and
 * appears in the public log; suspending and removing also revoke the member's tokens at
 * the relay, which waits on the device for a connection (moderation/revocations.ts).
 * Officials see the queue; only moderators decide (DESIGN.md §3: they alone write the
 * moderation space). Other members are told the queue is not for them.
 */
import {
  type Author,
  type CommunitySpace,
  type DirectorySpace,
  type ModerationSpace,
  type QueueItem,
  type ReportedKind,
  canModerate,
  moderationQueue,
} from '@buurthub/shared';
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import {
  communityContext,
  directoryContext,
  identityContext,
  sessionsContext,
} from '../../app/context.js';
import { ObserveController } from '../../app/controllers.js';
import type { IdentityService } from '../../app/identity.js';
import type { Sessions } from '../../identity/session.js';
import { LocaleController, formatDateTime, t } from '../../i18n/i18n.js';
import { moderationContext } from '../../moderation/context.js';
import { moderationHeader, observeModeration } from '../../moderation/page.js';
import { type ResolvedItem, resolveItems } from '../../moderation/resolve-items.js';
import { type Revocation, Revocations } from '../../moderation/revocations.js';
import { localStore } from '../../sync/local-store.js';
import { styles } from './bh-moderation-queue.styles.js';

const SUSPENSION_DAYS = 14;

type Decision = 'hide' | 'restore' | 'dismiss' | 'delete' | 'warn' | 'suspend' | 'remove-member';

/** What happened after a decision, shown under the item (or at the top once it left). */
interface Outcome {
  key: Parameters<typeof t>[0];
  problem?: boolean;
}

@customElement('bh-moderation-queue')
export class BhModerationQueue extends LitElement {
  static override styles = styles;

  @property() nb = '';
  @property({ type: Boolean }) readOnly = false;
  /**
   * Erasure: asks the relay to purge a room after a delete for real (the app's
   * `requestPurge`); resolves once it is gone on the server, waits while offline.
   */
  @property({ attribute: false }) purge?: (space: ResolvedItem['space']) => Promise<void>;

  @consume({ context: communityContext, subscribe: true })
  @state()
  private community?: CommunitySpace;
  @consume({ context: directoryContext, subscribe: true })
  @state()
  private directory?: DirectorySpace;
  @consume({ context: moderationContext, subscribe: true })
  @state()
  private moderation?: ModerationSpace;
  @consume({ context: identityContext, subscribe: true })
  @state()
  private identity?: IdentityService;
  @consume({ context: sessionsContext, subscribe: true })
  @state()
  private sessions?: Sessions;

  /** Per item: a missing reason, or what the last decision did. */
  @state() private errors = new Map<string, string>();
  @state() private outcomes = new Map<string, Outcome>();
  @state() private waitingRevocations = 0;
  @state() private thresholdSaved = false;
  @query('dialog') private confirmDialog!: HTMLDialogElement;
  private revocations?: Revocations;
  private returnFocus: HTMLElement | null = null;
  private readonly onOnline = () => void this.flushRevocations();

  constructor() {
    super();
    new LocaleController(this);
    new ObserveController(
      this,
      () => this.community?.reports,
      (r, c) => r.observe(c),
    );
    new ObserveController(
      this,
      () => this.community?.posts,
      (p, c) => p.observe(c),
    );
    new ObserveController(
      this,
      () => this.community?.events,
      (e, c) => e.observe(c),
    );
    new ObserveController(
      this,
      () => this.community?.participation,
      (p, c) => p.observe(c),
    );
    new ObserveController(
      this,
      () => this.directory?.profiles,
      (d, c) => d.observe(c),
    );
    observeModeration(
      this,
      () => this.moderation,
      () => this.identity,
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.onOnline);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.onOnline);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if ((changed.has('nb') || changed.has('sessions')) && this.nb && this.sessions) {
      const sessions = this.sessions;
      this.revocations = new Revocations({
        nb: this.nb,
        token: () => sessions.usableToken(this.nb),
        online: () => navigator.onLine,
        fetch: (input, init) => fetch(input, init),
        store: localStore,
      });
      void this.flushRevocations();
    }
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private get me(): Author | null {
    return this.identity?.current ?? null;
  }

  /** Only moderators decide; officials look along. */
  private get decides(): boolean {
    return !this.readOnly && this.me?.role === 'moderator' && !this.moderation?.readOnly;
  }

  override render() {
    const me = this.me;
    const header = moderationHeader('queue', true);
    if (!me || !canModerate(me.role) || !this.community || !this.moderation) {
      return html`<section aria-labelledby="queue-heading">
        ${header}
        <p class="notice" role="note">${t('moderation.onlyModerators')}</p>
      </section>`;
    }
    const queue = moderationQueue(this.community.reports.all(), this.moderation);
    const items = resolveItems(queue, this.community, this.directory?.profiles);
    return html`<section aria-labelledby="queue-heading">
      ${header}
      <p class="intro">${t('moderation.queueIntro', { count: this.moderation.reportThreshold })}</p>
      ${
        this.decides
          ? nothing
          : html`<p class="notice" role="note">${t('moderation.officialsLook')}</p>`
      }
      ${
        this.waitingRevocations > 0
          ? html`<p class="notice" role="status">
              ${t('moderation.revocationsWaiting', { count: this.waitingRevocations })}
            </p>`
          : nothing
      }
      ${this.decides ? this.renderThreshold() : nothing} ${this.renderOutcomesOfGoneItems(queue)}
      ${
        queue.length === 0
          ? html`<p class="empty">${t('moderation.queueEmpty')}</p>`
          : html`<ol class="queue">
              ${queue.map((item) => html`<li>${this.renderItem(item, items.get(item.itemId))}</li>`)}
            </ol>`
      }
      ${this.renderConfirm()}
    </section>`;
  }

  /** A decision that took the item out of the queue still says what it did. */
  private renderOutcomesOfGoneItems(queue: QueueItem[]) {
    const inQueue = new Set(queue.map((q) => q.itemId));
    const gone = [...this.outcomes].filter(([id]) => !inQueue.has(id));
    return html`<div role="status">
      ${gone.map(
        ([, outcome]) =>
          html`<p class="result ${outcome.problem ? 'problem' : ''}">${t(outcome.key)}</p>`,
      )}
    </div>`;
  }

  private renderItem(item: QueueItem, resolved: ResolvedItem | undefined) {
    const id = item.itemId;
    const headingId = `item-${id}`;
    const error = this.errors.get(id);
    const outcome = this.outcomes.get(id);
    const { status } = item;
    return html`<article class="card" aria-labelledby=${headingId}>
      <h3 id=${headingId}>
        <span>${t(`moderation.kind.${item.kind}`)}</span>
        <span class="state ${status.state}">${t(`moderation.state.${status.state}`)}</span>
      </h3>
      ${
        resolved
          ? html`<p class="who">${t('moderation.by', { name: resolved.author.name })}</p>
              <blockquote>
                ${resolved.title ? html`<p><strong>${resolved.title}</strong></p>` : nothing}
                ${resolved.text ? html`<p>${resolved.text}</p>` : nothing}
              </blockquote>`
          : html`<p class="who">${t('moderation.notFound')}</p>`
      }
      ${
        status.state === 'hidden'
          ? html`<p class="decision">
              ${t('moderation.hiddenBecause', {
                reason: status.hidden.reason,
                role: t(`role.${status.hidden.by.role}`),
                when: formatDateTime(status.hidden.at),
              })}
            </p>`
          : nothing
      }
      ${
        item.reports.length > 0
          ? html`<p>${t('moderation.reports', { count: item.reports.length })}</p>
              <ul class="reports">
                ${item.reports.map(
                  (r) =>
                    html`<li>
                      <strong>${t(`report.reason.${r.reason}`)}</strong
                      >${r.note ? `: ${r.note}` : ''} (<time
                        datetime=${new Date(r.at).toISOString()}
                        >${formatDateTime(r.at)}</time
                      >)
                    </li>`,
                )}
              </ul>`
          : nothing
      }
      ${this.decides ? this.renderDecisions(item, resolved, error) : nothing}
      <p class="result ${outcome?.problem ? 'problem' : ''}" role="status">
        ${outcome ? t(outcome.key) : ''}
      </p>
    </article>`;
  }

  private renderDecisions(item: QueueItem, resolved: ResolvedItem | undefined, error?: string) {
    const id = item.itemId;
    const reasonId = `reason-${id}`;
    const hidden = item.status.state === 'hidden';
    const act = (decision: Decision) => (e: Event) => this.decide(e, item, resolved, decision);
    return html`<div class="field">
        <label for=${reasonId}>${t('moderation.reasonLabel')}</label>
        <textarea
          id=${reasonId}
          rows="2"
          maxlength="500"
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? `${reasonId}-error` : nothing}
          @input=${() => this.setError(id, undefined)}
        ></textarea>
        ${error ? html`<p id="${reasonId}-error" class="field-error">${error}</p>` : nothing}
      </div>
      <fieldset>
        <legend>${t('moderation.aboutItem')}</legend>
        <div class="actions">
          ${
            hidden
              ? html`<button type="button" class="primary" @click=${act('restore')}>
                  ${t('moderation.restore')}
                </button>`
              : html`<button type="button" class="primary" @click=${act('hide')}>
                    ${t('moderation.hide')}
                  </button>
                  <button type="button" class="secondary" @click=${act('dismiss')}>
                    ${t('moderation.dismiss')}
                  </button>`
          }
          ${
            resolved
              ? html`<button type="button" class="secondary danger" @click=${act('delete')}>
                  ${t('moderation.delete')}
                </button>`
              : nothing
          }
        </div>
      </fieldset>
      ${
        resolved
          ? html`<fieldset>
              <legend>${t('moderation.aboutMember', { name: resolved.author.name })}</legend>
              <div class="actions">
                <button type="button" class="secondary" @click=${act('warn')}>
                  ${t('moderation.warn')}
                </button>
                <button type="button" class="secondary danger" @click=${act('suspend')}>
                  ${t('moderation.suspend', { count: SUSPENSION_DAYS })}
                </button>
                <button type="button" class="secondary danger" @click=${act('remove-member')}>
                  ${t('moderation.removeMember')}
                </button>
              </div>
            </fieldset>`
          : nothing
      }`;
  }

  /** The neighbourhood's number of reports that hides an item pending review. */
  private renderThreshold() {
    return html`<form class="threshold" @submit=${this.saveThreshold}>
      <label for="threshold">${t('moderation.thresholdLabel')}</label>
      <div class="threshold-row">
        <input
          id="threshold"
          type="number"
          min="1"
          max="50"
          required
          .value=${String(this.moderation?.reportThreshold ?? '')}
        />
        <button type="submit" class="secondary">${t('moderation.thresholdSave')}</button>
      </div>
      <p class="result" role="status">
        ${this.thresholdSaved ? t('moderation.thresholdSaved') : ''}
      </p>
    </form>`;
  }

  private saveThreshold(event: SubmitEvent) {
    event.preventDefault();
    const field = (event.currentTarget as HTMLFormElement).querySelector('input');
    const value = Number(field?.value);
    const me = this.me;
    if (!me || !this.moderation || !field?.checkValidity()) return;
    this.moderation.setReportThreshold(value, me);
    this.thresholdSaved = true;
  }

  private renderConfirm() {
    return html`<dialog aria-labelledby="confirm-heading" @close=${this.onConfirmClose}>
      <h3 id="confirm-heading">${t('moderation.deleteConfirm')}</h3>
      <p>${t('moderation.deleteHint')}</p>
      <div class="actions">
        <button type="button" class="primary danger-solid" @click=${this.confirmDelete}>
          ${t('moderation.delete')}
        </button>
        <button type="button" class="secondary" @click=${() => this.confirmDialog.close()}>
          ${t('moderation.cancel')}
        </button>
      </div>
    </dialog>`;
  }

  private setError(id: string, message: string | undefined) {
    const next = new Map(this.errors);
    if (message) next.set(id, message);
    else next.delete(id);
    this.errors = next;
  }

  private setOutcome(id: string, outcome: Outcome) {
    this.outcomes = new Map(this.outcomes).set(id, outcome);
  }

  private reasonOf(item: QueueItem): string {
    return (
      this.renderRoot.querySelector<HTMLTextAreaElement>(`#reason-${CSS.escape(item.itemId)}`)
        ?.value ?? ''
    ).trim();
  }

  private pendingDelete: { item: QueueItem; resolved: ResolvedItem; why: string } | null = null;

  private decide(event: Event, item: QueueItem, resolved: ResolvedItem | undefined, d: Decision) {
    const me = this.me;
    const moderation = this.moderation;
    if (!me || !moderation) return;
    const id = item.itemId;
    const why = this.reasonOf(item);
    if (!why) {
      this.setError(id, t('moderation.reasonRequired'));
      this.renderRoot.querySelector<HTMLElement>(`#reason-${CSS.escape(id)}`)?.focus();
      return;
    }
    const kind: ReportedKind = item.kind;
    switch (d) {
      case 'hide':
        moderation.hide(id, why, me, kind);
        this.setOutcome(id, { key: 'moderation.done.hide' });
        break;
      case 'restore':
        moderation.restore(id, why, me, kind);
        this.setOutcome(id, { key: 'moderation.done.restore' });
        break;
      case 'dismiss':
        moderation.dismiss(id, why, me, kind);
        this.setOutcome(id, { key: 'moderation.done.dismiss' });
        break;
      case 'delete':
        if (!resolved) return;
        this.pendingDelete = { item, resolved, why };
        this.returnFocus = event.currentTarget as HTMLElement;
        this.confirmDialog.showModal();
        return;
      case 'warn':
        if (!resolved) return;
        moderation.warn(resolved.author.id, why, me);
        this.setOutcome(id, { key: 'moderation.done.warn' });
        break;
      case 'suspend':
      case 'remove-member':
        if (!resolved) return;
        if (d === 'suspend') {
          const endsAt = Date.now() + SUSPENSION_DAYS * 86_400_000;
          moderation.suspend(resolved.author.id, endsAt, why, me);
          void this.revoke(id, { memberId: resolved.author.id, reason: why, endsAt }, d);
        } else {
          moderation.removeMember(resolved.author.id, why, me);
          void this.revoke(id, { memberId: resolved.author.id, reason: why }, d);
        }
        break;
    }
    this.clearReason(id);
  }

  private clearReason(id: string) {
    const field = this.renderRoot.querySelector<HTMLTextAreaElement>(`#reason-${CSS.escape(id)}`);
    if (field) field.value = '';
  }

  private confirmDelete() {
    const pending = this.pendingDelete;
    const me = this.me;
    if (pending && me && this.community && this.moderation) {
      const { item, resolved, why } = pending;
      resolved.remove(me);
      this.moderation.recordDeletion(item.itemId, why, me, item.kind);
      this.setOutcome(item.itemId, { key: 'moderation.done.delete' });
      void this.purge?.(resolved.space).then(
        () => this.setOutcome(item.itemId, { key: 'moderation.done.purged' }),
        () => this.setOutcome(item.itemId, { key: 'moderation.purgeFailed', problem: true }),
      );
      this.returnFocus = this.renderRoot.querySelector<HTMLElement>('h2');
    }
    this.pendingDelete = null;
    this.confirmDialog.close();
  }

  private onConfirmClose() {
    this.returnFocus?.focus();
    this.returnFocus = null;
  }

  private async revoke(itemId: string, revocation: Revocation, d: Decision) {
    if (!this.revocations) return;
    this.setOutcome(itemId, { key: 'moderation.revoking' });
    const result = await this.revocations.revoke(revocation);
    const done = d === 'suspend' ? 'moderation.done.suspend' : 'moderation.done.remove-member';
    if (result.state === 'revoked') this.setOutcome(itemId, { key: done });
    else if (result.state === 'waiting') {
      this.setOutcome(itemId, { key: 'moderation.revocationWaits', problem: true });
    } else {
      this.setOutcome(itemId, { key: 'moderation.revocationRefused', problem: true });
    }
    this.waitingRevocations = this.revocations.waiting().length;
  }

  private async flushRevocations() {
    if (!this.revocations) return;
    await this.revocations.flush();
    this.waitingRevocations = this.revocations.waiting().length;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-moderation-queue': BhModerationQueue;
  }
}
