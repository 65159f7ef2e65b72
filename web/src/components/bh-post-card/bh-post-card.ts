/**
 * One post of the feed: category, village, title, author and time, the body (Buurthub
 * markup rendered through Lit templates), its photos with their upload progress, reactions,
 * a share button, comments with one level of answers, and forms to add them. The `<article>` is named by the post title,
 * so tests and assistive technology can find a post's comment form by its title.
 *
 * @fires bh-comment-created - a comment was published ({@link BhCommentCreatedEvent})
 * @csspart card - the article card
 */
import {
  COMMENT_MAX,
  type CommentView,
  type CommunitySpace,
  type PostView,
  REACTIONS,
  type ReactionKind,
  ValidationError,
} from '@buurthub/shared';
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { communityContext, identityContext } from '../../app/context.js';
import { BhCommentCreatedEvent } from '../../app/events.js';
import type { IdentityService } from '../../app/identity.js';
import { renderMarkup } from '../../app/markup.js';
import { issueMessage } from '../../app/validation-messages.js';
import '../bh-photo/bh-photo.js';
import { localStore } from '../../sync/local-store.js';
import { LocaleController, formatDateTime, formatRelative, t, tDynamic } from '../../i18n/i18n.js';
import { styles } from './bh-post-card.styles.js';

function commentDraftKey(postId: string, parentId?: string): string {
  return `buurthub:comment-draft:${postId}${parentId ? `:${parentId}` : ''}`;
}

const REACTION_ICONS: Record<ReactionKind, string> = {
  heart: '❤️',
  thanks: '🙏',
  helpful: '👍',
  laugh: '😄',
};

