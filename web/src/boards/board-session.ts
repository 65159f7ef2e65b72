/**
 * What the notice-board views need from the public space's connection beyond the model:
 * presence (who edits which board, their name and colour, through the provider's awareness;
 * the relay writes `user.name` from the token, so names cannot be faked) and whether this
 * device still has changes the relay has not confirmed ("not yet on the server").
 */
import type { Awareness } from 'y-protocols/awareness';
import type { SpaceConnection } from '../sync/space-connection.js';

export interface Editor {
  clientId: number;
  name: string;
  color: string;
  boardId: string;
}

/** Dark enough for white text on them and visible on white (WCAG AA for the name labels). */
const COLORS = ['#1f6b4f', '#1a56db', '#a4231b', '#6b3fa0', '#8a4b00', '#0e6470', '#9c2a6b'];

/** A stable colour per member (by their id), so a person keeps their colour across boards. */
export function colorFor(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return COLORS[hash % COLORS.length] as string;
}

/** Reads the editors from awareness states, leaving out anything malformed. */
export function editorsIn(states: Map<number, Record<string, unknown>>, self: number): Editor[] {
  const editors: Editor[] = [];
  for (const [clientId, state] of states) {
    if (clientId === self) continue;
    const user = state['user'] as { name?: unknown; color?: unknown } | undefined;
    const boardId = state['editing'];
    if (typeof boardId !== 'string' || typeof user?.name !== 'string') continue;
    const color = typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color);
    editors.push({
      clientId,
      name: user.name,
      color: color ? (user.color as string) : COLORS[0]!,
      boardId,
    });
  }
  return editors.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
}

/** At most this often does a moving cursor or selection go out to the others. */
export const CURSOR_INTERVAL_MS = 250;

/**
 * The awareness for the cursor plugin, with cursor moves throttled: y-prosemirror announces
 * every selection change, and dragging a selection makes dozens a second, over the relay's
 * awareness rate limit (which closes the connection, protocol.md). The first move goes out
 * at once, the latest one after the interval; every other call passes straight through.
 */
export function throttledCursors(awareness: Awareness, intervalMs = CURSOR_INTERVAL_MS): Awareness {
  const throttled = Object.create(awareness) as Awareness;
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest: unknown;
  throttled.setLocalStateField = (field: string, value: unknown) => {
    if (field !== 'cursor' || value === null) {
      if (field === 'cursor') clearTimeout(timer);
      awareness.setLocalStateField(field, value);
      return;
    }
    latest = value;
    const wait = last + intervalMs - Date.now();
    if (wait <= 0) {
      last = Date.now();
      awareness.setLocalStateField('cursor', latest);
    } else if (timer === undefined) {
      timer = setTimeout(() => {
        timer = undefined;
        last = Date.now();
        awareness.setLocalStateField('cursor', latest);
      }, wait);
    }
  };
  return throttled;
}

export class BoardSession {
  constructor(private readonly connection: SpaceConnection) {}

  /** The awareness of the public space, for the editor's cursor plugin. */
  get awareness(): Awareness {
    return this.connection.provider.awareness;
  }

  /** Other people editing boards right now (this device left out). */
  editors(): Editor[] {
    return editorsIn(
      this.awareness.getStates() as Map<number, Record<string, unknown>>,
      this.awareness.clientID,
    );
  }

  /** Announces that this device edits `boardId` as `user`, or stopped editing (null). */
  setEditing(boardId: string | null, user: { id: string; name: string }): void {
    this.awareness.setLocalStateField('user', { name: user.name, color: colorFor(user.id) });
    this.awareness.setLocalStateField('editing', boardId);
    if (boardId === null) this.awareness.setLocalStateField('cursor', null);
  }

  /** Local changes to the public space that the relay has not yet confirmed as stored. */
  get pending(): number {
    return this.connection.pending.count;
  }

  /** Calls `listener` when presence or the pending count may have changed. */
  onChange(listener: () => void): () => void {
    const onAwareness = () => listener();
    this.awareness.on('change', onAwareness);
    const off = this.connection.onChange(listener);
    return () => {
      this.awareness.off('change', onAwareness);
      off();
    };
  }
}
