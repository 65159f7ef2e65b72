/**
 * One post of the feed: category, village, title, author and time, the body in paragraphs,
 * its comments and a small form to add one. The `<article>` is named by the post title,
 * so tests and assistive technology can find a post's comment form by its title.
 *
 * @fires bh-comment-created - a comment was published ({@link BhCommentCreatedEvent})
 * @csspart card - the article card
 */
import { COMMENT_MAX, type CommunitySpace, type PostView, ValidationError } from '@buurthub/shared';
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { communityContext, identityContext } from '../../app/context.js';
import { BhCommentCreatedEvent } from '../../app/events.js';
import type { IdentityService } from '../../app/identity.js';
import { issueMessage } from '../../app/validation-messages.js';
import { localStore } from '../../sync/local-store.js';
import { LocaleController, formatDateTime, formatRelative, t, tDynamic } from '../../i18n/i18n.js';
import { styles } from './bh-post-card.styles.js';

/** Splits a body into paragraphs at blank lines; single newlines stay line breaks. */
export function paragraphs(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

function commentDraftKey(postId: string): string {
  return `buurthub:comment-draft:${postId}`;
}

@customElement('bh-post-card')
export class BhPostCard extends LitElement {
  static override styles = styles;

  @property({ attribute: false }) post?: PostView;
  /** The current time, for relative times (the feed ticks it). */
  @property({ type: Number }) now = Date.now();
  /** No writing (schema too new). */
  @property({ type: Boolean }) readOnly = false;

  @consume({ context: communityContext, subscribe: true })
  private community?: CommunitySpace;

  @consume({ context: identityContext, subscribe: true })
  private identity?: IdentityService;

  @state() private commentError = '';
  @state() private busy = false;
  @query('textarea') private commentField?: HTMLTextAreaElement;

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const post = this.post;
    if (!post) return nothing;
    const id = post.id;
    return html`<article part="card" class="card" aria-labelledby="title-${id}">
      <div class="tags">
        <span class="chip ${post.category}"
          >${tDynamic(`category.${post.category}`, post.category)}</span
        >
        ${
          post.village
            ? html`<span class="village">${t('post.village', { village: post.village })}</span>`
            : nothing
        }
      </div>
      <h3 id="title-${id}">${post.title}</h3>
      <p class="meta">
        <span class="author">${t('post.by', { name: post.author.name })}</span>
        <span aria-hidden="true">·</span>
        ${this.renderTime(post.createdAt)}
        ${post.editedAt ? html`<span class="edited">(${t('post.edited')})</span>` : nothing}
      </p>
      <div class="body">${paragraphs(post.body).map((p) => html`<p>${p}</p>`)}</div>
      <section class="comments" aria-labelledby="comments-${id}">
        <h4 id="comments-${id}">
          ${
            post.comments.length > 0
              ? t('post.comments', { count: post.comments.length })
              : t('post.noComments')
          }
        </h4>
        ${
          post.comments.length > 0
            ? html`<ul>
                ${post.comments.map(
                  (c) =>
                    html`<li>
                      <p class="comment-meta">
                        <strong>${c.author.name}</strong>
                        <span aria-hidden="true">·</span> ${this.renderTime(c.createdAt)}
                      </p>
                      <p class="comment-body">${c.body}</p>
                    </li>`,
                )}
              </ul>`
            : nothing
        }
        ${this.readOnly ? nothing : this.renderCommentForm(id)}
      </section>
    </article>`;
  }

  private renderTime(at: number) {
    return html`<time datetime=${new Date(at).toISOString()} title=${formatDateTime(at)}
      >${formatRelative(at, this.now)}</time
    >`;
  }

  private renderCommentForm(id: string) {
    const errorId = `comment-error-${id}`;
    return html`<form class="comment-form" novalidate @submit=${this.onSubmit}>
      <label for="comment-${id}">${t('comment.label')}</label>
      <div class="comment-row">
        <textarea
          id="comment-${id}"
          name="body"
          rows="2"
          maxlength=${COMMENT_MAX}
          aria-invalid=${this.commentError ? 'true' : 'false'}
          aria-describedby=${this.commentError ? errorId : nothing}
          .value=${localStore.get(commentDraftKey(id)) ?? ''}
          @input=${this.onCommentInput}
        ></textarea>
        <button type="submit" class="secondary" ?disabled=${this.busy}>
          ${t('comment.submit')}
        </button>
      </div>
      ${
        this.commentError
          ? html`<p id=${errorId} class="field-error">${this.commentError}</p>`
          : nothing
      }
    </form>`;
  }

  /** Half-written comments are kept like post drafts: an app update or reload loses nothing. */
  private onCommentInput(event: Event) {
    const post = this.post;
    if (!post) return;
    this.commentError = '';
    localStore.set(commentDraftKey(post.id), (event.target as HTMLTextAreaElement).value);
  }

  private async onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const post = this.post;
    const field = this.commentField;
    if (!post || !field || !this.community || !this.identity || this.busy) return;
    this.busy = true;
    try {
      const author = await this.identity.ensure();
      if (!author) return;
      const comment = this.community.posts.comment(post.id, { body: field.value }, author);
      field.value = '';
      localStore.remove(commentDraftKey(post.id));
      this.commentError = '';
      this.dispatchEvent(new BhCommentCreatedEvent(post.id, comment.id));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const issue = error.issues[0];
      this.commentError = issue ? issueMessage(issue, 'comment') : t('validation.invalid');
      field.focus();
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-post-card': BhPostCard;
  }
}
