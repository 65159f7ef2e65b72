import { describe, expect, it } from 'vitest';
import { kioskWindowToken } from './window-token.js';

const JWT = 'eyJhbGciOiJFZERTQSJ9.eyJyb2xlIjoia2lvc2sifQ.c2lnbmF0dXJl';

describe("the kiosk window's own token", () => {
  it('takes the token main hands out', async () => {
    expect(await kioskWindowToken({ windowToken: () => Promise.resolve(JWT) })).toBe(JWT);
  });

  it('is absent in a browser and when main refuses or answers with anything but a token', async () => {
    expect(await kioskWindowToken(undefined)).toBe(null);
    expect(await kioskWindowToken({ isKiosk: true })).toBe(null);
    expect(await kioskWindowToken({ windowToken: () => Promise.resolve(null) })).toBe(null);
    expect(await kioskWindowToken({ windowToken: () => Promise.resolve({ token: JWT }) })).toBe(
      null,
    );
    expect(await kioskWindowToken({ windowToken: () => Promise.resolve(`${JWT}<script>`) })).toBe(
      null,
    );
    expect(await kioskWindowToken({ windowToken: () => Promise.reject(new Error('no')) })).toBe(
      null,
    );
  });
});
