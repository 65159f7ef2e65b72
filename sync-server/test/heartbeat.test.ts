import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { type CliRelay, runCli, serveCli } from './helpers/cli.js';
import { stockClient, synced, type TestClient } from './helpers/clients.js';
import { startRelay, type TestRelay } from './helpers/relay.js';
import { tempDir } from './helpers/temp.js';

/** A peer that never answers pings: a laptop whose lid closed, a phone gone from the Wi-Fi. */
function silentPeer(relayUrl: string): Promise<number> {
  const dead = new WebSocket(`${relayUrl.replace(/^http/, 'ws')}/sync/maasburen/public`, {
    autoPong: false,
  });
  dead.on('error', () => {});
  return new Promise<number>((resolve) => dead.on('close', (code) => resolve(code)));
}

describe('dead connections', () => {
  let relay: TestRelay;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await relay?.dispose();
  });

  it('drops a peer that stops answering pings, and keeps the live ones', async () => {
    relay = await startRelay({ heartbeatMs: 100 });
    const live = stockClient(relay.url, 'maasburen/public');
    clients.push(live);
    await synced(live);

    expect(await silentPeer(relay.url)).toBe(1006);
    expect(live.provider.wsconnected).toBe(true);
  });

  it('takes the heartbeat interval from --heartbeat-ms (and refuses 0), closing a silent peer', async () => {
    const data = tempDir();
    let cli: CliRelay | undefined;
    try {
      cli = await serveCli(data.path, '--demo', '--heartbeat-ms', '100');
      expect(await silentPeer(cli.url)).toBe(1006);
    } finally {
      await cli?.stop('SIGKILL');
      data.remove();
    }
    const refused = await runCli(['serve', '--heartbeat-ms', '0']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--heartbeat-ms must be at least 1');
  });
});
