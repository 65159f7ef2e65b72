/**
 * Notice boards (prikborden): the list, one board read-only and nicely typeset (what
 * residents and guests see), and for moderators and officials the way into the
 * collaborative editor, the history and the poster. The editor is loaded on demand
 * (dynamic import), so ProseMirror stays out of the app shell.
 *
 * Routes (app/route.ts): `#prikborden`, `#prikborden/<id>[/bewerken|/geschiedenis|/poster]`.
 */
import { type Author, type BoardView, type PublicSpace, canModerate } from '@buurthub/shared';
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { identityContext, publicContext } from '../../app/context.js';
import { ObserveController } from '../../app/controllers.js';
import type { IdentityService } from '../../app/identity.js';
import { type HashRoute, boardHash } from '../../app/route.js';
import type { BoardSession } from '../../boards/board-session.js';
import { boardSessionContext } from '../../boards/context.js';
import { renderContent } from '../../boards/render-content.js';
import { LocaleController, formatDateTime, t } from '../../i18n/i18n.js';
import '../bh-board-history/bh-board-history.js';
import '../bh-board-poster/bh-board-poster.js';
import { styles } from './bh-boards.styles.js';

type BoardsRoute = Extract<HashRoute, { view: 'boards' }>;

@customElement('bh-boards')
export class BhBoards extends LitElement {
  static override styles = styles;

  @property({ attribute: false }) route: BoardsRoute = { view: 'boards', page: 'list' };
  /** The neighbourhood's slug and name (for the poster). */
  @property() nb = '';
  @property() name = '';
  /** The space is read-only on this device (a newer schema). */
  @property({ type: Boolean }) readOnly = false;

  @consume({ context: publicContext, subscribe: true })
  @state()
  private publicSpace?: PublicSpace;

  @consume({ context: identityContext, subscribe: true })
  @state()
  private identity?: IdentityService;

  @consume({ context: boardSessionContext, subscribe: true })
  @state()
  private session?: BoardSession;

  @state() private editorState: 'idle' | 'loading' | 'ready' | 'failed' = 'idle';
  @state() private newTitle = '';

  constructor() {
    super();
    new LocaleController(this);
    new ObserveController(
      this,
      () => this.publicSpace,
      (space, changed) => space.boards.observe(changed),
    );
    new ObserveController(
      this,
      () => this.session,
      (session, changed) => session.onChange(changed),
    );
    new ObserveController(
      this,
      () => this.identity,
      (identity, changed) => identity.onChange(changed),
    );
  }

