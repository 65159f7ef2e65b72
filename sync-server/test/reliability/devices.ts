/**
 * Simulated residents' devices for the randomized reliability tests: each holds the
 * community and public documents through stock y-websocket providers (what the PWA uses)
 * and writes through the real model API (posts, comments, events, RSVPs, boards). Every
 * operation is recorded in a ledger, so a test can check that each one is present in
 * the end, on every device and on a fresh reader of the relay. Like the PWA, devices ask
 * for acknowledgements (`ack=1`) and remember the highest one, for lost-write checks.
 */
import { expect } from 'vitest';
import * as Y from 'yjs';
import {
  type Author,
  CommunitySpace,
  contentText,
  MESSAGE_ACK,
  PublicSpace,
  readAck,
  RSVP_ANSWERS,
  type RsvpAnswer,
} from '@buurthub/shared';
import { stockClient, type TestClient } from '../helpers/clients.js';
import { waitFor } from '../helpers/wait.js';
import { pick, type Random } from './seeds.js';

export const NB = 'maasburen';
export const ROOMS = [`${NB}/community`, `${NB}/public`] as const;

/** What every device wrote; the end state must contain all of it. */
export interface Ledger {
  /** Post id -> the last title its author gave it. */
  posts: Map<string, string>;
  comments: { postId: string; commentId: string }[];
  events: Set<string>;
  /** `${eventId} ${memberId}` -> that member's last answer. */
  rsvps: Map<string, RsvpAnswer>;
  boards: Set<string>;
  /** Board id -> every line of text written into it. */
  boardLines: Map<string, string[]>;
}

export function emptyLedger(): Ledger {
  return {
    posts: new Map(),
    comments: [],
    events: new Set(),
    rsvps: new Map(),
    boards: new Set(),
    boardLines: new Map(),
  };
}

export class Device {
  readonly author: Author;
  readonly community: CommunitySpace;
  readonly public: PublicSpace;
  private readonly clients: TestClient[];
  private readonly ownPosts: string[] = [];
  private readonly acked = ROOMS.map(() => 0);
  private ids = 0;

  /** `relayUrl` is where the device connects (the relay or a proxy in front of it). */
  constructor(
    readonly name: string,
    relayUrl: string,
    tokenFor: (room: string) => string,
  ) {
    // Moderators may write every space, boards included.
    this.author = { id: name, name: `Bewoner ${name}`, role: 'moderator' };
    this.clients = ROOMS.map((room) =>
      stockClient(relayUrl, room, { token: tokenFor(room), ack: '1' }),
    );
    this.clients.forEach((client, i) => {
      client.provider.messageHandlers[MESSAGE_ACK] = (_encoder, decoder) => {
        const clock = readAck(decoder).get(client.doc.clientID) ?? 0;
        this.acked[i] = Math.max(this.acked[i] ?? 0, clock);
      };
    });
    const [community, pub] = this.clients as [TestClient, TestClient];
    // Ids made from the device name and a counter: unique, and the same in a replay.
    const ctx = { newId: () => `${name}-${this.ids++}` };
    this.community = new CommunitySpace(community.doc, ctx);
    this.public = new PublicSpace(pub.doc, ctx);
  }

  get docs(): Y.Doc[] {
    return this.clients.map((client) => client.doc);
  }

  get connected(): boolean {
    return this.clients.every((client) => client.provider.shouldConnect);
  }

  /**
   * Per room (as in `ROOMS`), this device's client id and the highest clock of its own
   * changes the relay acknowledged as stored.
   */
  acknowledged(): { clientId: number; clock: number }[] {
    return this.clients.map((client, i) => ({
      clientId: client.doc.clientID,
      clock: this.acked[i] ?? 0,
    }));
  }

  get online(): boolean {
    return this.clients.some((client) => client.provider.wsconnected);
  }

  /** Going offline on purpose (the app closed, airplane mode). */
  disconnect(): void {
    for (const client of this.clients) client.provider.disconnect();
  }

  connect(): void {
    for (const client of this.clients) client.provider.connect();
  }

  get synced(): boolean {
    return this.clients.every((client) => client.provider.wsconnected && client.provider.synced);
  }

