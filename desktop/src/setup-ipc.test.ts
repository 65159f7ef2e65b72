/** The setup mode's main-process side, with a mocked `electron` ipcMain and a real kiosk.json. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseKioskConfig } from './kiosk-config.js';
import { hashPin } from './setup-pin.js';

const handlers = vi.hoisted(() => new Map<string, (...args: unknown[]) => unknown>());
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: (...args: unknown[]) => unknown) =>
      handlers.set(channel, handler),
  },
}));

const { registerSetup, SETUP_CHANNELS, SETUP_SESSION_MS } = await import('./setup-ipc.js');

function pageEvent(url = 'app://bundle/#kiosk') {
  const mainFrame = { url };
  return { senderFrame: mainFrame, sender: { mainFrame } };
}
const call = (channel: string, event: object, ...args: unknown[]) =>
  handlers.get(channel)!(event, ...args);

describe('setup mode behind the moderator PIN', { timeout: 30_000 }, () => {
  let dir: string;
  let file: string;
  let clock: number;
  let saved: number;

  function start(withPin = true) {
    const json = {
      neighbourhood: 'maasburen',
      lanPort: 8090,
      ...(withPin && { setupPin: hashPin('4821') }),
    };
    writeFileSync(file, JSON.stringify(json));
    const parsed = parseKioskConfig(JSON.stringify(json));
    if (!parsed.ok) throw new Error('expected a valid kiosk.json');
    registerSetup({
      configFile: file,
      config: parsed.config,
      now: () => clock,
      onSaved: () => saved++,
    });
  }

  beforeEach(() => {
    handlers.clear();
    dir = mkdtempSync(path.join(tmpdir(), 'kiosk-setup-'));
    file = path.join(dir, 'kiosk.json');
    clock = 1_000_000;
    saved = 0;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('opens with the right PIN, shows the settings and writes a change to kiosk.json', async () => {
    start();
    expect(call(SETUP_CHANNELS.unlock, pageEvent(), '0000')).toEqual({ result: 'wrong' });
    const answer = call(SETUP_CHANNELS.unlock, pageEvent(), '4821') as {
      result: string;
      session: string;
      settings: unknown;
    };
    expect(answer.result).toBe('ok');
    expect(answer.settings).toEqual({
      idleSeconds: 120,
      show: { crisis: true, agenda: true, boards: true, joinQr: true },
    });
    const show = { crisis: true, agenda: false, boards: true, joinQr: true };
    expect(
      call(SETUP_CHANNELS.save, pageEvent(), answer.session, { idleSeconds: 300, show }),
    ).toEqual({ result: 'saved' });
    const written = JSON.parse(readFileSync(file, 'utf8'));
    expect(written).toMatchObject({ neighbourhood: 'maasburen', idleSeconds: 300, show });
    expect(written.setupPin.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(saved).toBe(1);
    // The session is used up.
    expect(
      call(SETUP_CHANNELS.save, pageEvent(), answer.session, { idleSeconds: 60, show }),
    ).toEqual({ result: 'refused' });
  });

  it('locks out for longer and longer after five wrong PINs', () => {
    start();
    for (let i = 0; i < 4; i++) {
      expect(call(SETUP_CHANNELS.unlock, pageEvent(), '1111')).toEqual({ result: 'wrong' });
    }
    expect(call(SETUP_CHANNELS.unlock, pageEvent(), '1111')).toEqual({
      result: 'locked',
      lockedForMs: 60_000,
    });
    // Even the right PIN waits out the lock.
    expect(call(SETUP_CHANNELS.unlock, pageEvent(), '4821')).toMatchObject({ result: 'locked' });
    clock += 60_000;
    for (let i = 0; i < 4; i++) call(SETUP_CHANNELS.unlock, pageEvent(), '2222');
    expect(call(SETUP_CHANNELS.unlock, pageEvent(), '2222')).toEqual({
      result: 'locked',
      lockedForMs: 120_000,
    });
  });

  it('refuses saves after the session ended, after lock, and without a PIN', () => {
    start();
    const show = { crisis: true, agenda: true, boards: true, joinQr: true };
    const first = call(SETUP_CHANNELS.unlock, pageEvent(), '4821') as { session: string };
    clock += SETUP_SESSION_MS;
    expect(
      call(SETUP_CHANNELS.save, pageEvent(), first.session, { idleSeconds: 60, show }),
    ).toEqual({ result: 'refused' });
    const second = call(SETUP_CHANNELS.unlock, pageEvent(), '4821') as { session: string };
    call(SETUP_CHANNELS.lock, pageEvent());
    expect(
      call(SETUP_CHANNELS.save, pageEvent(), second.session, { idleSeconds: 60, show }),
    ).toEqual({ result: 'refused' });
    expect(saved).toBe(0);

    handlers.clear();
    start(false);
    expect(call(SETUP_CHANNELS.unlock, pageEvent(), '4821')).toEqual({ result: 'no-pin' });
  });

  it('answers only the kiosk page itself, never another origin or a frame inside it', () => {
    start();
    expect(call(SETUP_CHANNELS.unlock, pageEvent('https://evil.example/'), '4821')).toEqual({
      result: 'refused',
    });
    const frame = { url: 'app://bundle/' };
    const iframe = { senderFrame: frame, sender: { mainFrame: { url: 'app://bundle/' } } };
    expect(call(SETUP_CHANNELS.unlock, iframe, '4821')).toEqual({ result: 'refused' });
    expect(call(SETUP_CHANNELS.unlock, pageEvent(), 4821)).toEqual({ result: 'refused' });
  });
});
