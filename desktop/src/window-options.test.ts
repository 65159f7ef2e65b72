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
});
