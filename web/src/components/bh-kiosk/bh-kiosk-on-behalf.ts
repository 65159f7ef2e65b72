/**
 * A question or an idea written down at the kiosk for a visitor without a phone (issue 7,
 * "on behalf of"): the signed-in buurtverbinder types what the visitor tells, with the
 * visitor's first name if they want it shown. A question goes to the neighbourhood's posts
 * (category "vraag-aanbod"), an idea into a participation round that takes ideas; both carry
 * the model's own marker (`onBehalfOf`, and the moderator as who wrote it down), so they
 * show like anything else taken down on paper.
 */
import {
  BODY_MAX,
  type CommunitySpace,
  IDEA_TEXT_MAX,
  IDEA_TITLE_MAX,
  type RoundView,
  TITLE_MAX,
} from '@buurthub/shared';
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { communityContext, identityContext } from '../../app/context.js';
import { ObserveController } from '../../app/controllers.js';
import type { IdentityService } from '../../app/identity.js';
import { LocaleController, t } from '../../i18n/i18n.js';
import { formStyles } from '../../styles/form.styles.js';
import { baseStyles } from '../../styles/shared.styles.js';

@customElement('bh-kiosk-on-behalf')
export class BhKioskOnBehalf extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    css`
      :host {
        display: block;
        max-width: 60rem;
      }
      label {
        display: block;
        font-weight: 600;
        margin-block: 1rem 0.3rem;
      }
      fieldset {
        border: none;
        padding: 0;
        margin: 1rem 0 0;
      }
      legend {
        font-weight: 600;
      }
      label.choice {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        min-height: 56px;
        margin: 0;
        font-weight: 400;
      }
      label.choice input {
        width: 28px;
        min-height: 28px;
        height: 28px;
        margin: 0;
      }
      input,
      textarea,
      select {
        width: 100%;
        font-size: 1em;
        min-height: 56px;
        box-sizing: border-box;
      }
      textarea {
        min-height: 8em;
      }
      button {
        min-height: 56px;
        margin-block-start: 1.2rem;
        font-size: 1em;
      }
      .problem {
        color: var(--bh-danger);
        font-weight: 600;
      }
    `,
  ];

  @consume({ context: communityContext, subscribe: true })
  @state()
  private community?: CommunitySpace;
  @consume({ context: identityContext, subscribe: true })
  @state()
  private identity?: IdentityService;

  @state() private kind: 'question' | 'idea' = 'question';
  @state() private written: { kind: 'question' | 'idea'; title: string; name: string } | null =
    null;
  @state() private problem = false;

  constructor() {
    super();
    new LocaleController(this);
    new ObserveController(
      this,
      () => this.community?.participation,
      (p, changed) => p.observe(changed),
    );
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private rounds(): RoundView[] {
    return this.community?.participation.list().filter((round) => round.phase === 'ideas') ?? [];
  }

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const title = String(data.get('title') ?? '').trim();
    const text = String(data.get('text') ?? '').trim();
    const visitor = String(data.get('visitor') ?? '').trim();
    const me = this.identity?.current;
    if (!title || !text || !me || !this.community) {
      this.problem = true;
      return;
    }
    const name = visitor || t('kiosk.onBehalf.aVisitor');
    const kind = this.kind;
    try {
      if (kind === 'question') {
        this.community.posts.create(
          { title, body: text, category: 'vraag-aanbod', onBehalfOf: name },
          me,
        );
      } else {
        this.community.participation.submitIdea(
          String(data.get('round')),
          { title, text, onBehalfOf: name },
          me,
        );
      }
    } catch {
      this.problem = true;
      return;
    }
    this.problem = false;
    this.written = { kind, title, name };
    form.reset();
    // reset() unchecks the radios; live() bindings put the chosen kind back on render.
    this.requestUpdate();
  }

  override render() {
    const rounds = this.rounds();
    const idea = this.kind === 'idea' && rounds.length > 0;
    const done = this.written
      ? t(
          this.written.kind === 'question' ? 'kiosk.onBehalf.doneQuestion' : 'kiosk.onBehalf.done',
          {
            title: this.written.title,
            name: this.written.name,
            by: this.identity?.current?.name ?? '',
          },
        )
      : '';
    return html`<h2 tabindex="-1">${t('kiosk.onBehalf.heading')}</h2>
      <p>${t('kiosk.onBehalf.intro')}</p>
      <p role="status">${done}</p>
      <form novalidate @submit=${this.submit}>
        <fieldset>
          <legend>${t('kiosk.onBehalf.kind')}</legend>
          <label class="choice">
            <input
              type="radio"
              name="kind"
              value="question"
              .checked=${live(!idea)}
              @change=${() => (this.kind = 'question')}
            />
            ${t('kiosk.onBehalf.kindQuestion')}
          </label>
          <label class="choice">
            <input
              type="radio"
              name="kind"
              value="idea"
              .checked=${live(idea)}
              ?disabled=${rounds.length === 0}
              aria-describedby=${rounds.length === 0 ? 'on-behalf-no-round' : nothing}
              @change=${() => (this.kind = 'idea')}
            />
            ${t('kiosk.onBehalf.kindIdea')}
          </label>
          ${
            rounds.length === 0
              ? html`<p id="on-behalf-no-round">${t('kiosk.onBehalf.noRound')}</p>`
              : nothing
          }
        </fieldset>
        ${
          idea
            ? html`<label for="on-behalf-round">${t('kiosk.onBehalf.round')}</label>
                <select id="on-behalf-round" name="round">
                  ${rounds.map((round) => html`<option value=${round.id}>${round.title}</option>`)}
                </select>`
            : nothing
        }
        <label for="on-behalf-title">
          ${t(idea ? 'kiosk.onBehalf.title' : 'kiosk.onBehalf.questionTitle')}
        </label>
        <input
          id="on-behalf-title"
          name="title"
          required
          maxlength=${idea ? IDEA_TITLE_MAX : TITLE_MAX}
        />
        <label for="on-behalf-text">
          ${t(idea ? 'kiosk.onBehalf.text' : 'kiosk.onBehalf.questionText')}
        </label>
        <textarea
          id="on-behalf-text"
          name="text"
          required
          maxlength=${idea ? IDEA_TEXT_MAX : BODY_MAX}
        ></textarea>
        <label for="on-behalf-visitor">${t('kiosk.onBehalf.visitor')}</label>
        <input id="on-behalf-visitor" name="visitor" maxlength="80" autocomplete="off" />
        <div role="alert">
          ${this.problem ? html`<p class="problem">${t('kiosk.onBehalf.problem')}</p>` : nothing}
        </div>
        <button class="primary">${t('kiosk.onBehalf.submit')}</button>
      </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-kiosk-on-behalf': BhKioskOnBehalf;
  }
}
