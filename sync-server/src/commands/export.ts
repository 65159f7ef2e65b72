/**
 * `buurthub export <nb> [--data DIR] > backup.json`: a neighbourhood backup on stdout
 * (format in backup.ts). Safe while a relay runs on the same data directory: it reads
 * committed state in SQLite transactions and writes nothing.
 */
import { exportNeighbourhood } from '../backup.js';
import { DEFAULT_DATA_DIR, withStorage } from './data-dir.js';
import { type Command, parseCommand, UsageError } from './usage.js';

export const EXPORT_HELP = `Usage: buurthub export <neighbourhood> [--data DIR] > backup.json

Writes a backup of the neighbourhood's three rooms (public, community, moderation) and its
record as JSON to stdout. Works while the relay runs.

  --data <dir>   Data directory of the relay (default ${DEFAULT_DATA_DIR}).
`;

async function run(args: string[]): Promise<void> {
  const parsed = parseCommand(args, EXPORT_HELP, {});
  if (!parsed) return;
  const { values, positionals } = parsed;
  const [nb, ...extra] = positionals;
  if (!nb || extra.length > 0) throw new UsageError('export takes one neighbourhood');
  await withStorage(values, async (storage) => {
    const backup = await exportNeighbourhood(storage, nb, new Date());
    process.stdout.write(`${JSON.stringify(backup, null, 2)}\n`);
  });
}

export const exportCommand: Command = {
  summary: 'Write a backup of one neighbourhood (JSON) to stdout.',
  run,
};
