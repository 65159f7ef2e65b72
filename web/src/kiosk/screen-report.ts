/**
 * Tells the kiosk's main process what has the screen, for its update policy
 * (desktop/src/update-policy.ts: never restart for an update during a crisis alert or while
 * a visitor uses the kiosk). Sent only when it changes; nothing outside the kiosk window.
 */
import type { KioskBridge } from '../crisis/kiosk.js';

export interface KioskScreen {
  crisis: boolean;
  visitor: boolean;
}

export class ScreenReport {
  private last: string | null = null;

  constructor(private readonly bridge: KioskBridge | undefined) {}

  update(screen: KioskScreen): void {
    if (typeof this.bridge?.reportScreen !== 'function') return;
    const key = `${screen.crisis}/${screen.visitor}`;
    if (key === this.last) return;
    this.last = key;
    this.bridge.reportScreen({ crisis: screen.crisis, visitor: screen.visitor });
  }
}
