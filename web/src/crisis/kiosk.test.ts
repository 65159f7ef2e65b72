import { describe, expect, it } from 'vitest';
import { alertPublicUrl, isKioskView, joinPublicUrl, nextIndex, publicBase } from './kiosk.js';

describe('kiosk view', () => {
  it('shows for #kiosk and always in the kiosk window', () => {
    expect(isKioskView('#kiosk', undefined)).toBe(true);
    expect(isKioskView('#berichten', { isKiosk: true })).toBe(true);
    expect(isKioskView('#berichten', undefined)).toBe(false);
    expect(isKioskView('#kioskx', { isKiosk: false })).toBe(false);
  });

  it('links QR codes to the public URL, never to the kiosk origin when one is given', () => {
    expect(publicBase('app://buurthub', { publicUrl: 'https://buurt.example/' })).toBe(
      'https://buurt.example',
    );
    expect(publicBase('http://127.0.0.1:8080', { publicUrl: 'javascript:alert(1)' })).toBe(
      'http://127.0.0.1:8080',
    );
    expect(alertPublicUrl('https://b.nl', 'maaskant', 'a b')).toBe(
      'https://b.nl/nb/maaskant/#crisis/a%20b',
    );
    expect(joinPublicUrl('https://b.nl')).toBe('https://b.nl/join/');
  });

  it('rotates through the alerts, wrapping both ways', () => {
    expect(nextIndex(0, 3)).toBe(1);
    expect(nextIndex(2, 3)).toBe(0);
    expect(nextIndex(0, 3, -1)).toBe(2);
    expect(nextIndex(5, 0)).toBe(0);
  });
});
