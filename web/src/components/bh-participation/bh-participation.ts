/**
 * Participation ("Meedoen"): the list of rounds on municipal plans (running and finished,
 * newest first, each with its phase), the form in which an official starts a round with
 * the legal frame and the room for choice stated up front, and one round's page
 * (`bh-round`), chosen by the hash (`#meedoen`, `#meedoen/nieuw`, `#meedoen/<id>`).
 *
 * @csspart list - the list of rounds
 */
import {
  type CommunitySpace,
  type Phase,
  type RoundInput,
  ROUND_TEXT_MAX,
  ROUND_TITLE_MAX,
  ValidationError,
} from '@buurthub/shared';
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { communityContext, identityContext } from '../../app/context.js';
import { ObserveController } from '../../app/controllers.js';
import { dropFormDraft, keepFormDraft, readFormDraft } from '../../app/drafts.js';
import type { IdentityService } from '../../app/identity.js';
import { type HashRoute, roundHash } from '../../app/route.js';
import { fieldErrors } from '../../app/validation-messages.js';
import { LocaleController, type MessageKey, formatDateTime, t } from '../../i18n/i18n.js';
import '../bh-round/bh-round.js';
import type { BhRound } from '../bh-round/bh-round.js';
import { styles } from './bh-participation.styles.js';

export type ParticipationRoute = Extract<HashRoute, { view: 'participation' }>;

type RoundField = 'title' | 'summary' | 'legalFrame' | 'roomForChoice' | 'village';
const LONG_FIELDS: ReadonlySet<string> = new Set(['summary', 'legalFrame', 'roomForChoice']);

/** The end of a `YYYY-MM-DD` day on this device: a planned end is "until and including". */
function dateValue(value: FormDataEntryValue | null): number | undefined {
  const text = typeof value === 'string' ? value : '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const ms = new Date(`${text}T23:59:00`).getTime();
  return Number.isFinite(ms) ? ms : undefined;
}

@customElement('bh-participation')
export class BhParticipation extends LitElement {
  static override styles = styles;

  @property({ attribute: false }) route: ParticipationRoute = {
    view: 'participation',
    page: 'list',
  };
  @property() nb = '';
  @property({ type: Boolean }) readOnly = false;

  @consume({ context: communityContext, subscribe: true })
  @state()
  private community?: CommunitySpace;

  @consume({ context: identityContext, subscribe: true })
  @state()
  private identity?: IdentityService;

