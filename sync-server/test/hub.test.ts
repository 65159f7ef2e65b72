import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRelay, silentLogger, SqliteStorage } from '../src/index.js';
import { CommunitySpace, encodePurgeRequest } from '@buurthub/shared';
import { tryWrite, upgradeStatus } from './helpers/auth.js';
import { runCli, serveCli } from './helpers/cli.js';
import { stockClient, synced, type TestClient } from './helpers/clients.js';
import { docOccurrences, sqliteOccurrences } from './helpers/erasure.js';
import { tcpProxy, type TcpProxy } from './helpers/proxy.js';
import { startRelay, type TestRelay } from './helpers/relay.js';
import { tempDir } from './helpers/temp.js';
import { tokenFor } from './helpers/tokens.js';
import { waitFor } from './helpers/wait.js';

const NB = 'maasburen';

/** Every item text in the client's `notes` array, sorted, to compare two replicas. */
const notes = (client: TestClient) => client.doc.getArray<string>('notes').toArray().sort();
const add = (client: TestClient, text: string) => client.doc.getArray<string>('notes').push([text]);

describe('a hub that keeps its neighbourhood in sync with the upstream relay', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setup(role: 'moderator' | 'kiosk' = 'moderator', kioskReadsCommunity = false) {
    const upstream = await startRelay();
    cleanups.push(() => upstream.dispose());
    await upstream.storage.putNeighbourhood({
      slug: NB,
      name: 'Maasburen',
      villages: [],
      kioskReadsCommunity,
      createdAt: Math.floor(Date.now() / 1000),
    });
    const proxy: TcpProxy = await tcpProxy(upstream.port);
    cleanups.push(() => proxy.close());
    const deviceToken = await tokenFor(upstream.storage, NB, role, { sub: 'buurthuis-hub' });
    const hub: TestRelay = await startRelay({
      upstream: { url: `ws://127.0.0.1:${proxy.port}/sync`, token: deviceToken },
    });
    cleanups.push(() => hub.dispose());
    // A kiosk token's community link is refused unless the upstream lets kiosks read it.
    await waitFor(
      () => hub.upstream.every((link) => link.state === 'online' || link.state === 'refused'),
      'links answered',
    );
    const client = (relay: TestRelay, room = `${NB}/community`, token?: string) => {
      const c = stockClient(relay.url, room, token === undefined ? {} : { token });
      cleanups.push(() => c.destroy());
      return c;
    };
    return { upstream, hub, proxy, client };
  }

  it('replicates every room the device token may read, both ways', async () => {
    const { upstream, hub, client } = await setup();
    expect(hub.upstream.map((l) => l.state)).toEqual(['online', 'online', 'online', 'online']);
    const far = client(upstream);
    const near = client(hub);
    await Promise.all([synced(far), synced(near)]);
    add(far, 'van de gemeente');
    add(near, 'uit het buurthuis');
    await waitFor(
      () => notes(far).length === 2 && notes(near).length === 2,
      'both notes everywhere',
    );
    expect(notes(near)).toEqual(notes(far));
    // Stored on both relays, not only held in memory.
    for (const relay of [upstream, hub]) {
      const doc = new Y.Doc();
      for (const u of (await relay.storage.loadRoom(`${NB}/community`)).updates)
        Y.applyUpdate(doc, u);
      expect(doc.getArray('notes').length).toBe(2);
    }
  });

  it('keeps working while the link is cut and converges when it heals', async () => {
    const { upstream, hub, proxy, client } = await setup();
    const far = client(upstream);
    const near = client(hub);
    await Promise.all([synced(far), synced(near)]);
    proxy.cut();
    await waitFor(() => hub.upstream.every((l) => l.state !== 'online'), 'links down');
    for (let i = 0; i < 5; i++) {
      add(far, `gemeente ${i}`);
      add(near, `buurthuis ${i}`);
    }
    // The hub's own clients still sync with the hub meanwhile.
    const second = client(hub);
    await synced(second);
    await waitFor(() => notes(second).length === 5, 'hub clients see hub edits');
    proxy.heal();
    await waitFor(
      () => notes(far).length === 10 && notes(near).length === 10 && notes(second).length === 10,
      'converged after healing',
      20_000,
    );
    expect(notes(near)).toEqual(notes(far));
  });

  it('writes nothing upstream that the device token may not, and lets no resident write where it may not', async () => {
    const { upstream, hub, client } = await setup('kiosk');
    // A kiosk token reads public only here: the public link, which the upstream makes
    // read-only; the community link is refused.
    expect(hub.upstream.map((l) => l.state)).toEqual(['online', 'refused']);
    const far = client(upstream, `${NB}/public`);
    await synced(far);
    add(far, 'crisisbericht');
    const near = client(hub, `${NB}/public`);
    await waitFor(() => notes(near).length === 1, 'public reaches the hub');
    // A moderator of the hub writes public locally; the kiosk token cannot carry it up.
    add(near, 'alleen in het buurthuis');
    await waitFor(() => hub.upstream[0]?.readOnly === true, 'upstream refused the write');
    expect(notes(far)).toEqual(['crisisbericht']);
    // And a resident on the hub may not write public at all, as upstream.
    const resident = await tokenFor(hub.storage, NB, 'resident');
    expect((await tryWrite(hub.url, `${NB}/public`, resident)).result).toBe('denied');
  });

  it('lets the buurthuis kiosks read the agenda exactly when the upstream lets kiosks read the community room', async () => {
    const allowed = await setup('kiosk', true);
    expect(allowed.hub.upstream.map((l) => l.state)).toEqual(['online', 'online']);
    const far = allowed.client(allowed.upstream);
    await synced(far);
    add(far, 'buurtborrel vrijdag');
    // The kiosk window's own token is minted by the hub (desktop main does the same).
    const windowToken = await tokenFor(allowed.hub.storage, NB, 'kiosk', { sub: 'kiosk-window' });
    const kiosk = allowed.client(allowed.hub, `${NB}/community`, windowToken);
    await waitFor(() => notes(kiosk).length === 1, 'the agenda reaches the kiosk window');
    expect(notes(kiosk)).toEqual(['buurtborrel vrijdag']);
    // The kiosk still may not write there, on the hub as upstream.
    expect((await tryWrite(allowed.hub.url, `${NB}/community`, windowToken)).result).toBe('denied');

    const refused = await setup('kiosk', false);
    const refusedToken = await tokenFor(refused.hub.storage, NB, 'kiosk', { sub: 'kiosk-window' });
    expect(await upgradeStatus(refused.hub.url, `${NB}/community`, refusedToken)).toBe(403);
    expect(await upgradeStatus(refused.hub.url, `${NB}/public`, refusedToken)).toBe(101);
    // A refused room is not an outage: the hub reports its link to the upstream as online.
    const status = (await (await fetch(`${refused.hub.url}/api/hub`)).json()) as {
      upstream: { state: string; rooms: number };
    };
    expect(status.upstream).toMatchObject({ state: 'online', rooms: 1 });
  });

  it('erases a post deleted on the buurthuis network upstream too, and one deleted upstream on the hub', async () => {
    const upstream = await startRelay({ purgeDelayMs: 50 });
    cleanups.push(() => upstream.dispose());
    const deviceToken = await tokenFor(upstream.storage, NB, 'moderator', { sub: 'buurthuis-hub' });
    const hub = await startRelay({
      purgeDelayMs: 50,
      upstream: { url: `${upstream.url.replace(/^http/, 'ws')}/sync`, token: deviceToken },
    });
    cleanups.push(() => hub.dispose());
    await waitFor(() => hub.upstream.every((link) => link.state === 'online'), 'links online');
    const near = stockClient(hub.url, `${NB}/community`, { ack: '1' });
    const far = stockClient(upstream.url, `${NB}/community`, { ack: '1' });
    cleanups.push(
      () => near.destroy(),
      () => far.destroy(),
    );
    await Promise.all([synced(near), synced(far)]);
    const author = { id: 'anna', name: 'Anna', role: 'resident' } as const;

    for (const [writer, reader, from] of [
      [near, far, 'hub'],
      [far, near, 'upstream'],
    ] as const) {
      const marker = `MARKER-${from}-${Math.random().toString(36).slice(2)}`;
      const post = new CommunitySpace(writer.doc).posts.create(
        { title: `Fiets ${marker}`, body: marker, category: 'nieuws' },
        author,
      );
      await waitFor(
        () => new CommunitySpace(reader.doc).posts.get(post.id) !== null,
        `the post from the ${from} at the other side`,
      );
      await upstream.storage.compact(`${NB}/community`);
      await hub.storage.compact(`${NB}/community`);
      // Can fail: the marker is on both relays' disks before the purge.
      expect(sqliteOccurrences(upstream.dataDir, marker)).toBeGreaterThan(0);
      expect(sqliteOccurrences(hub.dataDir, marker)).toBeGreaterThan(0);

      new CommunitySpace(writer.doc).posts.remove(post.id, author);
      writer.provider.ws?.send(encodePurgeRequest());
      await waitFor(
        () =>
          sqliteOccurrences(upstream.dataDir, marker) === 0 &&
          sqliteOccurrences(hub.dataDir, marker) === 0,
        `the post deleted on the ${from} erased on both relays`,
        20_000,
      );
      expect(docOccurrences(reader.doc, marker)).toBe(0);
    }
  });

  it('carries the moderation room to the upstream while a moderator is signed in at a kiosk hub, and only then', async () => {
    const { upstream, hub, client } = await setup('kiosk');
    // The kiosk's device token may not read moderation: the hub has no link for it.
    expect(hub.upstream).toHaveLength(2);
    const room = `${NB}/moderation`;
    const far = client(upstream, room);
    await synced(far);
    add(far, 'melding van elders: verborgen');
    // A moderator signs in at the kiosk with a token the upstream issued (the sign-in code).
    const moderator = await tokenFor(upstream.storage, NB, 'moderator', { sub: 'mirjam' });
    const near = client(hub, room, moderator);
    await waitFor(() => notes(near).length === 1, 'the upstream decisions at the kiosk');
    add(near, 'besluit in het buurthuis');
    await waitFor(() => notes(far).length === 2, 'the kiosk decision upstream');
    expect(notes(far)).toEqual(notes(near));

    // Signed out: the link goes with them; what is decided upstream meanwhile stays there.
    near.destroy();
    await new Promise((resolve) => setTimeout(resolve, 500));
    add(far, 'later besluit');
    const later = client(hub, room, await tokenFor(hub.storage, NB, 'resident'));
    await synced(later);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(notes(later)).toEqual(['besluit in het buurthuis', 'melding van elders: verborgen']);
  });

  it('lends the upstream only moderator tokens it signed, and a token it refuses only once', async () => {
    const { upstream, hub, client } = await setup('kiosk');
    const room = `${NB}/moderation`;
    const refusedAtUpstream = async () =>
      (await upstream.metrics.rejectedConnections.get()).values.find(
        (value) => value.labels.reason === 'not-allowed',
      )?.value ?? 0;
    // The kiosk token's community link was refused already (the upstream's setting).
    const before = await refusedAtUpstream();
    const far = client(upstream, room);
    await synced(far);
    add(far, 'melding van elders');

    // The buurthuis's own moderator, with a token the hub signed: it works on the hub only.
    const local = client(
      hub,
      room,
      await tokenFor(hub.storage, NB, 'moderator', { sub: 'beheer' }),
    );
    await synced(local);
    // A moderator the upstream removed a moment ago; the hub has not heard yet: its first
    // look at the upstream's revocations is done, the next one 30 s away.
    await waitFor(async () => {
      const res = await fetch(`${hub.url}/api/hub`);
      const { upstream: link } = (await res.json()) as {
        upstream: { revocationsFetchedAt: number | null };
      };
      return link.revocationsFetchedAt !== null;
    }, 'the hub’s first look at the upstream’s revocations');
    const removed = await tokenFor(upstream.storage, NB, 'moderator', { sub: 'weg' });
    await upstream.storage.revoke('weg', Math.floor(Date.now() / 1000));
    const stale = client(hub, room, removed);
    await synced(stale);
    await waitFor(
      async () => (await refusedAtUpstream()) === before + 1,
      'the upstream refusing it',
    );

    // Then one the upstream trusts: the room is linked with their token.
    const near = client(hub, room, await tokenFor(upstream.storage, NB, 'moderator'));
    await waitFor(() => notes(near).length === 1, 'the upstream decisions at the kiosk');
    expect(notes(local)).toEqual(['melding van elders']);
    // Longer than the link's first two retries (1 s, 2 s): the refused token was not tried again.
    await new Promise((resolve) => setTimeout(resolve, 3500));
    expect(await refusedAtUpstream()).toBe(before + 1);
  });

  it('runs as `buurthub serve --upstream … --token …` on a small machine without Electron', async () => {
    const upstream = await startRelay();
    cleanups.push(() => upstream.dispose());
    const token = await tokenFor(upstream.storage, NB, 'moderator', { sub: 'hub-pc' });
    const data = tempDir();
    cleanups.push(() => data.remove());
    const hub = await serveCli(
      data.path,
      '--upstream',
      `ws://127.0.0.1:${upstream.port}/sync`,
      '--token',
      token,
    );
    cleanups.push(async () => void (await hub.stop()));
    const far = stockClient(upstream.url, `${NB}/community`);
    cleanups.push(() => far.destroy());
    await synced(far);
    add(far, 'via de CLI');
    // What the upstream has lands in the hub's own SQLite file.
    const stored = async () => {
      const storage = new SqliteStorage(data.path);
      try {
        const doc = new Y.Doc();
        for (const u of (await storage.loadRoom(`${NB}/community`)).updates) Y.applyUpdate(doc, u);
        return doc.getArray('notes').toArray();
      } finally {
        await storage.close();
      }
    };
    await waitFor(async () => (await stored()).length === 1, 'the hub stored the note');
    expect(await stored()).toEqual(['via de CLI']);

    const refused = await runCli([
      'serve',
      '--upstream',
      'https://buurt.example.nl/sync',
      '--token',
      token,
    ]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('--upstream must be a ws(s) URL');
    const half = await runCli(['serve', '--upstream', 'wss://buurt.example.nl/sync']);
    expect(half.stderr).toContain('needs both --upstream');
    // Three CLI processes: slow on a busy machine (19 s at a load of 29 on 2 cores).
  }, 90_000);

  it('accepts the tokens the upstream issued, also after a restart while the upstream is unreachable', async () => {
    const upstream = await startRelay();
    cleanups.push(() => upstream.dispose());
    const proxy = await tcpProxy(upstream.port);
    cleanups.push(() => proxy.close());
    const data = tempDir();
    cleanups.push(() => data.remove());
    const deviceToken = await tokenFor(upstream.storage, NB, 'moderator', { sub: 'hub' });
    const hubOptions = {
      port: 0,
      host: '127.0.0.1',
      dataDir: data.path,
      log: silentLogger,
      upstream: { url: `ws://127.0.0.1:${proxy.port}/sync`, token: deviceToken },
    };
    const phone = await tokenFor(upstream.storage, NB, 'resident', { sub: 'anna-phone' });
    const stranger = await startRelay();
    cleanups.push(() => stranger.dispose());
    const elsewhere = await tokenFor(stranger.storage, NB, 'resident');

    let hub = await createRelay(hubOptions);
    expect(await upgradeStatus(hub.url, `${NB}/community`, phone)).toBe(101);
    expect((await tryWrite(hub.url, `${NB}/community`, phone)).result).toBe('stored');
    expect(await upgradeStatus(hub.url, `${NB}/community`, elsewhere)).toBe(401);
    // A resident's upstream token still may not write public on the hub.
    expect((await tryWrite(hub.url, `${NB}/public`, phone)).result).toBe('denied');

    proxy.cut();
    await hub.close();
    hub = await createRelay(hubOptions);
    cleanups.push(() => hub.close());
    expect(await upgradeStatus(hub.url, `${NB}/community`, phone)).toBe(101);
  });
});
