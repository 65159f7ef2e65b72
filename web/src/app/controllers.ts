/** Reactive controllers shared by components: observing the model, and a ticking clock. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Subscribes its host to whatever `target()` returns (a model area, the sync status, ...)
 * and re-renders on every change; re-subscribes when the target itself changes (for
 * example when a context value arrives).
 */
export class ObserveController<T> implements ReactiveController {
  private current: T | undefined;
  private off: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly target: () => T | undefined,
    private readonly subscribe: (target: T, onChange: () => void) => () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    const next = this.target();
    if (next === this.current && this.off) return;
    this.off?.();
    this.off = undefined;
    this.current = next;
    if (next !== undefined) this.off = this.subscribe(next, () => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.off?.();
    this.off = undefined;
    this.current = undefined;
  }
}

/** Gives its host a `now` that advances every `intervalMs`, for relative times and expiry. */
export class ClockController implements ReactiveController {
  now = Date.now();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly intervalMs = 30_000,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.now = Date.now();
    this.timer = setInterval(() => {
      this.now = Date.now();
      this.host.requestUpdate();
    }, this.intervalMs);
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
  }
}
