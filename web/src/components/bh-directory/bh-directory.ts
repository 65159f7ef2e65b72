/**
 * The neighbourhood directory ("Buren") for members: find neighbours by what they can do,
 * like or want to learn, by words and area; suggestions from one's own profile ("3 buren in
 * Mook houden ook van tuinieren"); and "Contact opnemen", a request with a message and
 * one's own contact details that the neighbour accepts before either sees the other's.
 * The hash picks the page: `#buren` (search), `#buren/profiel` (own profile, see
 * `bh-profile-editor`), `#buren/verzoeken` (requests, see `bh-contact-requests`).
 * Contact requests need the network: offline the dialog says so and keeps what was typed.
 *
 * @csspart nav - the links between search, profile and requests
 */
import {
  CONTACT_MESSAGE_MAX,
  canModerate,
  type DirectorySpace,
  type ModeratorFields,
  type ProfileView,
  type Suggestion,
  TOPICS,
  type Topic,
  type TopicKind,
  ValidationError,
} from '@buurthub/shared';
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { directoryContext, identityContext, sessionsContext } from '../../app/context.js';
import { ObserveController } from '../../app/controllers.js';
import { dropFormDraft, keepFormDraft, readFormDraft } from '../../app/drafts.js';
import type { IdentityService } from '../../app/identity.js';
import type { HashRoute } from '../../app/route.js';
import { issueMessage } from '../../app/validation-messages.js';
import { ContactError, ContactsClient, contactFrom } from '../../directory/contacts.js';
import { ModeratorFieldsClient } from '../../directory/moderator-fields.js';
import { TOPIC_KINDS } from '../../directory/profile-form.js';
import { topicLabel } from '../../directory/topic-label.js';
import type { Sessions } from '../../identity/session.js';
import { localStore } from '../../sync/local-store.js';
import { ModerationVisibility } from '../../moderation/visibility.js';
import '../bh-report-dialog/bh-report-dialog.js';
import { LocaleController, type MessageKey, t } from '../../i18n/i18n.js';
import '../bh-contact-requests/bh-contact-requests.js';
import '../bh-profile-editor/bh-profile-editor.js';
import { styles } from './bh-directory.styles.js';

export type DirectoryRoute = Extract<HashRoute, { view: 'directory' }>;

interface Filters {
  text: string;
  topic: Topic | '';
  kind: TopicKind | '';
  area: string;
}

const NO_FILTERS: Filters = { text: '', topic: '', kind: '', area: '' };

@customElement('bh-directory')
export class BhDirectory extends LitElement {
  static override styles = styles;

  @property({ attribute: false }) route: DirectoryRoute = { view: 'directory', page: 'browse' };
  @property() nb = '';
  @property({ type: Boolean }) readOnly = false;

  @consume({ context: directoryContext, subscribe: true })
  @state()
  private directory?: DirectorySpace;

  @consume({ context: identityContext, subscribe: true })
  @state()
  private identity?: IdentityService;

  @consume({ context: sessionsContext, subscribe: true })
  @state()
  private sessions?: Sessions;

  @state() private filters: Filters = { ...NO_FILTERS };
  /** The neighbour the contact dialog is for. */
  @state() private contactTo: ProfileView | null = null;
  @state() private contactErrors: Record<string, string> = {};
  @state() private contactStatus = '';
  @state() private sending = false;
  /** Profiles hidden by moderation are left out (the member and moderators still see theirs). */
  private readonly visibility = new ModerationVisibility(this);
  /** For moderators: what members show to moderators only, by member; null while offline. */
  @state() private forModerators?: Map<string, Partial<ModeratorFields>> | null;

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

  focusHeading(): void {
    const inner = this.renderRoot.querySelector<HTMLElement & { focusHeading(): void }>(
      'bh-profile-editor, bh-contact-requests',
    );
    if (inner)
      void (inner as unknown as LitElement).updateComplete.then(() => inner.focusHeading());
    else this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadModeratorFields();
  }

  /** Moderators and officials see what members show to them only, fetched from the relay. */
  private async loadModeratorFields() {
    await this.updateComplete;
    const me = this.identity?.current;
    if (!me || !canModerate(me.role)) return;
    const client = new ModeratorFieldsClient(
      {
        nb: this.nb,
        memberId: me.id,
        token: () => this.sessions?.usableToken(this.nb) ?? null,
        online: () => navigator.onLine,
      },
      localStore,
    );
    this.forModerators = await client.all().catch(() => null);
  }

