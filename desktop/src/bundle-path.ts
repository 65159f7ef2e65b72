/**
 * Maps a request for `app://bundle/<path>` to a file inside the packaged web bundle.
 * Pure and tested: a request must never escape the bundle folder, whatever its encoding.
 */
import path from 'node:path';
import { isAllowedNavigation } from './navigation-policy.js';

/** Returns the absolute file to serve, or null when the request must be refused. */
export function resolveBundleFile(bundleDir: string, requestUrl: string): string | null {
  if (!isAllowedNavigation(requestUrl)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const root = path.resolve(bundleDir);
  const relative =
    pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  // Routes of the single-page app (no file extension) get the app shell.
  return path.extname(file) === '' ? path.join(root, 'index.html') : file;
}
