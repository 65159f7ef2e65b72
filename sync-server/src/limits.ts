/**
 * The relay's limits: what one client may send and how big a room may grow, so that one
 * buggy or hostile client is closed on its own instead of slowing down or filling up the
 * relay for everyone. Pure data and pure functions (time is passed in); the checks run in
 * connection.ts (per frame), rooms.ts (per update) and server.ts (per connection).
 *
 * Every limit has a default, a `serve` flag and an environment variable (the table
 * `LIMIT_SETTINGS`, which also feeds `buurthub serve --help` and docs/operations.md), a
 * close code (docs/protocol.md) and a metric (`buurthub_rejected_messages_total{reason}`,
 * `buurthub_rejected_connections_total{reason}`, `buurthub_limit{limit}`).
 */

export interface Limits {
  /** Largest WebSocket message in bytes; bigger ones close with 1009. */
  maxMessageBytes: number;
  /** Sustained messages per second per connection (token bucket rate). */
  messagesPerSecond: number;
  /** Messages a connection may send in a burst above the sustained rate. */
  messageBurst: number;
  /** Sustained bytes per second per connection. */
  bytesPerSecond: number;
  /** Bytes a connection may send in a burst; at least `maxMessageBytes`. */
  byteBurst: number;
  /** Sustained awareness messages per second per connection. */
  awarenessPerSecond: number;
  awarenessBurst: number;
  /** Largest awareness state (its JSON) of one client, in bytes. */
  maxAwarenessStateBytes: number;
  /** A room's stored size (snapshot + log) may not grow past this, in bytes. */
  maxDocumentBytes: number;
  /** Root types (top-level `doc.getMap(name)` etc.) one update may create. */
  maxNewRootTypesPerUpdate: number;
  /** Root types one room's document may hold in all. */
  maxRootTypesPerDocument: number;
  /** Connections to one room; 0 = unlimited. */
  maxConnectionsPerRoom: number;
  /** Connections of one subject (token `sub`, or client IP for guests); 0 = unlimited. */
  maxConnectionsPerSubject: number;
  /** Largest blob (`PUT /blobs/<sha256>`) of any type, in bytes: the video limit. */
  maxBlobBytes: number;
  /** Largest image blob, in bytes (photos are resized on the device first). */
  maxImageBytes: number;
}

const KiB = 1024;
const MiB = 1024 * KiB;

/**
 * Defaults sized for a neighbourhood: text posts and comments, a handful of devices per
 * resident. A 2 MiB frame is refused on purpose (1009): no client action produces one,
 * and a client catching up after months offline sends far less.
 */
export const DEFAULT_LIMITS: Readonly<Limits> = {
  maxMessageBytes: 1 * MiB,
  messagesPerSecond: 50,
  messageBurst: 300,
  bytesPerSecond: 256 * KiB,
  byteBurst: 4 * MiB,
  awarenessPerSecond: 10,
  awarenessBurst: 40,
  maxAwarenessStateBytes: 8 * KiB,
  maxDocumentBytes: 64 * MiB,
  maxNewRootTypesPerUpdate: 16,
  maxRootTypesPerDocument: 64,
  maxConnectionsPerRoom: 1000,
  maxConnectionsPerSubject: 50,
  maxBlobBytes: 50 * MiB,
  maxImageBytes: 10 * MiB,
};

/** Why a message or connection was refused: the `reason` label of the metrics. */
export type LimitReason =
  | 'message-too-large'
  | 'message-rate'
  | 'byte-rate'
  | 'awareness-rate'
  | 'awareness-state-too-large'
  | 'document-too-large'
  | 'too-many-root-types'
  | 'room-full'
  | 'too-many-connections';

/** One configurable limit: how `serve` and the environment spell it. */
export interface LimitSetting {
  key: keyof Limits;
  flag: string;
  env: string;
  description: string;
}

export const LIMIT_SETTINGS: readonly LimitSetting[] = [
  {
    key: 'maxMessageBytes',
    flag: 'max-message-bytes',
    env: 'BUURTHUB_MAX_MESSAGE_BYTES',
    description: 'largest WebSocket message (close 1009)',
  },
  {
    key: 'messagesPerSecond',
    flag: 'message-rate',
    env: 'BUURTHUB_MESSAGE_RATE',
    description: 'messages per second per connection (close 1008)',
  },
  {
    key: 'messageBurst',
    flag: 'message-burst',
    env: 'BUURTHUB_MESSAGE_BURST',
    description: 'burst of messages above the rate',
  },
  {
    key: 'bytesPerSecond',
    flag: 'byte-rate',
    env: 'BUURTHUB_BYTE_RATE',
    description: 'bytes per second per connection (close 1008)',
  },
  {
    key: 'byteBurst',
    flag: 'byte-burst',
    env: 'BUURTHUB_BYTE_BURST',
    description: 'burst of bytes above the rate (raised to max-message-bytes)',
  },
  {
    key: 'awarenessPerSecond',
    flag: 'awareness-rate',
    env: 'BUURTHUB_AWARENESS_RATE',
    description: 'awareness messages per second per connection (close 1008)',
  },
  {
    key: 'awarenessBurst',
    flag: 'awareness-burst',
    env: 'BUURTHUB_AWARENESS_BURST',
    description: 'burst of awareness messages above the rate',
  },
  {
    key: 'maxAwarenessStateBytes',
    flag: 'max-awareness-bytes',
    env: 'BUURTHUB_MAX_AWARENESS_BYTES',
    description: 'largest awareness state of one client, as JSON (close 1008)',
  },
  {
    key: 'maxDocumentBytes',
    flag: 'max-document-bytes',
    env: 'BUURTHUB_MAX_DOCUMENT_BYTES',
    description: "a room's stored size may not grow past this (close 1008)",
  },
  {
    key: 'maxNewRootTypesPerUpdate',
    flag: 'max-new-root-types',
    env: 'BUURTHUB_MAX_NEW_ROOT_TYPES',
    description: 'root types one update may create (close 1008)',
  },
  {
    key: 'maxRootTypesPerDocument',
    flag: 'max-root-types',
    env: 'BUURTHUB_MAX_ROOT_TYPES',
    description: 'root types per document (close 1008)',
  },
  {
    key: 'maxConnectionsPerRoom',
    flag: 'max-room-connections',
    env: 'BUURTHUB_MAX_ROOM_CONNECTIONS',
    description: 'connections per room, 0 = unlimited (close 1013)',
  },
  {
    key: 'maxConnectionsPerSubject',
    flag: 'max-subject-connections',
    env: 'BUURTHUB_MAX_SUBJECT_CONNECTIONS',
    description: 'connections per token subject or guest IP, 0 = unlimited (close 1013)',
  },
  {
    key: 'maxBlobBytes',
    flag: 'max-blob-bytes',
    env: 'BUURTHUB_MAX_BLOB_BYTES',
    description: 'largest upload to /blobs (videos), HTTP 413',
  },
  {
    key: 'maxImageBytes',
    flag: 'max-image-bytes',
    env: 'BUURTHUB_MAX_IMAGE_BYTES',
    description: 'largest image upload to /blobs, HTTP 413',
  },
];

