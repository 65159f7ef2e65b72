/**
 * The shape of a message catalogue. Each area of the app keeps its Dutch source texts and
 * their English translation side by side in `messages/<area>.ts`; `Translation` makes the
 * compiler refuse an English catalogue that misses a Dutch key or adds one.
 */
type Widen<T> = T extends string ? string : { one: string; other: string };
export type Translation<T> = { [K in keyof T]: Widen<T[K]> };
