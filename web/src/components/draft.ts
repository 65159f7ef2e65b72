/**
 * Reading back the draft a writing view (post composer, event composer) keeps on this
 * device, so that a reload or a lost connection never loses what someone wrote. The stored
 * JSON may come from an older version of the app or be damaged: only fields of the empty
 * draft with a value of the same type are taken, the rest stay empty.
 */
export function readDraft<T extends object>(stored: string | null, empty: T): T {
  const draft = { ...empty };
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored ?? 'null');
  } catch {
    return draft;
  }
  if (!parsed || typeof parsed !== 'object') return draft;
  for (const field of Object.keys(empty) as (keyof T)[]) {
    const value: unknown = (parsed as Partial<Record<keyof T, unknown>>)[field];
    if (typeof value === typeof empty[field]) draft[field] = value as T[keyof T];
  }
  return draft;
}
