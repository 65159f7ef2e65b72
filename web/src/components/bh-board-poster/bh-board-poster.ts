/**
 * A notice board as a poster for the door of the buurthuis: the neighbourhood's name, the
 * board, the date and a QR code to the board online, on A4 or A3 portrait. On screen it shows
 * the paper size choice and a print button; in print only the sheet (the app's own print
 * rules hide the header and navigation). `@page` only works in the document's stylesheets,
 * not in a shadow root, so the paper size goes into an adopted document stylesheet while the
 * poster is open.
 */
import type { BoardView, PublicSpace } from '@buurthub/shared';
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { publicContext } from '../../app/context.js';
import { ObserveController } from '../../app/controllers.js';
import { boardHash } from '../../app/route.js';
import { boardPublicUrl } from '../../boards/links.js';
import { renderContent } from '../../boards/render-content.js';
import { publicBase } from '../../crisis/kiosk.js';
import { LocaleController, intlTag, t } from '../../i18n/i18n.js';
import '../bh-qr-code/bh-qr-code.js';
import { styles } from './bh-board-poster.styles.js';

export type PaperSize = 'A4' | 'A3';

@customElement('bh-board-poster')
export class BhBoardPoster extends LitElement {
  static override styles = styles;

  @property({ attribute: false }) board?: BoardView;
  @property() nb = '';
  /** The neighbourhood's name, printed at the top. */
  @property() name = '';
  @property() size: PaperSize = 'A4';

  @consume({ context: publicContext, subscribe: true })
  @state()
  private publicSpace?: PublicSpace;

  private readonly page = new CSSStyleSheet();

  constructor() {
    super();
    new LocaleController(this);
    new ObserveController(
      this,
      () => this.publicSpace,
      (space, changed) => space.boards.observe(changed),
    );
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.page];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== this.page);
  }

  protected override willUpdate(): void {
    // A white page: the app's tinted background is for screens.
    this.page.replaceSync(
      `@page { size: ${this.size} portrait; margin: 12mm; }
       @media print { html, body { background: #fff !important; } }`,
    );
  }

  override render() {
    const board = this.board;
    const space = this.publicSpace;
    if (!board || !space) return nothing;
    const url = boardPublicUrl(
      publicBase(location.origin, window.buurthubKiosk),
      this.nb,
      board.id,
    );
    const date = new Intl.DateTimeFormat(intlTag(), { dateStyle: 'long' }).format(Date.now());
    return html`<div class="screen-only">
        <p class="back"><a href=${boardHash(board.id)}>${board.title}</a></p>
        <h2 tabindex="-1">${t('boards.poster.heading', { title: board.title })}</h2>
        <div class="controls">
          <fieldset>
            <legend>${t('boards.poster.size')}</legend>
            ${(['A4', 'A3'] as const).map(
              (size) =>
                html`<label class="choice">
                  <input
                    type="radio"
                    name="size"
                    .checked=${this.size === size}
                    @change=${() => (this.size = size)}
                  />
                  ${t(size === 'A4' ? 'boards.poster.a4' : 'boards.poster.a3')}
                </label>`,
            )}
          </fieldset>
          <button class="primary" @click=${() => window.print()}>
            ${t('boards.poster.print')}
          </button>
        </div>
      </div>
      <article class="sheet size-${this.size}">
        <header class="sheet-head">
          <p class="nb">${this.name}</p>
          <p class="date">${t('boards.poster.date', { date })}</p>
        </header>
        <h3 class="title">${board.title}</h3>
        ${renderContent(space.boards.content(board.id))}
        <footer class="sheet-foot">
          <bh-qr-code .value=${url} .label=${t('boards.poster.qr')}></bh-qr-code>
          <div>
            <p class="scan">${t('boards.poster.scan')}</p>
            <p class="url">${url}</p>
          </div>
        </footer>
      </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-board-poster': BhBoardPoster;
  }
}
