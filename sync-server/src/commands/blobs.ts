/**
 * `buurthub blobs gc [--dry-run] [--older-than 7d] [--data DIR | --postgres URL]`: deletes
 * photos and videos that no room's document refers to any more and that were stored longer
 * ago than the grace period (see blobs/gc.ts for how references are found). Works on the
 * same blob store the relay serves: `<data>/blobs/` next to the SQLite file, or the `blobs`
 * table in PostgreSQL. Safe while the relay runs: a blob uploaded meanwhile is young.
 */
import { collectBlobs } from '../blobs/gc.js';
import { defaultBlobStore } from '../server.js';
import { DEFAULT_DATA_DIR, describeStorage, withStorage } from './data-dir.js';
import { type Command, parseCommand, UsageError } from './usage.js';

export const BLOBS_HELP = `Usage: buurthub blobs gc [--dry-run] [--older-than 7d] [--data DIR]

Deletes photos and videos that no document in any room refers to any more. Blobs stored
less than --older-than ago are always kept: a photo uploaded from a phone whose post has
not synced yet must not disappear. Safe while the relay runs.

  --dry-run            List what would be deleted; delete nothing.
  --older-than <age>   Grace period: a number with d (days), h (hours) or m (minutes);
                       0 keeps nothing back. Default 7d.
  --data <dir>         Data directory of the relay (default ${DEFAULT_DATA_DIR}).
`;

const UNITS: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000 };

/** `7d`, `12h`, `30m` or `0`, in milliseconds. */
export function parseAge(text: string): number {
  if (text === '0') return 0;
  const match = /^(\d+)([dhm])$/.exec(text);
  if (!match) throw new UsageError(`--older-than "${text}" is not like 7d, 12h or 30m`);
  return Number(match[1]) * (UNITS[match[2] ?? 'd'] ?? 0);
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

async function run(args: string[]): Promise<void> {
  const parsed = parseCommand(args, BLOBS_HELP, {
    'dry-run': { type: 'boolean', default: false },
    'older-than': { type: 'string', default: '7d' },
  });
  if (!parsed) return;
  const { values, positionals } = parsed;
  const [action, ...extra] = positionals;
  if (action !== 'gc' || extra.length > 0) {
    throw new UsageError('usage: buurthub blobs gc [--dry-run] [--older-than 7d]');
  }
  const olderThanMs = parseAge(values['older-than']);
  const dryRun = values['dry-run'];
  await withStorage(values, async (storage) => {
    const result = await collectBlobs(storage, defaultBlobStore(storage), {
      olderThanMs,
      now: Date.now(),
      dryRun,
    });
    for (const { hash, size } of result.deleted) {
      process.stdout.write(`${dryRun ? 'would delete' : 'deleted'} ${hash} (${size} bytes)\n`);
    }
    process.stdout.write(
      `${describeStorage(storage)}: ${result.total} blobs, ${result.referenced} referenced, ` +
        `${result.young} unreferenced but younger than ${values['older-than']}, ` +
        `${result.deleted.length} ${dryRun ? 'would be deleted' : 'deleted'} ` +
        `(${megabytes(result.bytes)})\n`,
    );
  });
}

export const blobsCommand: Command = {
  summary: 'Delete photos and videos no document refers to any more (blobs gc).',
  run,
};
