/**
 * Which URLs the kiosk window may show. Pure, so it is tested adversarially in Node
 * (Electron security checklist: limit navigation, deny new windows). Parsed with `URL`,
 * never compared as strings, so `app://bundle.evil.com` or `app://bundle@evil` do not pass.
 */

/** The privileged scheme and host the web bundle is served from inside the app. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export function isAllowedNavigation(target: string): boolean {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return false;
  }
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.host === APP_HOST &&
    url.username === '' &&
    url.password === '' &&
    url.port === ''
  );
}
