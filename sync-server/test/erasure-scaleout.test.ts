/**
 * Erasure when scaled out: two `buurthub serve --postgres … --redis …` processes serve one
 * room. A post deleted and purged through one process is gone from PostgreSQL's rows, from
 * the room's Redis stream (whose entries are raw updates), and from the other process's
 * memory, whose clients get the purge notice too.
 */
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Author,
  CommunitySpace,
  MESSAGE_PURGE_NOTICE,
  encodePurgeRequest,
} from '@buurthub/shared';
import type { CliRelay } from './helpers/cli.js';
import { stockClient, synced, type TestClient } from './helpers/clients.js';
import { occurrences, relayMemoryOccurrences } from './helpers/erasure.js';
import { POSTGRES_URL, REDIS_URL, startCluster } from './helpers/scaleout.js';
import { tokenFor } from './helpers/tokens.js';
import { waitFor } from './helpers/wait.js';

const NB = 'maasburen';
const ROOM = `${NB}/community`;
const anna: Author = { id: 'anna', name: 'Anna de Vries', role: 'resident' };

describe('erasure across relay processes', { timeout: 90_000 }, () => {
  const clients: TestClient[] = [];
  const cleanups: (() => Promise<void> | void)[] = [];

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("removes a purged post from PostgreSQL's rows, the Redis stream and every process", async () => {
    const cluster = await startCluster(2);
    cleanups.push(() => cluster.remove());
    const [a, b] = cluster.relays as [CliRelay, CliRelay];
    const token = await tokenFor(cluster.storage, NB, 'moderator', {
      sub: 'tester',
      name: 'Tester',
    });
    const writer = stockClient(a.url, ROOM, { token, ack: '1' });
    const reader = stockClient(b.url, ROOM, { token, ack: '1' });
    clients.push(writer, reader);
    let notices = 0;
    reader.provider.messageHandlers[MESSAGE_PURGE_NOTICE] = () => void notices++;
    await Promise.all([writer, reader].map(synced));

    const sql = new pg.Client({ connectionString: POSTGRES_URL });
    await sql.connect();
    cleanups.push(() => sql.end());
    const redis = new Redis(REDIS_URL);
    cleanups.push(() => void redis.disconnect());
    const inPostgres = async (marker: string) => {
      const rows = await sql.query<{ data: Buffer }>(
        `SELECT data FROM ${cluster.schema}.updates UNION ALL SELECT data FROM ${cluster.schema}.snapshots`,
      );
      return rows.rows.reduce((sum, row) => sum + occurrences(row.data, marker), 0);
    };
    const inRedis = async (marker: string) => {
      const entries = await redis.xrangeBuffer(`${cluster.prefix}{${ROOM}}:updates`, '-', '+');
      return entries
        .flatMap(([, fields]) => fields)
        .reduce((sum, field) => sum + occurrences(field, marker), 0);
    };

    const marker = `MARKER-${Math.random().toString(36).slice(2)}`;
    const community = new CommunitySpace(writer.doc);
    const post = community.posts.create(
      { title: `Fiets ${marker}`, body: `Bij de kerk. ${marker}`, category: 'nieuws' },
      anna,
    );
    await waitFor(() => new CommunitySpace(reader.doc).posts.get(post.id), 'the post on B');
    // The checks below can fail: the marker is in all these places first.
    expect(await inPostgres(marker)).toBeGreaterThan(0);
    expect(await inRedis(marker)).toBeGreaterThan(0);
    expect(await relayMemoryOccurrences(b.url, ROOM, marker, `?token=${token}`)).toBeGreaterThan(0);

    community.posts.remove(post.id, anna);
    writer.provider.ws?.send(encodePurgeRequest());
    await waitFor(() => notices > 0, 'the purge notice on process B', 30_000);

    expect(await inPostgres(marker)).toBe(0);
    expect(await inRedis(marker)).toBe(0);
    for (const relay of [a, b]) {
      expect(await relayMemoryOccurrences(relay.url, ROOM, marker, `?token=${token}`)).toBe(0);
    }
    expect(new CommunitySpace(reader.doc).posts.get(post.id)).toBeNull();
  });
});
