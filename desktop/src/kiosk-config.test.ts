import { describe, expect, it } from 'vitest';
import { DEFAULTS, parseKioskConfig, RENDERER_ARGUMENT, rendererArgument } from './kiosk-config.js';

const TOKEN = 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJraW9zayJ9.c2lnbmF0dXJl';
const valid = {
  neighbourhood: 'maasburen',
  upstream: 'wss://buurt.example.nl/sync',
  deviceToken: TOKEN,
  lanPort: 8090,
  idleSeconds: 90,
  show: { agenda: false },
  setupPin: { salt: 'a'.repeat(32), hash: 'b'.repeat(64) },
};

describe('kiosk.json', () => {
  it('reads a complete file and fills in defaults for what is left out', () => {
    const full = parseKioskConfig(JSON.stringify(valid));
    expect(full).toEqual({
      ok: true,
      config: { ...valid, show: { ...DEFAULTS.show, agenda: false } },
    });
    expect(parseKioskConfig('{"neighbourhood":"mook"}')).toEqual({
      ok: true,
      config: {
        neighbourhood: 'mook',
        upstream: null,
        deviceToken: null,
        lanPort: DEFAULTS.lanPort,
        idleSeconds: DEFAULTS.idleSeconds,
        show: DEFAULTS.show,
        setupPin: null,
      },
    });
  });

  it('says the file is missing or is not JSON instead of crashing', () => {
    expect(parseKioskConfig(null)).toEqual({
      ok: false,
      problems: [{ field: '', code: 'file-missing' }],
    });
    expect(parseKioskConfig('{neighbourhood: mook')).toEqual({
      ok: false,
      problems: [{ field: '', code: 'not-json' }],
    });
    expect(parseKioskConfig('[1,2]')).toEqual({
      ok: false,
      problems: [{ field: '', code: 'not-an-object' }],
    });
  });

  it('lists every problem at once, with the field it is about', () => {
    const result = parseKioskConfig(
      JSON.stringify({
        neighbourhood: 'Maas Buren',
        upstream: 'wss://buurt.example.nl/sync',
        lanPort: 80,
        idleSeconds: 'lang',
        show: { crisis: 'ja', weather: true },
        setupPin: { salt: 'x', hash: 'y' },
        colour: 'blauw',
      }),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual(
      expect.arrayContaining([
        { field: 'neighbourhood', code: 'invalid' },
        { field: 'deviceToken', code: 'required' },
        { field: 'lanPort', code: 'invalid' },
        { field: 'idleSeconds', code: 'invalid' },
        { field: 'show.crisis', code: 'invalid' },
        { field: 'show.weather', code: 'unknown-field' },
        { field: 'setupPin', code: 'invalid' },
        { field: 'colour', code: 'unknown-field' },
      ]),
    );
  });

  it.each([
    'https://buurt.example.nl/sync',
    'ws://buurt.example.nl/sync',
    'wss://user:secret@buurt.example.nl/sync',
    'wss://buurt.example.nl/sync?token=abc',
    'javascript:alert(1)',
    'wss://',
  ])('refuses %s as the upstream relay', (upstream) => {
    const result = parseKioskConfig(JSON.stringify({ ...valid, upstream }));
    expect(!result.ok && result.problems).toEqual([{ field: 'upstream', code: 'invalid' }]);
  });

  it('accepts plain ws: to an upstream on the same machine (tests, a hub behind the kiosk)', () => {
    expect(
      parseKioskConfig(JSON.stringify({ ...valid, upstream: 'ws://127.0.0.1:8080/sync' })).ok,
    ).toBe(true);
  });
});

describe('what the kiosk window may know of kiosk.json', () => {
  it('passes the idle time and what to show, never the device token or the PIN', () => {
    const result = parseKioskConfig(JSON.stringify(valid));
    if (!result.ok) throw new Error('expected a valid file');
    const argument = rendererArgument(result.config, {
      hubUrl: 'http://127.0.0.1:8090',
      lanUrl: 'http://192.168.1.20:8090',
    });
    expect(argument.startsWith(RENDERER_ARGUMENT)).toBe(true);
    expect(JSON.parse(argument.slice(RENDERER_ARGUMENT.length))).toEqual({
      neighbourhood: 'maasburen',
      idleSeconds: 90,
      show: { crisis: true, agenda: false, boards: true, joinQr: true },
      hubUrl: 'http://127.0.0.1:8090',
      lanUrl: 'http://192.168.1.20:8090',
      publicUrl: 'https://buurt.example.nl',
    });
    expect(argument).not.toContain(TOKEN);
    expect(argument).not.toContain(valid.setupPin.hash);
  });

  it('sends phones to the upstream web address, or to the LAN address without an upstream', () => {
    const hub = { hubUrl: 'http://127.0.0.1:8080', lanUrl: 'http://10.0.0.5:8080' };
    const local = parseKioskConfig('{"neighbourhood":"mook"}');
    if (!local.ok) throw new Error('expected a valid file');
    const shown = (argument: string) => JSON.parse(argument.slice(RENDERER_ARGUMENT.length));
    expect(shown(rendererArgument(local.config, hub)).publicUrl).toBe('http://10.0.0.5:8080');
    expect(shown(rendererArgument(local.config, { ...hub, lanUrl: null })).publicUrl).toBe(null);
  });
});
