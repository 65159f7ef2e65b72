import { describe, expect, it } from 'vitest';
import { kioskContentPolicy } from './content-policy.js';

describe('the kiosk window’s content policy', () => {
  it('runs only the bundle’s own scripts and talks only to the bundle and the local hub', () => {
    const policy = kioskContentPolicy(8080);
    const directives = new Map(
      policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('require-trusted-types-for')).toEqual(["'script'"]);
    expect(directives.get('trusted-types')).toEqual(['lit-html', 'ProseMirrorClipboard']);
    expect(directives.get('connect-src')).toEqual([
      "'self'",
      'http://127.0.0.1:8080',
      'ws://127.0.0.1:8080',
    ]);
    expect(policy).not.toMatch(/unsafe-eval|\*|https?:\/\/(?!127\.0\.0\.1)/);
  });
});
