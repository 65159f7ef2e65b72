import { describe, expect, it } from 'vitest';
import { isAllowedNavigation } from './navigation-policy.js';

describe('kiosk navigation policy', () => {
  it('lets the kiosk move within its own bundle', () => {
    expect(isAllowedNavigation('app://bundle/')).toBe(true);
    expect(isAllowedNavigation('app://bundle/nb/maasburen/')).toBe(true);
  });

  it.each([
    'https://evil.example/',
    'http://localhost:8080/',
    'file:///etc/passwd',
    'app://bundle.evil.com/',
    'app://evil/',
    'app://user@bundle/',
    'app://bundle:8080/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
});
