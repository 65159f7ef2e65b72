/**
 * Lost-write check (Jepsen-style, on one relay): writers stream posts, the relay is killed
 * with SIGKILL at a seeded random moment, and every update it had acknowledged must be
 * there after the restart. The writers then re-send what was not acknowledged, and nothing
 * is missing. The seed is printed on failure and can be replayed with CRASH_SEED.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CommunitySpace } from '@buurthub/shared';
import { type CliRelay, mintWithCli, serveCli } from './helpers/cli.js';
import { type RawClient, rawClient, stockClient, synced } from './helpers/clients.js';
import { updateFrame } from './helpers/frames.js';
import { prng } from './reliability/prng.mjs';
import { tempDir } from './helpers/temp.js';
import { waitFor } from './helpers/wait.js';

const ROOM = 'maasburen/community';
const WRITERS = 4;
const POSTS_PER_WRITER = 120;

interface Writer {
  doc: Y.Doc;
  space: CommunitySpace;
  client: RawClient;
  postIds: string[];
}

describe('a relay killed in the middle of a write load', () => {
  const relays: CliRelay[] = [];
  const dirs: { remove(): void }[] = [];
  afterEach(async () => {
    for (const relay of relays.splice(0)) await relay.stop('SIGKILL');
    for (const dir of dirs.splice(0)) dir.remove();
  });

  async function serve(data: string): Promise<CliRelay> {
    const relay = await serveCli(data);
    relays.push(relay);
    return relay;
  }

  it('keeps every acknowledged post, and the writers re-send the rest', async () => {
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
    const random = prng(seed);
    const killAfterAcks = 20 + Math.floor(random() * WRITERS * POSTS_PER_WRITER * 0.6);
    try {
      const data = tempDir();
      dirs.push(data);
      const first = await serve(data.path);
      const { token } = await mintWithCli('maasburen', 'resident', data.path);

      const writers: Writer[] = [];
      for (let w = 0; w < WRITERS; w++) {
        const doc = new Y.Doc();
        const client = await rawClient(first.url, ROOM, `?ack=1&token=${token}`);
        writers.push({ doc, space: new CommunitySpace(doc), client, postIds: [] });
      }
      const author = { id: 'w', name: 'Schrijver', role: 'resident' } as const;
      const ackCount = () => writers.reduce((n, w) => n + w.client.acks().length, 0);

      // Stream posts; stop sending once the relay is gone.
      const killed = (async () => {
        await waitFor(() => ackCount() >= killAfterAcks, 'enough acks', 30_000);
        await first.stop('SIGKILL');
      })();
      for (let i = 0; i < POSTS_PER_WRITER; i++) {
        for (const writer of writers) {
          const before = Y.encodeStateVector(writer.doc);
          const post = writer.space.posts.create(
            {
              title: `Bericht ${i}`,
              body: `Van schrijver ${writer.doc.clientID}`,
              category: 'nieuws',
            },
            author,
          );
          writer.postIds.push(post.id);
          if (writer.client.socket.readyState === writer.client.socket.OPEN) {
            writer.client.socket.send(updateFrame(Y.encodeStateAsUpdate(writer.doc, before)));
          }
        }
        if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await killed;
      for (const writer of writers) await writer.client.closed;

      // What the relay promised before it died.
      const acked = writers.map((w) =>
        Math.max(0, ...w.client.acks().map((ack) => ack.get(w.doc.clientID) ?? 0)),
      );
      expect(acked.some((clock) => clock > 0)).toBe(true);

      const second = await serve(data.path);
      const reader = stockClient(second.url, ROOM, { token });
      await synced(reader);
      for (const [i, writer] of writers.entries()) {
        expect(Y.getState(reader.doc.store, writer.doc.clientID)).toBeGreaterThanOrEqual(
          acked[i] as number,
        );
      }

      // The writers reconnect and re-send everything the relay lacks (sync step 2).
      for (const writer of writers) {
        const client = await rawClient(second.url, ROOM, `?ack=1&token=${token}`);
        client.socket.send(updateFrame(Y.encodeStateAsUpdate(writer.doc)));
        await waitFor(
          () =>
            client
              .acks()
              .some(
                (ack) =>
                  ack.get(writer.doc.clientID) ===
                  Y.getState(writer.doc.store, writer.doc.clientID),
              ),
          'the ack of the re-sent posts',
        );
        client.close();
      }
      const community = new CommunitySpace(reader.doc);
      await waitFor(
        () => community.posts.list().length === WRITERS * POSTS_PER_WRITER,
        'every post on the reader',
      );
      for (const writer of writers) {
        for (const id of writer.postIds) expect(community.posts.get(id)).not.toBeNull();
      }
      reader.destroy();
      for (const writer of writers) writer.doc.destroy();
    } catch (error) {
      console.error(`crash test failed with CRASH_SEED=${seed}`);
      throw error;
    }
  }, 90_000);
});