  @state() private errors: Record<string, string> = {};

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
  }

  focusHeading(): void {
    const round = this.renderRoot.querySelector<BhRound>('bh-round');
    if (round) void round.updateComplete.then(() => round.focusHeading());
    else this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private get official(): boolean {
    return !this.readOnly && this.identity?.current?.role === 'official';
  }

  override render() {
    if (this.route.page === 'round') {
      return html`<bh-round
        .roundId=${this.route.roundId}
        .nb=${this.nb}
        ?readOnly=${this.readOnly}
      ></bh-round>`;
    }
    if (this.route.page === 'new' && this.official) return this.renderNew();
    const rounds = this.community?.participation.list() ?? [];
    return html`<section aria-labelledby="participation-heading">
      <h2 id="participation-heading" tabindex="-1">${t('participation.heading')}</h2>
      <p class="intro">${t('participation.intro')}</p>
      ${
        this.official
          ? html`<p><a class="new" href="#meedoen/nieuw">${t('participation.newRound')}</a></p>`
          : nothing
      }
      ${
        rounds.length === 0
          ? html`<p class="empty">${t('participation.noRounds')}</p>`
          : html`<ul part="list" class="rounds">
              ${repeat(
                rounds,
                (r) => r.id,
                (r) =>
                  html`<li class="card">
                    <h3><a href=${roundHash(r.id)}>${r.title}</a></h3>
                    <p class="phase ${r.phase}">
                      ${t('participation.currentPhase', { phase: t(phaseKey(r.phase)) })}
                    </p>
                    <p class="meta">
                      ${t('participation.ideas', { count: r.ideas.length })} ·
                      ${t('participation.startedBy', {
                        name: r.createdBy.name,
                        time: formatDateTime(r.createdAt),
                      })}
                    </p>
                  </li>`,
              )}
            </ul>`
      }
    </section>`;
  }

  private renderNew() {
    const draft = readFormDraft(this.draftKey);
    const field = (name: RoundField, label: MessageKey, hint?: MessageKey) => {
      const error = this.errors[name];
      const described = [hint ? `${name}-hint` : '', error ? `${name}-error` : '']
        .filter(Boolean)
        .join(' ');
      const long = LONG_FIELDS.has(name);
      return html`<div class="field">
        <label for=${name}>${t(label)}</label>
        ${
          long
            ? html`<textarea
                id=${name}
                name=${name}
                rows="5"
                maxlength=${ROUND_TEXT_MAX}
                aria-invalid=${error ? 'true' : 'false'}
                aria-describedby=${described || nothing}
                .value=${draft[name] ?? ''}
              ></textarea>`
            : html`<input
                id=${name}
                name=${name}
                maxlength=${name === 'title' ? ROUND_TITLE_MAX : 80}
                aria-invalid=${error ? 'true' : 'false'}
                aria-describedby=${described || nothing}
                .value=${draft[name] ?? ''}
              />`
        }
        ${hint ? html`<p class="hint" id=${`${name}-hint`}>${t(hint)}</p>` : nothing}
        ${error ? html`<p class="field-error" id=${`${name}-error`}>${error}</p>` : nothing}
      </div>`;
    };
    return html`<a class="back" href="#meedoen">${t('participation.back')}</a>
      <section class="card" aria-labelledby="new-round-heading">
        <h2 id="new-round-heading" tabindex="-1">${t('participation.newRound')}</h2>
        <p class="intro">${t('participation.newRoundIntro')}</p>
        <form novalidate @submit=${this.start} @input=${this.saveDraft}>
          ${field('title', 'participation.roundTitle')}
          ${field('summary', 'participation.summary', 'participation.summaryHint')}
          ${field('legalFrame', 'participation.legalFrame', 'participation.legalFrameHint')}
          ${field('roomForChoice', 'participation.roomForChoice', 'participation.roomForChoiceHint')}
          ${field('village', 'participation.village', 'participation.villageHint')}
          <div class="row">
            <div class="field">
              <label for="ideasUntil">${t('participation.ideasUntil')}</label>
              <input
                id="ideasUntil"
                name="ideasUntil"
                type="date"
                .value=${draft['ideasUntil'] ?? ''}
              />
            </div>
            <div class="field">
              <label for="responsesUntil">${t('participation.responsesUntil')}</label>
              <input
                id="responsesUntil"
                name="responsesUntil"
                type="date"
                .value=${draft['responsesUntil'] ?? ''}
              />
            </div>
          </div>
          <div class="actions">
            <button type="submit" class="primary">${t('participation.startRound')}</button>
          </div>
        </form>
      </section>`;
  }

  private get draftKey(): string {
    return `buurthub:round-draft:${this.nb}`;
  }

  private saveDraft(event: Event) {
    keepFormDraft(this.draftKey, event);
  }

  private async start(event: SubmitEvent) {
    event.preventDefault();
    const me = this.identity?.current;
    const participation = this.community?.participation;
    if (!me || !participation) return;
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '');
    const village = text('village').trim();
    const ideasUntil = dateValue(data.get('ideasUntil'));
    const responsesUntil = dateValue(data.get('responsesUntil'));
    const input: RoundInput = {
      title: text('title'),
      summary: text('summary'),
      legalFrame: text('legalFrame'),
      roomForChoice: text('roomForChoice'),
      ...(village && { village }),
      ...(ideasUntil !== undefined && { ideasUntil }),
      ...(responsesUntil !== undefined && { responsesUntil }),
    };
    try {
      const round = participation.start(input, me);
      this.errors = {};
      dropFormDraft(this.draftKey);
      location.hash = roundHash(round.id);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      this.errors = fieldErrors(error, 'participation.round');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }
}

function phaseKey(phase: Phase): MessageKey {
  return `participation.phase.${phase}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-participation': BhParticipation;
  }
}
