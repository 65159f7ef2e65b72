/**
 * `buurthub invite <nb> --role R`: creates an invite and prints its link, its short code
 * and a QR code of the link for the terminal.
 */
import QRCode from 'qrcode';
import { isNeighbourhoodSlug } from '@buurthub/shared';
import { formatInviteCode, newInviteCode, parseDuration } from '../auth/invites.js';
import { nowSeconds } from '../auth/keys.js';
import type { Invite } from '../storage/storage.js';
import { withStorage } from './data-dir.js';
import { type Command, parseCommand, UsageError } from './usage.js';

const INVITE_ROLES = ['resident', 'moderator', 'official'] as const;

export const INVITE_HELP = `Usage: buurthub invite <nb> --role <role> [options]

Creates an invite to neighbourhood <nb> (create it first with "buurthub neighbourhood
create") and prints a link, a short code and a QR code.

  --role <role>      ${INVITE_ROLES.join(' | ')} (required)
  --uses <n>         How many people may use it (default 1).
  --expires <dur>    Valid for: 1h, 7d, 2w (default 7d).
  --base-url <url>   Public address of the relay (default http://localhost:8080).
  --data <dir>       Data directory of the relay (default ./data).
`;

async function invite(args: string[]): Promise<void> {
  const parsed = parseCommand(args, INVITE_HELP, {
    role: { type: 'string' },
    uses: { type: 'string', default: '1' },
    expires: { type: 'string', default: '7d' },
    'base-url': { type: 'string', default: 'http://localhost:8080' },
  });
  if (!parsed) return;
  const { values, positionals } = parsed;
  const [nb, ...extra] = positionals;
  if (nb === undefined || extra.length > 0) throw new UsageError('expected one <nb>');
  if (!isNeighbourhoodSlug(nb)) throw new UsageError(`"${nb}" is not a neighbourhood slug`);
  const role = values.role as Invite['role'] | undefined;
  if (role === undefined || !INVITE_ROLES.includes(role)) {
    throw new UsageError(`--role must be one of ${INVITE_ROLES.join(', ')}`);
  }
  const uses = Number(values.uses);
  if (!/^\d+$/.test(values.uses) || uses < 1) throw new UsageError('--uses must be 1 or more');
  const valid = parseDuration(values.expires);
  if (valid === null) throw new UsageError(`--expires must look like 7d, got "${values.expires}"`);
  let base: URL;
  try {
    base = new URL(values['base-url']);
  } catch {
    throw new UsageError(`--base-url is not a URL: "${values['base-url']}"`);
  }

  await withStorage(values, async (storage) => {
    if (!(await storage.neighbourhood(nb))) {
      throw new Error(
        `no neighbourhood "${nb}"; create it with: buurthub neighbourhood create ${nb} --name "..."`,
      );
    }
    const now = nowSeconds();
    const code = newInviteCode();
    await storage.createInvite({
      code,
      nb,
      role,
      usesLeft: uses,
      expiresAt: now + valid,
      createdAt: now,
    });
    const link = new URL(`join/${code}`, base.href.endsWith('/') ? base.href : `${base.href}/`);
    const qr = await QRCode.toString(link.href, { type: 'terminal', small: true });
    process.stdout.write(
      `Invite to ${nb} as ${role}: ${uses} use${uses === 1 ? '' : 's'}, ` +
        `valid until ${new Date((now + valid) * 1000).toISOString()}\n\n` +
        `${qr}\n` +
        `Link: ${link.href}\n` +
        `Code: ${formatInviteCode(code)}\n`,
    );
  });
}

export const inviteCommand: Command = {
  summary: 'Create an invite: link, short code and QR code.',
  run: invite,
};