  focusHeading(): void {
    const inner = this.renderRoot.querySelector<HTMLElement & { focusHeading(): void }>(
      'bh-board-editor, bh-board-history, bh-board-poster',
    );
    if (inner) inner.focusHeading();
    else this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  /** The author when this device may write boards: a verified moderator or official. */
  private get writer(): Author | null {
    const author = this.identity?.current;
    return author && this.identity?.verified && canModerate(author.role) && !this.readOnly
      ? author
      : null;
  }

  protected override willUpdate(): void {
    if (this.route.page === 'edit' && this.writer && this.editorState === 'idle') {
      this.editorState = 'loading';
      import('../bh-board-editor/bh-board-editor.js').then(
        () => (this.editorState = 'ready'),
        () => (this.editorState = 'failed'),
      );
    }
  }

  override render() {
    const route = this.route;
    const space = this.publicSpace;
    if (!space) return nothing;
    if (route.page === 'list') return this.renderList(space);
    const board = space.boards.get(route.boardId);
    if (!board) {
      return html`<p class="back"><a href="#prikborden">${t('boards.back')}</a></p>
        <h2 tabindex="-1">${t('boards.notFound')}</h2>`;
    }
    switch (route.page) {
      case 'edit':
        return this.renderEdit(board);
      case 'history':
        return this.writer
          ? html`<bh-board-history .board=${board} .author=${this.writer}></bh-board-history>`
          : this.renderBoard(space, board);
      case 'poster':
        return html`<bh-board-poster
          .board=${board}
          .nb=${this.nb}
          .name=${this.name}
        ></bh-board-poster>`;
      default:
        return this.renderBoard(space, board);
    }
  }

  private renderList(space: PublicSpace) {
    const boards = space.boards.list();
    const editors = this.session?.editors() ?? [];
    const writer = this.writer;
    return html`<h2 tabindex="-1">${t('boards.title')}</h2>
      <p class="intro">${t('boards.intro')}</p>
      ${boards.length === 0 ? html`<p class="none">${t('boards.none')}</p>` : nothing}
      <ul class="boards">
        ${boards.map((board, i) => {
          const names = editors.filter((e) => e.boardId === board.id).map((e) => e.name);
          return html`<li class="card">
            <a class="board-link" href=${boardHash(board.id)}>${board.title}</a>
            ${names.length > 0 ? html`<p class="editing">${t('boards.editingNow', { names: names.join(', ') })}</p>` : nothing}
            ${
              writer
                ? html`<div class="order">
                    <button
                      class="secondary"
                      ?disabled=${i === 0}
                      aria-label=${t('boards.moveUp', { title: board.title })}
                      @click=${() => space.boards.move(board.id, -1, writer)}
                    >
                      <span aria-hidden="true">↑</span>
                    </button>
                    <button
                      class="secondary"
                      ?disabled=${i === boards.length - 1}
                      aria-label=${t('boards.moveDown', { title: board.title })}
                      @click=${() => space.boards.move(board.id, 1, writer)}
                    >
                      <span aria-hidden="true">↓</span>
                    </button>
                  </div>`
                : nothing
            }
          </li>`;
        })}
      </ul>
      ${writer ? this.renderNew(space, writer) : nothing}`;
  }

  private renderNew(space: PublicSpace, writer: Author) {
    const submit = (event: Event) => {
      event.preventDefault();
      const title = this.newTitle.trim();
      if (!title) return;
      const board = space.boards.create({ title }, writer);
      this.newTitle = '';
      location.hash = boardHash(board.id, 'edit');
    };
    return html`<form class="new card" @submit=${submit}>
      <label for="new-title">${t('boards.new.label')}</label>
      <div class="row">
        <input
          id="new-title"
          maxlength="120"
          required
          .value=${this.newTitle}
          @input=${(e: Event) => (this.newTitle = (e.target as HTMLInputElement).value)}
        />
        <button class="primary" type="submit">${t('boards.new.submit')}</button>
      </div>
    </form>`;
  }

  private renderBoard(space: PublicSpace, board: BoardView) {
    const writer = this.writer;
    return html`<p class="back"><a href="#prikborden">${t('boards.back')}</a></p>
      <article class="board card">
        <h2 tabindex="-1">${board.title}</h2>
        ${renderContent(space.boards.content(board.id))}
        <p class="updated">${t('boards.updated', { time: formatDateTime(board.updatedAt) })}</p>
      </article>
      <ul class="actions" aria-label=${t('boards.actions')}>
        ${
          writer
            ? html`<li>
                  <a class="button primary" href=${boardHash(board.id, 'edit')}
                    >${t('boards.edit')}</a
                  >
                </li>
                <li>
                  <a class="button" href=${boardHash(board.id, 'history')}
                    >${t('boards.history')}</a
                  >
                </li>`
            : nothing
        }
        <li><a class="button" href=${boardHash(board.id, 'poster')}>${t('boards.poster')}</a></li>
      </ul>`;
  }

  private renderEdit(board: BoardView) {
    const writer = this.writer;
    const back = html`<p class="back"><a href=${boardHash(board.id)}>${board.title}</a></p>`;
    if (!writer)
      return html`${back}
        <h2 tabindex="-1">${t('boards.noPermission')}</h2>`;
    if (this.editorState === 'failed') {
      return html`${back}
        <p role="alert" class="error">${t('boards.editorFailed')}</p>`;
    }
    if (this.editorState !== 'ready' || !this.session) {
      return html`${back}
        <p role="status">${t('boards.loadingEditor')}</p>`;
    }
    return html`<bh-board-editor
      .board=${board}
      .author=${writer}
      .session=${this.session}
    ></bh-board-editor>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-boards': BhBoards;
  }
}
