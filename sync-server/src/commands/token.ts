/**
 * `buurthub token <nb> --role R`: mints a relay token with the keys in `--data`, for
 * operators and tests. Safe while a relay runs on the same data (SQLite WAL; the first key
 * is created in an IMMEDIATE transaction). Contract: the token alone on the last line.
 */
import { randomUUID } from 'node:crypto';
import { ROLES, isNeighbourhoodSlug, type Role } from '@buurthub/shared';
import { parseDuration } from '../auth/invites.js';
import { nowSeconds } from '../auth/keys.js';
import { mintTokenFor } from '../auth/tokens.js';
import type { Member } from '../storage/storage.js';
import { withStorage } from './data-dir.js';
import { type Command, parseCommand, UsageError } from './usage.js';

export const TOKEN_HELP = `Usage: buurthub token <nb> --role <role> [options]

Prints a token for neighbourhood <nb>, signed with the relay keys in --data.
The token is alone on the last line of the output.

  --role <role>  ${ROLES.join(' | ')} (required)
  --sub <id>     Subject (default: operator-<random>); "buurthub revoke <id>" revokes it.
  --name <name>  Display name, shown as the awareness name of the connection.
  --pk <key>     Device public key (base64url, 32 raw Ed25519 bytes); needed to refresh.
  --ttl <dur>    Lifetime: 90s, 15m, 1h, 7d, 2w (default 1h).
  --data <dir>   Data directory of the relay (default ./data).
`;

async function token(args: string[]): Promise<void> {
  const parsed = parseCommand(args, TOKEN_HELP, {
    role: { type: 'string' },
    sub: { type: 'string' },
    name: { type: 'string' },
    pk: { type: 'string' },
    ttl: { type: 'string', default: '1h' },
  });
  if (!parsed) return;
  const { values, positionals } = parsed;
  const [nb, ...extra] = positionals;
  if (nb === undefined || extra.length > 0) throw new UsageError('expected one <nb>');
  if (!isNeighbourhoodSlug(nb)) throw new UsageError(`"${nb}" is not a neighbourhood slug`);
  const role = values.role;
  if (role === undefined || !(ROLES as readonly string[]).includes(role)) {
    throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  }
  const ttl = parseDuration(values.ttl);
  if (ttl === null) throw new UsageError(`--ttl must look like 1h or 7d, got "${values.ttl}"`);
  if (values.pk !== undefined && !/^[A-Za-z0-9_-]{43}$/.test(values.pk)) {
    throw new UsageError('--pk must be 32 bytes in base64url (43 characters)');
  }
  await withStorage(values, async (storage) => {
    const sub = values.sub ?? `operator-${randomUUID()}`;
    const minted = await mintTokenFor(
      storage,
      { sub, nb, role: role as Role, name: values.name, pk: values.pk },
      ttl,
    );
    // A member with a chosen subject is registered, so moderators can act on them.
    if (values.sub !== undefined && role !== 'guest' && role !== 'kiosk') {
      await storage.putMember({
        sub,
        nb,
        role: role as Member['role'],
        name: values.name ?? sub,
        joinedAt: nowSeconds(),
      });
    }
    process.stdout.write(
      `# ${role} token for ${nb}, sub ${sub}, expires ${new Date(minted.expiresAt * 1000).toISOString()}\n`,
    );
    process.stdout.write(`${minted.token}\n`);
  });
}

export const tokenCommand: Command = {
  summary: 'Mint a token for a neighbourhood (printed alone on the last line).',
  run: token,
};
