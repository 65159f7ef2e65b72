/**
 * Kiosk sign-in on a hub (auth/device-codes.ts): the moderators' phones are signed in at the
 * upstream, so the kiosk's code is made and polled there. The hub passes the window's
 * request up, with its device token where the upstream wants to know which kiosk asks, and
 * hands back the upstream's answer (its refusals too). While the upstream is out of reach
 * the kiosk hears `upstream-unreachable`, and says that signing in needs the internet.
 */
import { HttpError } from '../json-body.js';

/** `wss://host/sync` → `https://host<path>`. */
export function upstreamApiUrl(syncUrl: string, path: string): string {
  const url = new URL(syncUrl);
  url.protocol = url.protocol === 'wss:' ? 'https:' : 'http:';
  url.pathname = path;
  url.search = '';
  return url.toString();
}

export async function forwardToUpstream(
  upstream: { url: string; token: string },
  path: string,
  body: unknown,
  withDeviceToken: boolean,
): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(upstreamApiUrl(upstream.url, path), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(withDeviceToken && { authorization: `Bearer ${upstream.token}` }),
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    throw new HttpError(503, 'upstream-unreachable', 'The upstream relay cannot be reached');
  }
  const answer = (await res.json().catch(() => null)) as {
    error?: unknown;
    message?: unknown;
  } | null;
  if (res.ok && answer !== null) return answer;
  if (res.ok || res.status >= 500) {
    throw new HttpError(503, 'upstream-unreachable', `The upstream answered ${res.status}`);
  }
  throw new HttpError(
    res.status,
    typeof answer?.error === 'string' ? answer.error : 'upstream-refused',
    typeof answer?.message === 'string' ? answer.message : `The upstream answered ${res.status}`,
  );
}
