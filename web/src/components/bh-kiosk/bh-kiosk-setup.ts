/**
 * The kiosk's setup mode for buurtverbinders: a "Beheer" button opens a PIN pad in a native
 * dialog; the PIN goes to the main process (desktop/src/setup-ipc.ts), which checks it and
 * locks out for longer after repeated wrong guesses. With the right PIN the settings that
 * may change at the screen (idle time, what the home screen shows) can be read and saved;
 * the kiosk then restarts with them. Crisis alerts always show, so they are not offered.
 * Only present in the kiosk window (the preload's `setup`). `reset()` ends it at idle.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { LocaleController, t } from '../../i18n/i18n.js';
import {
  IDLE_SECONDS,
  type KioskSettings,
  type KioskSetupBridge,
  parseUnlock,
} from '../../kiosk/setup.js';
import { formStyles } from '../../styles/form.styles.js';
import { baseStyles } from '../../styles/shared.styles.js';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];
const MAX_PIN = 8;
const SHOWN = ['agenda', 'boards', 'joinQr'] as const;

type Step =
  | { step: 'pin'; message: string }
  | { step: 'settings'; session: string; settings: KioskSettings; message: string }
  | { step: 'saved' };

@customElement('bh-kiosk-setup')
export class BhKioskSetup extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    css`
      :host {
        display: inline-block;
      }
      button {
        min-height: 56px;
        min-width: 56px;
        font-size: 1em;
      }
      dialog {
        max-width: min(40rem, calc(100vw - 4rem));
        font-size: 1.2em;
        padding: 2rem;
      }
      .pin {
        margin: 0 0 1rem;
        min-height: 2em;
        font-size: 2em;
        letter-spacing: 0.4em;
        text-align: center;
      }
      .pad {
        display: grid;
        grid-template-columns: repeat(3, 1fr);
        gap: 0.8rem;
        margin-block-end: 1rem;
      }
      .pad button {
        min-height: 72px;
        font-size: 1.4em;
      }
      .pad .zero {
        grid-column: 2;
      }
      .message {
        min-height: 1.5em;
        margin: 0 0 1rem;
        font-weight: 600;
        color: var(--bh-danger);
      }
      .row {
        display: flex;
        gap: 1rem;
        justify-content: flex-end;
        flex-wrap: wrap;
      }
      label {
        display: flex;
        align-items: center;
        gap: 0.8rem;
        min-height: 56px;
      }
      input[type='checkbox'] {
        width: 32px;
        height: 32px;
      }
      input[type='number'] {
        font-size: 1em;
        min-height: 56px;
        width: 8rem;
      }
      fieldset {
        border: 1px solid var(--bh-border);
        border-radius: var(--bh-radius-s);
        margin: 1rem 0;
      }
    `,
  ];

  @state() private pin = '';
  @state() private view: Step = { step: 'pin', message: '' };
  @query('dialog') private dialog?: HTMLDialogElement;
  @query('.open') private opener?: HTMLButtonElement;

  constructor() {
    super();
    new LocaleController(this);
  }

  private get bridge(): KioskSetupBridge | undefined {
    return window.buurthubKiosk?.setup;
  }

  /** Ends setup for the next visitor (idle reset): closes the dialog and the session. */
  reset(): void {
    if (this.dialog?.open) this.dialog.close();
    this.pin = '';
    this.view = { step: 'pin', message: '' };
    void this.bridge?.lock();
  }

  private open(): void {
    this.pin = '';
    this.view = { step: 'pin', message: '' };
    this.dialog?.showModal();
  }

  private close(): void {
    this.reset();
    this.opener?.focus();
  }

  private press(digit: string): void {
    if (this.pin.length < MAX_PIN) this.pin += digit;
  }

  private async unlock(): Promise<void> {
    const bridge = this.bridge;
    if (!bridge || this.pin.length === 0) return;
    const answer = parseUnlock(await bridge.unlock(this.pin).catch(() => null));
    this.pin = '';
    if (answer.result === 'ok') {
      this.view = { step: 'settings', ...answer, message: '' };
      return;
    }
    const message =
      answer.result === 'locked'
        ? t('kiosk.setup.locked', { minutes: answer.minutes })
        : t(`kiosk.setup.${answer.result}`);
    this.view = { step: 'pin', message };
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.view.step !== 'settings') return;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const settings: KioskSettings = {
      idleSeconds: Number(data.get('idleSeconds')),
      show: {
        ...this.view.settings.show,
        ...Object.fromEntries(SHOWN.map((key) => [key, data.get(key) === 'on'])),
      },
    };
    const answer = (await this.bridge?.save(this.view.session, settings).catch(() => null)) as {
      result?: unknown;
    } | null;
    this.view =
      answer?.result === 'saved'
        ? { step: 'saved' }
        : { step: 'pin', message: t('kiosk.setup.notSaved') };
  }

  override render() {
    if (!this.bridge) return nothing;
    return html`<button class="secondary open" @click=${this.open}>${t('kiosk.setup.open')}</button>
      <dialog aria-labelledby="setup-title" @cancel=${() => this.reset()}>
        <h3 id="setup-title">${t('kiosk.setup.title')}</h3>
        ${this.renderStep()}
      </dialog>`;
  }

  private renderStep() {
    const view = this.view;
    if (view.step === 'saved') {
      return html`<p role="status">${t('kiosk.setup.saved')}</p>`;
    }
    if (view.step === 'settings') return this.renderSettings(view.settings);
    return html`<p>${t('kiosk.setup.pinHint')}</p>
      <p class="pin" aria-live="polite">
        <span aria-hidden="true">${'•'.repeat(this.pin.length)}</span>
        <span class="visually-hidden"
          >${t('kiosk.setup.pinEntered', { count: this.pin.length })}</span
        >
      </p>
      <p class="message" role="alert">${view.message}</p>
      <div class="pad" role="group" aria-label=${t('kiosk.setup.pad')}>
        ${DIGITS.map(
          (d) =>
            html`<button class="secondary ${d === '0' ? 'zero' : ''}" @click=${() => this.press(d)}>
              ${d}
            </button>`,
        )}
      </div>
      <div class="row">
        <button class="secondary" @click=${() => (this.pin = this.pin.slice(0, -1))}>
          ${t('kiosk.setup.erase')}
        </button>
        <button class="secondary" @click=${this.close}>${t('kiosk.setup.close')}</button>
        <button class="primary" @click=${this.unlock}>${t('kiosk.setup.unlock')}</button>
      </div>`;
  }

  private renderSettings(settings: KioskSettings) {
    return html`<form @submit=${this.save}>
      <label>
        ${t('kiosk.setup.idle')}
        <input
          type="number"
          name="idleSeconds"
          required
          min=${IDLE_SECONDS.min}
          max=${IDLE_SECONDS.max}
          .value=${String(settings.idleSeconds)}
        />
      </label>
      <fieldset>
        <legend>${t('kiosk.setup.show')}</legend>
        ${SHOWN.map(
          (key) =>
            html`<label>
              <input type="checkbox" name=${key} .checked=${settings.show[key]} />
              ${t(`kiosk.setup.show.${key}`)}
            </label>`,
        )}
      </fieldset>
      <p>${t('kiosk.setup.fileOnly')}</p>
      <div class="row">
        <button type="button" class="secondary" @click=${this.close}>
          ${t('kiosk.setup.close')}
        </button>
        <button class="primary">${t('kiosk.setup.save')}</button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bh-kiosk-setup': BhKioskSetup;
  }
}
