/**
 * The kiosk window's own token. The window syncs with the embedded hub like any client; a
 * client without a token is a guest and reads only the public room, so the kiosk would
 * show no agenda. Main therefore asks the hub to sign a `kiosk` token for its window: it
 * reads exactly what the hub lets kiosks read (the community room only when the upstream
 * lets kiosks read it, hub/kiosk-reads.ts) and writes nothing a kiosk may not. It never
 * leaves this machine's window, is signed for a day, and the window asks again twice a day
 * (web/src/kiosk/window-token.ts). Only the kiosk page may ask (kiosk-sender.ts).
 */
import { ipcMain } from 'electron';
import type { TokenClaims } from '@buurthub/sync-server';
import { fromKioskPage } from './kiosk-sender.js';

export const WINDOW_TOKEN_CHANNEL = 'kiosk:window-token';
export const WINDOW_TOKEN_TTL_SECONDS = 24 * 3600;

/** One subject for the window, so revoking `kiosk-window` on the hub shuts it out. */
export function windowTokenClaims(neighbourhood: string): TokenClaims {
  return { sub: 'kiosk-window', nb: neighbourhood, role: 'kiosk', name: 'Kiosk' };
}

export function registerWindowToken(options: {
  neighbourhood: string;
  mint: (claims: TokenClaims, ttlSeconds: number) => Promise<{ token: string }>;
}): void {
  ipcMain.handle(WINDOW_TOKEN_CHANNEL, async (event): Promise<string | null> => {
    if (!fromKioskPage(event)) return null;
    const minted = await options.mint(
      windowTokenClaims(options.neighbourhood),
      WINDOW_TOKEN_TTL_SECONDS,
    );
    return minted.token;
  });
}
