/**
 * One post of the feed: category, village, title, author and time, the body (Buurthub
 * markup rendered through Lit templates), its photos and short videos with their upload
 * progress, video links as link cards (never embedded), reactions on the post and on each
 * comment (toggle buttons with aria-pressed and inline SVG icons, so they draw on kiosks
 * without an emoji font), a share button (sharing the post's own link, `#berichten/<id>`), comments with one level of
 * answers, and forms to add them. The author (or a moderator) edits and removes the post
 * and their comments; edited ones say "bewerkt"; removing asks first in a native dialog.
 * The `<article>` is named by the post title, so tests and assistive technology can find a
 * post's comment form by its title.
 *
 * @fires bh-comment-created - a comment was published ({@link BhCommentCreatedEvent})
 * @fires bh-post-removed - the post was removed ({@link BhPostRemovedEvent})
 * @csspart card - the article card
 */
import {
  type Author,
  COMMENT_MAX,
  type CommentView,
  type CommunitySpace,
  type PostView,
  BODY_MAX,
  REACTIONS,
  type ReactionKind,
  TITLE_MAX,
  ValidationError,
  type VideoLink,
  canModerate,
  isImageType,
  isVideoLink,
} from '@buurthub/shared';
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { communityContext, identityContext } from '../../app/context.js';
import { BhCommentCreatedEvent, BhPostRemovedEvent } from '../../app/events.js';
import type { IdentityService } from '../../app/identity.js';
import { renderMarkup } from '../../app/markup.js';
import { postHash } from '../../app/route.js';
import { issueMessage } from '../../app/validation-messages.js';
import '../bh-photo/bh-photo.js';
import '../bh-report-dialog/bh-report-dialog.js';
import { ModerationVisibility } from '../../moderation/visibility.js';
import { localStore } from '../../sync/local-store.js';
import { LocaleController, formatDateTime, formatRelative, t, tDynamic } from '../../i18n/i18n.js';
import { styles } from './bh-post-card.styles.js';
import { reactionIcon } from './reaction-icons.js';

