#!/usr/bin/env node
/**
 * The `buurthub` command line. This file only reads the command name and dispatches;
 * each command lives in `commands/<name>.ts` and is registered in COMMANDS below.
 */
import { consoleLogger } from './log.js';
import { blobsCommand } from './commands/blobs.js';
import { compactCommand } from './commands/compact.js';
import { exportCommand } from './commands/export.js';
import { importCommand } from './commands/import.js';
import { inviteCommand } from './commands/invite.js';
import { keysCommand } from './commands/keys.js';
import { neighbourhoodCommand } from './commands/neighbourhood.js';
import { revokeCommand } from './commands/revoke.js';
import { serveCommand, SERVE_HELP } from './commands/serve.js';
import { tokenCommand } from './commands/token.js';
import { type Command, UsageError } from './commands/usage.js';

/** Every `buurthub` command (DESIGN.md §5). Add a command: one import, one line here. */
const COMMANDS: Record<string, Command> = {
  serve: serveCommand,
  export: exportCommand,
  import: importCommand,
  compact: compactCommand,
  token: tokenCommand,
  invite: inviteCommand,
  neighbourhood: neighbourhoodCommand,
  revoke: revokeCommand,
  keys: keysCommand,
  blobs: blobsCommand,
};

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length), 4) + 2;
  const lines = Object.entries(COMMANDS).map(
    ([name, command]) => `  ${name.padEnd(width)} ${command.summary}`,
  );
  return `Usage: buurthub <command> [options]

Commands:
${lines.join('\n')}
  ${'help'.padEnd(width)} Show this help. "buurthub <command> --help" shows a command's options.

${SERVE_HELP}`;
}

async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(help());
    return;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) throw new UsageError(`unknown command "${name}"`);
  await command.run(rest);
}

// A relay keeps running after one bad request; log anything that escaped instead of dying.
process.on('uncaughtException', (error) =>
  consoleLogger.error(`uncaught: ${error.stack ?? error}`),
);
process.on('unhandledRejection', (error) => consoleLogger.error(`unhandled: ${String(error)}`));

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`buurthub: ${error.message}\nRun "buurthub --help" for usage.\n`);
    process.exit(2);
  }
  process.stderr.write(`buurthub: ${(error as Error).message ?? String(error)}\n`);
  process.exit(1);
});
