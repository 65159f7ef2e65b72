/**
 * What the moderation views share: the queue's and the log's heading (focused when the view
 * opens) with, for those who moderate, the pills that switch between the two; and the
 * re-rendering on decisions and on a change of member that they and the warning notice need.
 */
import type { ModerationSpace } from '@buurthub/shared';
import { type ReactiveControllerHost, css, html, nothing } from 'lit';
import { ObserveController } from '../app/controllers.js';
import type { IdentityService } from '../app/identity.js';
import { t } from '../i18n/i18n.js';
import { subnavStyles } from '../styles/shared.styles.js';

export type ModerationView = 'queue' | 'log';

export const moderationPageStyles = [
  subnavStyles,
  css`
    :host {
      display: block;
    }
    h2 {
      font-size: 1.4rem;
      margin: 0 0 0.75rem;
    }
    h2:focus {
      outline: none;
    }
    h2:focus-visible {
      outline: 3px solid var(--bh-focus);
    }
  `,
];

/** The heading (`#<view>-heading`, which the view's section is labelled by) and the pills. */
export function moderationHeader(view: ModerationView, withNav: boolean) {
  const current = (of: ModerationView) => (of === view ? 'page' : 'false');
  return html`<h2 id="${view}-heading" tabindex="-1">
      ${view === 'queue' ? t('moderation.heading') : t('moderation.logHeading')}
    </h2>
    ${
      withNav
        ? html`<nav class="subnav" aria-label=${t('moderation.views')}>
            <a href="#moderatie" aria-current=${current('queue')}>${t('moderation.queue')}</a>
            <a href="#moderatie/logboek" aria-current=${current('log')}>${t('moderation.log')}</a>
          </nav>`
        : nothing
    }`;
}

/** Re-renders `host` on every moderation decision and when the signed-in member changes. */
export function observeModeration(
  host: ReactiveControllerHost,
  moderation: () => ModerationSpace | undefined,
  identity: () => IdentityService | undefined,
): void {
  new ObserveController(host, moderation, (m, c) => m.observe(c));
  new ObserveController(host, identity, (i, c) => i.onChange(c));
}
