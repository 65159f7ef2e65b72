import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CommunitySpace, PublicSpace } from '@buurthub/shared';
import { SqliteStorage } from '../src/index.js';
import { type CliRelay, mintWithCli, runCli, serveCli } from './helpers/cli.js';
import {
  rawClient,
  type RawClient,
  stockClient,
  synced,
  type TestClient,
} from './helpers/clients.js';
import { updateFrame } from './helpers/frames.js';
import { getText } from './helpers/http.js';
import { tempDir } from './helpers/temp.js';
import { waitFor } from './helpers/wait.js';

const NB = 'maasburen';
const ROOM = `${NB}/community`;
const author = { id: 'j', name: 'Joost van Dijk', role: 'resident' as const };

describe('operating the relay from the command line', () => {
  const relays: CliRelay[] = [];
  const clients: TestClient[] = [];
  const raws: RawClient[] = [];
  const dirs: { path: string; remove(): void }[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const raw of raws.splice(0)) raw.close();
    for (const relay of relays.splice(0)) await relay.stop('SIGKILL');
    for (const dir of dirs.splice(0)) dir.remove();
  });

  function dataDir(): string {
    const dir = tempDir();
    dirs.push(dir);
    return dir.path;
  }

  async function serve(data: string, ...extra: string[]): Promise<CliRelay> {
    const relay = await serveCli(data, ...extra);
    relays.push(relay);
    return relay;
  }

  async function token(data: string, role = 'moderator'): Promise<string> {
    const minted = await mintWithCli(NB, role, data);
    expect(minted.code).toBe(0);
    return minted.token;
  }

  async function writer(relay: CliRelay, jwt: string): Promise<RawClient> {
    const raw = await rawClient(relay.url, ROOM, `?ack=1&token=${jwt}`);
    raws.push(raw);
    return raw;
  }

  /** Sends one post from its own Yjs client and waits until the relay acknowledges it. */
  async function postAcked(raw: RawClient, title: string): Promise<string> {
    const doc = new Y.Doc();
    const before = Y.encodeStateVector(doc);
    const post = new CommunitySpace(doc).posts.create(
      { title, body: 'Tekst.', category: 'nieuws' },
      author,
    );
    raw.socket.send(updateFrame(Y.encodeStateAsUpdate(doc, before)));
    await waitFor(
      () => raw.acks().some((ack) => ack.get(doc.clientID) === Y.getState(doc.store, doc.clientID)),
      `the ack for "${title}"`,
    );
    doc.destroy();
    return post.id;
  }

  function titlesIn(data: string, room = ROOM): Promise<string[]> {
    const storage = new SqliteStorage(data);
    return storage
      .loadRoom(room)
      .then(({ updates }) => {
        const doc = new Y.Doc();
        for (const update of updates) Y.applyUpdate(doc, update);
        const titles = new CommunitySpace(doc).posts
          .list()
          .map((post) => post.title)
          .sort();
        doc.destroy();
        return titles;
      })
      .finally(() => storage.close());
  }

  it('on SIGTERM closes every client with 1012, loses no acknowledged post and exits 0', async () => {
    const data = dataDir();
    const relay = await serve(data, '--shutdown-spread-ms', '300');
    const jwt = await token(data);
    const writers = await Promise.all([1, 2, 3].map(() => writer(relay, jwt)));
    const titles: string[] = [];
    for (const [i, raw] of writers.entries()) {
      for (let n = 0; n < 3; n++) {
        const title = `Bericht ${i}-${n}`;
        await postAcked(raw, title);
        titles.push(title);
      }
    }

    const exit = await relay.stop('SIGTERM');
    relays.splice(relays.indexOf(relay), 1);
    expect(exit).toBe(0);
    for (const raw of writers) expect((await raw.closed).code).toBe(1012);
    expect(relay.output()).toContain('stopped cleanly');

    expect(await titlesIn(data)).toEqual(titles.sort());
    // Compacted on the way out: no log rows left.
    const storage = new SqliteStorage(data);
    expect(await storage.stats(ROOM)).toEqual({ logLength: 0, hasSnapshot: true });
    await storage.close();

    const again = await serve(data);
    const reader = stockClient(again.url, ROOM, { token: jwt });
    clients.push(reader);
    await synced(reader);
    await waitFor(
      () => new CommunitySpace(reader.doc).posts.list().length === titles.length,
      'all posts after restart',
    );
  });

  it('writes structured JSON log lines at the chosen level', async () => {
    const data = dataDir();
    const relay = await serve(data, '--log-level', 'warn');
    const line = relay
      .output()
      .split('\n')
      .find((l) => l.includes('listening on'));
    expect(JSON.parse(line as string)).toMatchObject({ level: 30, url: relay.url });
    const bad = await runCli(['serve', '--log-level', 'luid']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--log-level');
  });

  it('exports a neighbourhood and imports it into an empty data directory exactly', async () => {
    const source = dataDir();
    const relay = await serve(source, '--demo');
    const jwt = await token(source);
    await postAcked(await writer(relay, jwt), 'Geschreven vlak voor de back-up');

    // Export while the relay runs.
    const first = await runCli(['export', NB, '--data', source]);
    expect(first.code).toBe(0);
    const backup = JSON.parse(first.stdout) as {
      nb: string;
      version: number;
      rooms: Record<string, { update: string }>;
    };
    expect(backup).toMatchObject({ format: 'buurthub-neighbourhood-backup', version: 1, nb: NB });
    const file = join(dataDir(), 'maasburen.json');
    writeFileSync(file, first.stdout);

    const target = dataDir();
    const imported = await runCli(['import', file, '--data', target]);
    expect(imported.code).toBe(0);
    const second = await runCli(['export', NB, '--data', target]);
    const again = JSON.parse(second.stdout) as typeof backup;
    expect(again.rooms).toEqual(backup.rooms);

    // Importing again refuses, unless asked to merge; merging changes nothing here.
    const refused = await runCli(['import', file, '--data', target]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--merge');
    expect((await runCli(['import', file, '--data', target, '--merge'])).code).toBe(0);
    expect(JSON.parse((await runCli(['export', NB, '--data', target])).stdout).rooms).toEqual(
      backup.rooms,
    );

    // A relay on the restored data serves the same posts and alerts.
    // Signing keys are not part of a neighbourhood backup: the new relay mints its own.
    const restored = await serve(target);
    const community = stockClient(restored.url, ROOM, { token: await token(target) });
    const original = stockClient(relay.url, ROOM, { token: jwt });
    const publicRoom = stockClient(restored.url, `${NB}/public`);
    clients.push(community, original, publicRoom);
    await Promise.all([synced(community), synced(original), synced(publicRoom)]);
    const titles = (client: TestClient) =>
      new CommunitySpace(client.doc).posts
        .list()
        .map((p) => p.title)
        .sort();
    await waitFor(() => titles(community).length === 9, 'the restored posts');
    expect(titles(community)).toEqual(titles(original));
    expect(new PublicSpace(publicRoom.doc).crisis.all().length).toBe(1);
  });

  it('compacts the logs while a relay keeps serving on the same data', async () => {
    const data = dataDir();
    const relay = await serve(data);
    const jwt = await token(data);
    const raw = await writer(relay, jwt);
    for (let n = 0; n < 5; n++) await postAcked(raw, `Voor het compacteren ${n}`);

    const compacted = await runCli(['compact', NB, '--data', data]);
    expect(compacted.code).toBe(0);
    expect(compacted.stdout).toContain(`${ROOM}: folded 5 updates`);

    // The relay keeps committing, acknowledging and serving.
    await postAcked(raw, 'Na het compacteren');
    const reader = stockClient(relay.url, ROOM, { token: jwt });
    clients.push(reader);
    await synced(reader);
    await waitFor(() => new CommunitySpace(reader.doc).posts.list().length === 6, 'all six posts');
    expect((await getText(relay.url, '/readyz')).status).toBe(200);

    const storage = new SqliteStorage(data);
    expect(await storage.stats(ROOM)).toEqual({ logLength: 1, hasSnapshot: true });
    await storage.close();
    expect((await titlesIn(data)).length).toBe(6);
  });

  it('explains a missing data directory instead of creating one', async () => {
    const result = await runCli(['export', NB, '--data', join(dataDir(), 'nergens')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no Buurthub database');
  });
});
