/**
 * Notice boards (prikborden) in the `public` space: buurtverbinders and officials write
 * them together in real time; everyone reads them. Only moderators and officials write
 * (the relay enforces this per space; the model refuses it too so the UI can say why).
 *
 * Layout: `boards` is a Y.Map from board id to a Y.Map of fields: the metadata, `content`
 * (a Y.XmlFragment that the editor binds to through y-prosemirror) and `versions` (a
 * Y.Array of plain versions, each a full copy of the content as plain data).
 *
 * Versions are copies, not Yjs snapshots: a snapshot needs the deleted items it refers to,
 * which garbage collection (on the relay's compaction and in every client's Y.Doc) removes.
 * See docs/architecture.md "Notice boards". Restoring writes the old content as a new
 * change in one transaction, so every client converges on it.
 */
import * as Y from 'yjs';
import type { ModelContext } from '../../context.js';
import { NotFoundError, PermissionError } from '../../errors.js';
import { type Author, authorSchema, canModerate } from '../../roles.js';
import { writeTransaction } from '../../schema-version.js';
import { parseInput, readStored } from '../../validation.js';
import { type BoardNode, readContent, replaceContent } from './board-content.js';
import {
  AUTO_VERSION_MS,
  type BoardInput,
  type BoardPatch,
  type BoardVersion,
  VERSIONS_MAX,
  boardInputSchema,
  boardPatchSchema,
  storedBoardSchema,
  storedVersionSchema,
  versionNameSchema,
} from './board-schema.js';

type FieldMap = Y.Map<unknown>;

export interface BoardView {
  id: string;
  title: string;
  order: number;
  createdAt: number;
  createdBy: Author;
  updatedAt: number;
}

export class Boards {
  private readonly map: Y.Map<FieldMap>;

  constructor(
    private readonly doc: Y.Doc,
    private readonly ctx: ModelContext,
  ) {
    this.map = doc.getMap('boards');
  }

  create(input: BoardInput, author: Author): BoardView {
    const data = parseInput(boardInputSchema, input);
    const by = requireWriter(author);
    const id = this.ctx.newId();
    const now = this.ctx.now();
    const order = data.order ?? this.list().reduce((max, b) => Math.max(max, b.order + 1), 0);
    writeTransaction(this.doc, 'public', () => {
      const board = new Y.Map<unknown>();
      board.set('id', id);
      board.set('title', data.title);
      board.set('order', order);
      board.set('createdAt', now);
      board.set('createdBy', by);
      board.set('updatedAt', now);
      const content = new Y.XmlFragment();
      board.set('content', content);
      board.set('versions', new Y.Array<unknown>());
      this.map.set(id, board);
      if (data.content) replaceContent(content, data.content);
    });
    return this.get(id) as BoardView;
  }

  update(id: string, patch: BoardPatch, author: Author): BoardView {
    const data = parseInput(boardPatchSchema, patch);
    requireWriter(author);
    const board = this.field(id);
    writeTransaction(this.doc, 'public', () => {
      if (data.title !== undefined) board.set('title', data.title);
      if (data.order !== undefined) board.set('order', data.order);
      board.set('updatedAt', this.ctx.now());
    });
    return this.get(id) as BoardView;
  }

  /** Swaps the board with its neighbour in the list (`-1` up, `1` down). */
  move(id: string, direction: -1 | 1, author: Author): void {
    requireWriter(author);
    const boards = this.list();
    const at = boards.findIndex((b) => b.id === id);
    const other = boards[at + direction];
    if (at < 0) throw new NotFoundError(`No board ${id}.`);
    if (!other) return;
    const self = boards[at] as BoardView;
    writeTransaction(this.doc, 'public', () => {
      // Distinct orders even when two boards had the same one.
      const [first, second] = direction < 0 ? [self, other] : [other, self];
      const low = Math.min(self.order, other.order);
      this.field(first.id).set('order', low);
      this.field(second.id).set('order', low + 1);
    });
  }

  /** Removes a board from view; its content and versions stay until compaction. */
  remove(id: string, author: Author): void {
    requireWriter(author);
    const board = this.field(id);
    writeTransaction(this.doc, 'public', () => board.set('deletedAt', this.ctx.now()));
  }

  get(id: string): BoardView | null {
    const board = this.map.get(id);
    return board instanceof Y.Map ? readBoard(board) : null;
  }