  /** One random operation through the model API, recorded in `ledger`. */
  act(random: Random, ledger: Ledger): void {
    const step = Math.floor(random() * 8);
    const n = this.ids;
    if (step === 0 || this.ownPosts.length === 0) {
      const post = this.community.posts.create(
        { title: `Bericht ${this.name}.${n}`, body: `Tekst ${n}`, category: 'nieuws' },
        this.author,
      );
      this.ownPosts.push(post.id);
      ledger.posts.set(post.id, post.title);
    } else if (step === 1) {
      const id = pick(random, this.ownPosts) as string;
      const title = `Bijgewerkt ${this.name}.${n}`;
      this.community.posts.edit(id, { title }, this.author);
      ledger.posts.set(id, title);
    } else if (step === 2) {
      // Any post this device has seen, also other devices' posts.
      const post = pick(random, this.community.posts.list());
      if (!post) return;
      const comment = this.community.posts.comment(post.id, { body: `Reactie ${n}` }, this.author);
      ledger.comments.push({ postId: post.id, commentId: comment.id });
    } else if (step === 3) {
      const start = Date.UTC(2026, 11, 1 + (n % 28), 10);
      const event = this.community.events.create(
        {
          title: `Activiteit ${this.name}.${n}`,
          when: { allDay: false, start, end: start + 3_600_000 },
          place: 'Buurthuis',
        },
        this.author,
      );
      ledger.events.add(event.id);
    } else if (step === 4) {
      const event = pick(random, this.community.events.all());
      if (!event) return;
      const answer = pick(random, RSVP_ANSWERS) as RsvpAnswer;
      this.community.events.rsvp(event.id, answer, this.author);
      ledger.rsvps.set(`${event.id} ${this.author.id}`, answer);
    } else if (step === 5) {
      const board = this.public.boards.create({ title: `Bord ${this.name}.${n}` }, this.author);
      ledger.boards.add(board.id);
    } else {
      // Typing into a board together: what the collaborative editor does to its fragment.
      const board = pick(random, this.public.boards.list());
      if (!board) return;
      const line = `Regel ${this.name}.${this.ids++};`;
      const fragment = this.public.boards.fragment(board.id);
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(line)]);
      fragment.insert(Math.floor(random() * (fragment.length + 1)), [paragraph]);
      ledger.boardLines.set(board.id, [...(ledger.boardLines.get(board.id) ?? []), line]);
    }
  }

  destroy(): void {
    for (const client of this.clients) client.destroy();
  }
}

/** What a user sees in both documents, in a form two devices can be compared by. */
export function visibleContent(community: CommunitySpace, pub: PublicSpace): unknown {
  return {
    posts: community.posts.list(),
    events: community.events.all(),
    boards: pub.boards.list().map((board) => ({ ...board, content: pub.boards.content(board.id) })),
  };
}

function stateVectors(docs: Y.Doc[]): string {
  return docs.map((doc) => Buffer.from(Y.encodeStateVector(doc)).toString('hex')).join('|');
}

/**
 * Waits until every device and `reader` hold the same state vectors in both rooms, then
 * checks that they show the same content and that every operation in `ledger` is in it.
 */
export async function expectConverged(
  devices: Device[],
  reader: Device,
  ledger: Ledger,
  timeoutMs = 60_000,
): Promise<void> {
  const behind = () =>
    devices.filter((device) => stateVectors(device.docs) !== stateVectors(reader.docs));
  await waitFor(
    () => behind().length === 0,
    'every device to hold the same state as a fresh reader of the relay',
    timeoutMs,
  ).catch((error: Error) => {
    const states = [reader, ...behind()].map(
      (device) =>
        `${device.name} (${device.online ? 'online' : 'offline'}): ${stateVectors(device.docs)}`,
    );
    throw new Error(`${error.message}\n${states.join('\n')}`);
  });
  const expected = visibleContent(reader.community, reader.public);
  for (const device of devices) {
    expect(visibleContent(device.community, device.public)).toEqual(expected);
  }
  const { community, public: pub } = reader;
  for (const [id, title] of ledger.posts) expect(community.posts.get(id)?.title).toBe(title);
  for (const { postId, commentId } of ledger.comments) {
    expect(community.posts.get(postId)?.comments.map((c) => c.id)).toContain(commentId);
  }
  for (const id of ledger.events) expect(community.events.get(id)).not.toBeNull();
  for (const [key, answer] of ledger.rsvps) {
    const [eventId, memberId] = key.split(' ') as [string, string];
    expect(community.events.rsvpOf(eventId, memberId)).toBe(answer);
  }
  for (const id of ledger.boards) expect(pub.boards.get(id)).not.toBeNull();
  for (const [id, lines] of ledger.boardLines) {
    const text = contentText(pub.boards.content(id));
    for (const line of lines) expect(text).toContain(line);
  }
}
