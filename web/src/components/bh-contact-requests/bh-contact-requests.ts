/**
 * The member's contact requests ("Verzoeken"), from the relay: incoming ones to accept
 * (sharing one's own details) or decline, outgoing ones to withdraw. The other's contact
 * details appear only once a request is accepted; the relay enforces that, this view only
 * shows what it gets. Needs the network: offline it says so, and the details typed into an
 * acceptance are kept on this device.
 *
 * @csspart list - each list of requests
 */
import { ValidationError } from '@buurthub/shared';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { dropFormDraft, keepFormDraft, readFormDraft } from '../../app/drafts.js';
import { issueMessage } from '../../app/validation-messages.js';
import {
  ContactError,
  type ContactRequestView,
  type ContactRequests,
  type ContactsClient,
  contactFrom,
} from '../../directory/contacts.js';
import { LocaleController, formatDateTime, t } from '../../i18n/i18n.js';
import { styles } from './bh-contact-requests.styles.js';

@customElement('bh-contact-requests')
export class BhContactRequests extends LitElement {
  static override styles = styles;

  @property({ attribute: false }) contacts?: ContactsClient;

  @state() private requests: ContactRequests | null = null;
  @state() private status = '';
  @state() private errors: Record<string, string> = {};
  @state() private loading = false;

  private readonly onOnline = () => void this.load();

  constructor() {
    super();
    new LocaleController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.onOnline);
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.onOnline);
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private async load(): Promise<void> {
    if (!this.contacts) return;
    this.loading = true;
    try {
      this.requests = await this.contacts.list();
      this.status = '';
    } catch (error) {
      if (!(error instanceof ContactError)) throw error;
      this.status = t(`directory.contactError.${error.reason}`);
    } finally {
      this.loading = false;
    }
  }

  override render() {
    const r = this.requests;
    return html`<section class="card" aria-labelledby="requests-heading">
      <h2 id="requests-heading" tabindex="-1">${t('directory.requestsHeading')}</h2>
      <p class="hint">${t('directory.requestsIntro')}</p>
      <button
        type="button"
        class="secondary small"
        @click=${() => this.load()}
        ?disabled=${this.loading}
      >
        ${t('directory.refresh')}
      </button>
      <p class="status" role="status">${this.loading ? t('directory.loading') : this.status}</p>
      ${
        r
          ? html`<h3>${t('directory.incoming')}</h3>
              ${this.list(r.incoming)}
              <h3>${t('directory.outgoing')}</h3>
              ${this.list(r.outgoing)}`
          : nothing
      }
    </section>`;
  }

  private list(requests: ContactRequestView[]) {
    if (requests.length === 0) return html`<p class="empty">${t('directory.noRequests')}</p>`;
    return html`<ul part="list" class="requests">
      ${requests.map((r) => html`<li>${this.renderRequest(r)}</li>`)}
    </ul>`;
  }

  private renderRequest(r: ContactRequestView) {
    const id = `request-${r.id}`;
    const incoming = r.direction === 'incoming';
    return html`<article class="request" aria-labelledby=${id}>
      <h4 id=${id}>
        ${incoming ? t('directory.from', { name: r.other.name }) : t('directory.to', { name: r.other.name })}
      </h4>
      <p class="meta">${t(`directory.status.${r.status}`)} · ${formatDateTime(r.createdAt)}</p>
      <p class="message">${r.message}</p>
      ${r.contact ? this.renderDetails(r) : nothing}
      ${r.status === 'pending' && incoming ? this.renderAnswer(r) : nothing}
      ${
        r.status === 'pending' && !incoming
          ? html`<button
              type="button"
              class="secondary small"
              aria-describedby=${id}
              @click=${() => this.act(r, 'withdraw')}
            >
              ${t('directory.withdraw')}
            </button>`
          : nothing
      }
    </article>`;
  }

  private renderDetails(r: ContactRequestView) {
    const c = r.contact;
    if (!c) return nothing;
    return html`<div class="details">
      <h5>${t('directory.detailsOf', { name: r.other.name })}</h5>
      <dl>
        ${
          c.phone
            ? html`<div>
                <dt>${t('directory.phone')}</dt>
                <dd>${c.phone}</dd>
              </div>`
            : nothing
        }
        ${
          c.email
            ? html`<div>
                <dt>${t('directory.email')}</dt>
                <dd>${c.email}</dd>
              </div>`
            : nothing
        }
        ${
          c.note
            ? html`<div>
                <dt>${t('directory.note')}</dt>
                <dd>${c.note}</dd>
              </div>`
            : nothing
        }
      </dl>
    </div>`;
  }

  private renderAnswer(r: ContactRequestView) {
    const key = `buurthub:contact-accept:${r.id}`;
    const draft = readFormDraft(key);
    const field = (name: 'phone' | 'email' | 'note', type: string) => {
      const fieldId = `${r.id}-${name}`;
      const error = this.errors[`${r.id}.${name}`];
      return html`<div class="field">
        <label for=${fieldId}>${t(`directory.${name}`)}</label>
        <input
          id=${fieldId}
          name=${name}
          type=${type}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? `${fieldId}-error` : nothing}
          .value=${draft[name] ?? ''}
        />
        ${error ? html`<p class="field-error" id=${`${fieldId}-error`}>${error}</p>` : nothing}
      </div>`;
    };
    return html`<form
      novalidate
      @input=${(e: Event) => keepFormDraft(key, e)}
      @submit=${(e: SubmitEvent) => this.accept(e, r, key)}
    >
      <fieldset>
        <legend>${t('directory.acceptWith', { name: r.other.name })}</legend>
        ${field('phone', 'tel')} ${field('email', 'email')} ${field('note', 'text')}
      </fieldset>
      <div class="actions">
        <button type="button" class="secondary" @click=${() => this.act(r, 'decline')}>
          ${t('directory.decline')}
        </button>
        <button type="submit" class="primary">${t('directory.accept')}</button>
      </div>
    </form>`;
  }

  private async accept(event: SubmitEvent, r: ContactRequestView, key: string) {
    event.preventDefault();
    if (!this.contacts) return;
    const data = Object.fromEntries(
      [...new FormData(event.target as HTMLFormElement)].map(([k, v]) => [k, String(v)]),
    );
    try {
      await this.contacts.accept(r.id, contactFrom(data));
      dropFormDraft(key);
      this.errors = {};
      await this.load();
      this.status = t('directory.accepted', { name: r.other.name });
    } catch (error) {
      if (error instanceof ValidationError) {
        const errors: Record<string, string> = {};
        for (const issue of error.issues) {
          const field = issue.path.split('.').at(-1) || 'phone';
          errors[`${r.id}.${field}`] ??= issueMessage(issue, `directory.contact.${field}`);
        }
        this.errors = errors;
      } else if (error instanceof ContactError) {
        this.status = t(`directory.contactError.${error.reason}`);
      } else {
        throw error;
      }
    }
  }

  private async act(r: ContactRequestView, verb: 'decline' | 'withdraw') {
    if (!this.contacts) return;
    try {
      await (verb === 'decline' ? this.contacts.decline(r.id) : this.contacts.withdraw(r.id));
      await this.load();
      this.status = t(verb === 'decline' ? 'directory.declined' : 'directory.withdrawn');
    } catch (error) {
      if (!(error instanceof ContactError)) throw error;
      this.status = t(`directory.contactError.${error.reason}`);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-contact-requests': BhContactRequests;
  }
}
