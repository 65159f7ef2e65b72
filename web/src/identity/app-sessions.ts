/** The app's one `Sessions`, wired to the browser: fetch, localStorage, clock, device key. */
import { localStore } from '../sync/local-store.js';
import { deviceKey } from './device-key.js';
import { Sessions } from './session.js';

export function browserSessions(): Sessions {
  return new Sessions({
    fetch: (input, init) => fetch(input, init),
    store: localStore,
    now: () => Date.now(),
    online: () => navigator.onLine,
    deviceKey,
  });
}
