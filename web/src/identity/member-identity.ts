/**
 * The author of new content in the open neighbourhood. A member writes as the id, name and
 * role in their relay-signed token (DESIGN.md §4); the name cannot be changed here, because
 * the relay signed it. Without a session only the demo neighbourhood lets one write, under a
 * local name that the UI labels as unverified. Guests write nothing.
 */
import type { Author } from '@buurthub/shared';
import type { IdentityService, LocalIdentity } from '../app/identity.js';
import type { AccessMode } from '../sync/neighbourhood.js';
import { type Sessions, authorOf } from './session.js';

export class MemberIdentity implements IdentityService {
  private nb: string | null = null;
  private mode: AccessMode = 'guest';
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly sessions: Sessions,
    private readonly demo: LocalIdentity,
  ) {
    sessions.onChange((nb) => {
      if (nb === this.nb) this.changed();
    });
    demo.onChange(() => this.changed());
  }

  /** Follows the open neighbourhood and its access mode. */
  open(nb: string | null, mode: AccessMode): void {
    if (nb === this.nb && mode === this.mode) return;
    this.nb = nb;
    this.mode = mode;
    this.changed();
  }

  get current(): Author | null {
    const session = this.nb ? this.sessions.get(this.nb) : null;
    if (session) return authorOf(session);
    return this.mode === 'demo' ? this.demo.current : null;
  }

  get verified(): boolean {
    return this.nb !== null && this.sessions.get(this.nb) !== null;
  }

  get editable(): boolean {
    return !this.verified && this.mode === 'demo';
  }

  async ensure(): Promise<Author | null> {
    if (this.verified || this.mode !== 'demo') return this.current;
    return this.demo.ensure();
  }

  async edit(): Promise<Author | null> {
    return this.editable ? this.demo.edit() : this.current;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
