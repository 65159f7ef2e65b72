/**
 * Randomized convergence through the real relay (in the spirit of Yjs's own multi-client
 * tests): 5 to 20 devices write posts, comments, events, RSVPs and boards through the
 * model API in a seeded random order, going offline and back at random and losing the
 * network all at once now and then. In the end every device and a fresh reader hold the
 * same state and content, and every operation any device made is there.
 */
import { afterEach, describe, it } from 'vitest';
import { type TcpProxy, tcpProxy } from '../helpers/proxy.js';
import { startRelay, type TestRelay } from '../helpers/relay.js';
import { defaultToken } from '../helpers/tokens.js';
import { Device, emptyLedger, expectConverged } from './devices.js';
import { between, scaled, seedsToRun, withSeed } from './seeds.js';

describe('randomized convergence through the real relay', () => {
  let relay: TestRelay | undefined;
  let proxy: TcpProxy | undefined;
  const devices: Device[] = [];
  afterEach(async () => {
    for (const device of devices.splice(0)) device.destroy();
    await proxy?.close();
    await relay?.dispose();
  });

  for (const seed of seedsToRun([1, 2, 3])) {
    it(
      `ends with identical documents holding every operation (seed ${seed})`,
      async () => {
        await withSeed('convergence', seed, async (random) => {
          relay = await startRelay();
          proxy = await tcpProxy(relay.port);
          const viaProxy = `http://127.0.0.1:${proxy.port}`;
          const tokenFor = (room: string) => defaultToken((relay as TestRelay).url, room) as string;
          const count = between(random, 5, 20);
          for (let i = 0; i < count; i++) devices.push(new Device(`d${i}`, viaProxy, tokenFor));

          const ledger = emptyLedger();
          const operations = scaled(300);
          for (let op = 0; op < operations; op++) {
            const device = devices[Math.floor(random() * devices.length)] as Device;
            const roll = random();
            if (roll < 0.05) {
              if (device.connected) device.disconnect();
              else device.connect();
            } else if (roll < 0.06) {
              // Everybody's network goes at once; the providers reconnect by themselves.
              proxy.cut();
              proxy.heal();
            } else {
              device.act(random, ledger);
            }
            // Let messages cross now and then, so edits interleave with syncing.
            if (random() < 0.2)
              await new Promise((resolve) => setTimeout(resolve, between(random, 0, 15)));
          }

          for (const device of devices) if (!device.connected) device.connect();
          const reader = new Device('reader', relay.url, tokenFor);
          devices.push(reader);
          await expectConverged(devices.slice(0, -1), reader, ledger);
        });
      },
      scaled(150_000),
    );
  }
});
