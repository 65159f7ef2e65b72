/** The window-token door of main, with a mocked `electron` ipcMain and a real hub's keys. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KeyStore, MemoryStorage, mintToken, verifyToken } from '@buurthub/sync-server';

const handlers = vi.hoisted(() => new Map<string, (...args: unknown[]) => unknown>());
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: (...args: unknown[]) => unknown) =>
      handlers.set(channel, handler),
  },
}));

const { registerWindowToken, WINDOW_TOKEN_CHANNEL, WINDOW_TOKEN_TTL_SECONDS } =
  await import('./window-token.js');

function pageEvent(url: string, topFrame = true) {
  const mainFrame = { url };
  return { senderFrame: topFrame ? mainFrame : { url }, sender: { mainFrame } };
}

describe("the kiosk window's token from the embedded hub", () => {
  afterEach(() => handlers.clear());

  it('gives the kiosk page a kiosk token for its neighbourhood that the hub accepts, valid for a day', async () => {
    const keys = new KeyStore(new MemoryStorage());
    registerWindowToken({
      neighbourhood: 'maasburen',
      mint: (claims, ttl) => mintToken(keys, claims, ttl),
    });
    const token = await handlers.get(WINDOW_TOKEN_CHANNEL)!(
      pageEvent('app://bundle/nb/maasburen/#kiosk'),
    );
    const verified = await verifyToken(keys, token as string);
    expect(verified).toMatchObject({ nb: 'maasburen', role: 'kiosk', sub: 'kiosk-window' });
    expect(verified.exp - verified.iat).toBe(WINDOW_TOKEN_TTL_SECONDS);
  });

  it('refuses a frame inside the page and pages of another origin', async () => {
    let minted = 0;
    registerWindowToken({
      neighbourhood: 'maasburen',
      mint: () => {
        minted++;
        return Promise.resolve({ token: 'never' });
      },
    });
    const ask = handlers.get(WINDOW_TOKEN_CHANNEL)!;
    expect(await ask(pageEvent('app://bundle/#kiosk', false))).toBe(null);
    expect(await ask(pageEvent('https://evil.example/'))).toBe(null);
    expect(minted).toBe(0);
  });
});
