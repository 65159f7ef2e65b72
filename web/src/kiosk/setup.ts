/**
 * The kiosk's setup mode as the web bundle sees it: the preload's `setup` door to the main
 * process (desktop/src/setup-ipc.ts, which checks the PIN and writes kiosk.json) and the
 * settings a buurtverbinder may change at the screen. Answers from the bridge are checked
 * like any input. Pure, so tested in Node.
 */

export interface KioskShow {
  crisis: boolean;
  agenda: boolean;
  boards: boolean;
  joinQr: boolean;
}

export interface KioskSettings {
  idleSeconds: number;
  show: KioskShow;
}

/** The preload's `setup` (desktop/src/preload.cts). */
export interface KioskSetupBridge {
  unlock(pin: string): Promise<unknown>;
  save(session: string, settings: KioskSettings): Promise<unknown>;
  lock(): Promise<unknown>;
}

export type Unlock =
  | { result: 'ok'; session: string; settings: KioskSettings }
  | { result: 'wrong' | 'no-pin' | 'refused' }
  | { result: 'locked'; minutes: number };

const SHOW_KEYS = ['crisis', 'agenda', 'boards', 'joinQr'] as const;

function isSettings(value: unknown): value is KioskSettings {
  const v = value as Partial<KioskSettings> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    Number.isInteger(v.idleSeconds) &&
    typeof v.show === 'object' &&
    v.show !== null &&
    SHOW_KEYS.every((key) => typeof v.show?.[key] === 'boolean')
  );
}

export function parseUnlock(answer: unknown): Unlock {
  const a = answer as Record<string, unknown> | null;
  if (typeof a !== 'object' || a === null) return { result: 'refused' };
  if (a.result === 'ok' && typeof a.session === 'string' && isSettings(a.settings)) {
    return { result: 'ok', session: a.session, settings: a.settings };
  }
  if (a.result === 'locked' && typeof a.lockedForMs === 'number' && a.lockedForMs > 0) {
    return { result: 'locked', minutes: Math.ceil(a.lockedForMs / 60_000) };
  }
  if (a.result === 'wrong' || a.result === 'no-pin') return { result: a.result };
  return { result: 'refused' };
}

/** What the home screen shows (kiosk.json `show`); everything when the bridge says nothing. */
export function shownParts(show: Partial<Record<string, unknown>> | undefined): KioskShow {
  return {
    crisis: true,
    agenda: show?.agenda !== false,
    boards: show?.boards !== false,
    joinQr: show?.joinQr !== false,
  };
}

/** The idle time a buurtverbinder may set on the screen: kiosk.json's range. */
export const IDLE_SECONDS = { min: 15, max: 3600 } as const;
