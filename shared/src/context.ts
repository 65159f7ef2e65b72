/** Time and identifiers are passed in, so the model is deterministic under test. */
export interface ModelContext {
  now(): number;
  newId(): string;
}

// WebCrypto's randomUUID exists in browsers and Node 20 alike; shared/ compiles without the
// DOM and Node type libraries, so it is typed here by hand.
const webCrypto = (globalThis as unknown as { crypto: { randomUUID(): string } }).crypto;

export function modelContext(overrides: Partial<ModelContext> = {}): ModelContext {
  return {
    now: overrides.now ?? (() => Date.now()),
    newId: overrides.newId ?? (() => webCrypto.randomUUID()),
  };
}
