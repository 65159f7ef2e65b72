/**
 * The member's account in one neighbourhood ("Je account", `#account`): download what
 * they wrote (JSON and a readable page, made on this device), for officials the whole
 * neighbourhood's export from the relay, and "Delete my account" with a confirmation step
 * and its progress: erase on this device, wait until the relay purged the rooms (and this
 * device compacted its copy), then delete the relay's records and revoke the tokens.
 *
 * @fires bh-account-deleted - the account is gone; the app turns this device into a guest
 */
import {
  type CommunitySpace,
  type DirectorySpace,
  type MemberDataLabels,
  collectMemberData,
  eraseMemberContent,
  memberDataHtml,
} from '@buurthub/shared';
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { communityContext, directoryContext, sessionsContext } from '../../app/context.js';
import { downloadText } from '../../app/download.js';
import { RelayApiError, callRelay } from '../../app/relay-api.js';
import type { Sessions } from '../../identity/session.js';
import { LocaleController, formatDateTime, getLocale, t } from '../../i18n/i18n.js';
import { styles } from './bh-account.styles.js';

/** Asks the relay to purge a room and waits until it did (Neighbourhood.requestPurge). */
export type PurgeRoom = (space: 'community' | 'directory') => Promise<void>;

type Step = 'erase' | 'purge' | 'relay';
const STEPS: readonly Step[] = ['erase', 'purge', 'relay'];

export class BhAccountDeletedEvent extends Event {
  static readonly type = 'bh-account-deleted';
  constructor() {
    super(BhAccountDeletedEvent.type, { bubbles: true, composed: true });
  }
}

@customElement('bh-account')
export class BhAccount extends LitElement {
  static override styles = styles;

  @property() nb = '';
  /** How this view has the relay purge a room; the app passes its neighbourhood's. */
  @property({ attribute: false }) purge?: PurgeRoom;

  @consume({ context: communityContext, subscribe: true })
  @state()
  private community?: CommunitySpace;
  @consume({ context: directoryContext, subscribe: true })
  @state()
  private directory?: DirectorySpace;
  @consume({ context: sessionsContext }) private sessions?: Sessions;

  @state() private status = '';
  @state() private exporting = false;
  @state() private understood = false;
  @state() private confirmError = '';
  /** The step of a running deletion, or 'done'; null before one starts. */
  @state() private deleting: Step | 'done' | null = null;
  @state() private deleteError = '';

