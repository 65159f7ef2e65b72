import { describe, expect, it } from 'vitest';
import { parseKioskConfig } from './kiosk-config.js';
import { configErrorPage, crisisPageUrl, fallbackCrisisPage } from './kiosk-pages.js';

describe('pages the kiosk shows without the app', () => {
  it('names every problem of kiosk.json, in Dutch and English, with the file to fix', () => {
    const result = parseKioskConfig('{"neighbourhood":"<b>x</b>","lanPort":1}');
    if (result.ok) throw new Error('expected problems');
    const html = configErrorPage(result.problems, 'C:\\Buurthuis\\kiosk.json');
    expect(html).toContain('<code>neighbourhood</code>: Deze waarde klopt niet.');
    expect(html).toContain('<code>lanPort</code>');
    expect(html).toContain('This value is not valid.');
    expect(html).toContain('C:\\Buurthuis\\kiosk.json');
    expect(html).not.toMatch(/<script|<b>x/);
  });

  it('shows 112 and the neighbourhood crisis page on the safe screen, with nothing that can run', () => {
    const url = crisisPageUrl('wss://buurt.example.nl/sync', 'maasburen');
    expect(url).toBe('https://buurt.example.nl/nb/maasburen/crisis');
    const html = fallbackCrisisPage(url);
    expect(html).toContain('112');
    expect(html).toContain('https://buurt.example.nl/nb/maasburen/crisis');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|<img|<iframe|src=/i);
    expect(fallbackCrisisPage(null)).not.toContain('crisisinformatie:');
  });

  it('escapes what comes from the configuration', () => {
    expect(fallbackCrisisPage('https://x.example/"><script>')).not.toContain('<script>');
  });
});
