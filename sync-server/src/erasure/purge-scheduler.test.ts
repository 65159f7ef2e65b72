import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PurgeScheduler } from './purge-scheduler.js';

describe('when a room is purged', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('runs one purge for the requests that arrive before it starts', async () => {
    const purge = vi.fn(async () => {});
    const scheduler = new PurgeScheduler(5000, purge);
    expect(scheduler.request()).toBe(false);
    expect(scheduler.request()).toBe(true);
    expect(scheduler.request()).toBe(true);
    await vi.advanceTimersByTimeAsync(4999);
    expect(purge).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(purge).toHaveBeenCalledTimes(1);
    expect(scheduler.pending).toBe(false);
  });

  it('runs once more after a purge during which someone deleted something else', async () => {
    let finish = () => {};
    const purge = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const scheduler = new PurgeScheduler(100, purge);
    scheduler.request();
    await vi.advanceTimersByTimeAsync(100);
    expect(purge).toHaveBeenCalledTimes(1);
    // Two requests while it runs: their deletions may be newer than what it read.
    scheduler.request();
    scheduler.request();
    finish();
    await vi.advanceTimersByTimeAsync(100);
    expect(purge).toHaveBeenCalledTimes(2);
    finish();
    await vi.advanceTimersByTimeAsync(1000);
    expect(purge).toHaveBeenCalledTimes(2);
  });

  it('purges nothing after it is closed (the room unloads and purges itself)', async () => {
    const purge = vi.fn(async () => {});
    const scheduler = new PurgeScheduler(100, purge);
    scheduler.request();
    expect(scheduler.pending).toBe(true);
    scheduler.close();
    await vi.advanceTimersByTimeAsync(1000);
    expect(purge).not.toHaveBeenCalled();
    expect(scheduler.request()).toBe(false);
  });
});
