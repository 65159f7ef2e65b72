/**
 * The neighbourhood's posts, newest first, each with its comments.
 *
 * @csspart list - the list of posts
 */
import type { CommunitySpace } from '@buurthub/shared';
import { consume } from '@lit/context';
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { communityContext } from '../../app/context.js';
import { ClockController, ObserveController } from '../../app/controllers.js';
import { LocaleController, t } from '../../i18n/i18n.js';
import '../bh-post-card/bh-post-card.js';
import { styles } from './bh-feed.styles.js';

@customElement('bh-feed')
export class BhFeed extends LitElement {
  static override styles = styles;

  /** No writing (schema too new): hides the comment forms. */
  @property({ type: Boolean }) readOnly = false;
  /** Link target of the "write a post" call to action in the empty state. */
  @property() composeHref = '#nieuw';

  @consume({ context: communityContext, subscribe: true })
  @state()
  private community?: CommunitySpace;

  private readonly clock = new ClockController(this);

  constructor() {
    super();
    new LocaleController(this);
    new ObserveController(
      this,
      () => this.community,
      (space, changed) => space.posts.observe(changed),
    );
  }

  /** Moves focus to the feed heading (after a view change). */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  override render() {
    const posts = this.community?.posts.list() ?? [];
    return html`<section aria-labelledby="feed-heading">
      <h2 id="feed-heading" tabindex="-1">${t('feed.heading')}</h2>
      ${
        posts.length === 0
          ? html`<div class="empty">
              <p>${t('feed.empty')}</p>
              ${
                this.readOnly
                  ? ''
                  : html`<a class="cta" href=${this.composeHref}>${t('feed.writeFirst')}</a>`
              }
            </div>`
          : html`<ol part="list" class="list">
              ${repeat(
                posts,
                (p) => p.id,
                (p) =>
                  html`<li>
                    <bh-post-card
                      .post=${p}
                      .now=${this.clock.now}
                      ?readOnly=${this.readOnly}
                    ></bh-post-card>
                  </li>`,
              )}
            </ol>`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-feed': BhFeed;
  }
}
