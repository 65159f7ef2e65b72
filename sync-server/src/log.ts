/**
 * The relay's logger: structured JSON lines (pino), one per event. An interface so the
 * kiosk can route lines into its own log and tests can stay quiet or collect lines.
 *
 * Lines carry `msg` plus fields (`conn`, `room`, `code`, `reason`, …), so operators can
 * filter with `jq` or a log pipeline instead of parsing prose.
 */
import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';

export type LogFields = Record<string, unknown>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const DEFAULT_LOG_LEVEL: LogLevel = 'info';

export function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

/** Wraps a pino logger in the relay's `Logger` interface. */
export function fromPino(base: PinoLogger): Logger {
  return {
    info: (message, fields) => base.info(fields ?? {}, message),
    warn: (message, fields) => base.warn(fields ?? {}, message),
    error: (message, fields) => base.error(fields ?? {}, message),
  };
}

/**
 * A JSON logger at `level`, writing synchronously to `destination` (default stdout; the
 * admin commands pass stderr because their stdout is data). Synchronous so a line written
 * just before `process.exit` is not lost.
 */
export function createPinoLogger(
  level: LogLevel = DEFAULT_LOG_LEVEL,
  destination: DestinationStream | number = 1,
): PinoLogger {
  const stream =
    typeof destination === 'number'
      ? pino.destination({ dest: destination, sync: true })
      : destination;
  return pino({ level, base: { service: 'buurthub' } }, stream);
}

export function createLogger(
  level: LogLevel = DEFAULT_LOG_LEVEL,
  destination: DestinationStream | number = 1,
): Logger {
  return fromPino(createPinoLogger(level, destination));
}

/** The default: JSON lines on stdout at info level. */
export const consoleLogger: Logger = createLogger();

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
