/**
 * Which requests of the kiosk window go to the embedded hub instead of the bundle. The web
 * app calls its relay's HTTP side with relative paths (`/api/…`, `/blobs/…`, the relay's
 * keys); inside the kiosk its origin is `app://bundle`, so the main process forwards exactly
 * these paths to the hub on 127.0.0.1 (no CORS, nothing else reachable). WebSocket sync
 * cannot go through a protocol handler: the renderer opens it to the hub directly (the
 * preload's `hubUrl`). Pure, so tested.
 */
import { isAllowedNavigation } from './navigation-policy.js';

const HUB_PREFIXES = ['/api/', '/blobs/', '/.well-known/'];

/** The hub URL for an `app://bundle` request, or null when the bundle answers it. */
export function hubRequestUrl(requestUrl: string, hubUrl: string): string | null {
  if (!isAllowedNavigation(requestUrl)) return null;
  const url = new URL(requestUrl);
  if (!HUB_PREFIXES.some((prefix) => url.pathname.startsWith(prefix))) return null;
  // Dot segments are already resolved by URL; an encoded one stays encoded for the hub.
  return `${hubUrl}${url.pathname}${url.search}`;
}
