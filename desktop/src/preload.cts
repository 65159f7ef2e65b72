/**
 * Preload of the kiosk window: the narrow, typed API the web bundle may use. Sandboxed
 * preloads must be CommonJS, hence `.cts` and `require`, and cannot load our modules, so
 * the argument format and the setup channels are repeated here from kiosk-config.ts
 * (`rendererArgument`) and setup-ipc.ts (`SETUP_CHANNELS`). Nothing of Node or Electron
 * leaks; only plain values of the expected type pass, and the web side checks every value
 * again (web/src/crisis/kiosk.ts, web/src/kiosk/hub.ts); main checks the sender.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- sandboxed preloads are CommonJS
import electron = require('electron');

const PREFIX = '--buurthub-kiosk=';

function fromArguments(): Record<string, unknown> {
  const argument = process.argv.find((arg) => arg.startsWith(PREFIX));
  try {
    const parsed: unknown = argument ? JSON.parse(argument.slice(PREFIX.length)) : {};
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const config = fromArguments();
const text = (key: string) => (typeof config[key] === 'string' ? { [key]: config[key] } : {});
const show = config.show as Record<string, unknown> | undefined;
const flags =
  typeof show === 'object' && show !== null
    ? Object.fromEntries(
        ['crisis', 'agenda', 'boards', 'joinQr']
          .filter((key) => typeof show[key] === 'boolean')
          .map((key) => [key, show[key]]),
      )
    : {};
const { ipcRenderer } = electron;

electron.contextBridge.exposeInMainWorld(
  'buurthubKiosk',
  Object.freeze({
    isKiosk: true,
    ...(typeof config.idleSeconds === 'number' && { idleSeconds: config.idleSeconds }),
    ...text('hubUrl'),
    ...text('lanUrl'),
    ...text('publicUrl'),
    show: Object.freeze(flags),
    // The hub's `kiosk` token for this window (main: window-token.ts).
    windowToken: () => ipcRenderer.invoke('kiosk:window-token'),
    // For the update policy (main: screen-report.ts): only two booleans pass.
    reportScreen: (screen: { crisis?: unknown; visitor?: unknown }) =>
      ipcRenderer.send('kiosk:screen', {
        crisis: screen?.crisis === true,
        visitor: screen?.visitor === true,
      }),
    setup: Object.freeze({
      unlock: (pin: string) => ipcRenderer.invoke('kiosk:setup-unlock', String(pin)),
      save: (session: string, settings: unknown) =>
        ipcRenderer.invoke('kiosk:setup-save', String(session), settings),
      lock: () => ipcRenderer.invoke('kiosk:setup-lock'),
    }),
  }),
);
