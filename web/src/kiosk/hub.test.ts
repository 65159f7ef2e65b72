import { describe, expect, it } from 'vitest';
import { hubLanUrl, hubSyncUrl } from './hub.js';

describe('the kiosk hub as the web app sees it', () => {
  it('syncs with the hub on this machine inside the kiosk window', () => {
    expect(hubSyncUrl({ isKiosk: true, hubUrl: 'http://127.0.0.1:8080' })).toBe(
      'ws://127.0.0.1:8080/sync',
    );
  });

  it('keeps its own origin in a browser, and refuses a hub that is not on this machine', () => {
    expect(hubSyncUrl(undefined)).toBe(null);
    expect(hubSyncUrl({ isKiosk: true })).toBe(null);
    expect(hubSyncUrl({ hubUrl: 'http://evil.example:8080' })).toBe(null);
    expect(hubSyncUrl({ hubUrl: 'http://127.0.0.1.evil.example:8080' })).toBe(null);
    expect(hubSyncUrl({ hubUrl: 'http://127.0.0.1:80' })).toBe(null);
    expect(hubSyncUrl({ hubUrl: 'http://127.0.0.1:99999' })).toBe(null);
    expect(hubSyncUrl({ hubUrl: 'http://127.0.0.1:8080/x' })).toBe(null);
  });

  it('shows a plain LAN address, nothing else', () => {
    expect(hubLanUrl({ lanUrl: 'http://192.168.1.20:8080' })).toBe('http://192.168.1.20:8080');
    expect(hubLanUrl({ lanUrl: 'javascript:alert(1)' })).toBe(null);
    expect(hubLanUrl({ lanUrl: 'http://evil.example:8080' })).toBe(null);
    expect(hubLanUrl(undefined)).toBe(null);
  });
});
