/**
 * What the app's crisis banner and the kiosk's crisis screen both show of an alert under its
 * headline: the note on an unverified alert, what to do, where it applies and the latest
 * rolling update. Each sizes it in its own styles, which use these class names.
 */
import type { AlertVerification, CrisisAlertView } from '@buurthub/shared';
import { html, nothing } from 'lit';
import { renderInstruction, renderUnverifiedNote } from '../../crisis/present.js';
import { formatDateTime, formatTime, t } from '../../i18n/i18n.js';

/** `view` is the alert as shown (`shownView` in crisis/present.ts). */
export function renderAlertSummary(
  view: CrisisAlertView,
  verification: AlertVerification | undefined,
) {
  const latest = view.updates.filter((u) => u.msgType === 'update').at(-1);
  const area = [view.villages.join(', '), view.areaDesc ?? ''].filter(Boolean).join(' · ');
  return html`${renderUnverifiedNote(verification)} ${renderInstruction(view)}
  ${area ? html`<p class="villages">${t('crisis.villages', { villages: area })}</p>` : nothing}
  ${
    latest
      ? html`<div class="update">
          <p class="update-meta">
            <time datetime=${new Date(latest.at).toISOString()} title=${formatDateTime(latest.at)}
              >${t('crisis.latestUpdate', { time: formatTime(latest.at) })}</time
            >
          </p>
          <p class="update-text pre">${latest.text}</p>
        </div>`
      : nothing
  }`;
}
