/**
 * Whether kiosks may read `<nb>/community` is the upstream operator's setting
 * (`buurthub neighbourhood … --kiosk-reads-community`). A hub does not get that setting; it
 * sees its effect: with a kiosk device token, the upstream accepts or refuses (403) the
 * community link. The hub mirrors that answer into its own neighbourhood record, so its own
 * kiosk window and the buurthuis network's kiosks read the replicated agenda exactly when
 * the upstream would let them, and stop when the operator turns it off.
 */
import type { Logger } from '../log.js';
import type { Storage } from '../storage/storage.js';

export async function mirrorKioskReads(
  storage: Storage,
  nb: string,
  readable: boolean,
  log: Logger,
): Promise<void> {
  const known = await storage.neighbourhood(nb);
  if (known?.kioskReadsCommunity === readable) return;
  await storage.putNeighbourhood(
    known
      ? { ...known, kioskReadsCommunity: readable }
      : {
          slug: nb,
          name: nb,
          villages: [],
          kioskReadsCommunity: readable,
          createdAt: Math.floor(Date.now() / 1000),
        },
  );
  log.info('kiosks on this hub follow the upstream for the community room', { nb, readable });
}
