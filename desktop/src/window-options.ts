/**
 * The kiosk window's web preferences, kept as data so a test can hold them to the
 * Electron security checklist (context isolation, sandbox, no Node in the renderer).
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export function kioskWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1920,
    height: 1080,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#f6f7f4',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}