function commentDraftKey(postId: string, parentId?: string): string {
  return `buurthub:comment-draft:${postId}${parentId ? `:${parentId}` : ''}`;
}

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
  /** The post is being edited. */
  @state() private editing = false;
  @state() private editErrors: { title?: string; body?: string } = {};
  /** The comment being edited, if any. */
  @state() private editingComment: string | null = null;
  @state() private editCommentError = '';
  /** What the open "remove?" dialog is about. */
  @state() private removing: { kind: 'post' } | { kind: 'comment'; id: string } | null = null;
  /** Where focus goes back to when the dialog or an edit form closes. */
  private returnFocus: HTMLElement | null = null;
  /** Hidden comments; the author of a hidden post or comment is told why. */
  private readonly visibility = new ModerationVisibility(this);

  constructor() {
    super();
    new LocaleController(this);
  }

  /** Scrolls the post into view and moves focus to it (a `#berichten/<id>` link). */
  focusPost(): void {
    const article = this.renderRoot.querySelector<HTMLElement>('article');
    article?.scrollIntoView({ block: 'start' });
    article?.focus({ preventScroll: true });
  }

  /** The author of the item, or a moderator/official, may change it. */
  private mayChange(authorId: string): boolean {
    const me = this.identity?.current;
    return !this.readOnly && !!me && (me.id === authorId || canModerate(me.role));
  }

  override render() {
    const post = this.post;
    if (!post) return nothing;
    const id = post.id;
    return html`<article part="card" class="card" tabindex="-1" aria-labelledby="title-${id}">
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
        <span class="author"
          >${
            post.onBehalfOf === undefined
              ? t('post.by', { name: post.author.name })
              : t('post.onBehalf', { name: post.onBehalfOf, by: post.author.name })
          }</span
        >
        <span aria-hidden="true">·</span>
        ${this.renderTime(post.createdAt)}
        ${post.editedAt ? html`<span class="edited">(${t('post.edited')})</span>` : nothing}
      </p>
      ${this.visibility.notice(id)}
      ${
        this.editing
          ? this.renderEditForm(post)
          : html`<div class="body">${renderMarkup(post.body)}</div>
              ${
                this.mayChange(post.author.id)
                  ? html`<div class="owner-actions">
                      <button
                        type="button"
                        class="secondary small"
                        id="edit-post"
                        @click=${this.startEdit}
                      >
                        ${t('post.edit')}
                      </button>
                      <button
                        type="button"
                        class="secondary small danger"
                        @click=${(e: Event) => this.askRemove(e, { kind: 'post' })}
                      >
                        ${t('post.remove')}
                      </button>
                    </div>`
                  : nothing
              }`
      }
      ${
        post.photos.length > 0
          ? html`<div class="photos ${post.photos.length === 1 ? 'single' : ''}">
              ${post.photos.map((p) =>
                isVideoLink(p)
                  ? this.renderVideoLink(p)
                  : html`<bh-photo
                      class=${isImageType(p.type) ? '' : 'wide'}
                      .photo=${p}
                    ></bh-photo>`,
              )}
            </div>`
          : nothing
      }
      <div class="actions-row">
        ${this.renderReactions(post.reactions, t('reaction.label'), (kind, author) =>
          this.community?.posts.react(post.id, kind, author),
        )}
        <div class="share">
          <button type="button" class="secondary small" @click=${this.share}>
            ${t('post.share')}
          </button>
          <span role="status" class="shared">${this.shared ? t('post.linkCopied') : ''}</span>
        </div>
        <bh-report-dialog
          .itemId=${id}
          kind="post"
          .authorId=${post.author.id}
          .label=${t('report.label.post', { title: post.title })}
          ?readOnly=${this.readOnly}
        ></bh-report-dialog>
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
      ${this.renderRemoveDialog()}
    </article>`;
  }

  private renderEditForm(post: PostView) {
    const { title, body } = this.editErrors;
    return html`<form class="edit-form" novalidate @submit=${this.saveEdit}>
      <div class="field">
        <label for="edit-title-${post.id}">${t('composer.title')}</label>
        <input
          id="edit-title-${post.id}"
          name="title"
          maxlength=${TITLE_MAX}
          .value=${post.title}
          aria-invalid=${title ? 'true' : 'false'}
          aria-describedby=${title ? `edit-title-${post.id}-error` : nothing}
        />
        ${title ? html`<p id="edit-title-${post.id}-error" class="field-error">${title}</p>` : nothing}
      </div>
      <div class="field">
        <label for="edit-body-${post.id}">${t('composer.body')}</label>
        <textarea
          id="edit-body-${post.id}"
          name="body"
          rows="6"
          maxlength=${BODY_MAX}
          .value=${post.body}
          aria-invalid=${body ? 'true' : 'false'}
          aria-describedby=${body ? `edit-body-${post.id}-error` : nothing}
        ></textarea>
        ${body ? html`<p id="edit-body-${post.id}-error" class="field-error">${body}</p>` : nothing}
      </div>
      <div class="owner-actions">
        <button type="submit" class="primary small">${t('post.save')}</button>
        <button type="button" class="secondary small" @click=${this.cancelEdit}>
          ${t('post.cancel')}
        </button>
      </div>
    </form>`;
  }

  /** A video elsewhere: a plain link card, never an embed (no third-party code or cookies). */
  private renderVideoLink(link: VideoLink) {
    const host = new URL(link.url).hostname.replace(/^www\./, '');
    return html`<a class="video-link" href=${link.url} target="_blank" rel="noopener noreferrer">
      <svg
        class="play"
        viewBox="0 0 24 24"
        width="32"
        height="32"
        aria-hidden="true"
        focusable="false"
      >
        <circle cx="12" cy="12" r="11" fill="currentColor" />
        <path d="M10 8l6 4-6 4z" fill="#fff" />
      </svg>
      <span class="video-link-text">
        <span class="video-link-host">${t('video.linkCard', { host })}</span>
        <span class="video-link-url">${link.title ?? link.url}</span>
        <span class="visually-hidden">${t('video.opensElsewhere')}</span>
      </span>
    </a>`;
  }

  private async startEdit() {
    this.editing = true;
    this.editErrors = {};
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.edit-form input')?.focus();
  }

  private async cancelEdit() {
    this.editing = false;
    this.editErrors = {};
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#edit-post')?.focus();
  }

  private async saveEdit(event: SubmitEvent) {
    event.preventDefault();
    const post = this.post;
    const me = this.identity?.current;
    if (!post || !me || !this.community) return;
    const form = event.currentTarget as HTMLFormElement;
    const title = (form.elements.namedItem('title') as HTMLInputElement).value;
    const body = (form.elements.namedItem('body') as HTMLTextAreaElement).value;
    try {
      this.community.posts.edit(post.id, { title, body }, me);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const errors: { title?: string; body?: string } = {};
      for (const issue of error.issues) {
        if ((issue.path === 'title' || issue.path === 'body') && !errors[issue.path]) {
          errors[issue.path] = issueMessage(issue);
        }
      }
      this.editErrors = errors;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.edit-form [aria-invalid="true"]')?.focus();
      return;
    }
    await this.cancelEdit();
  }

  private async askRemove(event: Event, what: { kind: 'post' } | { kind: 'comment'; id: string }) {
    this.returnFocus = event.currentTarget as HTMLElement;
    this.removing = what;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLDialogElement>('dialog')?.showModal();
  }

  private renderRemoveDialog() {
    const what = this.removing;
    return html`<dialog
      aria-labelledby="remove-heading"
      @close=${this.onDialogClose}
      @cancel=${() => (this.removing = null)}
    >
      <h4 id="remove-heading">
        ${what?.kind === 'comment' ? t('comment.removeConfirm') : t('post.removeConfirm')}
      </h4>
      <p>${t('post.removeHint')}</p>
      <div class="owner-actions">
        <button type="button" class="primary small danger-solid" @click=${this.confirmRemove}>
          ${t('post.remove')}
        </button>
        <button
          type="button"
          class="secondary small"
          @click=${() => this.renderRoot.querySelector('dialog')?.close()}
        >
          ${t('post.cancel')}
        </button>
      </div>
    </dialog>`;
  }

  private onDialogClose() {
    this.removing = null;
    // Back to the button that opened it, if it is still there.
    if (this.returnFocus?.isConnected) this.returnFocus.focus();
    this.returnFocus = null;
  }

  private confirmRemove() {
    const post = this.post;
    const me = this.identity?.current;
    const what = this.removing;
    if (!post || !me || !this.community || !what) return;
    if (what.kind === 'post') {
      this.returnFocus = null;
      this.renderRoot.querySelector('dialog')?.close();
      this.community.posts.remove(post.id, me);
      this.dispatchEvent(new BhPostRemovedEvent(post.id));
    } else {
      this.community.posts.removeComment(post.id, what.id, me);
      // The comment's buttons are gone: focus the comment field instead.
      this.returnFocus = this.renderRoot.querySelector<HTMLElement>(`#comment-${post.id}`);
      this.renderRoot.querySelector('dialog')?.close();
    }
  }

  private async startCommentEdit(commentId: string) {
    this.editingComment = commentId;
    this.editCommentError = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#edit-comment-${commentId}`)?.focus();
  }

  private async endCommentEdit(commentId: string) {
    this.editingComment = null;
    this.editCommentError = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#edit-comment-button-${commentId}`)?.focus();
  }

  private async saveComment(event: SubmitEvent, commentId: string) {
    event.preventDefault();
    const post = this.post;
    const me = this.identity?.current;
    if (!post || !me || !this.community) return;
    const field = (event.currentTarget as HTMLFormElement).querySelector('textarea');
    try {
      this.community.posts.editComment(post.id, commentId, { body: field?.value ?? '' }, me);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const issue = error.issues[0];
      this.editCommentError = issue ? issueMessage(issue, 'comment') : t('validation.invalid');
      field?.focus();
      return;
    }
    await this.endCommentEdit(commentId);
  }

  private renderTime(at: number) {
    return html`<time datetime=${new Date(at).toISOString()} title=${formatDateTime(at)}
      >${formatRelative(at, this.now)}</time
    >`;
  }

  private renderComment(c: CommentView) {
    if (c.removed) return html`<p class="comment-body removed">${t('comment.removed')}</p>`;
    if (!this.visibility.shows(c.id, c.author.id)) {
      return html`<p class="comment-body removed">${t('moderation.commentHidden')}</p>`;
    }
    const meta = html`<p class="comment-meta">
      <strong>${c.author.name}</strong>
      <span aria-hidden="true">·</span> ${this.renderTime(c.createdAt)}
      ${c.editedAt ? html`<span class="edited">(${t('post.edited')})</span>` : nothing}
    </p>`;
    if (this.editingComment === c.id) {
      const errorId = `edit-comment-${c.id}-error`;
      return html`${meta}
        <form class="edit-form" novalidate @submit=${(e: SubmitEvent) => this.saveComment(e, c.id)}>
          <label for="edit-comment-${c.id}">${t('comment.editLabel')}</label>
          <textarea
            id="edit-comment-${c.id}"
            rows="3"
            maxlength=${COMMENT_MAX}
            .value=${c.body}
            aria-invalid=${this.editCommentError ? 'true' : 'false'}
            aria-describedby=${this.editCommentError ? errorId : nothing}
          ></textarea>
          ${
            this.editCommentError
              ? html`<p id=${errorId} class="field-error">${this.editCommentError}</p>`
              : nothing
          }
          <div class="owner-actions">
            <button type="submit" class="primary small">${t('post.save')}</button>
            <button type="button" class="secondary small" @click=${() => this.endCommentEdit(c.id)}>
              ${t('post.cancel')}
            </button>
          </div>
        </form>`;
    }
    const post = this.post;
    return html`${meta} ${this.visibility.notice(c.id)}
      <div class="comment-body">${renderMarkup(c.body)}</div>
      <bh-report-dialog
        .itemId=${c.id}
        kind="comment"
        .authorId=${c.author.id}
        .label=${t('report.label.comment', { name: c.author.name })}
        ?readOnly=${this.readOnly}
      ></bh-report-dialog>
      ${
        post
          ? this.renderReactions(
              c.reactions,
              t('reaction.commentLabel', { name: c.author.name }),
              (kind, author) => this.community?.posts.reactToComment(post.id, c.id, kind, author),
              true,
            )
          : nothing
      }
      ${
        this.mayChange(c.author.id)
          ? html`<div class="comment-actions">
              <button
                type="button"
                class="link"
                id="edit-comment-button-${c.id}"
                aria-label=${t('comment.editNamed', { name: c.author.name })}
                @click=${() => this.startCommentEdit(c.id)}
              >
                ${t('post.edit')}
              </button>
              <button
                type="button"
                class="link"
                aria-label=${t('comment.removeNamed', { name: c.author.name })}
                @click=${(e: Event) => this.askRemove(e, { kind: 'comment', id: c.id })}
              >
                ${t('post.remove')}
              </button>
            </div>`
          : nothing
      }`;
  }

  private renderReactions(
    reactions: Record<ReactionKind, string[]>,
    label: string,
    react: (kind: ReactionKind, author: Author) => void,
    small = false,
  ) {
    const me = this.identity?.current?.id;
    return html`<div class="reactions ${small ? 'small' : ''}" role="group" aria-label=${label}>
      ${REACTIONS.map((kind) => {
        const count = reactions[kind].length;
        const mine = me !== undefined && reactions[kind].includes(me);
        return html`<button
          type="button"
          class="reaction"
          aria-pressed=${mine ? 'true' : 'false'}
          ?disabled=${this.readOnly}
          @click=${() => void this.react(kind, react)}
        >
          ${reactionIcon(kind)}
          <span class=${small ? 'visually-hidden' : 'reaction-label'}
            >${t(`reaction.${kind}`)}</span
          >
          <span class="reaction-count">${count}</span>
        </button>`;
      })}
    </div>`;
  }

  private async react(kind: ReactionKind, react: (kind: ReactionKind, author: Author) => void) {
    if (!this.identity || this.readOnly) return;
    const author = await this.identity.ensure();
    if (author) react(kind, author);
  }

  private async share() {
    const post = this.post;
    if (!post) return;
    const url = `${location.origin}${location.pathname}${postHash(post.id)}`;
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
