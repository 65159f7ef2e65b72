/**
 * The history of one notice board: its saved versions (by hand, automatic, and the state
 * before each restore), one of them side by side with the current content, and restoring
 * it. Restoring takes two clicks (choose the version, restore) and needs no confirmation:
 * it saves the current content as a version first, so a restore can itself be undone.
 */
import type { Author, BoardVersion, BoardView, PublicSpace } from '@buurthub/shared';
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { publicContext } from '../../app/context.js';
import { ObserveController } from '../../app/controllers.js';
import { boardHash } from '../../app/route.js';
import { renderContent } from '../../boards/render-content.js';
import { LocaleController, formatDateTime, t } from '../../i18n/i18n.js';
import { styles } from './bh-board-history.styles.js';

@customElement('bh-board-history')
export class BhBoardHistory extends LitElement {
  static override styles = styles;

  @property({ attribute: false }) board?: BoardView;
  /** The verified moderator or official who may restore. */
  @property({ attribute: false }) author?: Author;

  @consume({ context: publicContext, subscribe: true })
  @state()
  private publicSpace?: PublicSpace;

  @state() private selectedId = '';
  @state() private restored = false;

  constructor() {
    super();
    new LocaleController(this);
    new ObserveController(
      this,
      () => this.publicSpace,
      (space, changed) => space.boards.observe(changed),
    );
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private select(version: BoardVersion): void {
    this.selectedId = version.id;
    this.restored = false;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('.compare h3')?.focus(),
    );
  }

  private restore(version: BoardVersion): void {
    if (!this.board || !this.author || !this.publicSpace) return;
    this.publicSpace.boards.restore(this.board.id, version.id, this.author);
    this.restored = true;
  }

  override render() {
    const board = this.board;
    const space = this.publicSpace;
    if (!board || !space) return nothing;
    const versions = space.boards.versions(board.id);
    const selected = versions.find((v) => v.id === this.selectedId);
    return html`<p class="back"><a href=${boardHash(board.id)}>${board.title}</a></p>
      <h2 tabindex="-1">${t('boards.history.heading', { title: board.title })}</h2>
      ${
        versions.length === 0
          ? html`<p>${t('boards.history.none')}</p>`
          : html`<ul class="versions" aria-label=${t('boards.history.list')}>
              ${versions.map(
                (v) =>
                  html`<li>
                    <button
                      class="version ${v.id === this.selectedId ? 'selected' : ''}"
                      aria-pressed=${String(v.id === this.selectedId)}
                      @click=${() => this.select(v)}
                    >
                      <span class="when"
                        >${t('boards.history.view', { time: formatDateTime(v.at) })}</span
                      >
                      ${v.name ? html`<span class="name">“${v.name}”</span>` : nothing}
                      <span class="kind"
                        >${t(`boards.history.kind.${v.kind}`, { name: v.by.name })}</span
                      >
                    </button>
                  </li>`,
              )}
            </ul>`
      }
      ${
        this.restored
          ? html`<p class="restored" role="status">${t('boards.history.restored')}</p>`
          : html`<p class="hint" role="status">${selected ? '' : t('boards.history.pick')}</p>`
      }
      ${selected ? this.renderCompare(space, board, selected) : nothing}`;
  }

  private renderCompare(space: PublicSpace, board: BoardView, version: BoardVersion) {
    return html`<div class="compare">
      <section class="card" aria-labelledby="now-h">
        <h3 id="now-h">${t('boards.history.current')}</h3>
        ${renderContent(space.boards.content(board.id))}
      </section>
      <section class="card old" aria-labelledby="old-h">
        <h3 id="old-h" tabindex="-1">
          ${t('boards.history.selected', { time: formatDateTime(version.at) })}
        </h3>
        <button class="primary restore" @click=${() => this.restore(version)}>
          ${t('boards.history.restore')}
        </button>
        ${renderContent(version.content)}
      </section>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-board-history': BhBoardHistory;
  }
}
