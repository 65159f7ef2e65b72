/**
 * The relay's logger: one line per event, to stderr for problems and stdout for the rest.
 * An interface so the kiosk can route lines into its own log and tests can stay quiet.
 */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const consoleLogger: Logger = {
  info: (message) => console.log(`[buurthub] ${message}`),
  warn: (message) => console.warn(`[buurthub] warn: ${message}`),
  error: (message) => console.error(`[buurthub] error: ${message}`),
};

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
