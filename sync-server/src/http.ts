/**
 * The relay's plain HTTP side: health endpoints and the built PWA (static files with SPA
 * navigation fallback, sent compressed and revalidated by static-files.ts), with security
 * headers on every response. The WebSocket upgrade is
 * handled in server.ts; everything here is ordinary request/response.
 */
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { type FileInfo, sendStaticFile } from './static-files.js';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
};

/**
 * The PWA only talks to its own origin (HTTP and ws:/wss: sync). Inline styles are allowed
 * because Lit falls back to <style> elements where constructable stylesheets are missing;
 * scripts stay 'self' only, which is what stops injected markup from running.
 *
 * Trusted Types are required for every DOM sink that can run script (innerHTML, script
 * URLs): a string only gets there through one of three named policies. 'lit-html' is Lit's
 * own (template strings written in the source, never data); 'ProseMirrorClipboard' is the
 * board editor's, for pasted HTML it parses into its schema; 'buurthub' is the app's
 * (web/src/app/register-sw.ts) and vouches only for the service worker's URL. Text a
 * neighbour wrote never becomes markup (web/src/app/markup.ts builds Lit templates).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self' ws: wss:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html ProseMirrorClipboard buurthub',
].join('; ');

/**
 * Powerful features the app never uses are off for it and anything it could embed (photos
 * come in through the file picker, which needs no camera permission); copying an invite link
 * and full screen stay on for the app only. (Sharing a link is left at its default, the
 * app's own origin: Chromium on Linux does not know 'web-share' and warns about it.)
 */
export const PERMISSIONS_POLICY = [
  'camera=()',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'hid=()',
  'midi=()',
  'display-capture=()',
  'clipboard-write=(self)',
  'fullscreen=(self)',
].join(', ');

export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
}

/** Files that must be revalidated every time, or users get stuck on an old app shell. */
const ALWAYS_REVALIDATE = new Set([
  '/index.html',
  '/sw.js',
  '/registerSW.js',
  '/manifest.webmanifest',
  '/manifest.json',
]);

function cacheControlFor(urlPath: string): string {
  // Vite puts content-hashed files under /assets/: their URL changes when they do.
  if (urlPath.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  if (ALWAYS_REVALIDATE.has(urlPath)) return 'no-cache';
  return 'public, max-age=3600';
}

export interface HttpState {
  staticDir: string;
  /** False while starting, draining or when storage does not answer; /readyz reports it. */
  ready(): boolean | Promise<boolean>;
  /** Prometheus text exposition for /metrics; without it, /metrics is a 404. */
  metrics?(): Promise<{ contentType: string; body: string }>;
  /** The identity API (api.ts): resolves true when it answered the request. */
  api?(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** More routes (blobs/, feeds/), tried in order after the API; true when answered. */
  routes?: readonly ((req: IncomingMessage, res: ServerResponse) => Promise<boolean>)[];
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

/**
 * Maps a request path to a file inside `root`, or null when the path tries to leave it.
 * Checked on the decoded path segment by segment *and* on the resolved result, so neither
 * `/../x`, `%2e%2e/x`, `..%2fx` nor backslashes get out.
 */
export function resolveStaticPath(root: string, rawPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/');
  if (segments.some((segment) => segment === '..' || segment === '.')) return null;
  const base = resolve(root);
  const file = resolve(join(base, ...segments.filter(Boolean)));
  if (file !== base && !file.startsWith(base + sep)) return null;
  return file;
}

async function fileAt(path: string): Promise<FileInfo | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? { path, size: info.size, mtimeMs: info.mtimeMs } : null;
  } catch {
    return null;
  }
}

function serveFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: FileInfo,
  urlPath: string,
): Promise<void> {
  return sendStaticFile(req, res, file, {
    'Content-Type': MIME_TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream',
    'Cache-Control': cacheControlFor(urlPath),
  });
}

/** A browser navigating (not fetching an asset) wants the app shell for unknown paths. */
function isNavigation(req: IncomingMessage, urlPath: string): boolean {
  if (urlPath.startsWith('/assets/')) return false;
  const accept = req.headers.accept ?? '';
  return accept.includes('text/html') || extname(urlPath) === '';
}

export async function handleHttp(
  req: IncomingMessage,
  res: ServerResponse,
  state: HttpState,
): Promise<void> {
  setSecurityHeaders(res);
  const rawPath = (req.url ?? '/').split('?')[0] ?? '/';

  if (rawPath === '/healthz') return sendJson(res, 200, { status: 'ok' });
  if (rawPath === '/readyz') {
    return (await state.ready())
      ? sendJson(res, 200, { status: 'ready' })
      : sendJson(res, 503, { status: 'not-ready' });
  }
  if (rawPath === '/metrics' && state.metrics) {
    const { contentType, body } = await state.metrics();
    res.writeHead(200, {
      'Content-Type': contentType,
      'Cache-Control': 'no-store',
      'Content-Length': Buffer.byteLength(body),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  if (state.api && (await state.api(req, res))) return;
  for (const route of state.routes ?? []) if (await route(req, res)) return;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return sendText(res, 405, 'Method not allowed\n');
  }
  if (rawPath === '/sync' || rawPath.startsWith('/sync/')) {
    return sendText(res, 426, 'This endpoint speaks WebSocket only\n');
  }

  const file = resolveStaticPath(state.staticDir, rawPath);
  if (file === null) return sendText(res, 400, 'Bad path\n');

  const urlPath = rawPath === '/' ? '/index.html' : decodeURIComponent(rawPath);
  const target = urlPath === '/index.html' ? join(resolve(state.staticDir), 'index.html') : file;
  const found = await fileAt(target);
  if (found) return serveFile(req, res, found, urlPath);

  if (isNavigation(req, urlPath)) {
    const index = join(resolve(state.staticDir), 'index.html');
    const shell = await fileAt(index);
    if (shell) return serveFile(req, res, shell, '/index.html');
  }
  return sendText(res, 404, 'Not found\n');
}
