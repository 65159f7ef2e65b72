/**
 * Shared plumbing for the `buurthub` commands: the usage error that makes the CLI exit
 * with code 2, the shape of a command, and flag parsing that reports usage errors.
 */
export class UsageError extends Error {}

/** One `buurthub <name>` command: `run` gets the arguments after the command name. */
export interface Command {
  /** One line for `buurthub --help`. */
  summary: string;
  run(args: string[]): Promise<void>;
}

/** Runs node:util's `parseArgs` (strict) and turns its errors into usage errors. */
export function parseFlags<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