  private get contacts(): ContactsClient {
    return new ContactsClient({
      token: () => this.sessions?.usableToken(this.nb) ?? null,
      online: () => navigator.onLine,
    });
  }

  override render() {
    const page = this.route.page;
    const nav = html`<nav part="nav" class="subnav" aria-label=${t('directory.views')}>
      <a href="#buren" aria-current=${page === 'browse' ? 'page' : 'false'}
        >${t('directory.browse')}</a
      >
      <a href="#buren/profiel" aria-current=${page === 'profile' ? 'page' : 'false'}
        >${t('directory.myProfile')}</a
      >
      <a href="#buren/verzoeken" aria-current=${page === 'requests' ? 'page' : 'false'}
        >${t('directory.requests')}</a
      >
    </nav>`;
    if (page === 'profile') {
      return html`${nav}<bh-profile-editor
          .nb=${this.nb}
          ?readOnly=${this.readOnly}
        ></bh-profile-editor>`;
    }
    if (page === 'requests') {
      return html`${nav}<bh-contact-requests .contacts=${this.contacts}></bh-contact-requests>`;
    }
    return html`<section aria-labelledby="directory-heading">
      <h2 id="directory-heading" tabindex="-1">${t('directory.heading')}</h2>
      ${nav}
      ${this.directory ? this.renderBrowse(this.directory) : html`<p>${t('directory.membersOnly')}</p>`}
    </section>`;
  }

  private renderBrowse(directory: DirectorySpace) {
    const me = this.identity?.current ?? null;
    const everyone = directory.profiles.list();
    const areas = [...new Set(everyone.map((p) => p.area).filter((a): a is string => !!a))].sort(
      (a, b) => a.localeCompare(b, 'nl'),
    );
    const f = this.filters;
    const found = directory.profiles.search({
      ...(f.text && { text: f.text }),
      ...(f.topic && { topic: f.topic }),
      ...(f.kind && { kind: f.kind }),
      ...(f.area && { area: f.area }),
    });
    const shown = found.filter((p) => this.visibility.shows(p.memberId, p.memberId));
    const mine = me ? directory.profiles.get(me.id) : null;
    return html`${
        mine
          ? this.renderSuggestions(directory.profiles.suggestions(mine.memberId))
          : html`<p class="invite-profile">
              ${t('directory.noProfileYet')}
              <a href="#buren/profiel">${t('directory.makeProfile')}</a>
            </p>`
      }
      <form
        class="filters card"
        role="search"
        @input=${this.onFilter}
        @submit=${(e: Event) => e.preventDefault()}
      >
        <div class="field">
          <label for="q">${t('directory.searchLabel')}</label>
          <input id="q" name="text" type="search" .value=${f.text} />
        </div>
        <div class="row">
          <div class="field">
            <label for="topic">${t('directory.topicLabel')}</label>
            <select id="topic" name="topic">
              <option value="" ?selected=${!f.topic}>${t('directory.anyTopic')}</option>
              ${TOPICS.map(
                (topic) =>
                  html`<option value=${topic} ?selected=${f.topic === topic}>
                    ${t(`directory.topic.${topic}`)}
                  </option>`,
              )}
            </select>
          </div>
          <div class="field">
            <label for="kind">${t('directory.kindLabel')}</label>
            <select id="kind" name="kind">
              <option value="" ?selected=${!f.kind}>${t('directory.anyKind')}</option>
              ${TOPIC_KINDS.map(
                (kind) =>
                  html`<option value=${kind} ?selected=${f.kind === kind}>
                    ${t(`directory.kind.${kind}`)}
                  </option>`,
              )}
            </select>
          </div>
          <div class="field">
            <label for="area-filter">${t('directory.areaLabel')}</label>
            <select id="area-filter" name="area">
              <option value="" ?selected=${!f.area}>${t('directory.anyArea')}</option>
              ${areas.map((a) => html`<option value=${a} ?selected=${f.area === a}>${a}</option>`)}
            </select>
          </div>
        </div>
      </form>
      <p class="count" role="status">${t('directory.found', { count: shown.length })}</p>
      ${
        this.forModerators === null
          ? html`<p class="hint">${t('directory.moderatorFieldsOffline')}</p>`
          : nothing
      }
      <ul class="profiles">
        ${repeat(
          shown,
          (p) => p.memberId,
          (p) => html`<li>${this.renderProfile(p, me?.id === p.memberId)}</li>`,
        )}
      </ul>
      ${this.renderContactDialog()}`;
  }

