/**
 * A hub whose device token is a kiosk's does not replicate the moderation room: a kiosk may
 * not read it (DESIGN.md §3). A moderator signed in at the buurthuis (at the kiosk, or on a
 * phone on the centre's Wi-Fi) must still see the reports and decisions of the whole
 * neighbourhood, and their decisions must reach everyone. So while a moderator or official
 * is connected to the hub's moderation room with a token the upstream issued, the hub links
 * that room to the upstream with the moderator's own token, as that moderator would connect
 * themselves; the upstream applies its own permissions to it. The link goes when the last
 * such connection closes (the idle reset signs the kiosk's moderator out), and is handed to
 * another moderator's token when the one it used leaves. Only the moderation room: the
 * directory (personal data) never reaches a kiosk's disk this way.
 */
import { roomName } from '@buurthub/shared';
import type { Logger } from '../log.js';
import type { Rooms } from '../rooms.js';
import { UpstreamLink } from './upstream.js';

export class ModeratorLinks {
  /** Per room: the tokens of the moderators connected to it, newest last, and its link. */
  private readonly byRoom = new Map<string, { tokens: string[]; link: UpstreamLink }>();

  constructor(
    private readonly options: {
      /** The upstream's sync base, as for the hub's own links. */
      url: string;
      nb: string;
      rooms: Rooms;
      log: Logger;
    },
  ) {}

  /** Whether a connection to `room` by `role` lends its token (see above). */
  wants(room: string, role: string): boolean {
    return (
      room === roomName(this.options.nb, 'moderation') &&
      (role === 'moderator' || role === 'official')
    );
  }

  /** A moderator's connection opened with `token`; the returned function is its close. */
  lend(room: string, token: string): () => void {
    const entry = this.byRoom.get(room);
    if (entry) {
      entry.tokens.push(token);
    } else {
      this.byRoom.set(room, { tokens: [token], link: this.start(room, token) });
    }
    return () => this.giveBack(room, token);
  }

  stop(): void {
    for (const { link } of this.byRoom.values()) link.stop();
    this.byRoom.clear();
  }

  private giveBack(room: string, token: string): void {
    const entry = this.byRoom.get(room);
    if (!entry) return;
    const usedByLink = entry.tokens.at(-1) === token;
    entry.tokens.splice(entry.tokens.lastIndexOf(token), 1);
    if (!usedByLink) return;
    entry.link.stop();
    const next = entry.tokens.at(-1);
    if (next === undefined) this.byRoom.delete(room);
    else entry.link = this.start(room, next);
  }

  private start(room: string, token: string): UpstreamLink {
    const { url, rooms, log } = this.options;
    const link = new UpstreamLink({ url, token, room, rooms, log });
    link.start();
    log.info('moderation room linked upstream with a signed-in moderator', { room });
    return link;
  }
}
