import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CommunitySpace,
  type CrisisAlertView,
  type PinnedJwks,
  PublicSpace,
  verifyAlert,
} from '@buurthub/shared';
import { SqliteStorage } from '../src/index.js';
import { type CliRelay, mintWithCli, runCli, serveCli } from './helpers/cli.js';
import { rawClient, stockClient, synced, type TestClient } from './helpers/clients.js';
import { updateFrame } from './helpers/frames.js';
import { tempDir } from './helpers/temp.js';
import { waitFor } from './helpers/wait.js';

const ROOM = 'maasburen/community';

describe('buurthub serve as a process', () => {
  const relays: CliRelay[] = [];
  const clients: TestClient[] = [];
  const dirs: { remove(): void }[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const relay of relays.splice(0)) await relay.stop('SIGKILL');
    for (const dir of dirs.splice(0)) dir.remove();
  });

  async function serve(data: string, ...extra: string[]): Promise<CliRelay> {
    const relay = await serveCli(data, ...extra);
    relays.push(relay);
    return relay;
  }

  it('keeps an acknowledged post after the relay is killed with SIGKILL', async () => {
    const data = tempDir();
    dirs.push(data);
    const first = await serve(data.path);
    // Minted by a second process on the same data directory while the relay runs.
    const { token } = await mintWithCli('maasburen', 'resident', data.path);

    const doc = new Y.Doc();
    const before = Y.encodeStateVector(doc);
    const post = new CommunitySpace(doc).posts.create(
      {
        title: 'Zandzakken bij de gemeentewerf',
        body: 'Vanaf 14:00 op te halen.',
        category: 'nieuws',
      },
      { id: 'a', name: 'Anja Verhoeven', role: 'moderator' },
    );
    const writer = await rawClient(first.url, ROOM, `?ack=1&token=${token}`);
    writer.socket.send(updateFrame(Y.encodeStateAsUpdate(doc, before)));
    const ack = await waitFor(() => writer.acks()[0], 'the ack');
    expect(ack.get(doc.clientID)).toBe(Y.getState(doc.store, doc.clientID));

    // No graceful shutdown: whatever was acked must already be on disk.
    expect(await first.stop('SIGKILL')).toBeNull();
    await writer.closed;

    const second = await serve(data.path);
    const reader = stockClient(second.url, ROOM, { token });
    clients.push(reader);
    await synced(reader);
    const seen = await waitFor(
      () => new CommunitySpace(reader.doc).posts.get(post.id),
      'the post after restart',
    );
    expect(seen.title).toBe('Zandzakken bij de gemeentewerf');
    doc.destroy();
  });

  it('seeds the demo neighbourhood once, not again on restart', async () => {
    const data = tempDir();
    dirs.push(data);
    const first = await serve(data.path, '--demo');
    expect(first.output()).toContain('seeded');

    const community = stockClient(first.url, ROOM);
    const publicRoom = stockClient(first.url, 'maasburen/public');
    clients.push(community, publicRoom);
    await Promise.all([synced(community), synced(publicRoom)]);
    const posts = await waitFor(() => {
      const list = new CommunitySpace(community.doc).posts.list();
      return list.length > 0 && list;
    }, 'demo posts');
    expect(posts.length).toBe(8);
    expect(new Set(posts.map((p) => p.category)).size).toBeGreaterThanOrEqual(5);
    expect(posts.reduce((n, p) => n + p.comments.length, 0)).toBeGreaterThanOrEqual(5);
    // A few posts carry a demo photo, served from the relay's blob store like an upload.
    const photos = posts.flatMap((p) => p.photos);
    expect(photos.length).toBeGreaterThanOrEqual(2);
    const photo = photos[0] as (typeof photos)[number];
    expect(photo).toMatchObject({ type: 'image/jpeg', width: 1200, height: 800 });
    expect(photo.alt?.length).toBeGreaterThan(10);
    const served = await fetch(`${first.url}/blobs/${photo.hash}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    const bytes = Buffer.from(await served.arrayBuffer());
    expect(bytes.byteLength).toBe(photo.bytes);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(photo.hash);
    const space = new PublicSpace(publicRoom.doc);
    expect(space.settings.get()?.villages).toEqual(['Middelaar', 'Mook', 'Molenhoek', 'Plasmolen']);
    const alerts = space.crisis.all();
    expect(alerts.length).toBe(1);
    expect(alerts[0]?.updates.length).toBeGreaterThanOrEqual(3);
    expect(space.crisis.active(Date.now())).toEqual([]);
    // Notice boards with opening hours and contact blocks, each with a first version.
    const boards = space.boards.list();
    expect(boards.map((b) => b.title)).toEqual([
      'Buurthuis De Schakel — openingstijden',
      'Voedselbank',
      'Wie bel ik?',
    ]);
    const schakel = space.boards.content((boards[0] as (typeof boards)[number]).id);
    expect(schakel.map((node) => node.type)).toContain('hours');
    expect(schakel.map((node) => node.type)).toContain('contact');
    expect(space.boards.versions((boards[0] as (typeof boards)[number]).id).length).toBe(1);
    // The gemeente's alert and every update carry a valid signature under this relay's keys.
    const jwks = (await (await fetch(`${first.url}/.well-known/jwks.json`)).json()) as PinnedJwks;
    const verification = await verifyAlert(alerts[0] as CrisisAlertView, jwks, 'maasburen');
    expect(verification.official).toBe(true);
    for (const client of clients.splice(0)) client.destroy();

    // A graceful stop exits cleanly.
    expect(await first.stop('SIGTERM')).toBe(0);
    relays.splice(relays.indexOf(first), 1);

    const second = await serve(data.path, '--demo');
    expect(second.output()).toContain('not seeded again');
    expect((await fetch(`${second.url}/blobs/${photo.hash}`)).status).toBe(200);
    await second.stop('SIGTERM');
    relays.splice(relays.indexOf(second), 1);

    const storage = new SqliteStorage(data.path);
    const doc = new Y.Doc();
    for (const update of (await storage.loadRoom(ROOM)).updates) Y.applyUpdate(doc, update);
    expect(new CommunitySpace(doc).posts.list().length).toBe(8);
    doc.destroy();
    await storage.close();
  });
});

describe('the buurthub command line', () => {
  it('lists its commands with --help', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('serve');
    expect(stdout).toContain('--data');
  });

  it('explains an unknown command or flag instead of starting', async () => {
    const command = await runCli(['serveer']);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('unknown command "serveer"');
    const flag = await runCli(['serve', '--poort', '80']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("'--poort'");
    const port = await runCli(['serve', '--port', 'tachtig']);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('--port must be a number');
  });
});
