import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n/i18n.js';
import { describeSyncState } from './describe-sync-state.js';
import { neighbourhoodFromPath, syncUrlFor } from './neighbourhood.js';
import { type SpaceSnapshot, combineSyncState } from './sync-state.js';

const space = (over: Partial<SpaceSnapshot> = {}): SpaceSnapshot => ({
  status: 'connected',
  reachable: true,
  synced: true,
  pending: 0,
  lastSavedAt: null,
  ...over,
});

describe('the sync state the user sees', () => {
  afterEach(async () => {
    await setLocale('nl');
  });

  it('is offline when the browser has no network, whatever the providers say', () => {
    expect(combineSyncState(false, [space(), space()]).connection).toBe('offline');
  });

  it('is online only when every space is connected', () => {
    expect(combineSyncState(true, [space(), space()]).connection).toBe('online');
    expect(combineSyncState(true, [space(), space({ status: 'connecting' })]).connection).toBe(
      'connecting',
    );
  });

  it('calls a relay that cannot be reached offline, not "connecting" forever', () => {
    const down = space({ status: 'connecting', reachable: false });
    expect(combineSyncState(true, [space(), down]).connection).toBe('offline');
  });

  it('counts the waiting changes of a space without a usable token, but not its connection', () => {
    const local = space({ active: false, status: 'disconnected', pending: 2 });
    const s = combineSyncState(true, [space(), local]);
    expect(s.connection).toBe('online');
    expect(s.pending).toBe(2);
  });

  it('adds up waiting changes and keeps the latest server confirmation', () => {
    const s = combineSyncState(true, [
      space({ pending: 2, lastSavedAt: 1000 }),
      space({ pending: 1, lastSavedAt: 5000 }),
    ]);
    expect(s.pending).toBe(3);
    expect(s.lastSavedAt).toBe(5000);
  });

  it('says syncing while a connected space has not finished its first exchange', () => {
    expect(combineSyncState(true, [space({ synced: false }), space()]).syncing).toBe(true);
  });

  it('tells in Dutch how many changes wait, and when the server last saved', () => {
    const base = { connection: 'offline', syncing: false, lastSavedAt: null } as const;
    expect(describeSyncState({ ...base, pending: 1 })).toBe('Offline · 1 wijziging wacht');
    expect(describeSyncState({ ...base, pending: 3 })).toBe('Offline · 3 wijzigingen wachten');
    const saved = new Date(2024, 0, 1, 14, 5).getTime();
    expect(
      describeSyncState({ connection: 'online', syncing: false, pending: 0, lastSavedAt: saved }),
    ).toBe('Online · laatst opgeslagen op de server om 14:05');
  });

  it('speaks English after switching language', async () => {
    await setLocale('en');
    expect(
      describeSyncState({ connection: 'online', syncing: false, pending: 2, lastSavedAt: null }),
    ).toBe('Online · 2 changes waiting');
  });
});

describe('which neighbourhood and relay the app opens', () => {
  it('reads the neighbourhood from /nb/<slug>/ and falls back to maasburen', () => {
    expect(neighbourhoodFromPath('/nb/plasmolen/')).toBe('plasmolen');
    expect(neighbourhoodFromPath('/nb/Bad_Slug/')).toBe('maasburen');
    expect(neighbourhoodFromPath('/')).toBe('maasburen');
  });

  it('syncs with the same origin, over wss on https', () => {
    expect(syncUrlFor({ protocol: 'https:', host: 'buurt.example' })).toBe(
      'wss://buurt.example/sync',
    );
    expect(syncUrlFor({ protocol: 'http:', host: '127.0.0.1:8080' })).toBe(
      'ws://127.0.0.1:8080/sync',
    );
  });
});
