import path from 'node:path';
import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { parseKioskConfig, type KioskConfig } from './kiosk-config.js';
import { hubLoopbackUrl, hubOptions, lanUrl } from './hub-options.js';

const TOKEN = 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJraW9zayJ9.c2lnbmF0dXJl';

function config(json: object): KioskConfig {
  const result = parseKioskConfig(JSON.stringify(json));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.config;
}

const iface = (address: string, internal = false): NetworkInterfaceInfo =>
  ({
    address,
    family: 'IPv4',
    internal,
    netmask: '255.255.255.0',
    mac: '',
    cidr: null,
  }) as NetworkInterfaceInfo;

describe('the embedded hub', () => {
  it('keeps its replica in the app data folder and replicates with the configured upstream', () => {
    const options = hubOptions(
      config({
        neighbourhood: 'maasburen',
        upstream: 'wss://buurt.example.nl/sync',
        deviceToken: TOKEN,
        lanPort: 8090,
      }),
      '/home/kiosk/.config/Buurthub Kiosk',
      '/app/web/dist',
      'http://192.168.1.20:8090',
    );
    expect(options).toEqual({
      port: 8090,
      host: '0.0.0.0',
      dataDir: path.join('/home/kiosk/.config/Buurthub Kiosk', 'replica'),
      staticDir: '/app/web/dist',
      publicUrl: 'http://192.168.1.20:8090',
      upstream: { url: 'wss://buurt.example.nl/sync', token: TOKEN },
    });
  });

  it('runs as a stand-alone hub without an upstream, linking to itself', () => {
    const options = hubOptions(config({ neighbourhood: 'mook' }), '/data', '/web', null);
    expect(options.upstream).toBeUndefined();
    expect(options.publicUrl).toBe(hubLoopbackUrl(8080));
    expect(options.publicUrl).toBe('http://127.0.0.1:8080');
  });

  it('announces the first private LAN address, never loopback or a public address', () => {
    expect(
      lanUrl(
        {
          lo: [iface('127.0.0.1', true)],
          wlan0: [iface('192.168.2.14')],
          eth0: [iface('10.0.0.5')],
        },
        8080,
      ),
    ).toBe('http://10.0.0.5:8080');
    expect(lanUrl({ eth0: [iface('172.20.1.3')] }, 9000)).toBe('http://172.20.1.3:9000');
    expect(lanUrl({ lo: [iface('127.0.0.1', true)], eth0: [iface('84.12.3.4')] }, 8080)).toBe(null);
    expect(lanUrl({ eth0: [iface('172.32.0.1')] }, 8080)).toBe(null);
    expect(lanUrl({}, 8080)).toBe(null);
  });
});
