/**
 * "Melden": a member reports a post, comment, event or profile to the moderators. Renders
 * the trigger (for members other than the item's author, when the app may write) and a
 * native modal `<dialog>` with the reasons from the model's fixed list and an optional note.
 * Reporting is a write in the community space, so it works offline and syncs later; one
 * report per member per item (reporting again replaces the earlier one, prefilled here).
 * Focus returns to the trigger when the dialog closes (Escape, Cancel or sending).
 *
 * @fires bh-report-sent - a report was saved; the app confirms it (the item may disappear
 *   from the view at once, when it reached the report threshold)
 * @csspart trigger - the "Melden" button
 */
import {
  type Author,
  type CommunitySpace,
  DEFAULT_REPORT_THRESHOLD,
  type ModerationSpace,
  REPORT_REASONS,
  type ReportReason,
  type ReportView,
  type ReportedKind,
  isMember,
} from '@buurthub/shared';
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { communityContext, identityContext } from '../../app/context.js';
import { ObserveController } from '../../app/controllers.js';
import type { IdentityService } from '../../app/identity.js';
import { LocaleController, t } from '../../i18n/i18n.js';
import { moderationContext } from '../../moderation/context.js';
import { styles } from './bh-report-dialog.styles.js';

const NOTE_MAX = 500;

export class BhReportSentEvent extends Event {
  constructor() {
    super('bh-report-sent', { bubbles: true, composed: true });
  }
}

@customElement('bh-report-dialog')
export class BhReportDialog extends LitElement {
  static override styles = styles;

  /** The reported item's id. */
  @property() itemId = '';
  @property() kind: ReportedKind = 'post';
  /** Its author: nobody reports their own item. */
  @property() authorId = '';
  /** Names the item for screen readers, e.g. "Bericht ‘Tuinfeest’ melden". */
  @property() label = '';
  @property({ type: Boolean }) readOnly = false;

  @consume({ context: communityContext, subscribe: true })
  @state()
  private community?: CommunitySpace;
  @consume({ context: moderationContext, subscribe: true })
  @state()
  private moderation?: ModerationSpace;
  @consume({ context: identityContext, subscribe: true })
  @state()
  private identity?: IdentityService;

  @state() private error = '';
  /**
   * The dialog is in the DOM only while it is open: a feed has a report button on every post
   * and comment, and a closed dialog's form for each of them made scrolling slow.
   */
  @state() private dialogOpen = false;
  @query('dialog') private dialog!: HTMLDialogElement;
  @query('button.trigger') private trigger!: HTMLButtonElement;

  constructor() {
    super();
    new LocaleController(this);
    new ObserveController(
      this,
      () => this.community?.reports,
      (reports, changed) => reports.observe(changed),
    );
    new ObserveController(
      this,
      () => this.identity,
      (identity, changed) => identity.onChange(changed),
    );
  }

  /** Members other than the author report; the demo asks for a name first. */
  private get mayReport(): boolean {
    if (this.readOnly || !this.community || !this.identity) return false;
    const me = this.identity.current;
    if (!me) return this.identity.editable;
    return isMember(me.role) && me.id !== this.authorId;
  }

  private get mine() {
    const me = this.identity?.current;
    return me
      ? this.community?.reports.of(this.itemId).find((r) => r.reporterId === me.id)
      : undefined;
  }

  override render() {
    if (!this.mayReport) return nothing;
    const mine = this.mine;
    return html`<button
        type="button"
        class="trigger"
        part="trigger"
        aria-haspopup="dialog"
        aria-label=${mine ? t('report.changeNamed', { what: this.label }) : this.label || nothing}
        @click=${this.open}
      >
        ${mine ? t('report.reported') : t('report.action')}
      </button>
      ${this.dialogOpen ? this.renderDialog(mine) : nothing}`;
  }

  private renderDialog(mine: ReportView | undefined) {
    return html`<dialog aria-labelledby="report-heading" @close=${this.onClose}>
      <form novalidate @submit=${this.onSubmit}>
        <h2 id="report-heading">${t(`report.heading.${this.kind}`)}</h2>
        <p class="hint">
          ${t('report.intro', {
            count: this.moderation?.reportThreshold ?? DEFAULT_REPORT_THRESHOLD,
          })}
        </p>
        <fieldset
          aria-invalid=${this.error ? 'true' : 'false'}
          aria-describedby=${this.error ? 'reason-error' : nothing}
        >
          <legend>${t('report.reasonLegend')}</legend>
          ${REPORT_REASONS.map(
            (reason) =>
              html`<label class="reason">
                <input
                  type="radio"
                  name="reason"
                  value=${reason}
                  .checked=${mine?.reason === reason}
                  @change=${() => (this.error = '')}
                />
                ${t(`report.reason.${reason}`)}
              </label>`,
          )}
          ${this.error ? html`<p id="reason-error" class="field-error">${this.error}</p>` : nothing}
        </fieldset>
        <div class="field">
          <label for="report-note">${t('report.noteLabel')}</label>
          <textarea
            id="report-note"
            name="note"
            rows="3"
            maxlength=${NOTE_MAX}
            .value=${mine?.note ?? ''}
          ></textarea>
        </div>
        <div class="actions">
          <button type="button" class="secondary" @click=${() => this.dialog.close()}>
            ${t('report.cancel')}
          </button>
          <button type="submit" class="primary">${t('report.send')}</button>
        </div>
      </form>
    </dialog>`;
  }

  private async open() {
    const me: Author | null = await this.identity!.ensure();
    if (!me) return;
    this.error = '';
    await this.updateComplete;
    if (!this.mayReport) return;
    this.dialogOpen = true;
    await this.updateComplete;
    // Start from this member's earlier report of the item (or nothing): what was typed in
    // a cancelled dialog is not a report.
    const mine = this.mine;
    for (const radio of this.dialog.querySelectorAll<HTMLInputElement>('input[name="reason"]')) {
      radio.checked = radio.value === mine?.reason;
    }
    const note = this.dialog.querySelector('textarea');
    if (note) note.value = mine?.note ?? '';
    this.dialog.showModal();
    this.dialog.querySelector<HTMLInputElement>('input[name="reason"]:checked, input')?.focus();
  }

  private onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const reason = data.get('reason') as ReportReason | null;
    if (!reason) {
      this.error = t('report.reasonRequired');
      form.querySelector<HTMLInputElement>('input[name="reason"]')?.focus();
      return;
    }
    const me = this.identity?.current;
    const note = String(data.get('note') ?? '').trim();
    if (!me || !this.community) return;
    this.community.reports.report(
      this.itemId,
      { kind: this.kind, reason, ...(note && { note }) },
      me,
    );
    this.dialog.close();
    this.dispatchEvent(new BhReportSentEvent());
  }

  private onClose() {
    this.dialogOpen = false;
    this.trigger?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-report-dialog': BhReportDialog;
  }
}
