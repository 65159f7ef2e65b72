/**
 * When a room's purge runs. Purging folds the whole room and scrubs the database, which
 * for a big room costs far more than the edit that asked for it, so requests are
 * coalesced: the first one arms a timer, every request until it fires rides along, and a
 * request that arrives while a purge is running arms the next one (its deletion may have
 * come after the running purge read the log).
 */

/** How long after the first request a room is purged. */
export const DEFAULT_PURGE_DELAY_MS = 5000;

/** Purge requests one connection may send: a burst of this many, then one per interval. */
export const PURGE_REQUEST_BURST = 5;
export const PURGE_REQUESTS_PER_SECOND = 1 / 10;

export class PurgeScheduler {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private again = false;
  private closed = false;

  constructor(
    private readonly delayMs: number,
    /** Runs one purge; the scheduler never runs two at once. */
    private readonly purge: () => Promise<void>,
  ) {}

  /** Asks for a purge; true when it joined one already waiting. */
  request(): boolean {
    if (this.closed) return false;
    if (this.running) {
      const joined = this.again;
      this.again = true;
      return joined;
    }
    if (this.timer) return true;
    this.timer = setTimeout(() => void this.fire(), this.delayMs);
    return false;
  }

  get pending(): boolean {
    return this.timer !== null || this.running;
  }

  private async fire(): Promise<void> {
    this.timer = null;
    this.running = true;
    try {
      await this.purge();
    } finally {
      this.running = false;
      if (this.again && !this.closed) {
        this.again = false;
        this.request();
      }
    }
  }

  /** No further purges; one already running finishes. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
