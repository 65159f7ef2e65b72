/**
 * The member's own directory profile (opt-in): area, what they can offer, like and want to
 * learn (topics from the list plus free tags), availability and a few words about
 * themselves, each with a choice of who sees it. Only what is shown to the neighbourhood is
 * written to the shared directory; what only moderators may see goes to the relay's private
 * store (waiting on this device while offline); hidden fields stay on this device. The display name is
 * the one from the member's token. "Uit de buurtgids" removes the entry.
 *
 * @csspart card - the form's card
 */
import {
  ABOUT_MAX,
  AVAILABILITY,
  type DirectorySpace,
  type ModeratorFields,
  type ProfileView,
  TAG_MAX,
  TOPICS,
  type Topic,
  type TopicKind,
  ValidationError,
} from '@buurthub/shared';
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { directoryContext, identityContext, sessionsContext } from '../../app/context.js';
import { ObserveController } from '../../app/controllers.js';
import type { IdentityService } from '../../app/identity.js';
import { fieldErrors } from '../../app/validation-messages.js';
import { ModeratorFieldsClient } from '../../directory/moderator-fields.js';
import {
  type ProfileField,
  type ProfileFormState,
  type Shown,
  TOPIC_KINDS,
  parseKeptState,
  parseShown,
  stateFromProfile,
  toProfileInput,
} from '../../directory/profile-form.js';
import { LocaleController, type MessageKey, t } from '../../i18n/i18n.js';
import type { Sessions } from '../../identity/session.js';
import { localStore } from '../../sync/local-store.js';
import { styles } from './bh-profile-editor.styles.js';

const FIELD_LABELS: Record<ProfileField, MessageKey> = {
  area: 'directory.area',
  skills: 'directory.kind.skills',
  interests: 'directory.kind.interests',
  wantsToLearn: 'directory.kind.wantsToLearn',
  availability: 'directory.availability',
  about: 'directory.about',
};

@customElement('bh-profile-editor')
export class BhProfileEditor extends LitElement {
  static override styles = styles;

  @property() nb = '';
  @property({ type: Boolean }) readOnly = false;

  @consume({ context: directoryContext, subscribe: true })
  @state()
  private directory?: DirectorySpace;

  @consume({ context: identityContext, subscribe: true })
  @state()
  private identity?: IdentityService;

  @consume({ context: sessionsContext, subscribe: true })
  private sessions?: Sessions;

  /** The member's moderators-only fields as the relay has them, once asked (new device). */
  @state() private forModerators?: Partial<ModeratorFields>;
  // A refusal keeps the fields waiting; the next save or visit says why.
  private readonly onOnline = () => void this.moderatorFields?.flush().catch(() => undefined);

  /** What the member typed this time; until then the form follows the kept or published profile. */
  @state() private form?: ProfileFormState;
  @state() private errors: Record<string, string> = {};
  @state() private status = '';