  private renderSuggestions(suggestions: Suggestion[]) {
    if (suggestions.length === 0) return nothing;
    return html`<section class="card suggestions" aria-labelledby="suggestions-heading">
      <h3 id="suggestions-heading">${t('directory.suggestions')}</h3>
      <ul>
        ${suggestions.slice(0, 5).map(
          (s) =>
            html`<li>
              <button type="button" class="link" @click=${() => this.applySuggestion(s)}>
                ${suggestionText(s)}
              </button>
            </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderProfile(profile: ProfileView, self: boolean) {
    const id = `profile-${profile.memberId}`;
    const forModerators = this.forModerators?.get(profile.memberId);
    return html`<article class="card profile" aria-labelledby=${id}>
      <h3 id=${id}>${profile.displayName}</h3>
      ${this.visibility.notice(profile.memberId)} ${this.renderFields(profile)}
      ${
        forModerators
          ? html`<section class="for-moderators" aria-labelledby=${`${id}-mod`}>
              <h4 id=${`${id}-mod`}>${t('directory.forModerators')}</h4>
              ${this.renderFields(forModerators)}
            </section>`
          : nothing
      }
      ${
        self
          ? html`<p class="self">${t('directory.thisIsYou')}</p>`
          : html`<button
                type="button"
                class="secondary"
                aria-describedby=${id}
                @click=${(e: Event) => this.openContact(profile, e.currentTarget as HTMLElement)}
              >
                ${t('directory.contact')}
              </button>
              <bh-report-dialog
                .itemId=${profile.memberId}
                kind="profile"
                .authorId=${profile.memberId}
                .label=${t('report.label.profile', { name: profile.displayName })}
              ></bh-report-dialog>`
      }
    </article>`;
  }

  /** A profile's area, topics, availability and about text, each only when given. */
  private renderFields(profile: Partial<ModeratorFields>) {
    const topics = (kind: TopicKind) => {
      const value = profile[kind];
      const words = value ? [...value.topics.map((c) => topicLabel(c)), ...value.tags] : [];
      return words.length
        ? html`<div>
            <dt>${t(`directory.kind.${kind}`)}</dt>
            <dd>${words.join(', ')}</dd>
          </div>`
        : nothing;
    };
    return html`${profile.area ? html`<p class="area">${profile.area}</p>` : nothing}
      <dl>
        ${TOPIC_KINDS.map(topics)}
        ${
          profile.availability?.length
            ? html`<div>
                <dt>${t('directory.availability')}</dt>
                <dd>
                  ${profile.availability.map((a) => t(`directory.availability.${a}`)).join(', ')}
                </dd>
              </div>`
            : nothing
        }
      </dl>
      ${profile.about ? html`<p class="about">${profile.about}</p>` : nothing}`;
  }

  private renderContactDialog() {
    const to = this.contactTo;
    const draft = to ? readFormDraft(this.draftKey(to.memberId)) : {};
    const errors = this.contactErrors;
    const field = (name: 'phone' | 'email' | 'note', label: MessageKey, type = 'text') =>
      html`<div class="field">
        <label for=${`contact-${name}`}>${t(label)}</label>
        <input
          id=${`contact-${name}`}
          name=${name}
          type=${type}
          autocomplete=${name === 'phone' ? 'tel' : name === 'email' ? 'email' : 'off'}
          aria-invalid=${errors[name] ? 'true' : 'false'}
          aria-describedby=${errors[name] ? `contact-${name}-error` : nothing}
          .value=${draft[name] ?? ''}
        />
        ${
          errors[name]
            ? html`<p class="field-error" id=${`contact-${name}-error`}>${errors[name]}</p>`
            : nothing
        }
      </div>`;
    return html`<dialog aria-labelledby="contact-heading" @close=${this.onDialogClose}>
      ${
        to
          ? html`<form novalidate @submit=${this.sendContact} @input=${this.saveDraft}>
              <h3 id="contact-heading">
                ${t('directory.contactHeading', { name: to.displayName })}
              </h3>
              <p class="hint">${t('directory.contactHint')}</p>
              <div class="field">
                <label for="contact-message">${t('directory.message')}</label>
                <textarea
                  id="contact-message"
                  name="message"
                  rows="3"
                  maxlength=${CONTACT_MESSAGE_MAX}
                  aria-invalid=${errors['message'] ? 'true' : 'false'}
                  aria-describedby=${errors['message'] ? 'contact-message-error' : nothing}
                  .value=${draft['message'] ?? ''}
                ></textarea>
                ${
                  errors['message']
                    ? html`<p class="field-error" id="contact-message-error">
                        ${errors['message']}
                      </p>`
                    : nothing
                }
              </div>
              <fieldset>
                <legend>${t('directory.yourDetails')}</legend>
                ${field('phone', 'directory.phone', 'tel')}
                ${field('email', 'directory.email', 'email')} ${field('note', 'directory.note')}
              </fieldset>
              <p class="status" role="status">${this.contactStatus}</p>
              <div class="actions">
                <button type="button" class="secondary" @click=${this.closeDialog}>
                  ${t('directory.cancel')}
                </button>
                <button type="submit" class="primary" ?disabled=${this.sending}>
                  ${t('directory.send')}
                </button>
              </div>
            </form>`
          : nothing
      }
    </dialog>`;
  }

  private onFilter(event: Event) {
    const form = (event.target as HTMLElement).closest('form');
    if (!form) return;
    const data = new FormData(form);
    this.filters = {
      text: String(data.get('text') ?? ''),
      topic: String(data.get('topic') ?? '') as Filters['topic'],
      kind: String(data.get('kind') ?? '') as Filters['kind'],
      area: String(data.get('area') ?? ''),
    };
  }

  private applySuggestion(s: Suggestion) {
    const known = (TOPICS as readonly string[]).includes(s.topic);
    const kind: TopicKind = s.reason === 'same-interest' ? 'interests' : 'skills';
    this.filters = {
      text: known ? '' : s.topic,
      topic: known ? (s.topic as Topic) : '',
      kind,
      area: s.area ?? '',
    };
  }

  private draftKey(memberId: string): string {
    return `buurthub:contact-draft:${this.nb}:${memberId}`;
  }

  private opener: HTMLElement | null = null;

  private async openContact(profile: ProfileView, opener: HTMLElement) {
    this.opener = opener;
    this.contactTo = profile;
    this.contactErrors = {};
    this.contactStatus = '';
    await this.updateComplete;
    this.renderRoot.querySelector('dialog')?.showModal();
  }

  private closeDialog() {
    this.renderRoot.querySelector('dialog')?.close();
  }

  private onDialogClose() {
    this.contactTo = null;
    this.opener?.focus();
  }

  private saveDraft(event: Event) {
    if (this.contactTo) keepFormDraft(this.draftKey(this.contactTo.memberId), event);
  }

  private async sendContact(event: SubmitEvent) {
    event.preventDefault();
    const to = this.contactTo;
    if (!to) return;
    const data = Object.fromEntries(
      [...new FormData(event.target as HTMLFormElement)].map(([k, v]) => [k, String(v)]),
    );
    this.sending = true;
    this.contactStatus = '';
    try {
      await this.contacts.request({
        to: to.memberId,
        toName: to.displayName,
        message: data['message'] ?? '',
        contact: contactFrom(data),
      });
      dropFormDraft(this.draftKey(to.memberId));
      this.contactErrors = {};
      this.closeDialog();
      this.contactStatus = '';
      location.hash = '#buren/verzoeken';
    } catch (error) {
      if (error instanceof ValidationError) {
        this.contactErrors = contactFieldErrors(error);
      } else if (error instanceof ContactError) {
        this.contactStatus = t(`directory.contactError.${error.reason}`);
      } else {
        throw error;
      }
    } finally {
      this.sending = false;
    }
  }
}

/** Errors by field; the contact details' own fields (`contact.email`) by their own name. */
function contactFieldErrors(error: ValidationError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const [head = '', sub] = issue.path.split('.');
    // "At least one way to reach you" is reported on the phone field, the first of them.
    const field = head === 'contact' ? (sub ?? 'phone') : head;
    errors[field] ??= issueMessage(issue, `directory.contact.${field}`);
  }
  return errors;
}

function suggestionText(s: Suggestion): string {
  const params = { count: s.memberIds.length, topic: topicLabel(s.topic), area: s.area ?? '' };
  if (s.reason === 'can-teach') return t('directory.suggestion.canTeach', params);
  if (s.reason === 'same-skill') {
    return s.area
      ? t('directory.suggestion.sameSkillArea', params)
      : t('directory.suggestion.sameSkill', params);
  }
  return s.area
    ? t('directory.suggestion.sameInterestArea', params)
    : t('directory.suggestion.sameInterest', params);
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-directory': BhDirectory;
  }
}
