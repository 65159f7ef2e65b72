/**
 * The Content-Security-Policy of everything the kiosk window loads from `app://bundle`
 * (Electron security checklist: a strict CSP). Scripts and styles only from the bundle
 * (inline styles for Lit's fallback), no plugins, no framing; connections only to the
 * bundle itself and to the kiosk's own hub on this machine.
 */
export function kioskContentPolicy(hubPort: number): string {
  const hub = `http://127.0.0.1:${hubPort} ws://127.0.0.1:${hubPort}`;
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: http://127.0.0.1:${hubPort}`,
    `media-src 'self' blob: http://127.0.0.1:${hubPort}`,
    `connect-src 'self' ${hub}`,
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "form-action 'none'",
    // Markup and script URLs only through named policies: Lit's and the board editor's
    // (the kiosk registers no service worker, so the PWA's 'buurthub' policy is not needed).
    "require-trusted-types-for 'script'",
    'trusted-types lit-html ProseMirrorClipboard',
  ].join('; ');
}
