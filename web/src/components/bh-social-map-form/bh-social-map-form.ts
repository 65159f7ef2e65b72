/**
 * Adds or edits one entry of the social map (organisation, regulation or a resident's
 * story) for moderators and officials. A story needs the consent checkbox: it is personal,
 * and the model refuses it without. What is typed is kept on this device until saved.
 *
 * @fires bh-social-map-done - saved (detail: the entry's id) or cancelled (no id)
 */
import {
  HELP_CATEGORIES,
  type OrganisationInput,
  type PublicSpace,
  type RegulationInput,
  type StoryInput,
  ValidationError,
} from '@buurthub/shared';
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { identityContext, publicContext } from '../../app/context.js';
import { dropFormDraft, keepFormDraft, readFormDraft } from '../../app/drafts.js';
import type { IdentityService } from '../../app/identity.js';
import { fieldErrors } from '../../app/validation-messages.js';
import { LocaleController, t } from '../../i18n/i18n.js';
import {
  type EntryKind,
  FIELDS,
  type FieldSpec,
  entryInput,
} from '../../social-map/entry-fields.js';
import { styles } from './bh-social-map-form.styles.js';

export class BhSocialMapDoneEvent extends Event {
  constructor(readonly entryId?: string) {
    super('bh-social-map-done', { bubbles: true, composed: true });
  }
}

type Values = Record<string, string | string[]>;

@customElement('bh-social-map-form')
export class BhSocialMapForm extends LitElement {
  static override styles = styles;

  @property() kind: EntryKind = 'organisation';
  /** The entry to edit; empty for a new one. */
  @property() entryId = '';
  @property() nb = '';

  @consume({ context: publicContext, subscribe: true })
  @state()
  private publicSpace?: PublicSpace;

  @consume({ context: identityContext, subscribe: true })
  @state()
  private identity?: IdentityService;

  @state() private errors: Record<string, string> = {};