  constructor() {
    super();
    new LocaleController(this);
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private get session() {
    return this.sessions?.get(this.nb) ?? null;
  }

  private relayDeps() {
    return {
      token: () => this.sessions?.usableToken(this.nb) ?? null,
      online: () => navigator.onLine,
    };
  }

  override render() {
    const session = this.session;
    if (this.deleting === 'done') {
      return html`<section class="card" aria-labelledby="account-heading">
        <h2 id="account-heading" tabindex="-1">${t('account.heading')}</h2>
        <p role="status">${t('account.delete.done')}</p>
        <p><a href=${`/nb/${this.nb}/`}>${t('account.delete.toFeed')}</a></p>
      </section>`;
    }
    if (!session || !this.community) {
      return html`<section class="card" aria-labelledby="account-heading">
        <h2 id="account-heading" tabindex="-1">${t('account.heading')}</h2>
        <p>${t('account.noSession')}</p>
      </section>`;
    }
    const role = t(`account.role.${session.role as 'resident' | 'moderator' | 'official'}`);
    return html`<section class="card" aria-labelledby="account-heading">
        <h2 id="account-heading" tabindex="-1">${t('account.heading')}</h2>
        <p>${t('account.signedInAs', { name: session.name, role })}</p>
        <p class="status" role="status">${this.status}</p>
      </section>
      <section class="card" aria-labelledby="data-heading">
        <h3 id="data-heading">${t('account.data.heading')}</h3>
        <p class="hint">${t('account.data.intro')}</p>
        <div class="actions">
          <button type="button" class="secondary" @click=${() => this.downloadData('json')}>
            ${t('account.data.json')}
          </button>
          <button type="button" class="secondary" @click=${() => this.downloadData('html')}>
            ${t('account.data.html')}
          </button>
        </div>
      </section>
      ${session.role === 'official' ? this.renderExport() : nothing} ${this.renderDelete()}`;
  }

  private renderExport() {
    return html`<section class="card" aria-labelledby="export-heading">
      <h3 id="export-heading">${t('account.export.heading')}</h3>
      <p class="hint">${t('account.export.intro')}</p>
      <div class="actions">
        <button
          type="button"
          class="secondary"
          ?disabled=${this.exporting}
          @click=${this.downloadExport}
        >
          ${this.exporting ? t('account.export.busy') : t('account.export.download')}
        </button>
      </div>
    </section>`;
  }

  private renderDelete() {
    const running = this.deleting !== null;
    return html`<section class="card" aria-labelledby="delete-heading">
      <h3 id="delete-heading" tabindex="-1">${t('account.delete.heading')}</h3>
      <p>${t('account.delete.intro')}</p>
      ${
        running
          ? this.renderProgress()
          : html`<div class="actions">
              <button type="button" class="secondary danger" @click=${this.openConfirm}>
                ${t('account.delete.start')}
              </button>
            </div>`
      }
      ${this.deleteError ? html`<p class="error" role="alert">${this.deleteError}</p>` : nothing}
      ${
        this.deleteError && running
          ? html`<div class="actions">
              <button type="button" class="secondary" @click=${this.deleteAccount}>
                ${t('account.delete.retry')}
              </button>
            </div>`
          : nothing
      }
      <dialog aria-labelledby="confirm-heading" @close=${this.onConfirmClose}>
        <form method="dialog" novalidate @submit=${this.onConfirmSubmit}>
          <h3 id="confirm-heading">${t('account.delete.confirmHeading')}</h3>
          <p>${t('account.delete.confirmText')}</p>
          <div class="check">
            <input
              id="understand"
              type="checkbox"
              .checked=${this.understood}
              aria-invalid=${this.confirmError ? 'true' : 'false'}
              aria-describedby=${this.confirmError ? 'understand-error' : nothing}
              @change=${(e: Event) => {
                this.understood = (e.target as HTMLInputElement).checked;
                this.confirmError = '';
              }}
            />
            <label for="understand">${t('account.delete.understand')}</label>
          </div>
          ${
            this.confirmError
              ? html`<p class="field-error" id="understand-error" role="alert">
                  ${this.confirmError}
                </p>`
              : nothing
          }
          <div class="actions">
            <button type="submit" class="primary danger-solid">
              ${t('account.delete.confirm')}
            </button>
            <button type="button" class="secondary" @click=${this.closeConfirm}>
              ${t('account.delete.cancel')}
            </button>
          </div>
        </form>
      </dialog>
    </section>`;
  }

  private renderProgress() {
    const at =
      this.deleting === null || this.deleting === 'done' ? -1 : STEPS.indexOf(this.deleting);
    const state = (i: number) =>
      i < at
        ? t('account.delete.stepDone')
        : i === at
          ? t('account.delete.stepBusy')
          : t('account.delete.stepWaiting');
    return html`<ol class="steps" aria-live="polite">
      ${STEPS.map(
        (step, i) =>
          html`<li aria-current=${i === at ? 'step' : 'false'}>
            ${t(`account.delete.step.${step}`)}: <span class="state">${state(i)}</span>
          </li>`,
      )}
    </ol>`;
  }

  private labels(): MemberDataLabels {
    return {
      title: t('account.data.title'),
      exportedAt: t('account.data.exportedAt'),
      empty: t('account.data.empty'),
      sections: {
        posts: t('account.data.posts'),
        comments: t('account.data.comments'),
        events: t('account.data.events'),
        rsvps: t('account.data.rsvps'),
        questions: t('account.data.questions'),
        answers: t('account.data.answers'),
        ideas: t('account.data.ideas'),
        responses: t('account.data.responses'),
        reports: t('account.data.reports'),
        profile: t('account.data.profile'),
      },
    };
  }

  private downloadData(format: 'json' | 'html') {
    const session = this.session;
    if (!session || !this.community) return;
    const data = collectMemberData(
      session.sub,
      { community: this.community, directory: this.directory },
      Date.now(),
    );
    const base = `buurthub-${this.nb}-${new Date().toISOString().slice(0, 10)}`;
    if (format === 'json') {
      downloadText(`${base}.json`, 'application/json', `${JSON.stringify(data, null, 2)}\n`);
    } else {
      const page = memberDataHtml(data, this.labels(), formatDateTime, getLocale());
      downloadText(`${base}.html`, 'text/html', page);
    }
    this.status = t('account.data.ready');
  }

  private async downloadExport() {
    this.exporting = true;
    try {
      const backup = await callRelay(this.relayDeps(), 'GET', `/api/export/${this.nb}`);
      const date = new Date().toISOString().slice(0, 10);
      downloadText(`${this.nb}-export-${date}.json`, 'application/json', JSON.stringify(backup));
      this.status = t('account.export.ready');
    } catch (error) {
      this.status = this.reason(error);
    } finally {
      this.exporting = false;
    }
  }

  private reason(error: unknown): string {
    if (!(error instanceof RelayApiError)) throw error;
    return error.reason === 'refused'
      ? t('account.error.refused', { status: error.status ?? '' })
      : t(`account.error.${error.reason}`);
  }

  private async openConfirm() {
    this.deleteError = '';
    if (!navigator.onLine) {
      this.deleteError = t('account.delete.offline');
      return;
    }
    this.understood = false;
    this.confirmError = '';
    await this.updateComplete;
    this.renderRoot.querySelector('dialog')?.showModal();
  }

  private closeConfirm() {
    this.renderRoot.querySelector('dialog')?.close();
  }

  private onConfirmClose() {
    // Back to the button that opened it; once the deletion started, to its progress.
    const target = this.deleting === null ? '.actions button.danger' : '#delete-heading';
    this.renderRoot.querySelector<HTMLElement>(target)?.focus();
  }

  private onConfirmSubmit(event: SubmitEvent) {
    if (!this.understood) {
      event.preventDefault();
      this.confirmError = t('account.delete.mustConfirm');
      return;
    }
    void this.deleteAccount();
  }

  /**
   * Erase here, have the relay purge both rooms (it answers once this device compacted its
   * copy too), then delete the relay's records. Each step is safe to run again, so a
   * failure offers "try again" from the start.
   */
  private async deleteAccount() {
    const session = this.session;
    const community = this.community;
    if (!session || !community || !this.purge) return;
    this.deleteError = '';
    if (!navigator.onLine) {
      this.deleteError = t('account.delete.offline');
      return;
    }
    const me = { id: session.sub, name: session.name, role: session.role };
    this.deleting = 'erase';
    eraseMemberContent(session.sub, { community, directory: this.directory }, me, Date.now());
    this.deleting = 'purge';
    await Promise.all([this.purge('community'), this.directory ? this.purge('directory') : null]);
    this.deleting = 'relay';
    try {
      await callRelay(this.relayDeps(), 'DELETE', '/api/account');
    } catch (error) {
      this.deleteError = t('account.delete.failed', { reason: this.reason(error) });
      return;
    }
    this.deleting = 'done';
    this.dispatchEvent(new BhAccountDeletedEvent());
    await this.updateComplete;
    this.focusHeading();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-account': BhAccount;
  }
}
