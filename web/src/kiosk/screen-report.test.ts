import { describe, expect, it } from 'vitest';
import { type KioskScreen, ScreenReport } from './screen-report.js';

describe("the kiosk page's report of its screen to main", () => {
  it('tells main when a crisis alert or a visitor takes the screen, once per change', () => {
    const sent: KioskScreen[] = [];
    const report = new ScreenReport({ reportScreen: (screen) => sent.push(screen) });
    report.update({ crisis: false, visitor: false });
    report.update({ crisis: false, visitor: false });
    report.update({ crisis: false, visitor: true });
    report.update({ crisis: true, visitor: true });
    expect(sent).toEqual([
      { crisis: false, visitor: false },
      { crisis: false, visitor: true },
      { crisis: true, visitor: true },
    ]);
  });

  it('does nothing outside the kiosk window', () => {
    expect(() =>
      new ScreenReport(undefined).update({ crisis: true, visitor: false }),
    ).not.toThrow();
  });
});
