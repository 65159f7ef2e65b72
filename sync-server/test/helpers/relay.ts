/** An in-process relay on 127.0.0.1 with real SQLite in a temp dir, for one test. */
import { createRelay, type Relay, type RelayOptions, silentLogger } from '../../src/index.js';
import { tempDir } from './temp.js';

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
  return {
    ...relay,
    dataDir: dir.path,
    async dispose() {
      await relay.close();
      dir.remove();
    },
  };
}
