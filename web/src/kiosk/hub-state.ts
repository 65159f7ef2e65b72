/**
 * The kiosk's line about its link to the outside world: the hub's `GET /api/hub`
 * (docs/protocol.md, "Hub state") read defensively, and polled by `bh-kiosk-status`. A relay
 * that is not a hub, an error or an unexpected answer all mean: show nothing.
 */

export interface UpstreamState {
  state: 'online' | 'connecting' | 'offline';
  /** Latest finished sync with the upstream (ms), or null when there was none yet. */
  lastSyncedAt: number | null;
}

const STATES = ['online', 'connecting', 'offline'] as const;

export function parseHubState(body: unknown): UpstreamState | null {
  const upstream = (body as { upstream?: unknown } | null)?.upstream;
  if (typeof upstream !== 'object' || upstream === null) return null;
  const { state, lastSyncedAt } = upstream as Record<string, unknown>;
  const known = STATES.find((s) => s === state);
  if (!known) return null;
  const at =
    typeof lastSyncedAt === 'number' && Number.isFinite(lastSyncedAt) && lastSyncedAt > 0
      ? lastSyncedAt
      : null;
  return { state: known, lastSyncedAt: at };
}

/** Asks the relay this page came from (in the kiosk window: forwarded to the hub). */
export async function fetchHubState(fetcher: typeof fetch = fetch): Promise<UpstreamState | null> {
  try {
    const response = await fetcher('/api/hub', { cache: 'no-store' });
    return response.ok ? parseHubState(await response.json()) : null;
  } catch {
    return null;
  }
}
