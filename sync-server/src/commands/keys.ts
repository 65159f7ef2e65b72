/**
 * `buurthub keys list|rotate`: the relay's signing keys. Rotating makes a new key current;
 * the old one stays published and valid until the tokens it signed have expired.
 */
import { parseArgs } from 'node:util';
import { KeyStore, nowSeconds } from '../auth/keys.js';
import { SqliteStorage } from '../storage/sqlite.js';
import { type Command, parseFlags, UsageError } from './usage.js';

async function keys(args: string[]): Promise<void> {
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
  const [action = 'list', ...extra] = positionals;
  if (values.help) {
    process.stdout.write('Usage: buurthub keys list|rotate [--data <dir>]\n');
    return;
  }
  if (extra.length > 0 || (action !== 'list' && action !== 'rotate')) {
    throw new UsageError('expected "keys list" or "keys rotate"');
  }
  const storage = new SqliteStorage(values.data);
  try {
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
  } finally {
    await storage.close();
  }
}

export const keysCommand: Command = {
  summary: 'List or rotate the relay signing keys ("keys list", "keys rotate").',
  run: keys,
};
