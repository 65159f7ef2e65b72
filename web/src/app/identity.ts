/**
 * Who is writing on this device: the interface components use, and the local, unverified
 * identity of the DEMO neighbourhood only (a display name and a random per-device id with
 * role 'resident', kept in localStorage). Members get their identity from the relay-signed
 * token instead (identity/member-identity.ts); the UI labels the demo name as unverified.
 */
import type { Author } from '@buurthub/shared';
import { localStore } from '../sync/local-store.js';

const STORAGE_KEY = 'buurthub:identity';

export interface IdentityService {
  /** The author for new content, or null before the user has given a name. */
  readonly current: Author | null;
  /** True when `current` comes from a relay-signed token (name and role are checked). */
  readonly verified: boolean;
  /** True when the user may change the name here (only the unverified demo name). */
  readonly editable: boolean;
  /** Returns the author, asking for a name first when there is none (null if cancelled). */
  ensure(): Promise<Author | null>;
  /** Lets the user change their display name. */
  edit(): Promise<Author | null>;
  onChange(listener: () => void): () => void;
}

/** Asks the user for a name; `initial` prefills the field. Null when cancelled. */
export type NamePrompt = (initial: string) => Promise<string | null>;

export class LocalIdentity implements IdentityService {
  readonly verified = false;
  readonly editable = true;
  private author: Author | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly prompt: NamePrompt) {
    try {
      const stored = JSON.parse(localStore.get(STORAGE_KEY) ?? 'null') as {
        id?: unknown;
        name?: unknown;
      } | null;
      if (stored && typeof stored.id === 'string' && typeof stored.name === 'string') {
        this.author = { id: stored.id, name: stored.name, role: 'resident' };
      }
    } catch {
      // a corrupt entry means we simply ask again
    }
  }

  get current(): Author | null {
    return this.author;
  }

  async ensure(): Promise<Author | null> {
    return this.author ?? this.edit();
  }

  async edit(): Promise<Author | null> {
    const name = (await this.prompt(this.author?.name ?? ''))?.trim();
    if (!name) return this.author;
    this.author = { id: this.author?.id ?? crypto.randomUUID(), name, role: 'resident' };
    localStore.set(STORAGE_KEY, JSON.stringify({ id: this.author.id, name }));
    for (const listener of this.listeners) listener();
    return this.author;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
