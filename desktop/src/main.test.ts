/**
 * The kiosk's main process with a mocked `electron` (the binary cannot be downloaded here)
 * and everything else real: kiosk.json on disk, the embedded relay on 127.0.0.1 with its
 * SQLite replica, and the window and protocol handler main wires up.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RENDERER_ARGUMENT } from './kiosk-config.js';

const electron = vi.hoisted(() => {
  const state = {
    userData: '',
    appHandlers: new Map<string, (...args: unknown[]) => void>(),
    protocolHandler: null as ((request: Request) => Promise<Response>) | null,
    windows: [] as { options: Record<string, unknown>; loaded: string[] }[],
    quits: 0,
    ipc: new Set<string>(),
  };
  class BrowserWindow {
    readonly loaded: string[] = [];
    readonly webContents = { on: () => undefined };
    constructor(readonly options: Record<string, unknown>) {
      state.windows.push(this);
    }
    once(): void {}
    on(): void {}
    show(): void {}
    loadURL(url: string): Promise<void> {
      this.loaded.push(url);
      return Promise.resolve();
    }
  }
  const module = {
    app: {
      requestSingleInstanceLock: () => true,
      quit: () => void state.quits++,
      on: (event: string, handler: (...args: unknown[]) => void) =>
        state.appHandlers.set(event, handler),
      whenReady: () => Promise.resolve(),
      getPath: () => state.userData,
      relaunch: () => undefined,
      isPackaged: true,
    },
    protocol: {
      registerSchemesAsPrivileged: () => undefined,
      handle: (_scheme: string, handler: (request: Request) => Promise<Response>) => {
        state.protocolHandler = handler;
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
      },
    },
    net: { fetch: (url: string, init?: RequestInit) => fetch(url, init) },
    powerSaveBlocker: { start: () => 1 },
    ipcMain: {
      handle: (channel: string) => state.ipc.add(channel),
      on: (channel: string) => state.ipc.add(channel),
    },
    BrowserWindow,
  };
  return { state, module };
});

vi.mock('electron', () => electron.module);

/** electron-updater as main sees it in a packaged kiosk: counts its checks of the feed. */
const updater = vi.hoisted(() => ({
  checks: 0,
  autoInstallOnAppQuit: true,
  on: () => undefined,
  checkForUpdates() {
    this.checks++;
    return Promise.resolve(null);
  },
  quitAndInstall: () => undefined,
}));
vi.mock('electron-updater', () => ({ default: { autoUpdater: updater } }));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startMain(kioskJson: object, port: number) {
  writeFileSync(path.join(electron.state.userData, 'kiosk.json'), JSON.stringify(kioskJson));
  await import('./main.js');
  await vi.waitFor(() => expect(electron.state.windows).toHaveLength(1), { timeout: 60_000 });
  return { window: electron.state.windows[0]!, hubUrl: `http://127.0.0.1:${port}` };
}

/** What main does when the app quits: closes the hub, then quits for real. */
async function quit(): Promise<void> {
  const quits = electron.state.quits;
  let prevented = false;
  electron.state.appHandlers.get('will-quit')?.({ preventDefault: () => (prevented = true) });
  if (prevented) {
    await vi.waitFor(() => expect(electron.state.quits).toBe(quits + 1), { timeout: 30_000 });
  }
}

describe('the kiosk main process', { timeout: 90_000 }, () => {
  beforeEach(() => {
    vi.resetModules();
    electron.state.userData = mkdtempSync(path.join(tmpdir(), 'kiosk-main-'));
    electron.state.appHandlers.clear();
    electron.state.protocolHandler = null;
    electron.state.windows.length = 0;
  });

  afterEach(async () => {
    await quit();
    rmSync(electron.state.userData, { recursive: true, force: true });
  });

  it('starts the hub on the LAN port with a replica in the app data folder, and points the window at it', async () => {
    const port = await freePort();
    const { window, hubUrl } = await startMain({ neighbourhood: 'maasburen', lanPort: port }, port);

    const health = await fetch(`${hubUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(existsSync(path.join(electron.state.userData, 'replica', 'buurthub.sqlite'))).toBe(true);

    const prefs = window.options.webPreferences as { additionalArguments: string[] };
    const argument = prefs.additionalArguments.find((a) => a.startsWith(RENDERER_ARGUMENT));
    expect(JSON.parse(argument!.slice(RENDERER_ARGUMENT.length))).toMatchObject({
      neighbourhood: 'maasburen',
      hubUrl,
    });
    expect(window.loaded).toEqual(['app://bundle/nb/maasburen/#kiosk']);
    expect(electron.state.ipc).toContain('kiosk:setup-unlock');
    expect(electron.state.ipc).toContain('kiosk:window-token');
    expect(electron.state.ipc).toContain('kiosk:screen');
    // A packaged kiosk looks for an update at start and installs only by the policy.
    expect(updater.checks).toBeGreaterThan(0);
    expect(updater.autoInstallOnAppQuit).toBe(false);

    // The bundle's relay calls (relative paths on app://bundle) reach the hub.
    const keys = await electron.state.protocolHandler!(
      new Request('app://bundle/.well-known/jwks.json'),
    );
    expect(keys.status).toBe(200);
    const direct = await (await fetch(`${hubUrl}/.well-known/jwks.json`)).json();
    expect(await keys.json()).toEqual(direct);
    const refused = await electron.state.protocolHandler!(
      new Request('app://bundle.evil/api/join'),
    );
    expect(refused.status).toBe(404);

    await quit();
    await expect(fetch(`${hubUrl}/healthz`)).rejects.toThrow();
  });

  it('shows the setup error screen when the LAN port is taken, instead of crashing', async () => {
    const port = await freePort();
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '0.0.0.0', resolve));
    try {
      const { window } = await startMain({ neighbourhood: 'maasburen', lanPort: port }, port);
      expect(window.loaded).toEqual(['app://bundle/kiosk-setup-error']);
      const page = await electron.state.protocolHandler!(
        new Request('app://bundle/kiosk-setup-error'),
      );
      expect(await page.text()).toContain('is de poort al in gebruik?');
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
