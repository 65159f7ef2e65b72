/**
 * `buurthub revoke <sub>`: refuses every token of a subject issued until now. A relay on
 * the same storage refuses them at the next upgrade and closes their open connections
 * within its revocation poll interval (2 s by default).
 */
import { nowSeconds } from '../auth/keys.js';
import { withStorage } from './data-dir.js';
import { type Command, parseCommand, UsageError } from './usage.js';

export const REVOKE_HELP = `Usage: buurthub revoke <sub> [--data <dir>]

Revokes every token of subject <sub> issued until now (see the "sub" of "buurthub
token" or the join response). Open connections are closed within seconds.
`;

async function revoke(args: string[]): Promise<void> {
  const parsed = parseCommand(args, REVOKE_HELP, {});
  if (!parsed) return;
  const { values, positionals } = parsed;
  const [sub, ...extra] = positionals;
  if (sub === undefined || extra.length > 0) throw new UsageError('expected one <sub>');
  await withStorage(values, async (storage) => {
    await storage.revoke(sub, nowSeconds());
    process.stdout.write(`Revoked all tokens of ${sub} issued until now.\n`);
  });
}

export const revokeCommand: Command = {
  summary: 'Revoke every token of a subject; its open connections are closed.',
  run: revoke,
};
