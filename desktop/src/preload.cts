/**
 * Preload of the kiosk window: the narrow, typed API the web bundle may use. Sandboxed
 * preloads must be CommonJS, hence `.cts` and `require`, and cannot load our modules, so
 * the argument format is repeated here from kiosk-config.ts (`rendererArgument`). Nothing
 * of Node or Electron leaks; the web side checks every value again (web/src/crisis/kiosk.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- sandboxed preloads are CommonJS
import electron = require('electron');

const PREFIX = '--buurthub-kiosk=';

function fromArguments(): { idleSeconds?: unknown } {
  const argument = process.argv.find((arg) => arg.startsWith(PREFIX));
  try {
    return argument ? (JSON.parse(argument.slice(PREFIX.length)) as { idleSeconds?: unknown }) : {};
  } catch {
    return {};
  }
}

const config = fromArguments();
electron.contextBridge.exposeInMainWorld(
  'buurthubKiosk',
  Object.freeze({
    isKiosk: true,
    ...(typeof config.idleSeconds === 'number' && { idleSeconds: config.idleSeconds }),
  }),
);
