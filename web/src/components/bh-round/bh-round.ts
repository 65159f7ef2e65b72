/**
 * One participation round: the phase stepper (inform → ideas → responses → decision →
 * feedback), the plan with its legal frame and room for choice up front, the decision and
 * "wat is ermee gedaan" once given, and the ideas (most supported first) with support,
 * responses, late and waiting marks and their outcome. Members submit, support and respond
 * while the phase allows it (moderators may write an idea down for a resident); officials
 * move the round on, record outcomes, the decision and the feedback. Anyone who can read it
 * downloads the ideas and the responses as CSV for the council report. Finished rounds stay
 * readable. What is typed in a form is kept on the device until it is placed.
 *
 * @csspart card - the plan's card
 */
import {
  type CommunitySpace,
  IDEA_TEXT_MAX,
  IDEA_TITLE_MAX,
  type IdeaView,
  OUTCOMES,
  type OutcomeStatus,
  PHASES,
  type Phase,
  RESPONSE_MAX,
  ROUND_TEXT_MAX,
  type RoundView,
  ValidationError,
  canModerate,
} from '@buurthub/shared';
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { communityContext, identityContext, syncContext } from '../../app/context.js';
import { ObserveController } from '../../app/controllers.js';
import { downloadText } from '../../app/download.js';
import { keepFormDraft, readFormDraft } from '../../app/drafts.js';
import type { IdentityService } from '../../app/identity.js';
import { fieldErrors } from '../../app/validation-messages.js';
import { LocaleController, type MessageKey, formatDateTime, intlTag, t } from '../../i18n/i18n.js';
import { ModerationVisibility } from '../../moderation/visibility.js';
import { waitsForRelay } from '../../participation/pending.js';
import { type ReportKind, reportCsv, reportFileName } from '../../participation/report-csv.js';
import { localStore } from '../../sync/local-store.js';
import type { SyncStatus } from '../../sync/sync-state.js';
import '../bh-report-dialog/bh-report-dialog.js';
import { styles } from './bh-round.styles.js';

/** What each phase lets members do (the model checks again: participation.ts). */
const IDEAS_OPEN: Phase[] = ['ideas'];
const TALK_OPEN: Phase[] = ['ideas', 'responses'];
const OUTCOMES_OPEN: Phase[] = ['decision', 'feedback'];

type Errors = Record<string, string>;

@customElement('bh-round')
export class BhRound extends LitElement {
  static override styles = styles;

  @property() roundId = '';
  /** The neighbourhood slug (keys of the drafts kept on this device). */
  @property() nb = '';
  @property({ type: Boolean }) readOnly = false;

  @consume({ context: communityContext, subscribe: true })
  @state()
  private community?: CommunitySpace;

  @consume({ context: identityContext, subscribe: true })
  @state()
  private identity?: IdentityService;

  @consume({ context: syncContext, subscribe: true })
  @state()
  private sync?: SyncStatus;

  /** Reported or hidden ideas are left out for others, like posts and events. */
  private readonly visibility = new ModerationVisibility(this);

  /** Form errors by form id and field. */
  @state() private errors: Record<string, Errors> = {};
  /** A refusal of the model (phase moved on meanwhile, not allowed), by form id. */
  @state() private refusal: Record<string, string> = {};
  @state() private status = '';

