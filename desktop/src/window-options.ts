/**
 * The kiosk window's web preferences, kept as data so a test can hold them to the
 * Electron security checklist (context isolation, sandbox, no Node in the renderer).
 */
import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * `rendererArguments` reach the sandboxed preload as `process.argv` entries (Electron's
 * documented way to hand a preload small data); see kiosk-config.ts `rendererArgument`.
 */
export function kioskWindowOptions(
  preloadPath: string,
  rendererArguments: string[] = [],
  production = true,
): BrowserWindowConstructorOptions {
  return {
    width: 1920,
    height: 1080,
    show: false,
    // A kiosk: full screen, no way out to the desktop, no menu.
    kiosk: production,
    fullscreen: production,
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
      devTools: !production,
      additionalArguments: rendererArguments,
    },
  };
}
