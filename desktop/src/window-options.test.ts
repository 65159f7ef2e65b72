import { describe, expect, it } from 'vitest';
import { kioskWindowOptions } from './window-options.js';

describe('kiosk window', () => {
  it('follows the Electron security checklist', () => {
    const prefs = kioskWindowOptions('/app/preload.cjs').webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/preload.cjs',
      additionalArguments: [],
    });
  });

  it('fills the screen without menu or developer tools in production, and opens them only in development', () => {
    const production = kioskWindowOptions('/app/preload.cjs');
    expect(production).toMatchObject({ kiosk: true, fullscreen: true, autoHideMenuBar: true });
    expect(production.webPreferences?.devTools).toBe(false);
    const development = kioskWindowOptions('/app/preload.cjs', [], false);
    expect(development).toMatchObject({ kiosk: false, fullscreen: false });
    expect(development.webPreferences?.devTools).toBe(true);
  });
});