  constructor() {
    super();
    new LocaleController(this);
    new ObserveController(
      this,
      () => this.directory,
      (space, changed) => space.profiles.observe(changed),
    );
    new ObserveController(
      this,
      () => this.identity,
      (identity, changed) => identity.onChange(changed),
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.onOnline);
    void this.loadModeratorFields();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.onOnline);
  }

  private get moderatorFields(): ModeratorFieldsClient | null {
    const me = this.identity?.current;
    if (!me) return null;
    return new ModeratorFieldsClient(
      {
        nb: this.nb,
        memberId: me.id,
        token: () => this.sessions?.usableToken(this.nb) ?? null,
        online: () => navigator.onLine,
      },
      localStore,
    );
  }

  /** Sends what waited on this device, then reads back what the relay keeps. */
  private async loadModeratorFields() {
    await this.updateComplete;
    const client = this.moderatorFields;
    if (!client || (await client.flush().catch(() => 'waiting')) === 'waiting') return;
    this.forModerators = (await client.own().catch(() => undefined)) ?? this.forModerators;
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private get keptKey(): string {
    return `buurthub:profile:${this.nb}:${this.identity?.current?.id ?? ''}`;
  }

  /**
   * The form's state: what was typed, else what is kept on this device, else the published
   * profile. Read on every render until the member types, because on a new device the
   * published profile arrives from the relay after the view opened, and saving an empty
   * form would clear it.
   */
  private current(published: ProfileView | null): ProfileFormState {
    return (
      this.form ??
      parseKeptState(localStore.get(this.keptKey)) ??
      stateFromProfile(published, this.forModerators)
    );
  }

  override render() {
    const me = this.identity?.current;
    if (!me || !this.directory) {
      // In the demo there is no name until the visitor gives one.
      return html`<div class="card">
        <h2 tabindex="-1">${t('directory.profileHeading')}</h2>
        ${
          this.directory
            ? html`<p>${t('directory.needName')}</p>
                <button type="button" class="primary" @click=${() => this.identity?.ensure()}>
                  ${t('directory.giveName')}
                </button>`
            : html`<p>${t('directory.membersOnly')}</p>`
        }
      </div>`;
    }
    const published = this.directory.profiles.get(me.id);
    const form = this.current(published);
    return html`<section part="card" class="card" aria-labelledby="profile-heading">
      <h2 id="profile-heading" tabindex="-1">${t('directory.profileHeading')}</h2>
      <p class="intro">${t('directory.profileIntro')}</p>
      <p class="visibility-help" id="visibility-help">${t('directory.visibilityHelp')}</p>
      <form novalidate @submit=${this.save} @input=${this.onInput} @change=${this.onInput}>
        <p class="name">${t('directory.nameFromToken', { name: me.name })}</p>
        <div class="field">
          <label for="area">${t('directory.area')}</label>
          <input
            id="area"
            name="area"
            maxlength="80"
            aria-describedby="area-hint ${this.errors['area'] ? 'area-error' : ''}"
            aria-invalid=${this.errors['area'] ? 'true' : 'false'}
            .value=${form.area}
          />
          <p class="hint" id="area-hint">${t('directory.areaHint')}</p>
          ${
            this.errors['area']
              ? html`<p class="field-error" id="area-error">${this.errors['area']}</p>`
              : nothing
          }
          ${this.shownSelect('area', form)}
        </div>
        ${TOPIC_KINDS.map((kind) => this.topicFieldset(kind, form))}
        <fieldset class="field">
          <legend>${t('directory.availability')}</legend>
          <div class="checks">
            ${AVAILABILITY.map(
              (a) =>
                html`<label class="check">
                  <input
                    type="checkbox"
                    name="availability"
                    value=${a}
                    .checked=${form.availability.includes(a)}
                  />
                  ${t(`directory.availability.${a}`)}
                </label>`,
            )}
          </div>
          ${this.shownSelect('availability', form)}
        </fieldset>
        <div class="field">
          <label for="about">${t('directory.about')}</label>
          <textarea
            id="about"
            name="about"
            rows="3"
            maxlength=${ABOUT_MAX}
            .value=${form.about}
          ></textarea>
          ${this.shownSelect('about', form)}
        </div>
        <div class="actions">
          ${
            published
              ? html`<button type="button" class="secondary" @click=${this.leave}>
                  ${t('directory.leave')}
                </button>`
              : nothing
          }
          <button type="submit" class="primary" ?disabled=${this.readOnly}>
            ${t('directory.saveProfile')}
          </button>
        </div>
      </form>
      <p role="status" class="status">${this.status}</p>
    </section>`;
  }

  private topicFieldset(kind: TopicKind, form: ProfileFormState) {
    const error = this.errors[kind];
    return html`<fieldset class="field">
      <legend>${t(`directory.kind.${kind}`)}</legend>
      <div class="checks topics">
        ${TOPICS.map(
          (topic) =>
            html`<label class="check">
              <input
                type="checkbox"
                name=${`topic-${kind}`}
                value=${topic}
                .checked=${form.topics[kind].includes(topic)}
              />
              ${t(`directory.topic.${topic}`)}
            </label>`,
        )}
      </div>
      <label for=${`tags-${kind}`} class="tags-label">${t('directory.tags')}</label>
      <input
        id=${`tags-${kind}`}
        name=${`tags-${kind}`}
        maxlength=${TAG_MAX * 10 + 20}
        aria-describedby="tags-${kind}-hint ${error ? `${kind}-error` : ''}"
        aria-invalid=${error ? 'true' : 'false'}
        .value=${form.tags[kind]}
      />
      <p class="hint" id=${`tags-${kind}-hint`}>${t('directory.tagsHint')}</p>
      ${error ? html`<p class="field-error" id=${`${kind}-error`}>${error}</p>` : nothing}
      ${this.shownSelect(kind, form)}
    </fieldset>`;
  }

  private shownSelect(field: ProfileField, form: ProfileFormState) {
    const id = `shown-${field}`;
    return html`<div class="shown">
      <label for=${id}>${t('directory.whoSees', { field: t(FIELD_LABELS[field]) })}</label>
      <select id=${id} name=${id} aria-describedby="visibility-help">
        ${(['neighbourhood', 'moderators', 'hidden'] as Shown[]).map(
          (s) =>
            html`<option value=${s} ?selected=${form.shown[field] === s}>
              ${t(`directory.shown.${s}`)}
            </option>`,
        )}
      </select>
    </div>`;
  }

  /** Reads the whole form into the state and keeps it on this device. */
  private onInput(event: Event) {
    const formElement = (event.target as HTMLElement).closest('form');
    if (!formElement) return;
    const data = new FormData(formElement);
    const all = (name: string) => data.getAll(name).map(String);
    const next: ProfileFormState = {
      area: String(data.get('area') ?? ''),
      about: String(data.get('about') ?? ''),
      availability: all('availability') as ProfileFormState['availability'],
      topics: {
        skills: all('topic-skills') as Topic[],
        interests: all('topic-interests') as Topic[],
        wantsToLearn: all('topic-wantsToLearn') as Topic[],
      },
      tags: {
        skills: String(data.get('tags-skills') ?? ''),
        interests: String(data.get('tags-interests') ?? ''),
        wantsToLearn: String(data.get('tags-wantsToLearn') ?? ''),
      },
      shown: { ...stateFromProfile(null).shown },
    };
    for (const field of Object.keys(next.shown) as ProfileField[]) {
      next.shown[field] = parseShown(data.get(`shown-${field}`));
    }
    this.form = next;
    localStore.set(this.keptKey, JSON.stringify(next));
  }

  private async save(event: SubmitEvent) {
    event.preventDefault();
    const me = this.identity?.current;
    if (!me || !this.directory) return;
    const kept = localStore.get(this.keptKey) !== null;
    const form = this.current(this.directory.profiles.get(me.id));
    const { input, visibility } = toProfileInput(me.name, form);
    try {
      const { forModerators } = this.directory.profiles.publish(input, visibility, me);
      this.errors = {};
      localStore.set(this.keptKey, JSON.stringify(form));
      // A new device that could not ask the relay yet does not replace what it keeps
      // with nothing.
      const known = kept || this.forModerators !== undefined;
      const sent =
        known || Object.keys(forModerators).length > 0
          ? await this.moderatorFields?.save(forModerators).catch(() => 'failed' as const)
          : 'sent';
      this.status = t(
        sent === 'waiting'
          ? 'directory.moderatorFieldsWaiting'
          : sent === 'failed'
            ? 'directory.moderatorFieldsFailed'
            : 'directory.profileSaved',
      );
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      this.errors = fieldErrors(error, 'directory');
      this.status = '';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }

  private leave() {
    const me = this.identity?.current;
    if (!me || !this.directory) return;
    this.directory.profiles.remove(me.id, me);
    void this.moderatorFields?.save({});
    this.status = t('directory.left');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-profile-editor': BhProfileEditor;
  }
}
