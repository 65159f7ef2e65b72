/**
 * `buurthub export <nb> [--data DIR] > backup.json`: a neighbourhood backup on stdout
 * (format in backup.ts). Safe while a relay runs on the same data directory: it reads
 * committed state in SQLite transactions and writes nothing.
 */
import { exportNeighbourhood } from '../backup.js';
import { DEFAULT_DATA_DIR, openExistingStorage } from './data-dir.js';
import { type Command, parseFlags, UsageError } from './usage.js';
import { parseArgs } from 'node:util';

export const EXPORT_HELP = `Usage: buurthub export <neighbourhood> [--data DIR] > backup.json

Writes a backup of the neighbourhood's three rooms (public, community, moderation) and its
record as JSON to stdout. Works while the relay runs.

  --data <dir>   Data directory of the relay (default ${DEFAULT_DATA_DIR}).
`;

async function run(args: string[]): Promise<void> {
  const { values, positionals } = parseFlags(() =>
    parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: {
        data: { type: 'string', default: DEFAULT_DATA_DIR },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }),
  );
  if (values.help) {
    process.stdout.write(EXPORT_HELP);
    return;
  }
  const [nb, ...extra] = positionals;
  if (!nb || extra.length > 0) throw new UsageError('export takes one neighbourhood');
  const storage = openExistingStorage(values.data);
  try {
    const backup = await exportNeighbourhood(storage, nb, new Date());
    process.stdout.write(`${JSON.stringify(backup, null, 2)}\n`);
  } finally {
    await storage.close();
  }
}

export const exportCommand: Command = {
  summary: 'Write a backup of one neighbourhood (JSON) to stdout.',
  run,
};
