/**
 * An idea written down at the kiosk for a visitor without a phone (issue 7, "on behalf
 * of"): the signed-in buurtverbinder types the visitor's idea for a participation round that
 * takes ideas, with the visitor's first name if they want it shown. It goes in through the
 * participation model's own marker (`onBehalfOf`: "Op verzoek van <name>", and the
 * moderator as who wrote it down), so the round shows it like any idea taken down on paper.
 */
import {
  type CommunitySpace,
  IDEA_TEXT_MAX,
  IDEA_TITLE_MAX,
  type RoundView,
} from '@buurthub/shared';
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
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

  @state() private written: { title: string; name: string } | null = null;
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
    try {
      this.community.participation.submitIdea(
        String(data.get('round')),
        { title, text, onBehalfOf: name },
        me,
      );
    } catch {
      this.problem = true;
      return;
    }
    this.problem = false;
    this.written = { title, name };
    form.reset();
  }

  override render() {
    const rounds = this.rounds();
    const heading = html`<h2 tabindex="-1">${t('kiosk.onBehalf.heading')}</h2>`;
    if (rounds.length === 0) {
      return html`${heading}
        <p>${t('kiosk.onBehalf.noRound')}</p>`;
    }
    return html`${heading}
      <p>${t('kiosk.onBehalf.intro')}</p>
      <p role="status">
        ${
          this.written
            ? t('kiosk.onBehalf.done', {
                title: this.written.title,
                name: this.written.name,
                by: this.identity?.current?.name ?? '',
              })
            : ''
        }
      </p>
      <form novalidate @submit=${this.submit}>
        <label for="on-behalf-round">${t('kiosk.onBehalf.round')}</label>
        <select id="on-behalf-round" name="round">
          ${rounds.map((round) => html`<option value=${round.id}>${round.title}</option>`)}
        </select>
        <label for="on-behalf-title">${t('kiosk.onBehalf.title')}</label>
        <input id="on-behalf-title" name="title" required maxlength=${IDEA_TITLE_MAX} />
        <label for="on-behalf-text">${t('kiosk.onBehalf.text')}</label>
        <textarea id="on-behalf-text" name="text" required maxlength=${IDEA_TEXT_MAX}></textarea>
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
