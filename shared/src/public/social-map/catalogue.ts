/**
 * One collection of the social map: a Y.Map from entry id to a Y.Map with one key per
 * field, so two moderators editing different fields of the same organisation both keep
 * their change. Entries are validated when written and again when read (a malformed entry
 * from another client is skipped). Removal deletes every field but the bookkeeping and
 * sets `deletedAt`, so the text leaves the document at the next compaction.
 */
import * as Y from 'yjs';
import type { z } from 'zod';
import type { ModelContext } from '../../context.js';
import { NotFoundError, PermissionError } from '../../errors.js';
import { type Author, authorSchema, canModerate } from '../../roles.js';
import { writeTransaction } from '../../schema-version.js';
import { parseInput, readStored } from '../../validation.js';

const KEPT_ON_REMOVAL = new Set(['id', 'createdBy', 'createdAt', 'updatedBy', 'updatedAt']);

type Meta = {
  id: string;
  createdBy: Author;
  createdAt: number;
  updatedBy: Author;
  updatedAt: number;
};

export class Catalogue<Input extends z.ZodObject, Stored extends z.ZodObject> {
  private readonly map: Y.Map<Y.Map<unknown>>;

  constructor(
    private readonly doc: Y.Doc,
    private readonly ctx: ModelContext,
    name: string,
    private readonly input: Input,
    private readonly stored: Stored,
  ) {
    this.map = doc.getMap(name);
  }

  create(input: z.input<Input>, author: Author): z.infer<Stored> & Meta {
    const data = parseInput(this.input, input) as Record<string, unknown>;
    const by = requireWriter(author);
    const id = this.ctx.newId();
    const now = this.ctx.now();
    writeTransaction(this.doc, 'public', () => {
      const entry = new Y.Map<unknown>();
      const fields = { ...data, id, createdBy: by, createdAt: now, updatedBy: by, updatedAt: now };
      for (const [key, value] of Object.entries(fields)) {
        if (value !== undefined) entry.set(key, value);
      }
      this.map.set(id, entry);
    });
    return this.require(id);
  }

  /** Changes the given fields; `undefined` in the patch removes an optional field. */
  update(id: string, patch: Partial<z.input<Input>>, author: Author): z.infer<Stored> & Meta {
    const entry = this.live(id);
    const merged = { ...plain(entry), ...patch };
    const data = parseInput(this.input, merged) as Record<string, unknown>;
    const by = requireWriter(author);
    writeTransaction(this.doc, 'public', () => {
      for (const key of Object.keys(patch)) {
        if (data[key] === undefined) entry.delete(key);
        else entry.set(key, data[key]);
      }
      entry.set('updatedBy', by);
      entry.set('updatedAt', this.ctx.now());
    });
    return this.require(id);
  }

  remove(id: string, author: Author): void {
    const entry = this.live(id);
    const by = requireWriter(author);
    writeTransaction(this.doc, 'public', () => {
      for (const key of [...entry.keys()]) if (!KEPT_ON_REMOVAL.has(key)) entry.delete(key);
      entry.set('updatedBy', by);
      entry.set('deletedAt', this.ctx.now());
    });
  }

  get(id: string): (z.infer<Stored> & Meta) | null {
    return this.read(this.map.get(id));
  }

  /** Every entry, by name or title (Dutch collation). */
  list(): (z.infer<Stored> & Meta)[] {
    const entries: (z.infer<Stored> & Meta)[] = [];
    for (const value of this.map.values()) {
      const entry = this.read(value);
      if (entry) entries.push(entry);
    }
    const label = (e: Record<string, unknown>) => String(e.name ?? e.title ?? '');
    return entries.sort((a, b) => label(a).localeCompare(label(b), 'nl') || (a.id < b.id ? -1 : 1));
  }

  observe(listener: () => void): () => void {
    const handler = () => listener();
    this.map.observeDeep(handler);
    return () => this.map.unobserveDeep(handler);
  }

  private read(value: unknown): (z.infer<Stored> & Meta) | null {
    if (!(value instanceof Y.Map)) return null;
    const fields = plain(value);
    if (fields.deletedAt !== undefined) return null;
    const entry = readStored(this.stored, fields) as (z.infer<Stored> & Meta) | null;
    if (!entry) return null;
    delete (entry as Record<string, unknown>).deletedAt;
    return entry;
  }

  private live(id: string): Y.Map<unknown> {
    const entry = this.map.get(id);
    if (!(entry instanceof Y.Map) || !this.read(entry)) throw new NotFoundError(`No entry ${id}`);
    return entry;
  }

  private require(id: string): z.infer<Stored> & Meta {
    const entry = this.get(id);
    if (!entry) throw new NotFoundError(`No entry ${id}`);
    return entry;
  }
}

function plain(map: Y.Map<unknown>): Record<string, unknown> {
  return Object.fromEntries(map.entries());
}

function requireWriter(author: Author): Author {
  const who = parseInput(authorSchema, author);
  if (!canModerate(who.role)) {
    throw new PermissionError('Only moderators and officials keep the social map.');
  }
  return who;
}
