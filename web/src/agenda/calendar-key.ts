/**
 * The member's personal calendar address (docs/protocol.md, "Personal calendar feed"):
 * `POST /api/calendar-key` with the member token makes a new secret address and makes the
 * previous one stop working. The relay cannot show an existing address again (it stores
 * only a hash), so the device remembers the last one it was given.
 */
import type { KeyValueStore } from '@buurthub/shared';

type Store = KeyValueStore & { remove(key: string): void };

export type CalendarKeyError = 'offline' | 'unauthorized' | 'forbidden' | 'server';

export class CalendarKeyFailure extends Error {
  constructor(readonly reason: CalendarKeyError) {
    super(`calendar key: ${reason}`);
  }
}

const storageKey = (nb: string) => `buurthub:calendar-url:${nb}`;

export class CalendarKeys {
  constructor(
    private readonly store: Store,
    private readonly fetcher: typeof fetch = (...args) => fetch(...args),
    private readonly apiBase = '',
  ) {}

  /** The address this device was given last, or null. */
  remembered(nb: string): string | null {
    const url = this.store.get(storageKey(nb));
    return url && /^https?:\/\//.test(url) ? url : null;
  }

  /** Asks for a new address (the old one stops working) and remembers it. */
  async renew(nb: string, token: string | null): Promise<string> {
    if (!token) throw new CalendarKeyFailure('unauthorized');
    let response: Response;
    try {
      response = await this.fetcher(`${this.apiBase}/api/calendar-key`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
    } catch {
      throw new CalendarKeyFailure('offline');
    }
    if (response.status === 401) throw new CalendarKeyFailure('unauthorized');
    if (response.status === 403) throw new CalendarKeyFailure('forbidden');
    const body = (await response.json().catch(() => null)) as { url?: unknown } | null;
    if (!response.ok || typeof body?.url !== 'string' || !/^https?:\/\//.test(body.url)) {
      throw new CalendarKeyFailure('server');
    }
    this.store.set(storageKey(nb), body.url);
    return body.url;
  }

  forget(nb: string): void {
    this.store.remove(storageKey(nb));
  }
}
