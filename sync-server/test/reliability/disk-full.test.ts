/**
 * A full disk under the embedded relay: its data directory is a small tmpfs that the test
 * fills. Acknowledgements stop at the first change that cannot be stored, nothing that was
 * not stored is acknowledged, the relay stays up and says why in its log, and once space
 * is freed the database is intact and writes resume. Needs root (mount), as CI has.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CommunitySpace } from '@buurthub/shared';
import { SqliteStorage } from '../../src/index.js';
import { type CliRelay, mintWithCli, serveCli } from '../helpers/cli.js';
import { type RawClient, rawClient, stockClient, synced } from '../helpers/clients.js';
import { updateFrame } from '../helpers/frames.js';
import { tempDir } from '../helpers/temp.js';
import { waitFor } from '../helpers/wait.js';
import { NB } from './devices.js';
import { integrityCheck } from './sqlite-files.js';

const ROOM = `${NB}/community`;
const author = { id: 'schrijver', name: 'Schrijver', role: 'resident' } as const;

/** Writes zeros into `file` until the file system refuses (ENOSPC). */
function fill(file: string): void {
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
}

describe('a relay whose disk is full', () => {
  const dir = tempDir('buurthub-tmpfs-');
  let relay: CliRelay | undefined;
  beforeAll(() => {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', dir.path]);
  });
  afterAll(async () => {
    await relay?.stop('SIGKILL');
    execFileSync('umount', [dir.path]);
    dir.remove();
  });

  it('stops acknowledging, acknowledges nothing it did not store, stays up, and resumes when space is freed', async () => {
    relay = await serveCli(dir.path);
    const { token } = await mintWithCli(NB, 'resident', dir.path);
    const doc = new Y.Doc();
    const community = new CommunitySpace(doc);
    let writer: RawClient = await rawClient(relay.url, ROOM, `?ack=1&token=${token}`);
    const acked = () => Math.max(0, ...writer.acks().map((ack) => ack.get(doc.clientID) ?? 0));

    /** Sends one post and waits for its ack; false when the relay refused it instead. */
    const write = async (i: number): Promise<boolean> => {
      const before = Y.encodeStateVector(doc);
      community.posts.create(
        { title: `Bericht ${i}`, body: `Tekst ${i} `.repeat(200), category: 'nieuws' },
        author,
      );
      writer.socket.send(updateFrame(Y.encodeStateAsUpdate(doc, before)));
      const clock = Y.getState(doc.store, doc.clientID);
      const result = await waitFor(
        () => (acked() >= clock ? 'stored' : writer.socket.readyState > 1 ? 'refused' : null),
        `the ack of post ${i}, or a refusal`,
      );
      return result === 'stored';
    };

    for (let i = 0; i < 10; i++) expect(await write(i)).toBe(true);

    const filler = join(dir.path, 'filler');
    fill(filler);
    let refusedAt = -1;
    for (let i = 10; i < 2000 && refusedAt < 0; i++) if (!(await write(i))) refusedAt = i;
    expect(refusedAt).toBeGreaterThanOrEqual(10);
    const promised = acked();
    // The refused write closed only its own connection, with "internal error".
    expect((await writer.closed).code).toBe(1011);
    expect(relay.output()).toMatch(/storage refused an update/);
    expect((await fetch(`${relay.url}/healthz`)).status).toBe(200);

    rmSync(filler);
    expect(integrityCheck(dir.path)).toBe('ok');
    // Stored is exactly what was acknowledged: not less, and not the refused post.
    const storage = new SqliteStorage(dir.path);
    const stored = new Y.Doc();
    for (const update of (await storage.loadRoom(ROOM)).updates) Y.applyUpdate(stored, update);
    await storage.close();
    expect(Y.getState(stored.store, doc.clientID)).toBe(promised);
    expect(new CommunitySpace(stored).posts.list()).toHaveLength(refusedAt);

    // With space again, the writer reconnects and its refused post is stored after all.
    writer = await rawClient(relay.url, ROOM, `?ack=1&token=${token}`);
    writer.socket.send(updateFrame(Y.encodeStateAsUpdate(doc)));
    await waitFor(() => acked() === Y.getState(doc.store, doc.clientID), 'the ack of the rest');
    const reader = stockClient(relay.url, ROOM, { token });
    await synced(reader);
    expect(new CommunitySpace(reader.doc).posts.list()).toHaveLength(refusedAt + 1);
    reader.destroy();
    writer.close();
    doc.destroy();
  }, 120_000);
});
