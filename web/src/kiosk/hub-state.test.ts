import { describe, expect, it } from 'vitest';
import { fetchHubState, parseHubState } from './hub-state.js';

describe("the kiosk's upstream line", () => {
  it('reads the hub state and the time of its last sync', () => {
    expect(
      parseHubState({ upstream: { state: 'offline', rooms: 1, online: 0, lastSyncedAt: 1700 } }),
    ).toEqual({ state: 'offline', lastSyncedAt: 1700 });
    expect(parseHubState({ upstream: { state: 'online', lastSyncedAt: null } })).toEqual({
      state: 'online',
      lastSyncedAt: null,
    });
  });

  it('shows nothing for a relay that is not a hub or an answer it does not understand', () => {
    expect(parseHubState({ upstream: null })).toBe(null);
    expect(parseHubState({ upstream: { state: 'exploded' } })).toBe(null);
    expect(parseHubState('<html>')).toBe(null);
    expect(parseHubState(null)).toBe(null);
    expect(parseHubState({ upstream: { state: 'online', lastSyncedAt: 'soon' } })).toEqual({
      state: 'online',
      lastSyncedAt: null,
    });
  });

  it('treats an unreachable or failing relay as nothing to show', async () => {
    const failing = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    expect(await fetchHubState(failing)).toBe(null);
    const notFound = (async () => new Response('nope', { status: 404 })) as typeof fetch;
    expect(await fetchHubState(notFound)).toBe(null);
    const hub = (async () =>
      Response.json({ upstream: { state: 'connecting', lastSyncedAt: 5 } })) as typeof fetch;
    expect(await fetchHubState(hub)).toEqual({ state: 'connecting', lastSyncedAt: 5 });
  });
});
