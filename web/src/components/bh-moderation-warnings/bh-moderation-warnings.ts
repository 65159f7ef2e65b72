/**
 * Tells a member on their own device that a moderator warned them, with the reason. The
 * public log names nobody (bh-moderation-log), so without this notice the member would not
 * know an entry is about them. It stays above every view until they mark it as read, which
 * this device remembers.
 */
import type { ModerationLogEntry, ModerationSpace } from '@buurthub/shared';
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { identityContext } from '../../app/context.js';
import type { IdentityService } from '../../app/identity.js';
import { LocaleController, formatDateTime, t } from '../../i18n/i18n.js';
import { moderationContext } from '../../moderation/context.js';
import { observeModeration } from '../../moderation/page.js';
import { baseStyles } from '../../styles/shared.styles.js';
import { localStore } from '../../sync/local-store.js';

const readKey = (memberId: string) => `buurthub:warnings-read:${memberId}`;

function readIds(memberId: string): Set<string> {
  try {
    const ids: unknown = JSON.parse(localStore.get(readKey(memberId)) ?? '[]');
    return new Set(Array.isArray(ids) ? ids.filter((id) => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}

@customElement('bh-moderation-warnings')
export class BhModerationWarnings extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        /* the same side margins as the view below it */
        padding-inline: 1rem;
      }
      section {
        margin: 0.75rem auto 0;
        max-width: calc(var(--bh-column) - 2rem);
        padding: 0.75rem 1rem;
        border-radius: var(--bh-radius-s);
        background: var(--bh-warning-soft);
        border-inline-start: 6px solid var(--bh-warning);
      }
      p {
        margin: 0 0 0.5rem;
      }
    `,
  ];

  @consume({ context: moderationContext, subscribe: true })
  @state()
  private moderation?: ModerationSpace;
  @consume({ context: identityContext, subscribe: true })
  @state()
  private identity?: IdentityService;
  /** Warnings marked as read on this device, by member. */
  @state() private read = new Map<string, Set<string>>();

  constructor() {
    super();
    new LocaleController(this);
    observeModeration(
      this,
      () => this.moderation,
      () => this.identity,
    );
  }

  private readBy(memberId: string): Set<string> {
    let ids = this.read.get(memberId);
    if (!ids) {
      ids = readIds(memberId);
      this.read.set(memberId, ids);
    }
    return ids;
  }

  override render() {
    const me = this.identity?.current;
    if (!me || !this.moderation) return nothing;
    const read = this.readBy(me.id);
    const warnings = this.moderation
      .log()
      .filter((e) => e.action === 'warn' && e.memberId === me.id && !read.has(e.id));
    return warnings.map((entry) => this.renderWarning(me.id, entry));
  }

  private renderWarning(memberId: string, entry: ModerationLogEntry) {
    const headingId = `warning-${entry.id}`;
    return html`<section aria-labelledby=${headingId}>
      <p id=${headingId}>
        <strong
          >${t('moderation.warnedYou', {
            who: t(`role.${entry.by.role}`),
            when: formatDateTime(entry.at),
          })}</strong
        >
      </p>
      <p>${t('moderation.logReason', { reason: entry.reason })}</p>
      <button type="button" class="secondary" @click=${() => this.markRead(memberId, entry.id)}>
        ${t('moderation.warnedRead')}
      </button>
    </section>`;
  }

  private markRead(memberId: string, entryId: string) {
    const ids = new Set(this.readBy(memberId)).add(entryId);
    localStore.set(readKey(memberId), JSON.stringify([...ids]));
    this.read = new Map(this.read).set(memberId, ids);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-moderation-warnings': BhModerationWarnings;
  }
}
