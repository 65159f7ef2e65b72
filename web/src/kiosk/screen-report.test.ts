import { CrisisAlerts, modelContext } from '@buurthub/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { type KioskScreen, ScreenReport, nextChange } from './screen-report.js';

const gemeente = { id: 'gem', name: 'Gemeente', role: 'official' as const };
const NOW = Date.UTC(2026, 10, 29, 9);
const HOUR = 3_600_000;

function highWater(effective: number) {
  return {
    status: 'actual' as const,
    severity: 'severe' as const,
    headline: 'Hoogwater Maas',
    description: 'Het water stijgt.',
    villages: ['Mook'],
    effective,
    expires: effective + 2 * HOUR,
  };
}

function kiosk() {
  const sent: KioskScreen[] = [];
  let n = 0;
  const crisis = new CrisisAlerts(
    new Y.Doc(),
    modelContext({ now: () => Date.now(), newId: () => `id${++n}` }),
  );
  const report = new ScreenReport({ reportScreen: (screen) => sent.push(screen) });
  return { sent, crisis, report };
}

describe("the kiosk page's report of its screen to main", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('says a crisis alert is shown when one arrives, and no longer once it is cancelled', () => {
    const { sent, crisis, report } = kiosk();
    const stop = report.watchCrisis(crisis);
    const alert = crisis.create(highWater(NOW), gemeente);
    crisis.cancel(alert.id, { reason: 'Het water zakt.' }, gemeente);
    expect(sent).toEqual([
      { crisis: false, visitor: false },
      { crisis: true, visitor: false },
      { crisis: false, visitor: false },
    ]);
    stop();
  });

  it('follows an alert that starts and ends by the clock, without any change to it', () => {
    const { sent, crisis, report } = kiosk();
    crisis.create(highWater(NOW + HOUR), gemeente);
    const stop = report.watchCrisis(crisis);
    expect(sent.at(-1)).toEqual({ crisis: false, visitor: false });
    vi.advanceTimersByTime(HOUR);
    expect(sent.at(-1)).toEqual({ crisis: true, visitor: false });
    vi.advanceTimersByTime(2 * HOUR);
    expect(sent.at(-1)).toEqual({ crisis: false, visitor: false });
    expect(sent).toHaveLength(3);
    stop();
  });

  it('tells main when a visitor takes the screen, once per change', () => {
    const { sent, crisis, report } = kiosk();
    const stop = report.watchCrisis(crisis);
    report.setVisitor(true);
    report.setVisitor(true);
    crisis.create(highWater(NOW), gemeente);
    report.setVisitor(false);
    expect(sent).toEqual([
      { crisis: false, visitor: false },
      { crisis: false, visitor: true },
      { crisis: true, visitor: true },
      { crisis: true, visitor: false },
    ]);
    stop();
  });

  it('stops following the alerts when asked', () => {
    const { sent, crisis, report } = kiosk();
    report.watchCrisis(crisis)();
    crisis.create(highWater(NOW), gemeente);
    expect(sent).toEqual([{ crisis: false, visitor: false }]);
  });

  it('does nothing outside the kiosk window', () => {
    const { crisis } = kiosk();
    const report = new ScreenReport(undefined);
    expect(() => {
      report.watchCrisis(crisis)();
      report.setVisitor(true);
    }).not.toThrow();
  });

  it('finds the next start or end, leaving cancelled alerts out', () => {
    const alerts = [
      { effective: NOW - HOUR, expires: NOW + 3 * HOUR },
      { effective: NOW + 2 * HOUR, expires: NOW + 5 * HOUR },
      { effective: NOW + HOUR / 2, expires: NOW + HOUR, cancelledAt: NOW - 1 },
    ];
    expect(nextChange(alerts, NOW)).toBe(NOW + 2 * HOUR);
    expect(nextChange(alerts, NOW + 6 * HOUR)).toBeNull();
  });
});
