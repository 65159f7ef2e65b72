/**
 * `buurthub compact [<nb>] [--data DIR]`: folds rooms' update logs into garbage-collected
 * snapshots (which is also what removes deleted text from disk). Safe while a relay runs
 * on the same data directory: each room is compacted in one SQLite transaction that
 * deletes exactly the log rows it folded, and the relay's commits wait for it (WAL,
 * busy timeout) instead of failing.
 */
import { isNeighbourhoodSlug } from '@buurthub/shared';
import { DEFAULT_DATA_DIR, withStorage } from './data-dir.js';
import { type Command, parseCommand, UsageError } from './usage.js';

export const COMPACT_HELP = `Usage: buurthub compact [<neighbourhood>] [--data DIR]

Compacts the update logs of every room (or of one neighbourhood's rooms) into snapshots.
Works while the relay runs.

  --data <dir>   Data directory of the relay (default ${DEFAULT_DATA_DIR}).
`;

async function run(args: string[]): Promise<void> {
  const parsed = parseCommand(args, COMPACT_HELP, {});
  if (!parsed) return;
  const { values, positionals } = parsed;
  const [nb, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError('compact takes at most one neighbourhood');
  if (nb !== undefined && !isNeighbourhoodSlug(nb)) {
    throw new UsageError(`"${nb}" is not a neighbourhood slug`);
  }
  await withStorage(values, async (storage) => {
    const rooms = (await storage.rooms()).filter(
      (room) => nb === undefined || room.startsWith(`${nb}/`),
    );
    let total = 0;
    for (const room of rooms) {
      const { folded } = await storage.compact(room);
      total += folded;
      process.stdout.write(`${room}: folded ${folded} updates into the snapshot\n`);
    }
    process.stdout.write(`compacted ${rooms.length} rooms, ${total} updates\n`);
  });
}

export const compactCommand: Command = {
  summary: "Compact rooms' update logs into snapshots (safe while the relay runs).",
  run,
};