  constructor() {
    super();
    new LocaleController(this);
    new ObserveController(
      this,
      () => this.community,
      (space, changed) => space.participation.observe(changed),
    );
    new ObserveController(
      this,
      () => this.identity,
      (identity, changed) => identity.onChange(changed),
    );
    new ObserveController(
      this,
      () => this.sync,
      (sync, changed) => sync.onChange(changed),
    );
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private get me() {
    return this.identity?.current ?? null;
  }

  private get official(): boolean {
    return !this.readOnly && this.me?.role === 'official';
  }

  override render() {
    const round = this.community?.participation.get(this.roundId) ?? null;
    const back = html`<a class="back" href="#meedoen">${t('participation.back')}</a>`;
    if (!round) {
      return html`${back}
        <div class="card">
          <h2 tabindex="-1">${t('participation.notFoundHeading')}</h2>
          <p>${t('participation.notFound')}</p>
        </div>`;
    }
    return html`${back}
      <article part="card" class="card" aria-labelledby="round-title">
        <h2 id="round-title" tabindex="-1">${round.title}</h2>
        <p class="meta">
          ${t('participation.startedBy', {
            name: round.createdBy.name,
            time: formatDateTime(round.createdAt),
          })}
          ${round.village ? html` · ${round.village}` : nothing}
        </p>
        ${this.renderStepper(round)} ${this.renderOutcomeStatements(round)}
        <section aria-labelledby="plan-heading">
          <h3 id="plan-heading">${t('participation.plan')}</h3>
          <p class="prose">${round.summary}</p>
          <div class="frame">
            <div>
              <h4>${t('participation.legalFrame')}</h4>
              <p class="prose">${round.legalFrame}</p>
            </div>
            <div>
              <h4>${t('participation.roomForChoice')}</h4>
              <p class="prose">${round.roomForChoice}</p>
            </div>
          </div>
          ${this.renderDeadlines(round)}
        </section>
        ${this.renderOfficialControls(round)}
      </article>
      ${this.renderIdeaForm(round)} ${this.renderIdeas(round)} ${this.renderReport(round)}
      <p class="visually-hidden" role="status">${this.status}</p>`;
  }

  private renderStepper(round: RoundView) {
    const current = PHASES.indexOf(round.phase);
    return html`<ol class="stepper" aria-label=${t('participation.phases')}>
        ${PHASES.map((phase, i) => {
          const since = round.timeline.find((c) => c.phase === phase);
          const state = i < current ? 'done' : i === current ? 'current' : 'todo';
          return html`<li class=${state} aria-current=${i === current ? 'step' : 'false'}>
            <span class="number" aria-hidden="true">${i + 1}</span>
            <span class="label">${t(`participation.phase.${phase}`)}</span>
            ${
              since
                ? html`<span class="since">${shortDate(since.at)}</span>`
                : html`<span class="visually-hidden">${t('participation.phaseLater')}</span>`
            }
          </li>`;
        })}
      </ol>
      <p class="phase-help">${t(`participation.phaseHelp.${round.phase}`)}</p>`;
  }

  private renderDeadlines(round: RoundView) {
    if (round.ideasUntil === undefined && round.responsesUntil === undefined) return nothing;
    return html`<dl class="deadlines">
      ${
        round.ideasUntil !== undefined
          ? html`<div>
              <dt>${t('participation.ideasUntil')}</dt>
              <dd>${formatDateTime(round.ideasUntil)}</dd>
            </div>`
          : nothing
      }
      ${
        round.responsesUntil !== undefined
          ? html`<div>
              <dt>${t('participation.responsesUntil')}</dt>
              <dd>${formatDateTime(round.responsesUntil)}</dd>
            </div>`
          : nothing
      }
    </dl>`;
  }

  private renderOutcomeStatements(round: RoundView) {
    if (!round.decision && !round.feedback) return nothing;
    return html`<div class="statements">
      ${
        round.decision
          ? html`<section class="statement" aria-labelledby="decision-heading">
              <h3 id="decision-heading">${t('participation.decision')}</h3>
              <p class="prose">${round.decision.text}</p>
              <p class="meta">
                ${t('participation.statementBy', {
                  name: round.decision.by.name,
                  time: formatDateTime(round.decision.at),
                })}
              </p>
            </section>`
          : nothing
      }
      ${
        round.feedback
          ? html`<section class="statement" aria-labelledby="feedback-heading">
              <h3 id="feedback-heading">${t('participation.feedback')}</h3>
              <p class="prose">${round.feedback.text}</p>
              <p class="meta">
                ${t('participation.statementBy', {
                  name: round.feedback.by.name,
                  time: formatDateTime(round.feedback.at),
                })}
              </p>
            </section>`
          : nothing
      }
    </div>`;
  }

  private renderOfficialControls(round: RoundView) {
    if (!this.official) return nothing;
    const next = PHASES[PHASES.indexOf(round.phase) + 1];
    return html`<section class="official" aria-labelledby="official-heading">
      <h3 id="official-heading">${t('participation.officialHeading')}</h3>
      ${
        next
          ? html`<button type="button" class="primary" @click=${() => this.advance(round, next)}>
              ${t('participation.advance', { phase: t(`participation.phase.${next}`) })}
            </button>`
          : nothing
      }
      ${this.refusalFor('advance')}
      ${
        OUTCOMES_OPEN.includes(round.phase)
          ? this.statementForm(
              'decision',
              round.decision?.text ?? '',
              round.decision ? t('participation.updateDecision') : t('participation.writeDecision'),
            )
          : nothing
      }
      ${
        round.phase === 'feedback'
          ? this.statementForm(
              'feedback',
              round.feedback?.text ?? '',
              round.feedback ? t('participation.updateFeedback') : t('participation.writeFeedback'),
            )
          : nothing
      }
    </section>`;
  }

  private statementForm(kind: 'decision' | 'feedback', current: string, submit: string) {
    const id = `${kind}-text`;
    const error = this.errors[kind]?.text;
    const key = this.draftKey(kind);
    return html`<form
      class="statement-form"
      novalidate
      @submit=${(e: SubmitEvent) => this.submitStatement(e, kind)}
    >
      <div class="field">
        <label for=${id}>${t(`participation.${kind}Label`)}</label>
        <textarea
          id=${id}
          name="text"
          rows="4"
          maxlength=${ROUND_TEXT_MAX}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? `${id}-error` : nothing}
          .value=${localStore.get(key) ?? current}
          @input=${(e: Event) => localStore.set(key, (e.target as HTMLTextAreaElement).value)}
        ></textarea>
        ${error ? html`<p class="field-error" id=${`${id}-error`}>${error}</p>` : nothing}
      </div>
      ${this.refusalFor(kind)}
      <div class="actions"><button type="submit" class="primary">${submit}</button></div>
    </form>`;
  }

  private renderIdeaForm(round: RoundView) {
    if (this.readOnly || !this.me || !IDEAS_OPEN.includes(round.phase)) return nothing;
    const errors = this.errors['idea'] ?? {};
    const key = this.draftKey('idea');
    const draft = readFormDraft(key);
    const field = (name: string, label: MessageKey, input: unknown, hint?: MessageKey) => {
      const error = errors[name];
      return html`<div class="field">
        <label for=${`idea-${name}`}>${t(label)}</label>
        ${input} ${hint ? html`<p class="hint" id=${`idea-${name}-hint`}>${t(hint)}</p>` : nothing}
        ${error ? html`<p class="field-error" id=${`idea-${name}-error`}>${error}</p>` : nothing}
      </div>`;
    };
    return html`<section class="card" aria-labelledby="idea-form-heading">
      <h3 id="idea-form-heading">${t('participation.newIdea')}</h3>
      <form
        novalidate
        @submit=${(e: SubmitEvent) => this.submitIdea(e, round)}
        @input=${(e: Event) => keepFormDraft(key, e)}
      >
        ${field(
          'title',
          'participation.ideaTitle',
          html`<input
            id="idea-title"
            name="title"
            maxlength=${IDEA_TITLE_MAX}
            aria-invalid=${errors['title'] ? 'true' : 'false'}
            aria-describedby=${errors['title'] ? 'idea-title-error' : nothing}
            .value=${draft['title'] ?? ''}
          />`,
        )}
        ${field(
          'text',
          'participation.ideaText',
          html`<textarea
            id="idea-text"
            name="text"
            rows="4"
            maxlength=${IDEA_TEXT_MAX}
            aria-invalid=${errors['text'] ? 'true' : 'false'}
            aria-describedby=${errors['text'] ? 'idea-text-error' : nothing}
            .value=${draft['text'] ?? ''}
          ></textarea>`,
        )}
        ${
          canModerate(this.me.role)
            ? field(
                'onBehalfOf',
                'participation.onBehalfOf',
                html`<input
                  id="idea-onBehalfOf"
                  name="onBehalfOf"
                  maxlength="80"
                  aria-describedby="idea-onBehalfOf-hint"
                  .value=${draft['onBehalfOf'] ?? ''}
                />`,
                'participation.onBehalfOfHint',
              )
            : nothing
        }
        ${this.refusalFor('idea')}
        <div class="actions">
          <button type="submit" class="primary">${t('participation.submitIdea')}</button>
        </div>
      </form>
    </section>`;
  }

  private renderIdeas(round: RoundView) {
    const ideas = round.ideas.filter((idea) => this.visibility.shows(idea.id, idea.author.id));
    return html`<section aria-labelledby="ideas-heading">
      <h3 id="ideas-heading" class="list-heading">
        ${t('participation.ideas', { count: ideas.length })}
      </h3>
      ${
        ideas.length === 0
          ? html`<p class="empty">${t('participation.noIdeas')}</p>`
          : html`<ol class="ideas">
              ${repeat(
                ideas,
                (idea) => idea.id,
                (idea) => html`<li>${this.renderIdea(round, idea)}</li>`,
              )}
            </ol>`
      }
    </section>`;
  }

  private renderIdea(round: RoundView, idea: IdeaView) {
    const me = this.me;
    const mine = !!me && idea.author.id === me.id;
    const supported = !!me && idea.supporters.includes(me.id);
    const talk = !this.readOnly && !!me && TALK_OPEN.includes(round.phase);
    const waiting = waitsForRelay(idea.createdAt, mine, this.sync?.state);
    const headingId = `idea-${idea.id}`;
    return html`<article class="card idea" aria-labelledby=${headingId}>
      <p class="tags">
        ${idea.late ? html`<span class="chip late">${t('participation.late')}</span>` : nothing}
        ${waiting ? html`<span class="chip waiting">${t('participation.waiting')}</span>` : nothing}
      </p>
      <h4 id=${headingId}>${idea.title}</h4>
      <p class="meta">
        ${t('participation.ideaBy', {
          name: idea.onBehalfOf ?? idea.author.name,
          time: formatDateTime(idea.createdAt),
        })}
        ${
          idea.onBehalfOf
            ? html` · ${t('participation.writtenDownBy', { name: idea.author.name })}`
            : nothing
        }
      </p>
      ${this.visibility.notice(idea.id)}
      <p class="prose">${idea.text}</p>
      ${
        idea.outcome
          ? html`<div class="outcome ${idea.outcome.status}">
              <p>
                <strong>${t('participation.outcomeLabel')}</strong>
                ${t(`participation.outcome.${idea.outcome.status}`)}
              </p>
              <p class="prose">${idea.outcome.explanation}</p>
            </div>`
          : nothing
      }
      <div class="support">
        <span>${t('participation.supporters', { count: idea.supporters.length })}</span>
        ${
          talk
            ? html`<button
                type="button"
                class="secondary small"
                aria-pressed=${supported ? 'true' : 'false'}
                aria-describedby=${headingId}
                @click=${() => this.toggleSupport(round, idea, !supported)}
              >
                ${t('participation.support')}
              </button>`
            : nothing
        }
        ${
          !this.readOnly &&
          me &&
          ((mine && IDEAS_OPEN.includes(round.phase)) || canModerate(me.role))
            ? html`<button
                type="button"
                class="secondary small"
                aria-describedby=${headingId}
                @click=${() => this.removeIdea(round, idea)}
              >
                ${t('participation.removeIdea')}
              </button>`
            : nothing
        }
        <bh-report-dialog
          .itemId=${idea.id}
          kind="idea"
          .authorId=${idea.author.id}
          .label=${t('report.label.idea', { title: idea.title })}
          ?readOnly=${this.readOnly}
        ></bh-report-dialog>
      </div>
      ${this.refusalFor(`idea-${idea.id}`)} ${this.renderResponses(round, idea, talk)}
      ${
        this.official && OUTCOMES_OPEN.includes(round.phase)
          ? this.renderOutcomeForm(round, idea)
          : nothing
      }
    </article>`;
  }

  private renderResponses(round: RoundView, idea: IdeaView, talk: boolean) {
    const formId = `response-${idea.id}`;
    const error = this.errors[formId]?.text;
    const key = this.draftKey(formId);
    return html`<div class="responses">
      ${
        idea.responses.length > 0
          ? html`<h5>${t('participation.responses', { count: idea.responses.length })}</h5>
              <ul>
                ${idea.responses.map(
                  (r) =>
                    html`<li>
                      <p class="prose">${r.text}</p>
                      <p class="meta">${r.author.name} · ${formatDateTime(r.at)}</p>
                    </li>`,
                )}
              </ul>`
          : nothing
      }
      ${
        talk
          ? html`<form
              novalidate
              class="response-form"
              @submit=${(e: SubmitEvent) => this.submitResponse(e, round, idea)}
            >
              <label for=${`${formId}-text`}
                >${t('participation.respondLabel', { title: idea.title })}</label
              >
              <textarea
                id=${`${formId}-text`}
                name="text"
                rows="2"
                maxlength=${RESPONSE_MAX}
                aria-invalid=${error ? 'true' : 'false'}
                aria-describedby=${error ? `${formId}-error` : nothing}
                .value=${localStore.get(key) ?? ''}
                @input=${(e: Event) => localStore.set(key, (e.target as HTMLTextAreaElement).value)}
              ></textarea>
              ${error ? html`<p class="field-error" id=${`${formId}-error`}>${error}</p>` : nothing}
              <button type="submit" class="secondary small">${t('participation.respond')}</button>
            </form>`
          : nothing
      }
    </div>`;
  }

  private renderOutcomeForm(round: RoundView, idea: IdeaView) {
    const formId = `outcome-${idea.id}`;
    const errors = this.errors[formId] ?? {};
    return html`<form
      novalidate
      class="outcome-form"
      @submit=${(e: SubmitEvent) => this.submitOutcome(e, round, idea)}
    >
      <fieldset>
        <legend>${t('participation.outcomeFor', { title: idea.title })}</legend>
        ${OUTCOMES.map(
          (status) =>
            html`<label class="radio">
              <input
                type="radio"
                name="status"
                value=${status}
                ?checked=${(idea.outcome?.status ?? 'researched') === status}
              />
              ${t(`participation.outcome.${status}`)}
            </label>`,
        )}
      </fieldset>
      <div class="field">
        <label for=${`${formId}-explanation`}>${t('participation.outcomeExplanation')}</label>
        <textarea
          id=${`${formId}-explanation`}
          name="explanation"
          rows="3"
          maxlength=${IDEA_TEXT_MAX}
          aria-invalid=${errors['explanation'] ? 'true' : 'false'}
          aria-describedby=${errors['explanation'] ? `${formId}-error` : nothing}
          .value=${idea.outcome?.explanation ?? ''}
        ></textarea>
        ${
          errors['explanation']
            ? html`<p class="field-error" id=${`${formId}-error`}>${errors['explanation']}</p>`
            : nothing
        }
      </div>
      <button type="submit" class="secondary small">${t('participation.saveOutcome')}</button>
    </form>`;
  }

  private renderReport(round: RoundView) {
    return html`<section class="card report" aria-labelledby="report-heading">
      <h3 id="report-heading">${t('participation.report')}</h3>
      <p class="hint">${t('participation.reportHint')}</p>
      <div class="actions">
        <button type="button" class="secondary" @click=${() => this.download(round, 'ideas')}>
          ${t('participation.downloadIdeas')}
        </button>
        <button type="button" class="secondary" @click=${() => this.download(round, 'responses')}>
          ${t('participation.downloadResponses')}
        </button>
      </div>
    </section>`;
  }

  private refusalFor(formId: string) {
    const message = this.refusal[formId];
    return message ? html`<p class="field-error" role="alert">${message}</p>` : nothing;
  }

  private draftKey(form: string): string {
    return `buurthub:participation-draft:${this.nb}:${this.roundId}:${form}`;
  }

  /**
   * Runs a model verb for `formId`: validation problems go next to the fields, a refusal
   * (the phase moved on meanwhile, not allowed) above the button. True when it was done.
   */
  private attempt(formId: string, action: () => void, prefix = 'participation'): boolean {
    try {
      action();
      this.errors = { ...this.errors, [formId]: {} };
      this.refusal = { ...this.refusal, [formId]: '' };
      return true;
    } catch (error) {
      if (error instanceof ValidationError) {
        this.errors = { ...this.errors, [formId]: fieldErrors(error, prefix) };
      } else if (error instanceof Error) {
        this.refusal = {
          ...this.refusal,
          [formId]:
            error.name === 'PhaseError'
              ? t('participation.phaseMoved')
              : error.name === 'PermissionError'
                ? t('participation.notAllowed')
                : t('participation.failed'),
        };
      }
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return false;
    }
  }

  private advance(round: RoundView, next: Phase) {
    const me = this.me;
    if (!me) return;
    if (this.attempt('advance', () => this.community?.participation.advance(round.id, next, me))) {
      this.status = t('participation.advanced', { phase: t(`participation.phase.${next}`) });
    }
  }

  private submitStatement(event: SubmitEvent, kind: 'decision' | 'feedback') {
    event.preventDefault();
    const me = this.me;
    const participation = this.community?.participation;
    if (!me || !participation) return;
    const text = String(new FormData(event.target as HTMLFormElement).get('text') ?? '');
    const done = this.attempt(
      kind,
      () =>
        kind === 'decision'
          ? participation.decide(this.roundId, { text }, me)
          : participation.giveFeedback(this.roundId, { text }, me),
      'participation.statement',
    );
    if (done) {
      localStore.remove(this.draftKey(kind));
      this.status = t(`participation.${kind}Saved`);
    }
  }

  private async submitIdea(event: SubmitEvent, round: RoundView) {
    event.preventDefault();
    const me = this.me ?? (await this.identity?.ensure());
    if (!me) return;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const onBehalfOf = String(data.get('onBehalfOf') ?? '').trim();
    const input = {
      title: String(data.get('title') ?? ''),
      text: String(data.get('text') ?? ''),
      ...(onBehalfOf && { onBehalfOf }),
    };
    const done = this.attempt(
      'idea',
      () => this.community?.participation.submitIdea(round.id, input, me),
      'participation.idea',
    );
    if (done) {
      localStore.remove(this.draftKey('idea'));
      form.reset();
      this.status = t('participation.ideaPlaced');
    }
  }

  private toggleSupport(round: RoundView, idea: IdeaView, on: boolean) {
    const me = this.me;
    if (!me) return;
    const done = this.attempt(`idea-${idea.id}`, () =>
      this.community?.participation.support(round.id, idea.id, on, me),
    );
    if (done) this.status = on ? t('participation.supported') : t('participation.unsupported');
  }

  private removeIdea(round: RoundView, idea: IdeaView) {
    const me = this.me;
    if (!me) return;
    const done = this.attempt(`idea-${idea.id}`, () =>
      this.community?.participation.removeIdea(round.id, idea.id, me),
    );
    if (done) {
      this.status = t('participation.ideaRemoved');
      this.focusHeading();
    }
  }

  private submitResponse(event: SubmitEvent, round: RoundView, idea: IdeaView) {
    event.preventDefault();
    const me = this.me;
    if (!me) return;
    const form = event.target as HTMLFormElement;
    const text = String(new FormData(form).get('text') ?? '');
    const formId = `response-${idea.id}`;
    const done = this.attempt(
      formId,
      () => this.community?.participation.respond(round.id, idea.id, { text }, me),
      'participation.response',
    );
    if (done) {
      localStore.remove(this.draftKey(formId));
      form.reset();
      this.status = t('participation.responsePlaced');
    }
  }

  private submitOutcome(event: SubmitEvent, round: RoundView, idea: IdeaView) {
    event.preventDefault();
    const me = this.me;
    if (!me) return;
    const data = new FormData(event.target as HTMLFormElement);
    const input = {
      // The model validates it (a tampered value is a ValidationError).
      status: String(data.get('status') ?? '') as OutcomeStatus,
      explanation: String(data.get('explanation') ?? ''),
    };
    const done = this.attempt(
      `outcome-${idea.id}`,
      () => this.community?.participation.setOutcome(round.id, idea.id, input, me),
      'participation.outcome',
    );
    if (done) this.status = t('participation.outcomeSaved');
  }

  private download(round: RoundView, kind: ReportKind) {
    downloadText(reportFileName(round, kind), 'text/csv;charset=utf-8', reportCsv(round, kind));
  }
}

/** When a phase began, short enough for the stepper ("28 nov."). */
function shortDate(at: number): string {
  return new Intl.DateTimeFormat(intlTag(), { day: 'numeric', month: 'short' }).format(at);
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-round': BhRound;
  }
}
