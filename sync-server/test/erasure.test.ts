import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  type Author,
  CommunitySpace,
  DirectorySpace,
  eraseMemberContent,
  MESSAGE_PURGE_NOTICE,
  encodePurgeRequest,
} from '@buurthub/shared';
import { stockClient, synced, type TestClient } from './helpers/clients.js';
import {
  docOccurrences,
  exportOccurrences,
  relayMemoryOccurrences,
  sqliteOccurrences,
} from './helpers/erasure.js';
import { collectingLogger } from './helpers/log.js';
import { startRelay, type TestRelay } from './helpers/relay.js';
import { tokenFor } from './helpers/tokens.js';
import { waitFor } from './helpers/wait.js';

const NB = 'maasburen';
const ROOM = `${NB}/community`;
const anna: Author = { id: 'anna', name: 'Anna de Vries', role: 'resident' };
const bram: Author = { id: 'bram', name: 'Bram Peters', role: 'resident' };

/** A client that speaks Buurthub's messages (acks, purge notices) and counts the notices. */
function buurthubClient(
  relay: TestRelay,
  token?: string,
  room = ROOM,
): TestClient & { notices: number } {
  const client = stockClient(relay.url, room, token ? { ack: '1', token } : { ack: '1' });
  const counted = Object.assign(client, { notices: 0 });
  client.provider.messageHandlers[MESSAGE_PURGE_NOTICE] = () => {
    counted.notices++;
  };
  return counted;
}

function requestPurge(client: TestClient): void {
  client.provider.ws?.send(encodePurgeRequest());
}

describe('erasure: a deleted post is gone from the relay and stays gone', () => {
  let relay: TestRelay;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await relay?.dispose();
  });

  it('leaves no trace of a deleted post in the SQLite files, the relay, other clients or an export, even after a stale client returns', async () => {
    relay = await startRelay({ purgeDelayMs: 50 });
    const marker = `MARKER-${Math.random().toString(36).slice(2)}`;
    const writer = buurthubClient(relay);
    const reader = buurthubClient(relay);
    const stale = buurthubClient(relay);
    clients.push(writer, reader, stale);
    await Promise.all([writer, reader, stale].map(synced));

    const community = new CommunitySpace(writer.doc);
    const post = community.posts.create(
      {
        title: `Fiets gevonden ${marker}`,
        body: `Blauw, bij de kerk. ${marker}`,
        category: 'nieuws',
      },
      anna,
    );
    await waitFor(
      () => new CommunitySpace(reader.doc).posts.get(post.id),
      'the post at the reader',
    );
    new CommunitySpace(reader.doc).posts.comment(post.id, { body: `Is van mij! ${marker}` }, bram);
    await waitFor(
      () => new CommunitySpace(stale.doc).posts.get(post.id)?.comments.length === 1,
      'the stale client to have the post and the comment',
    );
    // Part of it in the compacted snapshot, part in the log, as on a real relay.
    await relay.storage.compact(ROOM);
    community.posts.react(post.id, 'thanks', anna, true);
    await waitFor(
      async () => (await relay.storage.stats(ROOM)).logLength > 0,
      'the reaction in the log',
    );
    // The checks below can fail: the marker is there before the purge.
    expect(sqliteOccurrences(relay.dataDir, marker)).toBeGreaterThan(0);
    expect(await relayMemoryOccurrences(relay.url, ROOM, marker)).toBeGreaterThan(0);

    // The stale client goes offline, and writes something else while away.
    stale.provider.disconnect();
    new CommunitySpace(stale.doc).posts.create(
      { title: 'Sleutels gevonden', body: 'Bij de bakker.', category: 'nieuws' },
      bram,
    );

    community.posts.remove(post.id, anna);
    requestPurge(writer);
    await waitFor(() => reader.notices > 0 && writer.notices > 0, 'the purge notice');

    expect(sqliteOccurrences(relay.dataDir, marker)).toBe(0);
    expect(await relayMemoryOccurrences(relay.url, ROOM, marker)).toBe(0);
    expect(await exportOccurrences(relay.storage, NB, marker)).toBe(0);
    expect(docOccurrences(reader.doc, marker)).toBe(0);
    expect(docOccurrences(writer.doc, marker)).toBe(0);

    // Back online: its offline post arrives, the deleted one does not come back.
    stale.provider.connect();
    await synced(stale);
    await waitFor(
      () =>
        new CommunitySpace(reader.doc).posts.list().some((p) => p.title === 'Sleutels gevonden'),
      "the stale client's offline post at the reader",
    );
    await relay.storage.compact(ROOM);
    expect(new CommunitySpace(reader.doc).posts.get(post.id)).toBeNull();
    expect(new CommunitySpace(stale.doc).posts.get(post.id)).toBeNull();
    expect(sqliteOccurrences(relay.dataDir, marker)).toBe(0);
    expect(await relayMemoryOccurrences(relay.url, ROOM, marker)).toBe(0);
    expect(await exportOccurrences(relay.storage, NB, marker)).toBe(0);
    expect(docOccurrences(reader.doc, marker)).toBe(0);
    expect(docOccurrences(stale.doc, marker)).toBe(0);
  });

  it('purges only for a connection that may write, and coalesces many requests into one purge', async () => {
    const log = collectingLogger();
    relay = await startRelay({ purgeDelayMs: 200, log });
    // Residents read the public space but may not write it.
    const residentToken = await tokenFor(relay.storage, NB, 'resident');
    const reader = buurthubClient(relay, residentToken, `${NB}/public`);
    const writer = buurthubClient(relay);
    const watcher = buurthubClient(relay);
    clients.push(reader, writer, watcher);
    await Promise.all([reader, writer, watcher].map(synced));
    const community = new CommunitySpace(writer.doc);
    const post = community.posts.create(
      { title: 'Weg ermee', body: 'Tekst.', category: 'nieuws' },
      anna,
    );
    community.posts.remove(post.id, anna);
    await waitFor(
      async () => (await relay.storage.stats(ROOM)).logLength === 2,
      'both writes stored',
    );

    const refused = new Promise<string>((resolve) => {
      reader.provider.on('connection-close', () => resolve('closed'));
      reader.provider.messageHandlers[2] = () => resolve('told read-only');
    });
    requestPurge(reader);
    // A read-only connection is told so (y-protocols auth message), not closed.
    expect(await refused).toBe('told read-only');
    expect(log.lines.some((line) => /purge requested/.test(line.message))).toBe(false);

    for (let i = 0; i < 3; i++) requestPurge(writer);
    await waitFor(() => writer.notices > 0, 'the purge notice');
    expect((await relay.storage.stats(ROOM)).logLength).toBe(0);
    expect(watcher.notices).toBe(1);
    // One purge for three requests.
    const purged = log.lines.filter((line) => /: purged \(/.test(line.message));
    expect(purged).toHaveLength(1);
    expect(log.lines.filter((line) => /purge requested/.test(line.message))).toHaveLength(3);
  });
});

