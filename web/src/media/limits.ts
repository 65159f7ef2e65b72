/**
 * The relay's upload limits (`GET /blobs/limits`), so the composer refuses a too-large video
 * with a clear message before sending 50 MB over a village connection. The last answer is
 * remembered on the device for offline use; with none yet, the relay's defaults apply. The
 * relay enforces its limits anyway: this is only about telling the user early.
 */
import { type MediaLimits, mediaLimitsSchema } from '@buurthub/shared';
import { localStore } from '../sync/local-store.js';

const KEY = 'buurthub:media-limits';
const MiB = 1024 * 1024;
/** The relay's defaults (sync-server/src/limits.ts). */
export const DEFAULT_MEDIA_LIMITS: MediaLimits = {
  maxImageBytes: 10 * MiB,
  maxVideoBytes: 50 * MiB,
};

function remembered(): MediaLimits | null {
  try {
    const parsed = mediaLimitsSchema.safeParse(JSON.parse(localStore.get(KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function mediaLimits(apiBase = ''): Promise<MediaLimits> {
  try {
    const response = await fetch(`${apiBase}/blobs/limits`, { cache: 'no-store' });
    if (response.ok) {
      const parsed = mediaLimitsSchema.safeParse(await response.json());
      if (parsed.success) {
        localStore.set(KEY, JSON.stringify(parsed.data));
        return parsed.data;
      }
    }
  } catch {
    // Offline or the relay is away: fall back to what it said last time.
  }
  return remembered() ?? DEFAULT_MEDIA_LIMITS;
}
