/**
 * `buurthub revoke <sub>`: refuses every token of a subject issued until now. A relay on
 * the same storage refuses them at the next upgrade and closes their open connections
 * within its revocation poll interval (2 s by default).
 */
import { parseArgs } from 'node:util';
import { nowSeconds } from '../auth/keys.js';
import { SqliteStorage } from '../storage/sqlite.js';
import { type Command, parseFlags, UsageError } from './usage.js';

export const REVOKE_HELP = `Usage: buurthub revoke <sub> [--data <dir>]

Revokes every token of subject <sub> issued until now (see the "sub" of "buurthub
token" or the join response). Open connections are closed within seconds.
`;

async function revoke(args: string[]): Promise<void> {
  const { values, positionals } = parseFlags(() =>
    parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: {
        data: { type: 'string', default: './data' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }),
  );
  if (values.help) {
    process.stdout.write(REVOKE_HELP);
    return;
  }
  const [sub, ...extra] = positionals;
  if (sub === undefined || extra.length > 0) throw new UsageError('expected one <sub>');
  const storage = new SqliteStorage(values.data);
  try {
    await storage.revoke(sub, nowSeconds());
    process.stdout.write(`Revoked all tokens of ${sub} issued until now.\n`);
  } finally {
    await storage.close();
  }
}

export const revokeCommand: Command = {
  summary: 'Revoke every token of a subject; its open connections are closed.',
  run: revoke,
};
