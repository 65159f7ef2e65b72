import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const config = parse(readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8'));

describe('kiosk packaging', () => {
  it('turns off the Electron fuses an attacker could use', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(config.asar).toBe(true);
  });

  it('ships the built kiosk main, the same web bundle as the PWA and the embedded relay', () => {
    expect(config.files).toEqual(
      expect.arrayContaining([
        'desktop/dist/**/*',
        'web/dist/**/*',
        'sync-server/dist/**/*',
        'shared/dist/**/*',
      ]),
    );
    expect(config.extraMetadata.main).toBe('desktop/dist/main.js');
  });

  it('builds for Linux and Windows', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win.target).toEqual(['nsis']);
  });

  it('updates from a feed the release machine configures, over the generic provider', () => {
    expect(config.publish).toEqual({
      provider: 'generic',
      url: '${env.BUURTHUB_UPDATE_FEED}',
      channel: 'latest',
    });
  });
});
