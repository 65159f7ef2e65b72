/**
 * The public moderation log (`#moderatie/logboek`), for every member: each decision, newest
 * first, with what was done, by whom (their role: moderators act for the neighbourhood, so
 * the log names the role, not the volunteer), when (through Intl) and why. Members that a
 * decision was about are not named either. Accountability is the feature: it reads as
 * plain sentences, calmly.
 */
import { type ModerationLogEntry, type ModerationSpace, canModerate } from '@buurthub/shared';
import { consume } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { identityContext } from '../../app/context.js';
import type { IdentityService } from '../../app/identity.js';
import { LocaleController, formatDateTime, t } from '../../i18n/i18n.js';
import { moderationContext } from '../../moderation/context.js';
import {
  moderationHeader,
  moderationPageStyles,
  observeModeration,
} from '../../moderation/page.js';
import { baseStyles, cardStyles } from '../../styles/shared.styles.js';

@customElement('bh-moderation-log')
export class BhModerationLog extends LitElement {
  static override styles = [
    baseStyles,
    cardStyles,
    moderationPageStyles,
    css`
      .intro {
        margin: 0 0 1rem;
        max-width: 40rem;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        padding: 0.9rem 1.1rem;
        border-block-end: 1px solid var(--bh-border);
      }
      li:last-child {
        border-block-end: 0;
      }
      time {
        display: block;
        color: var(--bh-muted);
        font-size: 0.9rem;
      }
      .what {
        margin: 0.15rem 0;
        font-weight: 600;
      }
      .why {
        margin: 0;
        overflow-wrap: anywhere;
      }
    `,
  ];

  @consume({ context: moderationContext, subscribe: true })
  @state()
  private moderation?: ModerationSpace;
  @consume({ context: identityContext, subscribe: true })
  @state()
  private identity?: IdentityService;

  constructor() {
    super();
    new LocaleController(this);
    observeModeration(
      this,
      () => this.moderation,
      () => this.identity,
    );
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  override render() {
    const role = this.identity?.current?.role;
    if (!this.moderation) {
      return html`<section aria-labelledby="log-heading">
        ${moderationHeader('log', false)}
        <p>${t('moderation.logMembersOnly')}</p>
      </section>`;
    }
    const log = this.moderation.log();
    return html`<section aria-labelledby="log-heading">
      ${moderationHeader('log', !!role && canModerate(role))}
      <p class="intro">${t('moderation.logIntro', { count: this.moderation.reportThreshold })}</p>
      ${
        log.length === 0
          ? html`<p>${t('moderation.logEmpty')}</p>`
          : html`<ol class="card" aria-labelledby="log-heading">
              ${log.map((entry) => this.renderEntry(entry))}
            </ol>`
      }
    </section>`;
  }

  private renderEntry(entry: ModerationLogEntry) {
    const who = t(`role.${entry.by.role}`);
    return html`<li>
      <time datetime=${new Date(entry.at).toISOString()}>${formatDateTime(entry.at)}</time>
      <p class="what">${this.sentence(entry, who)}</p>
      <p class="why">${t('moderation.logReason', { reason: entry.reason })}</p>
    </li>`;
  }

  private sentence(entry: ModerationLogEntry, who: string): string {
    switch (entry.action) {
      case 'warn':
      case 'remove-member':
        return t(`moderation.log.${entry.action}`, { who });
      case 'suspend':
        return t('moderation.log.suspend', {
          who,
          until: entry.until ? formatDateTime(entry.until) : '?',
        });
      default:
        return t(`moderation.log.${entry.action}`, {
          who,
          what: t(`moderation.what.${entry.kind ?? 'item'}`),
        });
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-moderation-log': BhModerationLog;
  }
}
