/**
 * Lost-write checks in the manner of Jepsen: devices write through the model API while the
 * relay is killed with SIGKILL at seeded random points, several times per run. After each
 * kill, storage must hold every change the relay had acknowledged (message 100); after the
 * restart, the devices re-send the rest by themselves (y-websocket's sync on reconnect) and
 * everything converges with every operation present. Once for the embedded relay on
 * SQLite, once for a cluster of two processes on PostgreSQL and Redis.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PostgresStorage, SqliteStorage, type Storage } from '../../src/index.js';
import { integrityCheck } from './sqlite-files.js';
import { type CliRelay, mintWithCli, startCli } from '../helpers/cli.js';
import { freePort, postgresSchema, redisPrefix, startClusterRelay } from '../helpers/scaleout.js';
import { tempDir } from '../helpers/temp.js';
import { tokenFor } from '../helpers/tokens.js';
import { waitFor } from '../helpers/wait.js';
import { Device, emptyLedger, expectConverged, NB, ROOMS } from './devices.js';
import { between, type Random, scaled, seedsToRun, withSeed } from './seeds.js';

/** Relay processes on fixed ports, so devices find a restarted one where it was. */
interface Deployment {
  urls: string[];
  token: string;
  kill(index: number): Promise<void>;
  restart(index: number): Promise<void>;
  /** The storage the relays share, read while (one of) them is dead. */
  withStorage<T>(read: (storage: Storage) => Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

async function storedDoc(storage: Storage, room: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const update of (await storage.loadRoom(room)).updates) Y.applyUpdate(doc, update);
  return doc;
}

/** Runs the seeded write load with `kills` SIGKILLs and checks what was promised. */
async function killDuringWrites(random: Random, deployment: Deployment): Promise<void> {
  const devices: Device[] = [];
  try {
    const count = between(random, 4, 10);
    for (let i = 0; i < count; i++) {
      const url = deployment.urls[i % deployment.urls.length] as string;
      devices.push(new Device(`k${i}`, url, () => deployment.token));
    }
    await waitFor(() => devices.every((device) => device.synced), 'devices to sync', 30_000);
    const ledger = emptyLedger();
    let checked = 0;
    for (let kill = 0; kill < scaled(3); kill++) {
      const operations = between(random, 20, 80);
      for (let op = 0; op < operations; op++) {
        (devices[Math.floor(random() * devices.length)] as Device).act(random, ledger);
        if (random() < 0.3)
          await new Promise((resolve) => setTimeout(resolve, between(random, 0, 10)));
      }
      // The first kill waits for the first acknowledgement, so the lost-write check has
      // something to check even when the seeded load is short (soak, seed 683466: every
      // kill came before any commit); the load's tail is still in flight when it lands.
      if (kill === 0) {
        await waitFor(
          () => devices.some((device) => device.acknowledged().some((ack) => ack.clock > 0)),
          'a first acknowledgement',
          30_000,
        );
      }
      // Right in the middle of the load: no pause before the kill.
      const victim = Math.floor(random() * deployment.urls.length);
      await deployment.kill(victim);
      const onVictim = devices.filter((_, i) => i % deployment.urls.length === victim);
      await waitFor(() => onVictim.every((device) => !device.online), 'its devices to notice');
      const promised = devices.flatMap((device) => device.acknowledged());
      await deployment.withStorage(async (storage) => {
        for (const [r, room] of ROOMS.entries()) {
          const stored = await storedDoc(storage, room);
          for (const [i, acks] of promised.entries()) {
            if (i % ROOMS.length !== r) continue;
            expect(Y.getState(stored.store, acks.clientId)).toBeGreaterThanOrEqual(acks.clock);
            if (acks.clock > 0) checked++;
          }
          stored.destroy();
        }
      });
      // Offline edits while the relay is down; they travel when it is back.
      for (let op = 0; op < between(random, 0, 10); op++) {
        (onVictim[Math.floor(random() * onVictim.length)] as Device | undefined)?.act(
          random,
          ledger,
        );
      }
      await deployment.restart(victim);
    }
    // The check must have had acknowledged changes to look for.
    expect(checked).toBeGreaterThan(0);
    const reader = new Device('reader', deployment.urls[0] as string, () => deployment.token);
    devices.push(reader);
    await expectConverged(devices.slice(0, -1), reader, ledger);
  } finally {
    for (const device of devices) device.destroy();
    await deployment.stop();
  }
}

async function sqliteDeployment(): Promise<Deployment> {
  const data = tempDir();
  const port = await freePort();
  const args = ['serve', '--port', String(port), '--host', '127.0.0.1', '--data', data.path];
  let relay: CliRelay | null = await startCli(args);
  const { token } = await mintWithCli(NB, 'moderator', data.path);
  return {
    urls: [relay.url],
    token,
    async kill() {
      expect(await relay?.stop('SIGKILL')).toBeNull();
      relay = null;
    },
    async restart() {
      relay = await startCli(args);
    },
    async withStorage(read) {
      // Opened after the crash, as the restarted relay would: the WAL is recovered.
      const storage = new SqliteStorage(data.path);
      try {
        expect(integrityCheck(data.path)).toBe('ok');
        return await read(storage);
      } finally {
        await storage.close();
      }
    },
    async stop() {
      await relay?.stop('SIGKILL');
      data.remove();
    },
  };
}

async function clusterDeployment(): Promise<Deployment> {
  const schema = postgresSchema();
  const keys = redisPrefix();
  const storage = await PostgresStorage.open(schema.url);
  const token = await tokenFor(storage, NB, 'moderator', { sub: 'crash-test' });
  const ports = [await freePort(), await freePort()];
  const start = (port: number) =>
    startClusterRelay({
      postgresUrl: schema.url,
      prefix: keys.prefix,
      extra: ['--port', String(port)],
    });
  const relays: (CliRelay | null)[] = await Promise.all(ports.map(start));
  return {
    urls: relays.map((relay) => (relay as CliRelay).url),
    token,
    async kill(index) {
      expect(await relays[index]?.stop('SIGKILL')).toBeNull();
      relays[index] = null;
    },
    async restart(index) {
      relays[index] = await start(ports[index] as number);
    },
    withStorage: (read) => read(storage),
    async stop() {
      await Promise.all(relays.map((relay) => relay?.stop('SIGKILL')));
      await storage.close();
      await schema.drop();
      await keys.drop();
    },
  };
}

describe('a relay killed with SIGKILL in the middle of a write load', () => {
  for (const seed of seedsToRun([21, 22])) {
    it(
      `keeps every acknowledged change on SQLite, and devices re-send the rest (seed ${seed})`,
      async () => {
        await withSeed('crash (SQLite)', seed, async (random) =>
          killDuringWrites(random, await sqliteDeployment()),
        );
      },
      scaled(300_000),
    );
  }

  for (const seed of seedsToRun([31])) {
    it(
      `keeps every acknowledged change in a PostgreSQL and Redis cluster of two processes (seed ${seed})`,
      async () => {
        await withSeed('crash (cluster)', seed, async (random) =>
          killDuringWrites(random, await clusterDeployment()),
        );
      },
      scaled(300_000),
    );
  }
});
