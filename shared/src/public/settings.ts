/** Neighbourhood settings in the `public` space: its name and villages. */
import type * as Y from 'yjs';
import { z } from 'zod';
import { type Author, authorSchema, canModerate } from '../roles.js';
import { writeTransaction } from '../schema-version.js';
import { parseInput, readStored } from '../validation.js';
import { PermissionError } from '../errors.js';

export const settingsSchema = z.object({
  name: z.string().trim().min(1).max(80),
  villages: z.array(z.string().trim().min(1).max(80)).max(50),
});
export type NeighbourhoodSettings = z.infer<typeof settingsSchema>;

export class Settings {
  private readonly map: Y.Map<unknown>;

  constructor(private readonly doc: Y.Doc) {
    this.map = doc.getMap('settings');
  }

  get(): NeighbourhoodSettings | null {
    return readStored(settingsSchema, {
      name: this.map.get('name'),
      villages: this.map.get('villages'),
    });
  }

  set(input: NeighbourhoodSettings, author: Author): void {
    const data = parseInput(settingsSchema, input);
    if (!canModerate(parseInput(authorSchema, author).role)) {
      throw new PermissionError('Only moderators and officials change neighbourhood settings.');
    }
    writeTransaction(this.doc, 'public', () => {
      this.map.set('name', data.name);
      this.map.set('villages', data.villages);
    });
  }

  observe(listener: () => void): () => void {
    const handler = () => listener();
    this.map.observe(handler);
    return () => this.map.unobserve(handler);
  }
}
