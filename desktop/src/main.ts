/**
 * Electron main process of the kiosk. Deliberately thin: every decision lives in a pure,
 * tested module (navigation-policy, bundle-path, window-options). It serves the same web
 * bundle as the PWA from the app package over the privileged `app://bundle` scheme.
 * The full kiosk (embedded relay, idle reset, crash recovery) comes with the kiosk issue.
 */
import { BrowserWindow, app, net, protocol, session } from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolveBundleFile } from './bundle-path.js';
import { APP_ORIGIN, APP_SCHEME, isAllowedNavigation } from './navigation-policy.js';
import { kioskWindowOptions } from './window-options.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const bundleDir = path.resolve(here, '../../web/dist');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (!app.requestSingleInstanceLock()) app.quit();

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

void app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  protocol.handle(APP_SCHEME, (request) => {
    const file = resolveBundleFile(bundleDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
  const window = new BrowserWindow(kioskWindowOptions(path.join(here, 'preload.cjs')));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/`);
});

app.on('window-all-closed', () => app.quit());
