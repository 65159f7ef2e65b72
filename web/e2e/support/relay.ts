/**
 * A real relay for browser tests: the built CLI as a child process on 127.0.0.1, on a port
 * that stays the same across restarts (the PWA reconnects to the URL it was loaded from).
 */
import { createServer } from 'node:net';
import { type CliRelay, startCli } from '../../../sync-server/test/helpers/cli.js';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export function startRelay(port: number, dataDir: string, extra: string[] = []): Promise<CliRelay> {
  return startCli([
    'serve',
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--data',
    dataDir,
    ...extra,
  ]);
}
