/**
 * One crisis alert (route `#crisis/<id>`): its current state with the verification badge,
 * how old the information is, the timeline of updates (newest first, each with its own
 * verification status and photos), the cancelled state, questions and answers, a print
 * view (A4, with a QR code of this page) and, for moderators and officials, a signed update
 * and a signed cancel.
 *
 * @fires bh-crisis-changed - an update or cancel was published from this page
 */
import {
  type AlertUpdateView,
  type AlertVerification,
  type CommunitySpace,
  type CrisisAlertView,
  type PublicSpace,
  type QuestionView,
  SEVERITIES,
  type Severity,
  ValidationError,
  canModerate,
} from '@buurthub/shared';
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { communityContext, identityContext, publicContext } from '../../app/context.js';
import { ClockController, ObserveController } from '../../app/controllers.js';
import type { IdentityService } from '../../app/identity.js';
import { crisisContext } from '../../crisis/context.js';
import type { CrisisService } from '../../crisis/crisis-service.js';
import { renderAlertState, renderBadge, renderPhotos, shownView } from '../../crisis/present.js';
import { LocaleController, formatDateTime, formatRelative, t } from '../../i18n/i18n.js';
import '../bh-qr-code/bh-qr-code.js';
import { styles } from './bh-crisis-alert.styles.js';