  constructor() {
    super();
    new LocaleController(this);
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private get draftKey(): string {
    return `buurthub:social-map-draft:${this.nb}:${this.kind}:${this.entryId}`;
  }

  /** The form's starting values: the draft, else the entry being edited. */
  private values(): Values {
    const draft = readFormDraft(this.draftKey);
    if (Object.keys(draft).length > 0) return draft;
    const map = this.publicSpace?.socialMap;
    if (!map || !this.entryId) return {};
    if (this.kind === 'organisation') {
      const o = map.organisations.get(this.entryId);
      return o ? { ...flat(o), ...o.contact } : {};
    }
    const entry =
      this.kind === 'regulation'
        ? map.regulations.get(this.entryId)
        : map.stories.get(this.entryId);
    return entry ? flat(entry) : {};
  }

  override render() {
    const values = this.values();
    const heading = this.entryId
      ? t(`socialMap.edit.${this.kind}`)
      : t(`socialMap.new.${this.kind}`);
    return html`<section class="card" aria-labelledby="entry-form-heading">
      <h2 id="entry-form-heading" tabindex="-1">${heading}</h2>
      <form novalidate @submit=${this.save} @input=${(e: Event) => keepFormDraft(this.draftKey, e)}>
        ${FIELDS[this.kind].map((f) => this.field(f, values))}
        ${
          this.kind === 'story'
            ? html`<div class="field">
                <label class="check">
                  <input
                    type="checkbox"
                    name="consent"
                    aria-invalid=${this.errors['consent'] ? 'true' : 'false'}
                    aria-describedby=${this.errors['consent'] ? 'consent-error' : nothing}
                  />
                  ${t('socialMap.field.consent')}
                </label>
                ${
                  this.errors['consent']
                    ? html`<p class="field-error" id="consent-error">${this.errors['consent']}</p>`
                    : nothing
                }
              </div>`
            : nothing
        }
        <div class="actions">
          <button type="button" class="secondary" @click=${this.cancel}>
            ${t('socialMap.cancel')}
          </button>
          <button type="submit" class="primary">${t('socialMap.save')}</button>
        </div>
      </form>
    </section>`;
  }

  private field(f: FieldSpec, values: Values) {
    const error =
      this.errors[f.name] ??
      (f.type === 'tel' || f.type === 'email' || f.type === 'url'
        ? this.errors[`contact.${f.name}`]
        : undefined);
    const describedBy = [f.hint ? `${f.name}-hint` : '', error ? `${f.name}-error` : '']
      .filter(Boolean)
      .join(' ');
    const label = f.optional ? t('socialMap.optional', { label: t(f.label) }) : t(f.label);
    const hint = f.hint ? html`<p class="hint" id=${`${f.name}-hint`}>${t(f.hint)}</p>` : nothing;
    const errorLine = error
      ? html`<p class="field-error" id=${`${f.name}-error`}>${error}</p>`
      : nothing;
    if (f.type === 'categories' || f.type === 'organisations' || f.type === 'regulations') {
      const options = this.options(f.type);
      const chosen = asList(values[f.name]);
      return html`<fieldset class="field" aria-describedby=${describedBy || nothing}>
        <legend>${label}</legend>
        ${options.length === 0 ? html`<p class="hint">${t('socialMap.noneYet')}</p>` : nothing}
        <div class="checks">
          ${options.map(
            ([value, text]) =>
              html`<label class="check">
                <input
                  type="checkbox"
                  name=${f.name}
                  value=${value}
                  .checked=${chosen.includes(value)}
                />
                ${text}
              </label>`,
          )}
        </div>
        ${hint} ${errorLine}
      </fieldset>`;
    }
    const value = typeof values[f.name] === 'string' ? (values[f.name] as string) : '';
    return html`<div class="field">
      <label for=${f.name}>${label}</label>
      ${
        f.type === 'text'
          ? html`<textarea
              id=${f.name}
              name=${f.name}
              rows="4"
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${describedBy || nothing}
              .value=${value}
            ></textarea>`
          : html`<input
              id=${f.name}
              name=${f.name}
              type=${f.type === 'line' ? 'text' : f.type}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${describedBy || nothing}
              .value=${value}
            />`
      }
      ${hint} ${errorLine}
    </div>`;
  }

  private options(type: 'categories' | 'organisations' | 'regulations'): [string, string][] {
    const map = this.publicSpace?.socialMap;
    if (type === 'categories') return HELP_CATEGORIES.map((c) => [c, t(`socialMap.category.${c}`)]);
    const entries = type === 'organisations' ? map?.organisations.list() : map?.regulations.list();
    return (entries ?? []).map((e) => [e.id, e.name]);
  }

  private async save(event: SubmitEvent) {
    event.preventDefault();
    const me = this.identity?.current;
    const map = this.publicSpace?.socialMap;
    if (!me || !map) return;
    const input = entryInput(this.kind, new FormData(event.target as HTMLFormElement));
    try {
      let id = this.entryId;
      if (this.kind === 'organisation') {
        const o = input as OrganisationInput;
        id = id ? map.organisations.update(id, o, me).id : map.organisations.create(o, me).id;
      } else if (this.kind === 'regulation') {
        const r = input as RegulationInput;
        id = id ? map.regulations.update(id, r, me).id : map.regulations.create(r, me).id;
      } else {
        const s = input as StoryInput;
        id = id ? map.stories.update(id, s, me).id : map.stories.create(s, me).id;
      }
      this.errors = {};
      dropFormDraft(this.draftKey);
      this.dispatchEvent(new BhSocialMapDoneEvent(id));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const errors = fieldErrors(error, 'socialMap');
      for (const issue of error.issues) {
        if (issue.path.startsWith('contact.')) errors[issue.path] ??= t('socialMap.invalidContact');
      }
      this.errors = errors;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }

  private cancel() {
    dropFormDraft(this.draftKey);
    this.dispatchEvent(new BhSocialMapDoneEvent());
  }
}

/** An entry's own fields as form values (lists stay lists). */
function flat(entry: object): Values {
  const values: Values = {};
  for (const [key, value] of Object.entries(entry)) {
    if (typeof value === 'string') values[key] = value;
    else if (Array.isArray(value)) values[key] = value.map(String);
  }
  return values;
}

function asList(value: string | string[] | undefined): string[] {
  return Array.isArray(value) ? value : value ? [value] : [];
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-social-map-form': BhSocialMapForm;
  }
}
