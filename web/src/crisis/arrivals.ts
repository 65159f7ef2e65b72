/**
 * Which crisis items are new to this device: alerts and timeline entries it has not seen
 * before and did not write itself. The ids seen are remembered per neighbourhood, so an
 * alert that arrived while the app was closed is still announced when it opens; on the
 * very first start everything already there is taken as seen (no burst of old news).
 */
import type { CrisisAlertView } from '@buurthub/shared';

export interface Arrival {
  alertId: string;
  /** The alert itself, or the id of a new update or cancel. */
  itemId: string;
  kind: 'alert' | 'update' | 'cancel';
  headline: string;
  /** The update's text or the cancel's reason; the alert's description for a new alert. */
  text: string;
}

/** Every item id of the alerts (alert ids and entry ids). */
export function itemIds(alerts: readonly CrisisAlertView[]): string[] {
  return alerts.flatMap((a) => [a.id, ...a.updates.map((u) => `${a.id}/${u.id}`)]);
}

/**
 * The arrivals among `alerts` given the ids already `seen`; items written by `ownId` are not
 * arrivals. A new alert is one arrival, whatever its timeline holds already.
 */
export function findArrivals(
  alerts: readonly CrisisAlertView[],
  seen: ReadonlySet<string>,
  ownId: string | null,
): Arrival[] {
  const arrivals: Arrival[] = [];
  for (const alert of alerts) {
    if (!seen.has(alert.id)) {
      if (alert.author.id !== ownId) {
        arrivals.push({
          alertId: alert.id,
          itemId: alert.id,
          kind: 'alert',
          headline: alert.headline,
          text: alert.description,
        });
      }
      continue;
    }
    for (const entry of alert.updates) {
      if (seen.has(`${alert.id}/${entry.id}`) || entry.author.id === ownId) continue;
      arrivals.push({
        alertId: alert.id,
        itemId: entry.id,
        kind: entry.msgType,
        headline: alert.headline,
        text: entry.text,
      });
    }
  }
  return arrivals;
}
