/**
 * Calls to the relay's member API (docs/protocol.md) with the member's token as Bearer.
 * One place decides what "offline", "not allowed" and "the relay said no" mean, so every
 * view can tell the member in words why a call did not go through.
 */

export interface RelayApiDeps {
  token: () => string | null;
  online: () => boolean;
  fetch?: typeof fetch;
}

export class RelayApiError extends Error {
  override readonly name = 'RelayApiError';
  constructor(
    /** `offline` and `unauthorized` (no token) are decided before any request. */
    readonly reason: 'offline' | 'unauthorized' | 'refused',
    /** The HTTP status and the relay's error code, when it answered. */
    readonly status: number | null = null,
    readonly code: string | null = null,
  ) {
    super(`Relay call failed: ${reason}${status ? ` (${status} ${code ?? ''})` : ''}`);
  }
}

/** Sends `body` as JSON and resolves with the relay's JSON answer (never null). */
export async function callRelay(
  deps: RelayApiDeps,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  body?: unknown,
): Promise<unknown> {
  const token = deps.token();
  if (!token) throw new RelayApiError('unauthorized');
  if (!deps.online()) throw new RelayApiError('offline');
  let response: Response;
  try {
    response = await (deps.fetch ?? fetch)(url, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  } catch {
    throw new RelayApiError('offline');
  }
  const answer: unknown = await response.json().catch(() => null);
  if (response.ok && answer !== null) return answer;
  const code = (answer as { error?: unknown } | null)?.error;
  throw new RelayApiError('refused', response.status, typeof code === 'string' ? code : null);
}
