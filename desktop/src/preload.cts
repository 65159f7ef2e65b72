/**
 * Preload of the kiosk window: the narrow, typed API the web bundle may use. Sandboxed
 * preloads must be CommonJS, hence `.cts` and `require`. Nothing of Node or Electron leaks.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- sandboxed preloads are CommonJS
import electron = require('electron');

electron.contextBridge.exposeInMainWorld('buurthubKiosk', Object.freeze({ isKiosk: true }));
