/**
 * The setup mode's two doors in the main process (issue 7: "a setup mode protected by a
 * moderator PIN"): `unlock` checks a PIN against kiosk.json's hash (setup-pin.ts, with its
 * growing lock-out) and opens a short setup session; `save` writes the editable settings
 * (setup-settings.ts) within that session, then the kiosk restarts with them. Only the kiosk
 * window's own page (`app://bundle`, top frame) may call; the PIN never leaves main.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { ipcMain } from 'electron';
import type { KioskConfig } from './kiosk-config.js';
import { fromKioskPage } from './kiosk-sender.js';
import { PinGuard } from './setup-pin.js';
import { applySettings, editableSettings, type KioskSettings } from './setup-settings.js';

export const SETUP_CHANNELS = {
  unlock: 'kiosk:setup-unlock',
  save: 'kiosk:setup-save',
  lock: 'kiosk:setup-lock',
} as const;

/** A setup session ends this long after the PIN, whatever happens on screen. */
export const SETUP_SESSION_MS = 10 * 60_000;

export type UnlockAnswer =
  | { result: 'ok'; session: string; settings: KioskSettings }
  | { result: 'wrong' }
  | { result: 'locked'; lockedForMs: number }
  | { result: 'no-pin' }
  | { result: 'refused' };

export type SaveAnswer = { result: 'saved' } | { result: 'refused' };

export interface SetupOptions {
  configFile: string;
  config: KioskConfig;
  now?: () => number;
  /** After a save: main restarts the kiosk so window and hub use the new file. */
  onSaved: () => void;
}

export function registerSetup(options: SetupOptions): void {
  const now = options.now ?? Date.now;
  const stored = options.config.setupPin;
  const guard = stored ? new PinGuard(stored, now) : null;
  let session: { id: string; until: number } | null = null;

  ipcMain.handle(SETUP_CHANNELS.unlock, (event, pin: unknown): UnlockAnswer => {
    if (!fromKioskPage(event) || typeof pin !== 'string') return { result: 'refused' };
    if (!guard) return { result: 'no-pin' };
    const checked = guard.check(pin);
    if (checked === 'wrong') return { result: 'wrong' };
    if (checked !== 'ok') return { result: 'locked', lockedForMs: checked.lockedForMs };
    session = { id: randomUUID(), until: now() + SETUP_SESSION_MS };
    return { result: 'ok', session: session.id, settings: editableSettings(options.config) };
  });

  ipcMain.handle(SETUP_CHANNELS.save, (event, id: unknown, settings: unknown): SaveAnswer => {
    const open = session !== null && session.id === id && now() < session.until;
    if (!fromKioskPage(event) || !open) return { result: 'refused' };
    const result = applySettings(readFileSync(options.configFile, 'utf8'), settings);
    if (!result.ok) return { result: 'refused' };
    writeFileSync(options.configFile, result.text);
    session = null;
    options.onSaved();
    return { result: 'saved' };
  });

  // Leaving setup, or the idle reset, ends the session.
  ipcMain.handle(SETUP_CHANNELS.lock, (event) => {
    if (fromKioskPage(event)) session = null;
  });
}
