/**
 * `buurthub keys list|rotate`: the relay's signing keys. Rotating makes a new key current;
 * the old one stays published and valid until the tokens it signed have expired.
 */
import { KeyStore, nowSeconds } from '../auth/keys.js';
import { withStorage } from './data-dir.js';
import { type Command, parseCommand, UsageError } from './usage.js';

const KEYS_HELP = 'Usage: buurthub keys list|rotate [--data <dir>]\n';

async function keys(args: string[]): Promise<void> {
  const parsed = parseCommand(args, KEYS_HELP, {});
  if (!parsed) return;
  const { values, positionals } = parsed;
  const [action = 'list', ...extra] = positionals;
  if (extra.length > 0 || (action !== 'list' && action !== 'rotate')) {
    throw new UsageError('expected "keys list" or "keys rotate"');
  }
  await withStorage(values, async (storage) => {
    const store = new KeyStore(storage);
    if (action === 'rotate') {
      const next = await store.rotate();
      process.stdout.write(
        `New signing key ${next.kid}; the old one stays valid until its tokens expire.\n`,
      );
    }
    await store.current();
    const now = nowSeconds();
    for (const key of await storage.signingKeys()) {
      const state =
        key.retiredAt === null
          ? 'current'
          : key.usedUntil > now
            ? `retired, published until ${new Date(key.usedUntil * 1000).toISOString()}`
            : 'retired, no longer published';
      process.stdout.write(`${key.kid}\t${state}\n`);
    }
  });
}

export const keysCommand: Command = {
  summary: 'List or rotate the relay signing keys ("keys list", "keys rotate").',
  run: keys,
};
