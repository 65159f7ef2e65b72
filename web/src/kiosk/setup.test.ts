import { describe, expect, it } from 'vitest';
import { parseUnlock, shownParts } from './setup.js';

const settings = {
  idleSeconds: 120,
  show: { crisis: true, agenda: true, boards: false, joinQr: true },
};

describe('the kiosk setup mode as the screen sees it', () => {
  it('opens the settings only with a session and complete settings', () => {
    expect(parseUnlock({ result: 'ok', session: 's1', settings })).toEqual({
      result: 'ok',
      session: 's1',
      settings,
    });
    expect(parseUnlock({ result: 'ok', session: 's1' })).toEqual({ result: 'refused' });
    expect(parseUnlock({ result: 'ok', settings })).toEqual({ result: 'refused' });
  });

  it('tells a wrong PIN and the lock-out in whole minutes', () => {
    expect(parseUnlock({ result: 'wrong' })).toEqual({ result: 'wrong' });
    expect(parseUnlock({ result: 'locked', lockedForMs: 60_000 })).toEqual({
      result: 'locked',
      minutes: 1,
    });
    expect(parseUnlock({ result: 'locked', lockedForMs: 61_000 })).toEqual({
      result: 'locked',
      minutes: 2,
    });
    expect(parseUnlock({ result: 'no-pin' })).toEqual({ result: 'no-pin' });
    expect(parseUnlock('ok')).toEqual({ result: 'refused' });
    expect(parseUnlock(undefined)).toEqual({ result: 'refused' });
  });

  it('shows everything unless kiosk.json turns a part off; crisis alerts always', () => {
    expect(shownParts(undefined)).toEqual({
      crisis: true,
      agenda: true,
      boards: true,
      joinQr: true,
    });
    expect(shownParts({ agenda: false, crisis: false })).toEqual({
      crisis: true,
      agenda: false,
      boards: true,
      joinQr: true,
    });
  });
});