/** datetime-local value of a timestamp in local time. */
export function toLocalInput(at: number): string {
  const d = new Date(at - new Date(at).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

@customElement('bh-crisis-alert')
export class BhCrisisAlert extends LitElement {
  static override styles = styles;

  /** The id of the alert to show. */
  @property() alertId = '';

  @consume({ context: publicContext, subscribe: true })
  @state()
  private publicSpace?: PublicSpace;

  @consume({ context: communityContext, subscribe: true })
  @state()
  private community?: CommunitySpace;

  @consume({ context: crisisContext, subscribe: true })
  @state()
  private crisis?: CrisisService;

  @consume({ context: identityContext, subscribe: true })
  @state()
  private identity?: IdentityService;

  @state() private error = '';
  @state() private busy = false;
  @state() private answering = '';

  private readonly clock = new ClockController(this, 30_000);

  constructor() {
    super();
    new LocaleController(this);
    new ObserveController(
      this,
      () => this.publicSpace,
      (space, changed) => space.crisis.observe(changed),
    );
    new ObserveController(
      this,
      () => this.community,
      (space, changed) => space.crisisQuestions.observe(changed),
    );
    new ObserveController(
      this,
      () => this.crisis,
      (crisis, changed) => crisis.onChange(changed),
    );
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  override render() {
    const alert = this.publicSpace?.crisis.get(this.alertId);
    if (!alert) {
      return html`<section class="card">
        <h2 tabindex="-1">${t('crisis.notFound')}</h2>
        <p><a href="#crisis">${t('crisis.allAlerts')}</a></p>
      </section>`;
    }
    const verification = this.crisis?.verification(alert);
    const view = shownView(alert, verification);
    const now = this.clock.now;
    const url = location.href;
    return html`<article class="card sev-${view.severity}" aria-labelledby="alert-title">
        <p class="back no-print">
          <a class="block-link" href="#crisis">${t('crisis.allAlerts')}</a>
        </p>
        ${
          alert.cancelled
            ? html`<p class="cancelled" role="note">
                <strong
                  >${t('crisis.cancelledAt', { time: formatDateTime(alert.cancelled.at) })}</strong
                >
                ${alert.cancelled.reason}
              </p>`
            : alert.expires <= now
              ? html`<p class="cancelled" role="note">
                  <strong>${t('crisis.expiredAt', { time: formatDateTime(alert.expires) })}</strong>
                </p>`
              : nothing
        }
        <div id="alert-title">${renderAlertState(view, verification, now)}</div>
        <p class="age">${t('crisis.infoAge', { ago: formatRelative(view.updatedAt, now) })}</p>
        <div class="actions no-print">
          <button class="secondary" @click=${() => window.print()}>${t('crisis.print')}</button>
          ${
            this.crisis?.notificationPermission === 'default'
              ? html`<button class="secondary" @click=${this.enableNotifications}>
                  ${t('crisis.notificationsOn')}
                </button>`
              : nothing
          }
        </div>
        <div class="print-only qr">
          <bh-qr-code .value=${url} .label=${t('crisis.qrLabel')}></bh-qr-code>
          <p>${t('crisis.qrHint')}<br />${url}</p>
        </div>
      </article>
      ${this.renderTimeline(alert, verification)}
      ${!alert.cancelled && this.crisis?.publisher() ? this.renderManage(alert) : nothing}
      ${this.renderQuestions(alert)}`;
  }

  private async enableNotifications() {
    await this.crisis?.enableNotifications();
    this.requestUpdate();
  }

  private renderTimeline(alert: CrisisAlertView, verification: AlertVerification | undefined) {
    if (alert.updates.length === 0) return nothing;
    const entries = [...alert.updates].reverse();
    return html`<section class="card timeline" aria-labelledby="timeline-h">
      <h2 id="timeline-h">${t('crisis.timeline')}</h2>
      <ol>
        ${entries.map((entry) => this.renderEntry(entry, verification))}
      </ol>
    </section>`;
  }

  private renderEntry(entry: AlertUpdateView, verification: AlertVerification | undefined) {
    const item = verification?.updates.find((u) => u.id === entry.id);
    const changed = Object.keys(entry.changes);
    return html`<li class="entry ${entry.msgType}">
      <p class="entry-meta">
        <time datetime=${new Date(entry.at).toISOString()}>${formatDateTime(entry.at)}</time>
        · ${entry.msgType === 'cancel' ? t('crisis.cancelEntry') : t('crisis.updateEntry')} ·
        ${entry.author.name}
      </p>
      <p class="badges">
        ${verification && item ? renderBadge(verification, item) : renderBadge(undefined)}
      </p>
      <p class="pre">${entry.text}</p>
      ${
        changed.length > 0
          ? html`<p class="changes">
              ${t('crisis.changed', {
                fields: changed.map((k) => t(`crisis.field.${k}` as never)).join(', '),
              })}
            </p>`
          : nothing
      }
      ${renderPhotos(entry.media)}
    </li>`;
  }

  private renderManage(alert: CrisisAlertView) {
    return html`<section class="card no-print manage" aria-labelledby="manage-h">
      <h2 id="manage-h">${t('crisis.manage')}</h2>
      <form @submit=${(e: Event) => this.onUpdate(e, alert)}>
        <div class="field">
          <label for="update-text">${t('crisis.updateText')}</label>
          <textarea id="update-text" name="text" rows="4" required></textarea>
        </div>
        <div class="row">
          <div class="field">
            <label for="update-severity">${t('crisis.severityLabel')}</label>
            <select id="update-severity" name="severity">
              <option value="">${t('crisis.unchanged')}</option>
              ${SEVERITIES.map((s) => html`<option value=${s}>${t(`crisis.severity.${s}`)}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="update-expires">${t('crisis.expires')}</label>
            <input
              id="update-expires"
              name="expires"
              type="datetime-local"
              value=${toLocalInput(alert.expires)}
            />
          </div>
        </div>
        <button class="primary" type="submit" ?disabled=${this.busy}>
          ${t('crisis.publishUpdate')}
        </button>
      </form>
      <form class="cancel-form" @submit=${(e: Event) => this.onCancel(e, alert)}>
        <div class="field">
          <label for="cancel-reason">${t('crisis.cancelReason')}</label>
          <input id="cancel-reason" name="reason" required />
        </div>
        <button class="secondary" type="submit" ?disabled=${this.busy}>
          ${t('crisis.cancelAlert')}
        </button>
      </form>
      ${this.error ? html`<p class="field-error" role="alert">${this.error}</p>` : nothing}
    </section>`;
  }

  private async withSigner(
    work: (signer: NonNullable<Awaited<ReturnType<CrisisService['signer']>>>) => Promise<unknown>,
  ) {
    this.error = '';
    const crisis = this.crisis;
    if (!crisis) return;
    this.busy = true;
    try {
      const signer = await crisis.signer();
      if (!signer) {
        this.error = t('crisis.error.noToken');
        return;
      }
      await work(signer);
    } catch (error) {
      this.error =
        error instanceof ValidationError ? t('crisis.error.invalid') : t('crisis.error.publish');
    } finally {
      this.busy = false;
    }
  }

  private async onUpdate(event: Event, alert: CrisisAlertView) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const text = String(data.get('text') ?? '').trim();
    const severity = String(data.get('severity') ?? '') as Severity | '';
    const expiresRaw = String(data.get('expires') ?? '');
    const changes: Record<string, unknown> = {};
    if (severity) changes.severity = severity;
    const expires = expiresRaw ? new Date(expiresRaw).getTime() : NaN;
    if (Number.isFinite(expires) && expires !== alert.expires) {
      if (expires <= alert.effective) {
        this.error = t('crisis.error.expires');
        return;
      }
      changes.expires = expires;
    }
    const author = this.crisis?.publisher();
    if (!author) return;
    await this.withSigner(async (signer) => {
      await this.publicSpace?.crisis.addUpdateSigned(alert.id, { text, changes }, author, signer);
      form.reset();
    });
  }

  private async onCancel(event: Event, alert: CrisisAlertView) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const reason = String(new FormData(form).get('reason') ?? '').trim();
    const author = this.crisis?.publisher();
    if (!author) return;
    await this.withSigner(async (signer) => {
      await this.publicSpace?.crisis.cancelSigned(alert.id, { reason }, author, signer);
      form.reset();
    });
  }

  private renderQuestions(alert: CrisisAlertView) {
    const questions = this.community?.crisisQuestions;
    if (!questions) {
      return html`<section class="card no-print" aria-labelledby="qa-h">
        <h2 id="qa-h">${t('crisis.questions')}</h2>
        <p>${t('crisis.questionsMembersOnly')}</p>
      </section>`;
    }
    const list = questions.forAlert(alert.id);
    const author = this.identity?.current;
    const moderator = Boolean(author && canModerate(author.role));
    const faq = list.filter((q) => q.pinned);
    const rest = list.filter((q) => !q.pinned);
    return html`<section class="card questions" aria-labelledby="qa-h">
      <h2 id="qa-h">${t('crisis.questions')}</h2>
      ${
        faq.length > 0
          ? html`<h3>${t('crisis.faq')}</h3>
              <ul class="qa">
                ${faq.map((q) => this.renderQuestion(q, moderator))}
              </ul>`
          : nothing
      }
      ${
        rest.length > 0
          ? html`<ul class="qa no-print">
              ${rest.map((q) => this.renderQuestion(q, moderator))}
            </ul>`
          : faq.length === 0
            ? html`<p>${t('crisis.noQuestions')}</p>`
            : nothing
      }
      ${
        this.community?.readOnly
          ? nothing
          : html`<form class="no-print" @submit=${(e: Event) => this.onAsk(e, alert)}>
              <div class="field">
                <label for="question">${t('crisis.ask')}</label>
                <textarea id="question" name="text" rows="2" required maxlength="1000"></textarea>
              </div>
              <button class="primary" type="submit">${t('crisis.askSubmit')}</button>
            </form>`
      }
    </section>`;
  }

  private renderQuestion(q: QuestionView, moderator: boolean) {
    return html`<li class="question ${q.answered ? 'answered' : ''}">
      <p class="q-meta">
        ${q.author.name} · ${formatDateTime(q.createdAt)}
        ${q.answered ? html`<span class="tag">${t('crisis.answered')}</span>` : nothing}
        ${q.pinned ? html`<span class="tag">${t('crisis.faqTag')}</span>` : nothing}
      </p>
      <p class="pre q-text">${q.text}</p>
      ${
        q.answers.length > 0
          ? html`<ul class="answers">
              ${q.answers.map(
                (a) =>
                  html`<li>
                    <p class="q-meta">
                      ${a.author.name} (${t(`role.${a.author.role}`)}) · ${formatDateTime(a.at)}
                    </p>
                    <p class="pre">${a.text}</p>
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      ${
        moderator
          ? html`<div class="q-actions no-print">
              ${
                this.answering === q.id
                  ? html`<form @submit=${(e: Event) => this.onAnswer(e, q)}>
                      <label for="answer-${q.id}">${t('crisis.answerLabel')}</label>
                      <textarea id="answer-${q.id}" name="text" rows="2" required></textarea>
                      <button class="primary" type="submit">${t('crisis.answerSubmit')}</button>
                    </form>`
                  : html`<button class="secondary" @click=${() => (this.answering = q.id)}>
                      ${t('crisis.answer')}
                    </button>`
              }
              <button class="secondary" @click=${() => this.mark(q, !q.answered)}>
                ${q.answered ? t('crisis.markUnanswered') : t('crisis.markAnswered')}
              </button>
              <button class="secondary" @click=${() => this.pin(q, !q.pinned)}>
                ${q.pinned ? t('crisis.unpin') : t('crisis.pin')}
              </button>
            </div>`
          : nothing
      }
    </li>`;
  }

  private async onAsk(event: Event, alert: CrisisAlertView) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const text = String(new FormData(form).get('text') ?? '');
    const author = await this.identity?.ensure();
    if (!author || !text.trim()) return;
    this.community?.crisisQuestions.ask(alert.id, { text }, author);
    form.reset();
  }

  private onAnswer(event: Event, q: QuestionView) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const text = String(new FormData(form).get('text') ?? '');
    const author = this.identity?.current;
    if (!author || !text.trim()) return;
    this.community?.crisisQuestions.answer(q.id, { text }, author);
    this.answering = '';
  }

  private mark(q: QuestionView, answered: boolean) {
    const author = this.identity?.current;
    if (author) this.community?.crisisQuestions.markAnswered(q.id, answered, author);
  }

  private pin(q: QuestionView, pinned: boolean) {
    const author = this.identity?.current;
    if (author) this.community?.crisisQuestions.pin(q.id, pinned, author);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-crisis-alert': BhCrisisAlert;
  }
}
