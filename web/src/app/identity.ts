/**
 * Who is writing on this device. For now a display name and a random per-device id with
 * role 'resident', kept in localStorage.
 *
 * TODO(identity issue): replace with the real identity of DESIGN.md §4 — the device's
 * Ed25519 key pair, an invite redeemed at /api/join and the relay-signed token carrying
 * the role. Until then the role here is only a hint; the relay decides what may be written.
 */
import type { Author } from '@buurthub/shared';
import { localStore } from '../sync/local-store.js';

const STORAGE_KEY = 'buurthub:identity';

export interface IdentityService {
  /** The author for new content, or null before the user has given a name. */
  readonly current: Author | null;
  /** Returns the author, asking for a name first when there is none (null if cancelled). */
  ensure(): Promise<Author | null>;
  /** Lets the user change their display name. */
  edit(): Promise<Author | null>;
  onChange(listener: () => void): () => void;
}

/** Asks the user for a name; `initial` prefills the field. Null when cancelled. */
export type NamePrompt = (initial: string) => Promise<string | null>;

export class LocalIdentity implements IdentityService {
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
