/**
 * How crisis information looks wherever it appears (banner, alert page, archive, composer
 * preview), so the preview in the composer is exactly what residents will see: the
 * verification badge, the alert's current state and the words for CAP's codes.
 */
import type {
  AlertVerification,
  CrisisAlertView,
  ItemVerification,
  MediaRef,
} from '@buurthub/shared';
import { css, html, nothing } from 'lit';
import '../components/bh-photo/bh-photo.js';
import { type MessageKey, formatDateTime, formatRelative, t } from '../i18n/i18n.js';

/** Severity colours with white text: each at least 7:1 against #fff. */
export const crisisStyles = css`
  .sev-extreme {
    --sev: #7a0f0f;
  }
  .sev-severe {
    --sev: #a4231b;
  }
  .sev-moderate {
    --sev: #7d4300;
  }
  .sev-minor {
    --sev: #1d5377;
  }
  .severity {
    display: inline-block;
    padding: 0.15rem 0.65rem;
    border-radius: 999px;
    background: var(--sev, var(--bh-danger));
    color: #fff;
    font-size: 0.85rem;
    font-weight: 700;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
    padding: 0.15rem 0.65rem;
    border-radius: 999px;
    font-size: 0.85rem;
    font-weight: 700;
    border: 2px solid currentColor;
  }
  .badge.official {
    background: #e3f1e9;
    color: #14503a;
  }
  .badge.unverified {
    background: #fff3dc;
    color: #6b3a00;
  }
  .badge.checking {
    background: var(--bh-surface);
    color: var(--bh-muted);
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem;
    margin: 0 0 0.5rem;
  }
  .signer {
    font-size: 0.9rem;
    color: var(--bh-muted);
  }
  .pre {
    white-space: pre-line;
  }
  dl.facts {
    display: grid;
    /* the term column takes what it needs, but at most half a phone at 200 % text */
    grid-template-columns: fit-content(50%) minmax(0, 1fr);
    gap: 0.25rem 1rem;
    margin: 0.75rem 0;
  }
  dl.facts dt {
    font-weight: 700;
  }
  dl.facts dd {
    margin: 0;
  }
  .photos {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(12rem, 100%), 1fr));
    gap: 0.5rem;
    margin: 0.75rem 0;
  }
  .unverified-note {
    border-inline-start: 4px solid #6b3a00;
    background: #fff3dc;
    color: #3d2200;
    padding: 0.5rem 0.75rem;
    margin: 0.5rem 0;
    border-radius: var(--bh-radius-s);
  }
`;

/** "Officieel" with who signed, "Niet geverifieerd", or "Controleren…" while unknown. */
export function renderBadge(verification: AlertVerification | undefined, item?: ItemVerification) {
  if (!verification) {
    return html`<span class="badge checking">${t('crisis.checking')}</span>`;
  }
  const official = item ? item.status === 'verified' : verification.official;
  const signer = (item ?? verification.alert).signer;
  if (official) {
    return html`<span class="badge official"
        ><span aria-hidden="true">✓</span><span>${t('crisis.official')}</span></span
      >${
        signer
          ? html`<span class="signer"
              >${t('crisis.signedBy', {
                name: signer.name ?? signer.sub,
                role: t(`role.${signer.role}` as MessageKey),
              })}</span
            >`
          : nothing
      }`;
  }
  return html`<span class="badge unverified" title=${problemText(item ?? verification.alert)}
    ><span aria-hidden="true">⚠</span><span>${t('crisis.unverified')}</span></span
  >`;
}

function problemText(item: ItemVerification): string {
  return item.status === 'invalid' ? t('crisis.problem.invalid') : t('crisis.problem.unsigned');
}

/** What residents are shown of an alert: the verified view when there is an official one. */
export function shownView(
  alert: CrisisAlertView,
  verification: AlertVerification | undefined,
): CrisisAlertView {
  return verification?.official && verification.verifiedView ? verification.verifiedView : alert;
}

export function renderPhotos(media: readonly MediaRef[]) {
  if (media.length === 0) return nothing;
  return html`<div class="photos">
    ${media.map((photo) => html`<bh-photo .photo=${photo}></bh-photo>`)}
  </div>`;
}

function time(at: number) {
  return html`<time datetime=${new Date(at).toISOString()}>${formatDateTime(at)}</time>`;
}

/** The note on an alert whose signature is not the municipality's; nothing otherwise. */
export function renderUnverifiedNote(verification: AlertVerification | undefined) {
  return verification && !verification.official
    ? html`<p class="unverified-note">${t('crisis.unverifiedNote')}</p>`
    : nothing;
}

/** "Wat moet je doen": the alert's instruction, when it has one. */
export function renderInstruction(view: CrisisAlertView) {
  return view.instruction
    ? html`<p class="instruction">
        <strong>${t('crisis.instruction')}:</strong>
        <span class="pre">${view.instruction}</span>
      </p>`
    : nothing;
}

/** The current state of an alert: headline, codes in words, texts, area, times and photos. */
export function renderAlertState(
  view: CrisisAlertView,
  verification: AlertVerification | undefined,
  now: number,
  headingLevel: 2 | 3 = 2,
) {
  const headline =
    headingLevel === 2
      ? html`<h2 class="headline">${view.headline}</h2>`
      : html`<h3 class="headline">${view.headline}</h3>`;
  return html`<div class="badges sev-${view.severity}">
      <span class="severity">${t(`crisis.severity.${view.severity}`)}</span>
      ${view.status !== 'actual' ? html`<span class="severity">${t(`crisis.status.${view.status}`)}</span>` : nothing}
      ${renderBadge(verification)}
    </div>
    ${headline} ${renderUnverifiedNote(verification)}
    <p class="updated">
      ${t('crisis.lastUpdated', { time: formatDateTime(view.updatedAt) })}
      (${formatRelative(view.updatedAt, now)})
    </p>
    <p class="pre description">${view.description}</p>
    ${renderInstruction(view)}
    <dl class="facts">
      ${
        view.event
          ? html`<dt>${t('crisis.event')}</dt>
              <dd>${view.event}</dd>`
          : nothing
      }
      <dt>${t('crisis.urgencyLabel')}</dt>
      <dd>${t(`crisis.urgency.${view.urgency}`)}</dd>
      <dt>${t('crisis.certaintyLabel')}</dt>
      <dd>${t(`crisis.certainty.${view.certainty}`)}</dd>
      ${
        view.villages.length > 0
          ? html`<dt>${t('crisis.areas')}</dt>
              <dd>${view.villages.join(', ')}</dd>`
          : nothing
      }
      ${
        view.areaDesc
          ? html`<dt>${t('crisis.areaDesc')}</dt>
              <dd>${view.areaDesc}</dd>`
          : nothing
      }
      <dt>${t('crisis.effective')}</dt>
      <dd>${time(view.effective)}</dd>
      <dt>${t('crisis.expires')}</dt>
      <dd>${time(view.expires)}</dd>
    </dl>
    ${renderPhotos(view.media)}`;
}
