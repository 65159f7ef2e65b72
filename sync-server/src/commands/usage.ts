/**
 * Shared plumbing for the `buurthub` commands: the usage error that makes the CLI exit
 * with code 2, the shape of a command, and flag parsing with the flags every command has.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { DEFAULT_DATA_DIR } from './data-dir.js';

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

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Flags every command takes: where the relay's data lives (`--data`, or `--postgres` for a
 * scaled-out relay), and --help.
 */
const COMMON_OPTIONS = {
  data: { type: 'string', default: DEFAULT_DATA_DIR },
  postgres: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies Options;

/** Appended to every admin command's help. */
export const STORAGE_HELP = `  --postgres <url>  Use the PostgreSQL of a scaled-out relay instead of --data
                 (postgres://user@host/db[?schema=name]; env BUURTHUB_POSTGRES_URL).
`;

type Parsed<O extends Options> = ReturnType<
  typeof parseArgs<{
    args: string[];
    strict: true;
    allowPositionals: true;
    options: typeof COMMON_OPTIONS & O;
  }>
>;

/**
 * Parses a command's own flags plus the common ones (strictly, positionals allowed).
 * Prints `help` and returns null when --help was given.
 */
export function parseCommand<const O extends Options>(
  args: string[],
  help: string,
  options: O,
): Parsed<O> | null {
  const parsed = parseFlags(
    () =>
      // The spread loses parseArgs' precise typing; Parsed<O> restores what it returns.
      parseArgs({
        args,
        strict: true,
        allowPositionals: true,
        options: { ...COMMON_OPTIONS, ...options },
      }) as Parsed<O>,
  );
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(`${help.replace(/\n*$/, '\n')}${STORAGE_HELP}`);
    return null;
  }
  return parsed;
}
