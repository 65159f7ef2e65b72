/**
 * The kiosk window's own token (desktop/src/window-token.ts): the embedded hub signs a
 * `kiosk` token for the window, so it reads what the upstream lets a buurthuis kiosk read
 * (the agenda from the community room, when the neighbourhood allows it) instead of only
 * the public room a guest gets. Asked for again before it expires. The bridge is an input
 * like any other: anything that is not a compact JWT is ignored.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { KioskBridge } from '../crisis/kiosk.js';

/** The hub signs it for 24 hours; asking twice a day keeps one valid without a gap. */
export const WINDOW_TOKEN_REFRESH_MS = 12 * 3600_000;

const COMPACT_JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** The token main hands out, or null outside the kiosk window or when main refuses. */
export async function kioskWindowToken(bridge: KioskBridge | undefined): Promise<string | null> {
  if (typeof bridge?.windowToken !== 'function') return null;
  try {
    const token: unknown = await bridge.windowToken();
    return typeof token === 'string' && token.length <= 4096 && COMPACT_JWT.test(token)
      ? token
      : null;
  } catch {
    return null;
  }
}

/** Holds the window token while the host is connected and says when it changes. */
export class KioskWindowToken implements ReactiveController {
  token: string | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly bridge: KioskBridge | undefined,
    private readonly onToken: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof this.bridge?.windowToken !== 'function') return;
    void this.fetch();
    this.timer = setInterval(() => void this.fetch(), WINDOW_TOKEN_REFRESH_MS);
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
  }

  private async fetch(): Promise<void> {
    const token = await kioskWindowToken(this.bridge);
    if (token === null || token === this.token) return;
    this.token = token;
    this.onToken();
  }
}
