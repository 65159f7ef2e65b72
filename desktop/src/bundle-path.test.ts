import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveBundleFile } from './bundle-path.js';

const root = path.resolve('/opt/buurthub/web');

describe('kiosk bundle files', () => {
  it('serves the app shell for the root and for app routes', () => {
    expect(resolveBundleFile(root, 'app://bundle/')).toBe(path.join(root, 'index.html'));
    expect(resolveBundleFile(root, 'app://bundle/nb/maasburen')).toBe(
      path.join(root, 'index.html'),
    );
  });

  it('serves assets from inside the bundle', () => {
    expect(resolveBundleFile(root, 'app://bundle/assets/app-1234.js')).toBe(
      path.join(root, 'assets/app-1234.js'),
    );
  });

  it.each([
    'app://bundle/../../etc/passwd',
    'app://bundle/%2e%2e/%2e%2e/etc/passwd',
    'app://bundle/..%2f..%2fetc%2fpasswd',
    'app://bundle/assets/%00.js',
    'app://bundle/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
  ])('never leaves the bundle for %s', (url) => {
    const file = resolveBundleFile(root, url);
    if (file !== null) expect(file.startsWith(root + path.sep)).toBe(true);
    expect(file === null || !file.includes('passwd')).toBe(true);
  });
});
