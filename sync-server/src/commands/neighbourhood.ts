/**
 * `buurthub neighbourhood create|list`: the neighbourhood records the relay keeps next to
 * the documents (name, villages, whether kiosks may read the community space). Name and
 * villages are also written into the public space's settings, which is where the apps
 * read them (the village filter, the crisis composer's areas).
 */
import * as Y from 'yjs';
import {
  type NeighbourhoodSettings,
  isNeighbourhoodSlug,
  PublicSpace,
  roomName,
} from '@buurthub/shared';
import { nowSeconds } from '../auth/keys.js';
import type { Storage } from '../storage/storage.js';
import { withStorage } from './data-dir.js';
import { type Command, parseCommand, UsageError } from './usage.js';

export const NEIGHBOURHOOD_HELP = `Usage: buurthub neighbourhood create <nb> --name <name> [options]
       buurthub neighbourhood list [--data <dir>]

  --name <name>              Display name, e.g. "Maasburen" (required for create).
  --villages <a,b>           Villages, comma separated.
  --kiosk-reads-community    Let kiosks read the community space (default: no).
  --data <dir>               Data directory of the relay (default ./data).

Running create again for an existing <nb> updates it.
`;

async function neighbourhood(args: string[]): Promise<void> {
  const parsed = parseCommand(args, NEIGHBOURHOOD_HELP, {
    name: { type: 'string' },
    villages: { type: 'string' },
    'kiosk-reads-community': { type: 'boolean', default: false },
  });
  if (!parsed) return;
  const { values, positionals } = parsed;
  const [action, slug, ...extra] = positionals;
  if (action === undefined) {
    process.stdout.write(NEIGHBOURHOOD_HELP);
    return;
  }
  if (action === 'list') {
    if (slug !== undefined) throw new UsageError('list takes no arguments');
    await withStorage(values, async (storage) => {
      const all = await storage.neighbourhoods();
      if (all.length === 0) process.stdout.write('No neighbourhoods yet.\n');
      for (const n of all) {
        const villages = n.villages.length ? ` (${n.villages.join(', ')})` : '';
        const kiosk = n.kioskReadsCommunity ? ' [kiosks read community]' : '';
        process.stdout.write(`${n.slug}\t${n.name}${villages}${kiosk}\n`);
      }
    });
    return;
  }
  if (action !== 'create') throw new UsageError(`unknown action "${action}"; use create or list`);
  if (slug === undefined || extra.length > 0) throw new UsageError('expected create <nb>');
  if (!isNeighbourhoodSlug(slug)) {
    throw new UsageError(`"${slug}" is not a neighbourhood slug (a-z, 0-9 and -, 2 to 40)`);
  }
  const name = values.name?.trim();
  if (!name) throw new UsageError('--name is required');
  const villages = (values.villages ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  await withStorage(
    values,
    async (storage) => {
      const existing = await storage.neighbourhood(slug);
      await storage.putNeighbourhood({
        slug,
        name,
        villages,
        kioskReadsCommunity: values['kiosk-reads-community'],
        createdAt: existing?.createdAt ?? nowSeconds(),
      });
      await writeSettings(storage, slug, { name, villages });
      process.stdout.write(`${existing ? 'Updated' : 'Created'} neighbourhood ${slug}: ${name}\n`);
      // Setting up a neighbourhood is how a new relay's data directory begins.
    },
    { create: true },
  );
}

/** The operator acting through the CLI, as an author the model accepts for settings. */
const OPERATOR = { id: 'operator', name: 'Beheer', role: 'official' } as const;

/**
 * Appends the settings to the public room's log, unless they are already there. A relay
 * that has the room open at this moment sees them the next time it loads the room.
 */
async function writeSettings(
  storage: Storage,
  slug: string,
  settings: NeighbourhoodSettings,
): Promise<void> {
  const room = roomName(slug, 'public');
  const doc = new Y.Doc();
  try {
    for (const update of (await storage.loadRoom(room)).updates) Y.applyUpdate(doc, update);
    const space = new PublicSpace(doc);
    const current = space.settings.get();
    if (JSON.stringify(current) === JSON.stringify(settings)) return;
    const before = Y.encodeStateVector(doc);
    space.settings.set(settings, OPERATOR);
    await storage.appendUpdate(room, Y.encodeStateAsUpdate(doc, before));
  } finally {
    doc.destroy();
  }
}

export const neighbourhoodCommand: Command = {
  summary: 'Create or list neighbourhoods ("neighbourhood create <nb> --name N", "list").',
  run: neighbourhood,
};
