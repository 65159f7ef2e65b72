import { describe, expect, it } from 'vitest';
import { hubRequestUrl } from './hub-routes.js';

const HUB = 'http://127.0.0.1:8080';

describe('requests the kiosk window sends to its hub', () => {
  it('forwards the API, the photos and the relay keys, with their query', () => {
    expect(hubRequestUrl('app://bundle/api/join', HUB)).toBe(`${HUB}/api/join`);
    expect(hubRequestUrl('app://bundle/blobs/limits', HUB)).toBe(`${HUB}/blobs/limits`);
    expect(hubRequestUrl('app://bundle/blobs/ab12?w=300', HUB)).toBe(`${HUB}/blobs/ab12?w=300`);
    expect(hubRequestUrl('app://bundle/.well-known/jwks.json', HUB)).toBe(
      `${HUB}/.well-known/jwks.json`,
    );
  });

  it('leaves the app bundle to the bundle', () => {
    expect(hubRequestUrl('app://bundle/', HUB)).toBe(null);
    expect(hubRequestUrl('app://bundle/assets/index.js', HUB)).toBe(null);
    expect(hubRequestUrl('app://bundle/apis', HUB)).toBe(null);
  });

  it('forwards nothing from another origin or that climbs out of the API', () => {
    expect(hubRequestUrl('app://bundle.evil/api/join', HUB)).toBe(null);
    expect(hubRequestUrl('https://evil.example/api/join', HUB)).toBe(null);
    expect(hubRequestUrl('app://bundle/api/../metrics', HUB)).toBe(null);
    expect(hubRequestUrl('app://bundle@evil/api/join', HUB)).toBe(null);
  });
});
