/** The crisis service for a neighbourhood opened in this browser (localStorage, same-origin relay). */
import type { PublicSpace } from '@buurthub/shared';
import type { Sessions } from '../identity/session.js';
import { localStore } from '../sync/local-store.js';
import { CrisisService } from './crisis-service.js';
import { JwksPins } from './jwks-pins.js';

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

const pins = new JwksPins(localStore, fetchJson);

export function openCrisis(
  nb: string,
  publicSpace: PublicSpace,
  sessions: Sessions,
): CrisisService {
  return new CrisisService({
    nb,
    publicSpace,
    pins,
    sessions,
    store: localStore,
    online: () => navigator.onLine,
  });
}
