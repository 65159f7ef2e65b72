/**
 * Electron main process of the kiosk. Deliberately thin: every decision lives in a pure,
 * tested module (navigation-policy, bundle-path, window-options, kiosk-config,
 * crash-policy, kiosk-pages, hub-options, hub-routes, setup-ipc). It starts the embedded relay (the
 * hub: the kiosk's replica, its link upstream and the buurthuis LAN) and serves the same
 * web bundle as the PWA from the app package over the privileged `app://bundle` scheme,
 * forwarding the bundle's relay calls to the hub.
 */
import { createRelay, mintTokenFor, type Relay } from '@buurthub/sync-server';
import { BrowserWindow, app, net, powerSaveBlocker, protocol, session } from 'electron';
import electronUpdater from 'electron-updater';
import { readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolveBundleFile } from './bundle-path.js';
import { kioskContentPolicy } from './content-policy.js';
import { onRendererCrash } from './crash-policy.js';
import { hubLoopbackUrl, hubOptions, lanUrl } from './hub-options.js';
import { hubRequestUrl } from './hub-routes.js';
import { type ConfigResult, parseKioskConfig, rendererArgument } from './kiosk-config.js';
import { configErrorPage, crisisPageUrl, fallbackCrisisPage } from './kiosk-pages.js';
import { followUpdates } from './auto-update.js';
import { APP_ORIGIN, APP_SCHEME, isAllowedNavigation } from './navigation-policy.js';
import { followScreenReports } from './screen-report.js';
import { registerSetup } from './setup-ipc.js';
import { kioskWindowOptions } from './window-options.js';
import { registerWindowToken } from './window-token.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const bundleDir = path.resolve(here, '../../web/dist');
const SETUP_ERROR_PATH = '/kiosk-setup-error';
const FALLBACK_PATH = '/kiosk-fallback';

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

function readConfig(file: string): ConfigResult {
  let text: string | null = null;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // Missing or unreadable: the setup error page says so.
  }
  return parseKioskConfig(text);
}

const html = (body: string) =>
  new Response(body, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });

/** The bundle's responses with the kiosk's CSP added (content-policy.ts). */
async function withPolicy(response: Response, policy: string): Promise<Response> {
  const headers = new Headers(response.headers);
  headers.set('Content-Security-Policy', policy);
  return new Response(response.body, { status: response.status, headers });
}

let hub: Relay | null = null;

void app.whenReady().then(async () => {
  const userData = app.getPath('userData');
  const configFile = path.join(userData, 'kiosk.json');
  let config = readConfig(configFile);
  const lanPort = config.ok ? config.config.lanPort : 8080;
  const hubUrl = hubLoopbackUrl(lanPort);
  const lan = lanUrl(networkInterfaces(), lanPort);
  if (config.ok) {
    try {
      hub = await createRelay(hubOptions(config.config, userData, bundleDir, lan));
    } catch (error) {
      console.error(`kiosk: the hub did not start on port ${lanPort}: ${String(error)}`);
      config = { ok: false, problems: [{ field: 'lanPort', code: 'hub-not-started' }] };
    }
  }
  if (config.ok && hub) {
    const { storage } = hub;
    registerWindowToken({
      neighbourhood: config.config.neighbourhood,
      mint: (claims, ttl) => mintTokenFor(storage, claims, ttl),
    });
  }
  const screen = followScreenReports();
  // Updates come from the feed electron-builder.yml names (`publish`); a development run
  // has no feed. Installing waits for the policy's night hours, never on quit.
  if (app.isPackaged && config.ok) {
    const { autoUpdater } = electronUpdater;
    autoUpdater.autoInstallOnAppQuit = false;
    followUpdates({ updater: autoUpdater, screen });
  }
  if (config.ok) {
    registerSetup({
      configFile,
      config: config.config,
      // A restart applies the new kiosk.json to the window and the hub alike.
      onSaved: () => {
        app.relaunch();
        app.quit();
      },
    });
  }
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
  const policy = kioskContentPolicy(lanPort);
  protocol.handle(APP_SCHEME, async (request) => {
    const { pathname } = new URL(request.url);
    if (pathname === SETUP_ERROR_PATH && !config.ok) {
      return html(configErrorPage(config.problems, configFile));
    }
    if (pathname === FALLBACK_PATH) {
      const nb = config.ok ? config.config.neighbourhood : '';
      return html(fallbackCrisisPage(config.ok ? crisisPageUrl(config.config.upstream, nb) : null));
    }
    const forward = hub ? hubRequestUrl(request.url, hubUrl) : null;
    if (forward) {
      return net.fetch(forward, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        duplex: 'half',
      } as RequestInit);
    }
    const file = resolveBundleFile(bundleDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    return withPolicy(await net.fetch(pathToFileURL(file).toString()), policy);
  });
  // A kiosk screen stays on.
  powerSaveBlocker.start('prevent-display-sleep');

  const window = new BrowserWindow(
    kioskWindowOptions(
      path.join(here, 'preload.cjs'),
      config.ok ? [rendererArgument(config.config, { hubUrl, lanUrl: lan })] : [],
      app.isPackaged,
    ),
  );
  window.once('ready-to-show', () => window.show());
  // The neighbourhood's path, as on the relay (`/nb/<slug>/`): the app opens that one.
  const home = config.ok
    ? `${APP_ORIGIN}/nb/${config.config.neighbourhood}/#kiosk`
    : `${APP_ORIGIN}${SETUP_ERROR_PATH}`;

  let crashes: number[] = [];
  const recover = () => {
    const { history, next } = onRendererCrash(crashes, Date.now());
    crashes = history;
    if (next.action === 'fallback') void window.loadURL(`${APP_ORIGIN}${FALLBACK_PATH}`);
    else setTimeout(() => void window.loadURL(home), next.delayMs);
  };
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit') recover();
  });
  window.on('unresponsive', recover);
  void window.loadURL(home);
});

app.on('window-all-closed', () => app.quit());

// The replica's writes finish and the upstream links close before the process ends.
app.on('will-quit', (event) => {
  if (!hub) return;
  event.preventDefault();
  const closing = hub;
  hub = null;
  void closing.close().finally(() => app.quit());
});
