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
 *
 * A token the hub signed itself (`buurthub token` on the hub) means nothing upstream, so it
 * is never lent. A token the upstream refuses (revoked there before the hub learnt it) is
 * not offered again: the link passes to another moderator's token, or goes.
 */
import { roomName } from '@buurthub/shared';
import type { Logger } from '../log.js';
import type { Rooms } from '../rooms.js';
import { UpstreamLink } from './upstream.js';

/** Refused tokens remembered, oldest forgotten first: a kiosk has a handful of moderators. */
const MAX_REFUSED = 64;

interface Lent {
  /** The tokens of the moderators connected to the room, newest last. */
  tokens: string[];
  link: UpstreamLink | null;
  /** The token `link` uses. */
  linkedWith: string | null;
}

export class ModeratorLinks {
  private readonly byRoom = new Map<string, Lent>();
  private readonly refused = new Set<string>();

  constructor(
    private readonly options: {
      /** The upstream's sync base, as for the hub's own links. */
      url: string;
      nb: string;
      /** Tells a token the upstream signed from one the hub signed (upstream-keys.ts). */
      upstreamKeys: { signed(token: string): Promise<boolean> };
      rooms: Rooms;
      log: Logger;
    },
  ) {}

  /** Whether a connection to `room` by `role` with `token` lends the token (see above). */
  async wants(room: string, role: string, token: string): Promise<boolean> {
    return (
      room === roomName(this.options.nb, 'moderation') &&
      (role === 'moderator' || role === 'official') &&
      !this.refused.has(token) &&
      (await this.options.upstreamKeys.signed(token))
    );
  }

  /** A moderator's connection opened with `token`; the returned function is its close. */
  lend(room: string, token: string): () => void {
    let entry = this.byRoom.get(room);
    if (!entry) {
      entry = { tokens: [], link: null, linkedWith: null };
      this.byRoom.set(room, entry);
    }
    entry.tokens.push(token);
    if (!entry.link) this.relink(room, entry);
    return () => this.giveBack(room, token);
  }

  stop(): void {
    for (const { link } of this.byRoom.values()) link?.stop();
    this.byRoom.clear();
  }

  private giveBack(room: string, token: string): void {
    const entry = this.byRoom.get(room);
    const index = entry?.tokens.lastIndexOf(token) ?? -1;
    if (!entry || index < 0) return; // refused meanwhile, and dropped then
    entry.tokens.splice(index, 1);
    // The same moderator may be connected twice (a second tab): the link stays theirs.
    if (entry.linkedWith === token && !entry.tokens.includes(token)) this.relink(room, entry);
  }

  /** Links `room` with the newest token lent for it, or drops the room when none is left. */
  private relink(room: string, entry: Lent): void {
    entry.link?.stop();
    const token = entry.tokens.at(-1);
    if (token === undefined) {
      this.byRoom.delete(room);
      return;
    }
    const { url, rooms, log } = this.options;
    const link = new UpstreamLink({
      url,
      token,
      room,
      rooms,
      log,
      onRefused: () => {
        log.warn("the upstream refuses a signed-in moderator's token; not lent again", { room });
        this.refuse(token);
        entry.tokens = entry.tokens.filter((lent) => lent !== token);
        this.relink(room, entry);
      },
    });
    entry.link = link;
    entry.linkedWith = token;
    link.start();
    log.info('moderation room linked upstream with a signed-in moderator', { room });
  }

  private refuse(token: string): void {
    this.refused.add(token);
    const oldest = this.refused.values().next();
    if (this.refused.size > MAX_REFUSED && !oldest.done) this.refused.delete(oldest.value);
  }
}
