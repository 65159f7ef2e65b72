/**
 * Fuzzing the relay's HTTP side (the WebSocket decoders are fuzzed in ../fuzz.test.ts):
 * seeded random requests to every API that takes a body or a header worth attacking —
 * /api/join, /api/refresh, /api/invites, members, contacts, private profiles, the account,
 * calendar keys and blobs (Range, If-None-Match, If-Range, Content-Type) — with random
 * JSON, bytes, methods and Bearer tokens. Every request gets an answer, none of them a
 * server error, the relay's retained memory stays bounded, and a resident's live sync goes on
 * meanwhile. An input that fails is
 * printed with its seed; keep it below as a named regression case.
 */
import { request } from 'node:http';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { stockClient, synced, type TestClient } from '../helpers/clients.js';
import { getText } from '../helpers/http.js';
import { startRelay, type TestRelay } from '../helpers/relay.js';
import { tokenFor } from '../helpers/tokens.js';
import { waitFor } from '../helpers/wait.js';
import { NB } from './devices.js';
import { MiB, retainedMemoryBytes } from './memory.js';
import { scaled, seedsToRun } from './seeds.js';

interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer | string | null;
}

const PATHS = [
  '/api/join',
  '/api/refresh',
  '/api/invites',
  '/api/challenge',
  '/api/members/test-resident/revoke',
  '/api/contacts',
  '/api/contacts/accepted',
  '/api/contacts/abc-123/accept',
  '/api/private-profile',
  '/api/private-profiles',
  '/api/account',
  `/api/export/${NB}`,
  '/api/calendar-key',
  '/blobs',
  '/blobs/limits',
  `/blobs/${'a'.repeat(64)}`,
  `/blobs/${'0'.repeat(63)}g`,
];

const FIELDS = [
  'code',
  'displayName',
  'publicKey',
  'token',
  'challenge',
  'signature',
  'reason',
  'to',
  'message',
  'nb',
  'role',
  'uses',
  'profile',
];
const headerText = fc.stringMatching(/^[ -~]{0,80}$/);

function requests(validToken: string): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      method: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH'),
      path: fc.oneof(
        fc.constantFrom(...PATHS),
        fc
          .tuple(fc.constantFrom(...PATHS), fc.string({ maxLength: 20 }))
          .map(([p, s]) => p + encodeURIComponent(s)),
      ),
      auth: fc.oneof(
        fc.constant(null),
        fc.constant(`Bearer ${validToken}`),
        headerText.map((t) => `Bearer ${t}`),
        headerText,
      ),
      type: fc.constantFrom(
        null,
        'application/json',
        'application/json; charset=utf-8',
        'text/plain',
        'image/jpeg',
        'video/mp4',
      ),
      range: fc.option(
        fc.oneof(
          headerText,
          fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => `bytes=${a}-${b}`),
        ),
        { nil: null },
      ),
      ifNoneMatch: fc.option(headerText, { nil: null }),
      body: fc.oneof(
        fc.constant(null),
        fc
          .dictionary(fc.constantFrom(...FIELDS), fc.jsonValue())
          .map((value) => JSON.stringify(value)),
        fc.jsonValue().map((value) => JSON.stringify(value)),
        fc.uint8Array({ maxLength: 600 }).map((bytes) => Buffer.from(bytes)),
        fc.nat({ max: 5000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
        fc.string({ maxLength: 300 }),
      ),
    })
    .map(({ method, path, auth, type, range, ifNoneMatch, body }) => {
      const headers: Record<string, string> = {};
      if (auth !== null) headers.authorization = auth;
      if (type !== null) headers['content-type'] = type;
      if (range !== null) headers.range = range;
      if (ifNoneMatch !== null) headers['if-none-match'] = ifNoneMatch;
      return { method, path, headers, body };
    });
}

/** Sends one request; resolves with the status, or 0 when the relay closed the connection. */
function send(url: string, fuzz: FuzzRequest): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname,
        port,
        path: fuzz.path,
        method: fuzz.method,
        headers: fuzz.headers,
        // A connection of its own: one the relay refused and closed must not be handed, from
        // a shared keep-alive pool, to the next request (that would fail the test, not the relay).
        agent: false,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(0));
      },
    );
    req.setTimeout(20_000, () => reject(new Error('no answer within 20 s')));
    // A refusal may close the connection before the body is sent: that is an answer too.
    req.on('error', () => resolve(0));
    req.end(fuzz.body ?? undefined);
  });
}

/** Requests before memory is first measured (code and caches that grow once, then stay). */
const WARM_UP = 100;
/**
 * How much retained memory the requests after the warm-up may add. Keeping anything per
 * refused request (a body, a socket, a pending upload) would retain kilobytes for each of
 * the ~1,000 here; 8 MiB leaves room for what grows once and stops. Measured after a full
 * collection, so no timing is involved.
 */
const MEMORY_GROWTH_BOUND = 8 * MiB;

describe('fuzzing the relay’s HTTP APIs', () => {
  let relay: TestRelay | undefined;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await relay?.dispose();
  });

  for (const seed of seedsToRun([51])) {
    it(`answers every random request without a server error, in bounded memory, and sync goes on (seed ${seed})`, async () => {
      relay = await startRelay();
      const room = `${NB}/community`;
      const token = await tokenFor(relay.storage, NB, 'resident', { sub: 'test-resident' });
      const neighbour = stockClient(relay.url, room);
      const other = stockClient(relay.url, room);
      clients.push(neighbour, other);
      await synced(neighbour);
      await synced(other);

      const samples = fc.sample(requests(token), { numRuns: scaled(1000), seed });
      const failures: string[] = [];
      const statuses = new Map<number, number>();
      let memoryAfterWarmUp = 0;
      for (const [i, fuzz] of samples.entries()) {
        if (i === WARM_UP) memoryAfterWarmUp = retainedMemoryBytes();
        const status = await send(relay.url, fuzz);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status >= 500) {
          const body = typeof fuzz.body === 'string' ? fuzz.body.slice(0, 200) : fuzz.body;
          failures.push(`#${i} ${status}: ${JSON.stringify({ ...fuzz, body })}`);
        }
        if (i % 25 === 0) neighbour.doc.getArray<number>('fuzz').push([i]);
      }
      const memoryGrowth = retainedMemoryBytes() - memoryAfterWarmUp;
      console.info(
        `HTTP fuzz seed ${seed}: statuses ${JSON.stringify([...statuses].sort())}, ` +
          `retained memory ${(memoryGrowth / MiB).toFixed(1)} MiB after the warm-up`,
      );
      if (failures.length > 0) console.error(`HTTP fuzz seed ${seed}:\n${failures.join('\n')}`);
      expect(failures).toEqual([]);
      // Not every request was refused at the door: some reached the handlers' validation.
      expect([...statuses.keys()].some((status) => status === 400 || status === 404)).toBe(true);
      expect(memoryGrowth).toBeLessThan(MEMORY_GROWTH_BOUND);

      expect((await getText(relay.url, '/healthz')).status).toBe(200);
      const pushed = neighbour.doc.getArray('fuzz').length;
      await waitFor(() => other.doc.getArray('fuzz').length === pushed, 'live sync throughout');
    }, 180_000);
  }
});
