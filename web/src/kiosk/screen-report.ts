/**
 * Tells the kiosk's main process what has the screen, for its update policy
 * (desktop/src/update-policy.ts: never restart for an update during a crisis alert or while
 * a visitor uses the kiosk). Sent only when it changes; nothing outside the kiosk window.
 *
 * Whether a crisis alert shows follows the crisis alerts themselves: it is worked out when
 * they change and when one starts or ends by the clock, not on every tick of the idle timer.
 */
import { type CrisisAlertView, isAlertActive } from '@buurthub/shared';
import type { KioskBridge } from '../crisis/kiosk.js';

export interface KioskScreen {
  crisis: boolean;
  visitor: boolean;
}

type Lifecycle = Pick<CrisisAlertView, 'effective' | 'expires' | 'cancelledAt'>;

/** The public space's crisis alerts, as far as the report reads them. */
export interface CrisisAlertSource {
  all(): readonly Lifecycle[];
  observe(listener: () => void): () => void;
}

/** setTimeout's longest delay; an alert ending later is looked at again then. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The first moment after `now` at which an alert starts or ends by the clock alone. */
export function nextChange(alerts: readonly Lifecycle[], now: number): number | null {
  const moments = alerts
    .filter((a) => a.cancelledAt === undefined)
    .flatMap((a) => [a.effective, a.expires])
    .filter((at) => at > now);
  return moments.length > 0 ? Math.min(...moments) : null;
}

export class ScreenReport {
  private last: string | null = null;
  private screen: KioskScreen = { crisis: false, visitor: false };

  constructor(
    private readonly bridge: KioskBridge | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /** A visitor started using the kiosk (true) or the idle reset sent them off (false). */
  setVisitor(visitor: boolean): void {
    this.screen = { ...this.screen, visitor };
    this.send();
  }

  /** Follows `alerts` until the returned function is called. */
  watchCrisis(alerts: CrisisAlertSource): () => void {
    if (!this.reports) return () => undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      clearTimeout(timer);
      const now = this.now();
      const all = alerts.all();
      this.screen = { ...this.screen, crisis: all.some((a) => isAlertActive(a, now)) };
      this.send();
      const next = nextChange(all, now);
      if (next !== null) timer = setTimeout(check, Math.min(next - now, MAX_TIMER_MS));
    };
    check();
    const off = alerts.observe(check);
    return () => {
      off();
      clearTimeout(timer);
    };
  }

  private get reports(): boolean {
    return typeof this.bridge?.reportScreen === 'function';
  }

  private send(): void {
    if (!this.reports) return;
    const { crisis, visitor } = this.screen;
    const key = `${crisis}/${visitor}`;
    if (key === this.last) return;
    this.last = key;
    this.bridge?.reportScreen?.({ crisis, visitor });
  }
}
