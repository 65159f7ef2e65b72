/**
 * An in-process relay on 127.0.0.1 with real SQLite in a temp dir, for one test. Auth is
 * on; clients get a default token (helpers/tokens.ts).
 */
import { createRelay, type Relay, type RelayOptions, silentLogger } from '../../src/index.js';
import { tempDir } from './temp.js';
import { forgetDefaultTokens, registerDefaultTokens } from './tokens.js';

export interface TestRelay extends Relay {
  dataDir: string;
  /** Closes the relay and removes its data directory. */
  dispose(): Promise<void>;
}

export async function startRelay(options: RelayOptions = {}): Promise<TestRelay> {
  const dir = tempDir();
  const relay = await createRelay({
    port: 0,
    host: '127.0.0.1',
    dataDir: dir.path,
    log: silentLogger,
    ...options,
  });
  await registerDefaultTokens(relay.url, relay.storage);
  return {
    ...relay,
    dataDir: dir.path,
    async dispose() {
      forgetDefaultTokens(relay.url);
      await relay.close();
      dir.remove();
    },
  };
}
