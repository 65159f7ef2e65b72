/**
 * What the setup mode (behind the moderator PIN) may change on the kiosk itself, and how a
 * change is written back to kiosk.json. Only what a buurtverbinder adjusts at the screen:
 * the idle time and what the home screen shows. The neighbourhood, the upstream and its
 * device token, the LAN port and the PIN itself stay file-only: changing them needs access
 * to the machine, so a PIN watched over someone's shoulder cannot re-point the kiosk at
 * another server or lock the buurtverbinders out. Pure, so tested.
 */
import { type KioskConfig, parseKioskConfig } from './kiosk-config.js';

export interface KioskSettings {
  idleSeconds: number;
  show: KioskConfig['show'];
}

export function editableSettings(config: KioskConfig): KioskSettings {
  return { idleSeconds: config.idleSeconds, show: { ...config.show } };
}

export type SettingsResult = { ok: true; text: string; config: KioskConfig } | { ok: false };

/**
 * The new kiosk.json text for `input` (untrusted: it comes from the renderer), keeping every
 * other field of `fileText` as it was; refused unless the result is a valid kiosk.json and
 * `input` holds exactly the editable fields.
 */
export function applySettings(fileText: string, input: unknown): SettingsResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false };
  const { idleSeconds, show, ...rest } = input as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || typeof show !== 'object' || show === null) {
    return { ok: false };
  }
  let file: Record<string, unknown>;
  try {
    file = JSON.parse(fileText) as Record<string, unknown>;
  } catch {
    return { ok: false };
  }
  const text = `${JSON.stringify({ ...file, idleSeconds, show }, null, 2)}\n`;
  const parsed = parseKioskConfig(text);
  return parsed.ok ? { ok: true, text, config: parsed.config } : { ok: false };
}
