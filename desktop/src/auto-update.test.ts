/**
 * The update loop against a stand-in for electron-updater's AppUpdater (the Electron binary
 * and a release feed are not available here); the policy it runs is the real one.
 */
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { followUpdates, type KioskScreen, UPDATE_TICK_MS } from './auto-update.js';
import { CHECK_EVERY_MS } from './update-policy.js';

class FakeUpdater extends EventEmitter {
  checks = 0;
  installs = 0;
  checkForUpdates(): Promise<unknown> {
    this.checks++;
    return Promise.resolve(null);
  }
  quitAndInstall(): void {
    this.installs++;
  }
}

describe('the kiosk updating itself through electron-updater', () => {
  let screen: KioskScreen;
  let updater: FakeUpdater;
  let stop: () => void;

  beforeEach(() => {
    vi.useFakeTimers();
    screen = { crisis: false, visitor: false };
    updater = new FakeUpdater();
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  function start(localTime: string) {
    vi.setSystemTime(new Date(`2026-11-29T${localTime}`));
    ({ stop } = followUpdates({ updater, screen: () => screen, warn: () => undefined }));
  }

  it('checks the feed at start and again after six hours, not in between', () => {
    start('14:00:00');
    expect(updater.checks).toBe(1);
    vi.advanceTimersByTime(CHECK_EVERY_MS - UPDATE_TICK_MS);
    expect(updater.checks).toBe(1);
    vi.advanceTimersByTime(UPDATE_TICK_MS);
    expect(updater.checks).toBe(2);
  });

  it('installs a downloaded update only at night and never while a crisis alert or a visitor has the screen', () => {
    start('01:00:00');
    updater.emit('update-downloaded');
    vi.advanceTimersByTime(30 * 60_000);
    expect(updater.installs).toBe(0);
    screen = { crisis: true, visitor: false };
    vi.advanceTimersByTime(60 * 60_000); // 02:30, a crisis alert showing
    expect(updater.installs).toBe(0);
    screen = { crisis: false, visitor: true };
    vi.advanceTimersByTime(10 * 60_000);
    expect(updater.installs).toBe(0);
    screen = { crisis: false, visitor: false };
    vi.advanceTimersByTime(UPDATE_TICK_MS);
    expect(updater.installs).toBe(1);
  });

  it('keeps the kiosk running when the feed cannot be reached', async () => {
    const warnings: string[] = [];
    vi.setSystemTime(new Date('2026-11-29T14:00:00'));
    updater.checkForUpdates = () => Promise.reject(new Error('getaddrinfo ENOTFOUND'));
    ({ stop } = followUpdates({
      updater,
      screen: () => screen,
      warn: (message) => warnings.push(message),
    }));
    updater.emit('error', new Error('feed answered 404'));
    await Promise.resolve();
    expect(warnings).toEqual([
      'kiosk update: feed answered 404',
      'kiosk update: Error: getaddrinfo ENOTFOUND',
    ]);
  });
});
