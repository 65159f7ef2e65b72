/**
 * The kiosk's bottom line about its links: whether the hub reaches the neighbourhood's
 * server (`GET /api/hub`, polled; nothing on a relay that is not a hub) and, when the kiosk
 * serves the buurthuis network, that address with a QR code, so phones on the centre's
 * Wi-Fi reach the neighbourhood also when the village's internet is down.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ClockController } from '../../app/controllers.js';
import { LocaleController, formatRelative, t } from '../../i18n/i18n.js';
import { hubLanUrl } from '../../kiosk/hub.js';
import { type UpstreamState, fetchHubState } from '../../kiosk/hub-state.js';
import { baseStyles } from '../../styles/shared.styles.js';
import '../bh-qr-code/bh-qr-code.js';

const POLL_MS = 10_000;

@customElement('bh-kiosk-status')
export class BhKioskStatus extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: flex;
        align-items: center;
        gap: 2rem;
        flex-wrap: wrap;
      }
      .upstream {
        display: inline-flex;
        align-items: center;
        gap: 0.6rem;
        margin: 0;
        font-weight: 600;
      }
      .dot {
        width: 0.9em;
        height: 0.9em;
        border-radius: 50%;
        background: var(--bh-muted);
        flex: none;
      }
      .online .dot {
        background: var(--bh-success, #1b7f3b);
      }
      .offline .dot {
        background: var(--bh-danger);
      }
      .lan {
        display: flex;
        align-items: center;
        gap: 1rem;
        margin: 0;
      }
      .lan bh-qr-code {
        width: 7rem;
        max-inline-size: none;
      }
      .lan p {
        margin: 0;
      }
      .address {
        font-weight: 700;
        font-size: 1.2em;
      }
    `,
  ];

  @state() private upstream: UpstreamState | null = null;
  private readonly clock = new ClockController(this, 30_000);
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    new LocaleController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.poll();
    this.timer = setInterval(() => void this.poll(), POLL_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  private async poll(): Promise<void> {
    this.upstream = await fetchHubState();
  }

  override render() {
    const lan = hubLanUrl(window.buurthubKiosk);
    return html`${this.renderUpstream()}${
      lan
        ? html`<figure class="lan">
            <bh-qr-code .value=${lan} .label=${t('kiosk.lanQr')}></bh-qr-code>
            <figcaption>
              <p>${t('kiosk.lanHint')}</p>
              <p class="address">${lan.replace(/^http:\/\//, '')}</p>
            </figcaption>
          </figure>`
        : nothing
    }`;
  }

  private renderUpstream() {
    const upstream = this.upstream;
    if (!upstream) return nothing;
    // While cut off, how old the kiosk's information is matters; while online it is current.
    const synced =
      upstream.state !== 'online' && upstream.lastSyncedAt !== null
        ? ` · ${t('kiosk.upstreamSynced', { time: formatRelative(upstream.lastSyncedAt, this.clock.now) })}`
        : '';
    return html`<p class="upstream ${upstream.state}" role="status">
      <span class="dot" aria-hidden="true"></span>
      <span>${t(`kiosk.upstream.${upstream.state}`)}${synced}</span>
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-kiosk-status': BhKioskStatus;
  }
}
