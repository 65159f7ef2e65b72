/**
 * Drafts of forms kept on this device while the user types, so nothing typed is lost to a
 * reload, an app update or a failed send: the form's fields by name, as JSON.
 */
import { localStore } from '../sync/local-store.js';

export function readFormDraft(key: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(localStore.get(key) ?? '{}');
    return value && typeof value === 'object' ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** Keeps the fields of the form around `event.target` under `key`. */
export function keepFormDraft(key: string, event: Event): void {
  const form = (event.target as HTMLElement).closest('form');
  if (form) localStore.set(key, JSON.stringify(Object.fromEntries(new FormData(form))));
}

export function dropFormDraft(key: string): void {
  localStore.remove(key);
}