/** Fills in defaults and keeps the byte burst large enough for one maximal message. */
export function resolveLimits(partial: Partial<Limits> = {}): Limits {
  const limits: Limits = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(partial) as [keyof Limits, number | undefined][]) {
    if (value !== undefined) limits[key] = value;
  }
  limits.byteBurst = Math.max(limits.byteBurst, limits.maxMessageBytes);
  return limits;
}

/**
 * Reads limits from flags (`values[flag]`, strings) and the environment; a flag wins over
 * the environment, which wins over the default. Throws with the flag's name on a value that
 * is not a non-negative integer.
 */
export function limitsFromConfig(
  values: Readonly<Record<string, unknown>>,
  env: Readonly<Record<string, string | undefined>>,
): Partial<Limits> {
  const limits: Partial<Limits> = {};
  for (const setting of LIMIT_SETTINGS) {
    const flagValue = values[setting.flag];
    const raw = typeof flagValue === 'string' ? flagValue : env[setting.env];
    if (raw === undefined || raw === '') continue;
    limits[setting.key] = parseCount(raw, `--${setting.flag} / ${setting.env}`);
  }
  return limits;
}

/** A non-negative integer, with optional binary suffix: 512, 64k, 1m (KiB, MiB). */
export function parseCount(raw: string, name: string): number {
  const match = /^(\d+)([kKmM]?)$/.exec(raw.trim());
  if (!match)
    throw new RangeError(`${name} must be a whole number (e.g. 512, 64k, 1m), got "${raw}"`);
  const unit = match[2]?.toLowerCase();
  const factor = unit === 'k' ? KiB : unit === 'm' ? MiB : 1;
  return Number(match[1]) * factor;
}

/**
 * A token bucket: `rate` tokens per second, at most `burst` saved up. `take` spends tokens
 * and says whether there were enough; time comes from the caller so tests are exact.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly rate: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  take(amount: number, now: number): boolean {
    const elapsed = Math.max(0, now - this.last) / 1000;
    this.last = now;
    this.tokens = Math.min(this.burst, this.tokens + elapsed * this.rate);
    if (this.tokens < amount) return false;
    this.tokens -= amount;
    return true;
  }
}

/**
 * Counts live connections per key (room name, subject) and says whether one more fits.
 * `max` 0 means unlimited.
 */
export class ConnectionCounter {
  private readonly counts = new Map<string, number>();

  constructor(private readonly max: number) {}

  /** Adds a connection for `key` if it fits; returns false (and counts nothing) if not. */
  tryAdd(key: string): boolean {
    const count = this.counts.get(key) ?? 0;
    if (this.max > 0 && count >= this.max) return false;
    this.counts.set(key, count + 1);
    return true;
  }

  remove(key: string): void {
    const count = (this.counts.get(key) ?? 0) - 1;
    if (count > 0) this.counts.set(key, count);
    else this.counts.delete(key);
  }

  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }
}

/** A client went over a limit; carries the metric reason and the close code. */
export class LimitExceeded extends Error {
  constructor(
    readonly reason: LimitReason,
    message: string,
  ) {
    super(message);
    this.name = 'LimitExceeded';
  }

  /** 1009 for a message over the size limit, 1013 for full rooms, 1008 for the rest. */
  get closeCode(): number {
    if (this.reason === 'message-too-large') return 1009;
    if (this.reason === 'room-full' || this.reason === 'too-many-connections') return 1013;
    return 1008;
  }
}

/** `parseArgs` options for every limit flag (values are strings, parsed by `limitsFromConfig`). */
export const LIMIT_FLAG_OPTIONS: Readonly<Record<string, { type: 'string' }>> = Object.fromEntries(
  LIMIT_SETTINGS.map((setting) => [setting.flag, { type: 'string' as const }]),
);

/** The limit flags for `buurthub serve --help`, with their environment variables. */
export function limitsHelp(): string {
  const lines = LIMIT_SETTINGS.map(
    (s) =>
      `  --${s.flag} <n>`.padEnd(34) +
      `${s.description}; default ${DEFAULT_LIMITS[s.key]}, env ${s.env}`,
  );
  return `Limits (numbers accept k and m suffixes: 64k, 1m):\n${lines.join('\n')}\n`;
}