describe('erasure: a purge asked for just before everyone leaves', () => {
  let relay: TestRelay;
  afterEach(async () => relay?.dispose());

  it('still runs when the room unloads before the purge was due', async () => {
    relay = await startRelay({ purgeDelayMs: 600_000 });
    const marker = `MARKER-${Math.random().toString(36).slice(2)}`;
    const writer = buurthubClient(relay);
    await synced(writer);
    const community = new CommunitySpace(writer.doc);
    const post = community.posts.create({ title: marker, body: marker, category: 'nieuws' }, anna);
    await waitFor(() => sqliteOccurrences(relay.dataDir, marker) > 0, 'the post stored');
    community.posts.remove(post.id, anna);
    requestPurge(writer);
    await waitFor(
      async () => (await relay.storage.stats(ROOM)).logLength === 2,
      'the removal stored',
    );
    writer.destroy();
    // An unload without the purge would only compact: the old pages would stay in the WAL.
    await waitFor(() => sqliteOccurrences(relay.dataDir, marker) === 0, 'the purge on unload');
    expect(await exportOccurrences(relay.storage, NB, marker)).toBe(0);
  });
});

describe('erasure: delete my account', () => {
  let relay: TestRelay;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await relay?.dispose();
  });

  it('leaves nothing the member wrote in the documents, the relay records or the SQLite files, and refuses their token', async () => {
    relay = await startRelay({ purgeDelayMs: 50 });
    const marker = `MARKER-${Math.random().toString(36).slice(2)}`;
    const token = await tokenFor(relay.storage, NB, 'resident', { sub: bram.id, name: bram.name });
    await relay.storage.putMember({
      sub: bram.id,
      nb: NB,
      role: 'resident',
      name: bram.name,
      joinedAt: 1,
    });
    await relay.storage.createContactRequest({
      id: 'contact-1',
      nb: NB,
      from: bram.id,
      fromName: bram.name,
      to: anna.id,
      toName: anna.name,
      message: `Zullen we samen fietsen? ${marker}`,
      fromContact: { phone: '06-12345678', note: marker },
      toContact: null,
      status: 'pending',
      createdAt: 1,
      answeredAt: null,
    });
    const community = buurthubClient(relay, token);
    const directory = buurthubClient(relay, token, `${NB}/directory`);
    const other = buurthubClient(relay);
    clients.push(community, directory, other);
    await Promise.all([community, directory, other].map(synced));

    const annaPost = new CommunitySpace(other.doc).posts.create(
      { title: 'Wie helpt bij de dijk?', body: 'Zaterdag.', category: 'nieuws' },
      anna,
    );
    await waitFor(() => new CommunitySpace(community.doc).posts.get(annaPost.id), "Anna's post");
    const spaces = {
      community: new CommunitySpace(community.doc),
      directory: new DirectorySpace(directory.doc),
    };
    spaces.community.posts.create(
      { title: `Oproep ${marker}`, body: marker, category: 'nieuws' },
      bram,
    );
    spaces.community.posts.comment(annaPost.id, { body: `Ik help! ${marker}` }, bram);
    spaces.directory.profiles.publish(
      { displayName: 'Bram', area: 'Mook', about: marker },
      {},
      bram,
    );
    await waitFor(async () => sqliteOccurrences(relay.dataDir, marker) >= 4, 'everything stored');

    eraseMemberContent(bram.id, spaces, bram, Date.now());
    for (const client of [community, directory]) requestPurge(client);
    await waitFor(() => community.notices > 0 && directory.notices > 0, 'both purge notices');
    const response = await fetch(`${relay.url}/api/account`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ contactRequests: 1 });

    expect(sqliteOccurrences(relay.dataDir, marker)).toBe(0);
    expect(sqliteOccurrences(relay.dataDir, bram.name)).toBe(0);
    for (const room of [ROOM, `${NB}/directory`]) {
      expect(await relayMemoryOccurrences(relay.url, room, marker)).toBe(0);
      expect(await relayMemoryOccurrences(relay.url, room, bram.name)).toBe(0);
    }
    expect(await exportOccurrences(relay.storage, NB, marker)).toBe(0);
    expect(docOccurrences(other.doc, marker)).toBe(0);
    expect(new CommunitySpace(other.doc).posts.get(annaPost.id)?.body).toBe('Zaterdag.');
    expect(await relay.storage.contactRequests(NB, anna.id)).toEqual([]);
    expect(await relay.storage.member(bram.id)).toBeNull();
    // The token is refused from now on, here and on the sync endpoint.
    const again = await fetch(`${relay.url}/api/account`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(again.status).toBe(401);
  });
});

