/**
 * The collaborative editor of one notice board: ProseMirror bound to the board's
 * Y.XmlFragment through y-prosemirror (concurrent typing merges), with the cursors and
 * selections of the others editing it (awareness of the public space; the relay puts the
 * name from the token), undo/redo of your own changes only (y-prosemirror's UndoManager
 * tracks only this editor's transactions), the line that says whether your changes are on
 * the server yet, named versions, and an automatic version every 10 minutes of editing.
 *
 * This is the one component that touches a Yjs type (the fragment), because the binding
 * genuinely needs it. It is loaded on demand by bh-boards (dynamic import).
 */
import {
  AUTO_VERSION_MS,
  type Author,
  type BoardView,
  type PublicSpace,
  safeHref,
} from '@buurthub/shared';
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { baseKeymap, lift, setBlockType, toggleMark, wrapIn } from 'prosemirror-commands';
import { keymap } from 'prosemirror-keymap';
import type { MarkType, NodeType } from 'prosemirror-model';
import { liftListItem, sinkListItem, splitListItem, wrapInList } from 'prosemirror-schema-list';
import { type Command, EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import {
  initProseMirrorDoc,
  redoCommand,
  undoCommand,
  yCursorPlugin,
  ySyncPlugin,
  ySyncPluginKey,
  yUndoPlugin,
} from 'y-prosemirror';
import { mediaContext, publicContext } from '../../app/context.js';
import { ObserveController } from '../../app/controllers.js';
import { boardHash } from '../../app/route.js';
import { type BoardSession, throttledCursors } from '../../boards/board-session.js';
import { boardSchema } from '../../boards/editor-schema.js';
import { LocaleController, type MessageKey, t } from '../../i18n/i18n.js';
import { preparePhoto, sha256Hex } from '../../media/photo.js';
import type { MediaUploads } from '../../media/uploads.js';
import { styles } from './bh-board-editor.styles.js';

const { nodes, marks } = boardSchema;

/** How often the editor checks whether an automatic version is due. */
const AUTO_CHECK_MS = Math.min(60_000, AUTO_VERSION_MS);

interface Tool {
  label: MessageKey;
  /** A symbol for the button, or (no symbol in common fonts) a short translated word. */
  icon: string | { text: MessageKey };
  run: Command;
  /** Whether the tool's format is on at the selection (for aria-pressed). */
  active?: (state: EditorState) => boolean;
}

function markActive(type: MarkType) {
  return (state: EditorState) => {
    const { from, $from, to, empty } = state.selection;
    return empty
      ? Boolean(type.isInSet(state.storedMarks ?? $from.marks()))
      : state.doc.rangeHasMark(from, to, type);
  };
}

function blockActive(type: NodeType, attrs?: Record<string, unknown>) {
  return (state: EditorState) => {
    const { $from } = state.selection;
    for (let depth = $from.depth; depth > 0; depth--) {
      const node = $from.node(depth);
      if (node.type === type) {
        return !attrs || Object.entries(attrs).every(([k, v]) => node.attrs[k] === v);
      }
    }
    return false;
  };
}

/** Wraps the selection in `type`, or lifts it out when it is already inside one. */
function toggleWrap(type: NodeType): Command {
  return (state, dispatch) =>
    blockActive(type)(state) ? lift(state, dispatch) : wrapIn(type)(state, dispatch);
}

@customElement('bh-board-editor')
export class BhBoardEditor extends LitElement {
  static override styles = styles;

  @property({ attribute: false }) board?: BoardView;
  /** The verified moderator or official who edits. */
  @property({ attribute: false }) author?: Author;
  @property({ attribute: false }) session?: BoardSession;

  @consume({ context: publicContext, subscribe: true })
  @state()
  private publicSpace?: PublicSpace;

  @consume({ context: mediaContext, subscribe: true })
  private media?: MediaUploads;

  @state() private titleDraft = '';
  @state() private versionName = '';
  @state() private message: MessageKey | '' = '';
  /** Bumped on every editor transaction so the toolbar's pressed states follow. */
  @state() private revision = 0;

  @query('.editor') private mount!: HTMLDivElement;
  @query('input[type=file]') private fileInput!: HTMLInputElement;

  private view?: EditorView;
  private editedSinceCheck = false;
  private autoTimer: ReturnType<typeof setInterval> | undefined;

  private readonly tools: Tool[] = [
    {
      label: 'boards.editor.bold',
      icon: 'B',
      run: toggleMark(marks.strong!),
      active: markActive(marks.strong!),
    },
    {
      label: 'boards.editor.italic',
      icon: 'I',
      run: toggleMark(marks.em!),
      active: markActive(marks.em!),
    },
    {
      label: 'boards.editor.paragraph',
      icon: '¶',
      run: setBlockType(nodes.paragraph!),
      active: blockActive(nodes.paragraph!),
    },
    {
      label: 'boards.editor.heading1',
      icon: 'H1',
      run: setBlockType(nodes.heading!, { level: 1 }),
      active: blockActive(nodes.heading!, { level: 1 }),
    },
    {
      label: 'boards.editor.heading2',
      icon: 'H2',
      run: setBlockType(nodes.heading!, { level: 2 }),
      active: blockActive(nodes.heading!, { level: 2 }),
    },
    {
      label: 'boards.editor.bullets',
      icon: '•',
      run: wrapInList(nodes.bullet_list!),
      active: blockActive(nodes.bullet_list!),
    },
    {
      label: 'boards.editor.numbers',
      icon: '1.',
      run: wrapInList(nodes.ordered_list!),
      active: blockActive(nodes.ordered_list!),
    },
    {
      label: 'boards.editor.hours',
      icon: { text: 'boards.block.hours' },
      run: toggleWrap(nodes.hours!),
      active: blockActive(nodes.hours!),
    },
    {
      label: 'boards.editor.contact',
      icon: { text: 'boards.block.contact' },
      run: toggleWrap(nodes.contact!),
      active: blockActive(nodes.contact!),
    },
  ];

  constructor() {
    super();
    new LocaleController(this);
    new ObserveController(
      this,
      () => this.session,
      (session, changed) => session.onChange(changed),
    );
    new ObserveController(
      this,
      () => this.publicSpace,
      (space, changed) => space.boards.observe(changed),
    );
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.autoTimer = setInterval(() => this.autoVersion(), AUTO_CHECK_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.autoTimer);
    this.autoVersion();
    this.view?.destroy();
    this.view = undefined;
    if (this.author) this.session?.setEditing(null, this.author);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // The board object is new on every change anyone makes; keep a half-typed title unless
    // the title itself changed (or another board opened).
    const before = changed.get('board') as BoardView | undefined;
    const board = this.board;
    if (board && (before?.id !== board.id || before.title !== board.title)) {
      this.titleDraft = board.title;
    }
  }

  protected override updated(): void {
    if (this.view || !this.publicSpace || !this.board || !this.session || !this.author) return;
    // y-prosemirror measures the local selection with `root.createRange()`, which a shadow
    // root lacks (only Document has it); without this, applying a remote change throws while
    // this editor has focus, and the binding stops syncing. A document range works across
    // shadow boundaries.
    const root = this.renderRoot as ShadowRoot & { createRange?: () => Range };
    root.createRange ??= () => document.createRange();
    const fragment = this.publicSpace.boards.fragment(this.board.id);
    const boardId = this.board.id;
    this.session.setEditing(boardId, this.author);
    const { doc, mapping } = initProseMirrorDoc(fragment, boardSchema);
    const state = EditorState.create({
      schema: boardSchema,
      doc,
      plugins: [
        ySyncPlugin(fragment, { mapping }),
        yCursorPlugin(throttledCursors(this.session.awareness), {
          awarenessStateFilter: (self: number, other: number, aw: Record<string, unknown>) =>
            self !== other && aw['editing'] === boardId,
        }),
        yUndoPlugin(),
        keymap({
          'Mod-z': undoCommand,
          'Mod-y': redoCommand,
          'Mod-Shift-z': redoCommand,
          'Mod-b': toggleMark(marks.strong!),
          'Mod-i': toggleMark(marks.em!),
          Enter: splitListItem(nodes.list_item!),
          // Not Tab: it must keep moving focus out of the editor (no keyboard trap).
          'Mod-]': sinkListItem(nodes.list_item!),
          'Mod-[': liftListItem(nodes.list_item!),
        }),
        keymap(baseKeymap),
      ],
    });
    this.view = new EditorView(this.mount, {
      state,
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': t('boards.editor.label'),
        class: 'board-content',
      },
      dispatchTransaction: (tr) => {
        const view = this.view as EditorView;
        view.updateState(view.state.apply(tr));
        const remote = (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)
          ?.isChangeOrigin;
        if (tr.docChanged && !remote) this.editedSinceCheck = true;
        this.revision++;
      },
    });
  }

  /** Saves an automatic version when due, crediting this device only if it edited. */
  private autoVersion(): void {
    if (!this.editedSinceCheck || !this.board || !this.author || !this.publicSpace) return;
    if (this.publicSpace.boards.autoVersion(this.board.id, this.author)) {
      this.editedSinceCheck = false;
    }
  }

  private runTool(tool: Command): void {
    const view = this.view;
    if (!view) return;
    tool(view.state, view.dispatch);
    view.focus();
  }

  private addLink(): void {
    const view = this.view;
    if (!view) return;
    const type = marks.link!;
    if (markActive(type)(view.state)) {
      this.runTool(toggleMark(type));
      return;
    }
    const raw = prompt(t('boards.editor.linkPrompt'), 'https://');
    if (raw === null) return;
    const href = safeHref(raw.trim());
    if (!href) {
      this.message = 'boards.editor.linkInvalid';
      return;
    }
    this.message = '';
    this.runTool(toggleMark(type, { href }));
  }

  private async addPhoto(): Promise<void> {
    const file = this.fileInput.files?.[0];
    this.fileInput.value = '';
    if (!file || !this.media) return;
    try {
      const photo = await preparePhoto(file);
      const hash = await sha256Hex(photo.blob);
      const alt = prompt(t('boards.editor.imageAlt'), '')?.trim().slice(0, 300);
      if (!alt) return;
      await this.media.add(hash, photo.blob, photo.type);
      this.runTool((state, dispatch) => {
        dispatch?.(state.tr.replaceSelectionWith(nodes.image!.create({ hash, alt })));
        return true;
      });
      this.message = '';
    } catch {
      this.message = 'boards.editor.imageFailed';
    }
  }

  private saveTitle(event: Event): void {
    event.preventDefault();
    if (!this.board || !this.author || !this.titleDraft.trim()) return;
    this.publicSpace?.boards.update(this.board.id, { title: this.titleDraft }, this.author);
  }

  private saveVersion(event: Event): void {
    event.preventDefault();
    if (!this.board || !this.author) return;
    this.publicSpace?.boards.saveVersion(this.board.id, this.versionName, this.author);
    this.versionName = '';
    this.message = 'boards.editor.versionSaved';
  }

  override render() {
    const board = this.board;
    if (!board) return nothing;
    const state = this.view?.state;
    void this.revision;
    const others = (this.session?.editors() ?? []).filter((e) => e.boardId === board.id);
    const pending = (this.session?.pending ?? 0) > 0;
    return html`<p class="back"><a href=${boardHash(board.id)}>${t('boards.editor.done')}</a></p>
      <h2 tabindex="-1">${t('boards.editor.heading', { title: board.title })}</h2>
      <p class="save-state ${pending ? 'pending' : 'saved'}" role="status">
        ${pending ? t('boards.editor.pending') : t('boards.editor.saved')}
      </p>
      <section class="presence" aria-label=${t('boards.editor.others')}>
        ${
          others.length === 0
            ? html`<p>${t('boards.editor.alone')}</p>`
            : html`<p>${t('boards.editor.others')}:</p>
                <ul>
                  ${others.map(
                    (e) =>
                      html`<li>
                        <span class="dot" style="background:${e.color}"></span>${e.name}
                      </li>`,
                  )}
                </ul>`
        }
      </section>
      <form class="title-form" @submit=${this.saveTitle}>
        <label for="board-title">${t('boards.editor.titleLabel')}</label>
        <div class="row">
          <input
            id="board-title"
            maxlength="120"
            required
            .value=${this.titleDraft}
            @input=${(e: Event) => (this.titleDraft = (e.target as HTMLInputElement).value)}
          />
          <button class="secondary" type="submit">${t('boards.editor.saveTitle')}</button>
        </div>
      </form>
      <div class="toolbar" role="toolbar" aria-label=${t('boards.editor.toolbar')}>
        ${this.tools.map(
          (tool) =>
            html`<button
              type="button"
              class="tool"
              title=${t(tool.label)}
              aria-pressed=${state && tool.active ? String(tool.active(state)) : 'false'}
              @mousedown=${(e: Event) => e.preventDefault()}
              @click=${() => this.runTool(tool.run)}
            >
              ${
                typeof tool.icon === 'string'
                  ? html`<span aria-hidden="true">${tool.icon}</span
                      ><span class="visually-hidden">${t(tool.label)}</span>`
                  : t(tool.icon.text)
              }
            </button>`,
        )}
        <button
          type="button"
          class="tool"
          title=${t('boards.editor.link')}
          aria-pressed=${state ? String(markActive(marks.link!)(state)) : 'false'}
          @mousedown=${(e: Event) => e.preventDefault()}
          @click=${this.addLink}
        >
          ${t('boards.editor.link')}
        </button>
        <button
          type="button"
          class="tool"
          title=${t('boards.editor.image')}
          @click=${() => this.fileInput.click()}
        >
          ${t('boards.editor.image')}
        </button>
        <input
          type="file"
          accept="image/*"
          hidden
          tabindex="-1"
          aria-hidden="true"
          @change=${this.addPhoto}
        />
        <button
          type="button"
          class="tool"
          title=${t('boards.editor.undo')}
          @mousedown=${(e: Event) => e.preventDefault()}
          @click=${() => this.runTool(undoCommand)}
        >
          <span aria-hidden="true">↶</span
          ><span class="visually-hidden">${t('boards.editor.undo')}</span>
        </button>
        <button
          type="button"
          class="tool"
          title=${t('boards.editor.redo')}
          @mousedown=${(e: Event) => e.preventDefault()}
          @click=${() => this.runTool(redoCommand)}
        >
          <span aria-hidden="true">↷</span
          ><span class="visually-hidden">${t('boards.editor.redo')}</span>
        </button>
      </div>
      ${this.message ? html`<p class="message" role="status">${t(this.message)}</p>` : nothing}
      <div class="editor card"></div>
      <form class="version-form" @submit=${this.saveVersion}>
        <label for="version-name">${t('boards.editor.versionName')}</label>
        <div class="row">
          <input
            id="version-name"
            maxlength="80"
            .value=${this.versionName}
            @input=${(e: Event) => (this.versionName = (e.target as HTMLInputElement).value)}
          />
          <button class="secondary" type="submit">${t('boards.editor.saveVersion')}</button>
        </div>
      </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-board-editor': BhBoardEditor;
  }
}