  /** Boards in display order (by `order`, then title, then id). */
  list(): BoardView[] {
    const boards: BoardView[] = [];
    for (const value of this.map.values()) {
      const board = value instanceof Y.Map ? readBoard(value) : null;
      if (board) boards.push(board);
    }
    return boards.sort(
      (a, b) =>
        a.order - b.order ||
        a.title.localeCompare(b.title, 'nl') ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  }

  /** The board's content as validated plain data (what residents, poster and kiosk show). */
  content(id: string): BoardNode[] {
    const fragment = this.map.get(id)?.get('content');
    return fragment instanceof Y.XmlFragment ? readContent(fragment) : [];
  }

  /**
   * The live content type, for the collaborative editor only (y-prosemirror binds to it).
   * Everything else reads `content(id)`.
   */
  fragment(id: string): Y.XmlFragment {
    const fragment = this.field(id).get('content');
    if (!(fragment instanceof Y.XmlFragment))
      throw new NotFoundError(`Board ${id} has no content.`);
    return fragment;
  }

  /** Saved versions, newest first. */
  versions(id: string): BoardVersion[] {
    const list = this.map.get(id)?.get('versions');
    if (!(list instanceof Y.Array)) return [];
    const versions: BoardVersion[] = [];
    for (const value of list.toArray()) {
      const version = readStored(storedVersionSchema, value);
      if (version) versions.push(version);
    }
    return versions.sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1));
  }

  version(id: string, versionId: string): BoardVersion | null {
    return this.versions(id).find((v) => v.id === versionId) ?? null;
  }

  /** Saves the current content as a version named by hand (`name` may be empty). */
  saveVersion(id: string, name: string, author: Author): BoardVersion {
    return this.addVersion(
      id,
      parseInput(versionNameSchema, name),
      'manual',
      requireWriter(author),
    );
  }

  /**
   * Saves a version automatically when the content changed since the newest version and
   * that one is at least AUTO_VERSION_MS old (an editor calls this while someone edits).
   * Returns the new version, or null when none was due.
   */
  autoVersion(id: string, author: Author, now = this.ctx.now()): BoardVersion | null {
    const by = requireWriter(author);
    const latest = this.versions(id)[0];
    if (latest && now - latest.at < AUTO_VERSION_MS) return null;
    const current = this.content(id);
    if (current.length === 0 && !latest) return null;
    if (latest && JSON.stringify(latest.content) === JSON.stringify(current)) return null;
    return this.addVersion(id, '', 'auto', by);
  }

  /**
   * Makes the version's content the board's content again, as a new change (after saving
   * the current content as a `before-restore` version, so a restore can be undone too).
   */
  restore(id: string, versionId: string, author: Author): void {
    const by = requireWriter(author);
    const version = this.version(id, versionId);
    if (!version) throw new NotFoundError(`No version ${versionId} of board ${id}.`);
    const board = this.field(id);
    writeTransaction(this.doc, 'public', () => {
      this.addVersion(id, '', 'before-restore', by);
      replaceContent(this.fragment(id), version.content);
      board.set('updatedAt', this.ctx.now());
    });
  }

  /** Calls `listener` on any change to any board, its content or its versions. */
  observe(listener: () => void): () => void {
    const handler = () => listener();
    this.map.observeDeep(handler);
    return () => this.map.unobserveDeep(handler);
  }

  private addVersion(
    id: string,
    name: string,
    kind: BoardVersion['kind'],
    by: Author,
  ): BoardVersion {
    const list = this.field(id).get('versions');
    if (!(list instanceof Y.Array)) throw new NotFoundError(`Board ${id} has no versions.`);
    const version: BoardVersion = {
      id: this.ctx.newId(),
      name,
      kind,
      at: this.ctx.now(),
      by,
      content: this.content(id),
    };
    writeTransaction(this.doc, 'public', () => {
      list.push([version]);
      // Keep the list bounded: drop the oldest automatic versions first, then the oldest.
      while (list.length > VERSIONS_MAX) {
        const values = list.toArray() as { kind?: unknown }[];
        const auto = values.findIndex((v) => v?.kind !== 'manual');
        list.delete(auto >= 0 ? auto : 0, 1);
      }
    });
    return version;
  }

  private field(id: string): FieldMap {
    const board = this.map.get(id);
    if (!(board instanceof Y.Map) || !readBoard(board)) throw new NotFoundError(`No board ${id}.`);
    return board;
  }
}

function requireWriter(author: Author): Author {
  const by = parseInput(authorSchema, author);
  if (!canModerate(by.role)) {
    throw new PermissionError('Only moderators and officials write notice boards.');
  }
  return by;
}

function readBoard(board: FieldMap): BoardView | null {
  const stored = readStored(storedBoardSchema, {
    id: board.get('id'),
    title: board.get('title'),
    order: board.get('order'),
    createdAt: board.get('createdAt'),
    createdBy: board.get('createdBy'),
    updatedAt: board.get('updatedAt'),
    deletedAt: board.get('deletedAt'),
  });
  if (!stored || stored.deletedAt !== undefined) return null;
  const { deletedAt: _deleted, ...view } = stored;
  return view;
}
