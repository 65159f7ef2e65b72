import { describe, expect, it } from 'vitest';
import { parseKioskConfig } from './kiosk-config.js';
import { applySettings, editableSettings } from './setup-settings.js';

const TOKEN = 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJraW9zayJ9.c2lnbmF0dXJl';
const file = JSON.stringify({
  neighbourhood: 'maasburen',
  upstream: 'wss://buurt.example.nl/sync',
  deviceToken: TOKEN,
  lanPort: 8090,
  setupPin: { salt: 'a'.repeat(32), hash: 'b'.repeat(64) },
});
const show = { crisis: true, agenda: false, boards: true, joinQr: true };

describe('kiosk settings changed in setup mode', () => {
  it('writes the idle time and what to show, keeping every other field', () => {
    const result = applySettings(file, { idleSeconds: 300, show });
    if (!result.ok) throw new Error('expected the change to be accepted');
    const written = JSON.parse(result.text);
    expect(written).toEqual({ ...JSON.parse(file), idleSeconds: 300, show });
    expect(editableSettings(result.config)).toEqual({ idleSeconds: 300, show });
  });

  it('refuses to change the server, the token, the port or the PIN from the screen', () => {
    for (const extra of [
      { upstream: 'wss://evil.example/sync' },
      { deviceToken: TOKEN },
      { lanPort: 9000 },
      { setupPin: null },
      { neighbourhood: 'elders' },
    ]) {
      expect(applySettings(file, { idleSeconds: 120, show, ...extra })).toEqual({ ok: false });
    }
  });

  it('refuses values kiosk.json would refuse', () => {
    expect(applySettings(file, { idleSeconds: 5, show })).toEqual({ ok: false });
    expect(applySettings(file, { idleSeconds: 120, show: { crisis: 'yes' } })).toEqual({
      ok: false,
    });
    expect(applySettings(file, { idleSeconds: 120, show: { wallpaper: true } })).toEqual({
      ok: false,
    });
    expect(applySettings(file, null)).toEqual({ ok: false });
    expect(applySettings('not json', { idleSeconds: 120, show })).toEqual({ ok: false });
  });

  it('shows the current settings', () => {
    const parsed = parseKioskConfig(file);
    if (!parsed.ok) throw new Error('expected a valid file');
    expect(editableSettings(parsed.config)).toEqual({
      idleSeconds: 120,
      show: { crisis: true, agenda: true, boards: true, joinQr: true },
    });
  });
});
