/**
 * Runs `verifyAlert` for the alerts a component shows and remembers the answers, so the
 * banner, the alert page and the archive do not verify the same alert on every render.
 *
 * An answer is kept for exactly the data and keys it was computed from: when the alert
 * changes in any way (an update arrives, a raw client rewrites a field) or new keys are
 * pinned, the old answer is not shown while the new one is computed — `get` says
 * `undefined` ("checking") instead, so a changed alert never borrows an earlier badge.
 */
import {
  type AlertVerification,
  type CrisisAlertView,
  type PinnedJwks,
  verifyAlert,
} from '@buurthub/shared';

interface Entry {
  key: string;
  running: Promise<AlertVerification>;
  result?: AlertVerification;
}

export class AlertVerifications {
  private readonly cache = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly nb: string,
    /** The pinned relay keys; null before any were pinned (then nothing verifies). */
    private readonly pinned: () => PinnedJwks | null,
  ) {}

  /** The verification of `alert` as it is now, or undefined while it is being computed. */
  get(alert: CrisisAlertView): AlertVerification | undefined {
    const key = this.keyOf(alert);
    const entry = this.cache.get(alert.id);
    if (entry?.key === key) return entry.result;
    this.cache.set(alert.id, { key, running: this.run(alert, key) });
    return undefined;
  }

  /** Resolves with the verification of `alert` as it is now. */
  async verify(alert: CrisisAlertView): Promise<AlertVerification> {
    const known = this.get(alert);
    return known ?? this.cache.get(alert.id)!.running;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private keyOf(alert: CrisisAlertView): string {
    const kids = (this.pinned()?.keys ?? []).map((k) => `${k.kid}:${String(k.x)}`).join(',');
    return `${kids}|${JSON.stringify(alert)}`;
  }

  private async run(alert: CrisisAlertView, key: string): Promise<AlertVerification> {
    // Let `get` record the entry before the result can arrive.
    await Promise.resolve();
    const result = await verifyAlert(alert, this.pinned() ?? { keys: [] }, this.nb);
    const entry = this.cache.get(alert.id);
    if (entry?.key === key && !entry.result) {
      entry.result = result;
      for (const listener of this.listeners) listener();
    }
    return result;
  }
}