/** Top-level comments, each with its answers (the model gives them in thread order). */
function threads(comments: CommentView[]): { comment: CommentView; answers: CommentView[] }[] {
  const out: { comment: CommentView; answers: CommentView[] }[] = [];
  for (const c of comments) {
    if (c.parentId === undefined) out.push({ comment: c, answers: [] });
    else out[out.length - 1]?.answers.push(c);
  }
  return out;
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
  /** The top-level comment being answered, if any. */
  @state() private replyTo: string | null = null;
  @state() private shared = false;

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
      <div class="body">${renderMarkup(post.body)}</div>
      ${
        post.photos.length > 0
          ? html`<div class="photos ${post.photos.length === 1 ? 'single' : ''}">
              ${post.photos.map((p) => html`<bh-photo .photo=${p}></bh-photo>`)}
            </div>`
          : nothing
      }
      <div class="actions-row">
        ${this.renderReactions(post)}
        <div class="share">
          <button type="button" class="secondary small" @click=${this.share}>
            ${t('post.share')}
          </button>
          <span role="status" class="shared">${this.shared ? t('post.linkCopied') : ''}</span>
        </div>
      </div>
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
                ${threads(post.comments).map(
                  ({ comment, answers }) =>
                    html`<li>
                      ${this.renderComment(comment)}
                      ${
                        !this.readOnly && !comment.removed
                          ? html`<button
                              type="button"
                              class="link"
                              aria-expanded=${this.replyTo === comment.id ? 'true' : 'false'}
                              @click=${() => this.toggleReply(comment.id)}
                            >
                              ${t('comment.reply', { name: comment.author.name })}
                            </button>`
                          : nothing
                      }
                      ${
                        answers.length > 0 || this.replyTo === comment.id
                          ? html`<ul class="answers">
                              ${answers.map((a) => html`<li>${this.renderComment(a)}</li>`)}
                            </ul>`
                          : nothing
                      }
                      ${
                        this.replyTo === comment.id && !this.readOnly
                          ? this.renderCommentForm(id, comment)
                          : nothing
                      }
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

  private renderComment(c: CommentView) {
    if (c.removed) return html`<p class="comment-body removed">${t('comment.removed')}</p>`;
    return html`<p class="comment-meta">
        <strong>${c.author.name}</strong>
        <span aria-hidden="true">·</span> ${this.renderTime(c.createdAt)}
        ${c.editedAt ? html`<span class="edited">(${t('post.edited')})</span>` : nothing}
      </p>
      <div class="comment-body">${renderMarkup(c.body)}</div>`;
  }

  private renderReactions(post: PostView) {
    const me = this.identity?.current?.id;
    return html`<div class="reactions" role="group" aria-label=${t('reaction.label')}>
      ${REACTIONS.map((kind) => {
        const count = post.reactions[kind].length;
        const mine = me !== undefined && post.reactions[kind].includes(me);
        return html`<button
          type="button"
          class="reaction"
          aria-pressed=${mine ? 'true' : 'false'}
          ?disabled=${this.readOnly}
          @click=${() => void this.react(kind)}
        >
          <span aria-hidden="true">${REACTION_ICONS[kind]}</span>
          <span class="visually-hidden">${t(`reaction.${kind}`)}</span>
          <span>${count}</span>
        </button>`;
      })}
    </div>`;
  }

  private async react(kind: ReactionKind) {
    const post = this.post;
    if (!post || !this.community || !this.identity || this.readOnly) return;
    const author = await this.identity.ensure();
    if (author) this.community.posts.react(post.id, kind, author);
  }

  private async share() {
    const post = this.post;
    if (!post) return;
    const url = `${location.origin}${location.pathname}#berichten`;
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title: post.title, url });
        return;
      } catch (error) {
        // The user closed the share sheet: nothing to do. Otherwise copy the link instead.
        if ((error as DOMException).name === 'AbortError') return;
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      this.shared = true;
      setTimeout(() => (this.shared = false), 6000);
    } catch {
      // No clipboard either: nothing more we can do without a visible link.
    }
  }

  private async toggleReply(commentId: string) {
    this.replyTo = this.replyTo === commentId ? null : commentId;
    this.commentError = '';
    await this.updateComplete;
    if (this.replyTo) this.renderRoot.querySelector<HTMLElement>(`#reply-${commentId}`)?.focus();
  }

  private renderCommentForm(id: string, parent?: CommentView) {
    const fieldId = parent ? `reply-${parent.id}` : `comment-${id}`;
    const errorId = `${fieldId}-error`;
    const error = this.commentError && (this.replyTo ?? '') === (parent?.id ?? '');
    return html`<form
      class="comment-form ${parent ? 'reply' : ''}"
      novalidate
      @submit=${(e: SubmitEvent) => this.onSubmit(e, parent?.id)}
    >
      <label for=${fieldId}>
        ${parent ? t('comment.replyLabel', { name: parent.author.name }) : t('comment.label')}
      </label>
      <div class="comment-row">
        <textarea
          id=${fieldId}
          name="body"
          rows="2"
          maxlength=${COMMENT_MAX}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? errorId : nothing}
          .value=${localStore.get(commentDraftKey(id, parent?.id)) ?? ''}
          @input=${(e: Event) => this.onCommentInput(e, parent?.id)}
        ></textarea>
        <button type="submit" class="secondary" ?disabled=${this.busy}>
          ${parent ? t('comment.replySubmit') : t('comment.submit')}
        </button>
      </div>
      ${error ? html`<p id=${errorId} class="field-error">${this.commentError}</p>` : nothing}
    </form>`;
  }

  /** Half-written comments are kept like post drafts: an app update or reload loses nothing. */
  private onCommentInput(event: Event, parentId?: string) {
    const post = this.post;
    if (!post) return;
    this.commentError = '';
    localStore.set(commentDraftKey(post.id, parentId), (event.target as HTMLTextAreaElement).value);
  }

  private async onSubmit(event: SubmitEvent, parentId?: string) {
    event.preventDefault();
    const post = this.post;
    const field = (event.currentTarget as HTMLFormElement).querySelector('textarea');
    if (!post || !field || !this.community || !this.identity || this.busy) return;
    this.busy = true;
    try {
      const author = await this.identity.ensure();
      if (!author) return;
      const comment = this.community.posts.comment(
        post.id,
        { body: field.value, ...(parentId ? { parentId } : {}) },
        author,
      );
      field.value = '';
      localStore.remove(commentDraftKey(post.id, parentId));
      if (parentId) this.replyTo = null;
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
