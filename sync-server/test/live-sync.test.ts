import { afterEach, describe, expect, it } from 'vitest';
import { CommunitySpace } from '@buurthub/shared';
import { stockClient, synced, type TestClient } from './helpers/clients.js';
import { startRelay, type TestRelay } from './helpers/relay.js';
import { waitFor } from './helpers/wait.js';

const resident = { id: 'r1', name: 'Henk Peters', role: 'resident' as const };

describe('live sync through the relay', () => {
  let relay: TestRelay;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await relay?.dispose();
  });

  it('shows a post written on one phone on another phone right away', async () => {
    relay = await startRelay();
    const alice = stockClient(relay.url, 'maasburen/community');
    const bob = stockClient(relay.url, 'maasburen/community');
    clients.push(alice, bob);
    await Promise.all([synced(alice), synced(bob)]);

    const post = new CommunitySpace(alice.doc).posts.create(
      {
        title: 'Aanhangwagen te leen',
        body: 'Even een berichtje sturen.',
        category: 'vraag-aanbod',
      },
      resident,
    );

    const bobPosts = new CommunitySpace(bob.doc).posts;
    const seen = await waitFor(() => bobPosts.get(post.id), 'the post to reach bob');
    expect(seen.title).toBe('Aanhangwagen te leen');
    expect(seen.author.name).toBe('Henk Peters');
  });

  it('keeps neighbourhoods and spaces apart', async () => {
    relay = await startRelay();
    const writer = stockClient(relay.url, 'maasburen/community');
    const otherSpace = stockClient(relay.url, 'maasburen/public');
    const otherNb = stockClient(relay.url, 'heumen/community');
    const sameRoom = stockClient(relay.url, 'maasburen/community');
    clients.push(writer, otherSpace, otherNb, sameRoom);
    await Promise.all(clients.map(synced));

    const post = new CommunitySpace(writer.doc).posts.create(
      { title: 'Koffieochtend', body: 'Woensdag om tien uur.', category: 'activiteit' },
      resident,
    );
    await waitFor(() => new CommunitySpace(sameRoom.doc).posts.get(post.id), 'same room');
    expect(new CommunitySpace(otherSpace.doc).posts.list()).toEqual([]);
    expect(new CommunitySpace(otherNb.doc).posts.list()).toEqual([]);
  });

  it('shows who is online and forgets them when they leave', async () => {
    relay = await startRelay();
    const alice = stockClient(relay.url, 'maasburen/community');
    const bob = stockClient(relay.url, 'maasburen/community');
    clients.push(alice, bob);
    await Promise.all([synced(alice), synced(bob)]);

    alice.provider.awareness.setLocalStateField('user', { name: 'Alice' });
    const aliceId = alice.doc.clientID;
    await waitFor(
      () => bob.provider.awareness.getStates().get(aliceId)?.user,
      'alice to appear online at bob',
    );

    alice.destroy();
    clients.splice(clients.indexOf(alice), 1);
    await waitFor(
      () => !bob.provider.awareness.getStates().has(aliceId),
      'alice to disappear at bob',
    );
  });
});