describe('erasure: the neighbourhood export for officials', () => {
  let relay: TestRelay;
  afterEach(async () => relay?.dispose());

  it('lets an official of the neighbourhood download it, and nobody else', async () => {
    relay = await startRelay();
    const writer = stockClient(relay.url, ROOM);
    await synced(writer);
    new CommunitySpace(writer.doc).posts.create(
      { title: 'Buurtfeest', body: 'Zaterdag.', category: 'nieuws' },
      anna,
    );
    await waitFor(async () => (await relay.storage.stats(ROOM)).logLength > 0, 'the post stored');
    writer.destroy();
    const download = (token: string, nb = NB) =>
      fetch(`${relay.url}/api/export/${nb}`, { headers: { authorization: `Bearer ${token}` } });

    const official = await tokenFor(relay.storage, NB, 'official');
    const response = await download(official);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="maasburen-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const backup = (await response.json()) as {
      format: string;
      rooms: { community: { update: string } };
    };
    expect(backup.format).toBe('buurthub-neighbourhood-backup');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Buffer.from(backup.rooms.community.update, 'base64'));
    expect(new CommunitySpace(doc).posts.list().map((p) => p.title)).toEqual(['Buurtfeest']);

    expect((await download(await tokenFor(relay.storage, NB, 'moderator'))).status).toBe(403);
    expect((await download(await tokenFor(relay.storage, 'heumen', 'official'))).status).toBe(403);
    expect((await fetch(`${relay.url}/api/export/${NB}`)).status).toBe(401);
  });
});

describe('erasure: a hub (the buurthuis) follows the upstream purge', () => {
  const relays: TestRelay[] = [];
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const relay of relays.splice(0).reverse()) await relay.dispose();
  });

  it("takes a post purged upstream off the hub's SQLite files and memory too", async () => {
    const upstream = await startRelay({ purgeDelayMs: 50 });
    relays.push(upstream);
    const deviceToken = await tokenFor(upstream.storage, NB, 'moderator', { sub: 'buurthuis' });
    const hub = await startRelay({
      upstream: { url: `ws://127.0.0.1:${upstream.port}/sync`, token: deviceToken },
      purgeDelayMs: 50,
    });
    relays.push(hub);
    await waitFor(() => hub.upstream.every((link) => link.state === 'online'), 'links online');
    const writer = buurthubClient(upstream);
    const local = stockClient(hub.url, ROOM, { ack: '1' });
    let notices = 0;
    local.provider.messageHandlers[MESSAGE_PURGE_NOTICE] = () => void notices++;
    clients.push(writer, local);
    await Promise.all([writer, local].map(synced));

    const marker = `MARKER-${Math.random().toString(36).slice(2)}`;
    const community = new CommunitySpace(writer.doc);
    const post = community.posts.create(
      { title: `Hoogwater ${marker}`, body: marker, category: 'nieuws' },
      anna,
    );
    await waitFor(() => new CommunitySpace(local.doc).posts.get(post.id), 'the post on the hub');
    await waitFor(() => sqliteOccurrences(hub.dataDir, marker) > 0, "in the hub's SQLite");

    community.posts.remove(post.id, anna);
    requestPurge(writer);
    await waitFor(() => notices > 0, "the hub's own purge notice to its clients");
    expect(sqliteOccurrences(upstream.dataDir, marker)).toBe(0);
    expect(sqliteOccurrences(hub.dataDir, marker)).toBe(0);
    expect(await relayMemoryOccurrences(hub.url, ROOM, marker)).toBe(0);
    expect(docOccurrences(local.doc, marker)).toBe(0);
  });
});
