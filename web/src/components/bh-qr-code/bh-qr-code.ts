/**
 * A QR code for a text (an invite link), drawn as an SVG of rects through Lit's `svg`
 * template: no markup strings, so nothing in the text can become markup. Dark on white with
 * a four-module quiet zone, so phone cameras read it from a screen or a print.
 *
 * @csspart svg - the drawn code
 */
import { LitElement, html, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styles } from './bh-qr-code.styles.js';
import { type QrRuns, qrRuns } from './qr-runs.js';

const QUIET = 4;

@customElement('bh-qr-code')
export class BhQrCode extends LitElement {
  static override styles = styles;

  /** The text to encode. */
  @property() value = '';
  /** Accessible name of the image (what it is, e.g. "QR code of the invite link"). */
  @property() label = '';

  private cached?: { value: string; runs: QrRuns };

  private runs(): QrRuns {
    if (this.cached?.value !== this.value) {
      this.cached = { value: this.value, runs: qrRuns(this.value) };
    }
    return this.cached.runs;
  }

  override render() {
    if (!this.value) return html``;
    const { size, runs } = this.runs();
    const side = size + 2 * QUIET;
    return html`<svg
      part="svg"
      role="img"
      aria-label=${this.label}
      viewBox="0 0 ${side} ${side}"
      shape-rendering="crispEdges"
    >
      <rect width=${side} height=${side} fill="#fff"></rect>
      ${runs.map(
        (r) =>
          svg`<rect x=${r.x + QUIET} y=${r.y + QUIET} width=${r.width} height="1" fill="#000"></rect>`,
      )}
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-qr-code': BhQrCode;
  }
}
