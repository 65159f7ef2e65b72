/**
 * `buurthub import <file> [--data DIR] [--merge]`: restores a neighbourhood backup made
 * by `buurthub export`. Refuses a neighbourhood that already exists in the data directory
 * unless `--merge` is given; a merge is a Yjs merge (nothing in either copy is lost).
 */
import { readFile } from 'node:fs/promises';
import { importNeighbourhood } from '../backup.js';
import { DEFAULT_DATA_DIR, describeStorage, withStorage } from './data-dir.js';
import { type Command, parseCommand, UsageError } from './usage.js';

export const IMPORT_HELP = `Usage: buurthub import <backup.json> [--data DIR] [--merge]

Restores a neighbourhood from a backup made with "buurthub export". Creates the data
directory if needed. Stop the relay first, or import a neighbourhood nobody is connected to.

  --data <dir>   Data directory of the relay (default ${DEFAULT_DATA_DIR}).
  --merge        Merge into a neighbourhood that already exists (default: refuse).
`;

async function run(args: string[]): Promise<void> {
  const flags = parseCommand(args, IMPORT_HELP, { merge: { type: 'boolean', default: false } });
  if (!flags) return;
  const { values, positionals } = flags;
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError('import takes one backup file');
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
  await withStorage(
    values,
    async (storage) => {
      const result = await importNeighbourhood(storage, parsed, { merge: values.merge });
      process.stdout.write(
        `${result.merged ? 'merged' : 'imported'} neighbourhood "${result.nb}" ` +
          `(${result.rooms} rooms with content) into ${describeStorage(storage)}\n`,
      );
    },
    { create: true },
  );
}

export const importCommand: Command = {
  summary: 'Restore a neighbourhood from a backup made with export.',
  run,
};
