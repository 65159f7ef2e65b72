/**
 * A `KeyValueStore` over localStorage, for small bits of device state (pending-change
 * bookkeeping, drafts). Storage can be unavailable or full; that never breaks the app,
 * it only means the value is not remembered across a reload.
 */
import type { KeyValueStore } from '@buurthub/shared';

export const localStore: KeyValueStore & { remove(key: string): void } = {
  get(key) {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key, value) {
    try {
      localStorage.setItem(key, value);
    } catch {
      // quota or policy: keep working without remembering
    }
  },
  remove(key) {
    try {
      localStorage.removeItem(key);
    } catch {
      // see set()
    }
  },
};
