import { css } from 'lit';
import { boardContentStyles } from '../../boards/render-content.js';
import { crisisStyles } from '../../crisis/present.js';
import { baseStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  crisisStyles,
  boardContentStyles,
  css`
    :host {
      display: flex;
      flex-direction: column;
      min-height: 100vh;
      background: #f4f6f5;
      color: var(--bh-text);
      /* --kiosk-scale: the visitor's text size (bh-kiosk.ts TEXT_SIZES). */
      font-size: calc(clamp(1.1rem, 1.35vw, 2rem) * var(--kiosk-scale, 1));
    }
    .screen {
      flex: 1 0 auto;
      box-sizing: border-box;
      display: flex;
      flex-direction: column;
      padding: 1.5vw 2.5vw;
      gap: 1.2vw;
    }
    .top {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 1rem;
    }
    .top h1 {
      display: flex;
      align-items: center;
      gap: 0.6rem;
      margin: 0;
      font-size: 1.3em;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      color: var(--bh-danger);
    }
    .top h1:focus {
      outline: none;
    }
    .nb {
      color: var(--bh-text);
      text-transform: none;
      letter-spacing: 0;
      font-weight: 600;
    }
    .icon {
      display: inline-grid;
      place-items: center;
      width: 1.6em;
      height: 1.6em;
      border-radius: 50%;
      background: var(--bh-danger);
      color: #fff;
    }
    .top-end {
      display: flex;
      align-items: center;
      gap: 1.5rem;
    }
    .clock {
      font-size: 1.4em;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }
    .carousel {
      flex: 1;
      display: flex;
    }
    .alert {
      flex: 1;
      display: flex;
      flex-direction: column;
      background: var(--bh-surface);
      border-radius: var(--bh-radius);
      box-shadow: var(--bh-shadow);
      overflow: hidden;
      border: 4px solid var(--sev);
      animation: fade-in 0.6s ease-out;
    }
    @keyframes fade-in {
      from {
        opacity: 0;
      }
      to {
        opacity: 1;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .alert {
        animation: none;
      }
    }
    .band {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 1rem;
      padding: 1rem 2rem;
      background: var(--sev);
      color: #fff;
    }
    .severity-text {
      font-size: 1.6em;
      font-weight: 800;
      text-transform: uppercase;
      letter-spacing: 0.05em;
    }
    .status {
      padding: 0.15rem 0.8rem;
      border: 2px solid #fff;
      border-radius: 999px;
      font-weight: 700;
    }
    .badge-wrap {
      display: inline-flex;
      align-items: center;
      gap: 0.8rem;
      margin-inline-start: auto;
    }
    .band .badge {
      font-size: 1.1em;
      padding: 0.3rem 1rem;
    }
    .band .signer {
      color: #fff;
      font-size: 0.9em;
    }
    /*
     * Titles keep their words whole at every text size (a long Dutch compound such as
     * "Openingstijden" at "Groter" was wider than its column and broke mid-word): the
     * column a title sits in is a container, and the title's size is capped at a share of
     * that column's width (cqi), so a word of about 18 letters fits on a line; shorter
     * titles keep their own size and wrap between words. Breaking inside a word (baseStyles:
     * hyphens, overflow-wrap) stays the last resort for a word longer than that.
     */
    .text,
    .calm-text,
    .board-body {
      container-type: inline-size;
    }
    .body {
      flex: 1;
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 3rem;
      padding: 1.5rem 2.5rem;
    }
    .headline {
      margin: 0 0 1.5rem;
      font-size: min(2.6em, 9cqi);
      line-height: 1.1;
    }
    .instruction {
      margin: 0 0 1.5rem;
      font-size: 1.5em;
      line-height: 1.3;
    }
    .villages {
      margin: 0 0 1.5rem;
      font-size: 1.2em;
      font-weight: 600;
    }
    .update {
      margin: 0 0 1.5rem;
      padding: 1rem 1.5rem;
      border-inline-start: 8px solid var(--sev);
      background: #f1f3f2;
      border-radius: var(--bh-radius-s);
    }
    .update-meta {
      margin: 0 0 0.3rem;
      font-weight: 700;
    }
    .update-text {
      margin: 0;
      font-size: 1.25em;
    }
    .updated {
      margin: 0;
      color: var(--bh-muted);
    }
    .unverified-note {
      font-size: 1.1em;
    }
    .qr {
      margin: 0;
      align-self: start;
      width: min(18vw, 22rem);
      text-align: center;
    }
    .qr bh-qr-code {
      display: block;
      width: 100%;
      max-inline-size: none;
    }
    .qr figcaption {
      margin-top: 0.6rem;
      font-weight: 600;
    }
    .controls {
      display: flex;
      align-items: center;
      justify-content: center;
      gap: 1.2rem;
    }
    .controls button {
      min-height: 64px;
      min-width: 64px;
      font-size: 1em;
    }
    .nav-button {
      font-size: 1.6em !important;
      line-height: 1;
    }
    .dots {
      display: flex;
      gap: 0.8rem;
    }
    .controls .dot {
      width: 64px;
      min-width: 64px;
      padding: 0;
      border-radius: 50%;
      border: 3px solid var(--bh-text);
      background: var(--bh-surface);
      position: relative;
    }
    .dot::after {
      content: '';
      position: absolute;
      inset: 18px;
      border-radius: 50%;
    }
    .dot[aria-current='true']::after {
      background: var(--bh-text);
    }
    .calm {
      background: #eef4f1;
    }
    .calm-body {
      flex: 1;
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(16rem, 24vw) auto;
      align-items: center;
      gap: 4rem;
      padding: 0 3vw;
    }
    .calm-nb {
      margin: 0 0 0.5rem;
      font-size: min(1.6em, 8cqi);
      font-weight: 700;
      color: var(--bh-primary);
    }
    .calm h1 {
      margin: 0 0 1rem;
      /* Already the largest text, so capped by its column at every text size. */
      font-size: min(3.4em, 10cqi);
      line-height: 1.1;
    }
    .calm h1:focus {
      outline: none;
    }
    .calm-hint {
      margin: 0 0 2rem;
      font-size: 1.4em;
      max-width: 32ch;
    }
    .calm .qr {
      align-self: center;
      width: min(20vw, 24rem);
    }
    .calm-clock {
      margin: 0;
    }
    .calm-clock .clock {
      font-size: min(4em, 5vw);
    }
    /* Notice boards, when there is no crisis alert. */
    .boards-title {
      margin: 0;
      font-size: 1.3em;
      font-weight: 800;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      color: var(--bh-primary);
    }
    .board {
      flex: 1;
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 3rem;
      padding: 1.5rem 2.5rem;
      background: var(--bh-surface);
      border-radius: var(--bh-radius);
      box-shadow: var(--bh-shadow);
      border-top: 8px solid var(--bh-primary);
      animation: fade-in 0.6s ease-out;
    }
    @media (prefers-reduced-motion: reduce) {
      .board {
        animation: none;
      }
    }
    .board h1 {
      margin: 0 0 1rem;
      font-size: min(2.6em, 9cqi);
      line-height: 1.1;
    }
    .board h1:focus {
      outline: none;
    }
    .board .board-content {
      font-size: 1.35em;
      columns: 2 24rem;
      column-gap: 3rem;
    }
    .board .board-content > * {
      break-inside: avoid;
    }
    /* A board's own headings, written by its editors (boardContentStyles' sizes, capped). */
    .board .board-content h3 {
      font-size: min(1.5em, 8cqi);
    }
    .board .board-content h4 {
      font-size: min(1.25em, 7cqi);
    }
    /* Notice boards and this week's agenda side by side. */
    .home {
      flex: 1;
      display: grid;
      grid-template-columns: 1fr minmax(0, 26vw);
      gap: 1.5vw;
      align-items: start;
    }
    .home .carousel {
      align-self: stretch;
    }
    .bar {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 2rem;
      flex-wrap: wrap;
    }
    .text-size {
      display: flex;
      align-items: center;
      gap: 0.6rem;
    }
    .text-size-label {
      font-weight: 600;
    }
    .text-size button {
      min-height: 56px;
      min-width: 56px;
      font-size: 1em;
    }
    .text-size button[aria-pressed='true'] {
      background: var(--bh-text);
      color: var(--bh-surface);
      border-color: var(--bh-text);
    }
    /*
     * The idle countdown: large, at the bottom, under the screen rather than over it, so the
     * slide controls and the bar stay visible and touchable. While it shows, the page is
     * exactly one screen high: an alert or a notice board gives up the room (its end fades
     * out for those seconds), and the calm screen, which has no slide controls, scrolls
     * rather than cut its join QR code. The countdown is drawn above the moderator's panel
     * and sign-in dialog (bh-kiosk-moderator, z-index 5), which cover the whole window.
     */
    :host([counting-down]) {
      height: 100vh;
    }
    :host([counting-down]) .screen {
      flex: 1 1 0;
      min-height: 0;
    }
    :host([counting-down]) :is(.carousel, .home, .alert, .board) {
      min-height: 0;
    }
    :host([counting-down]) .home {
      overflow: hidden;
    }
    :host([counting-down]) .board {
      grid-template-rows: minmax(0, 1fr);
    }
    :host([counting-down]) :is(.body, .board-body, .board .qr) {
      align-self: stretch;
      overflow: hidden;
      mask-image: linear-gradient(to bottom, #000 calc(100% - 2.5em), transparent);
    }
    :host([counting-down]) .calm {
      overflow-y: auto;
    }
    .idle {
      position: relative;
      flex: none;
      display: flex;
      align-items: center;
      justify-content: center;
      gap: 2rem;
      padding: 1.5rem 2rem;
      background: var(--bh-text);
      color: var(--bh-surface);
      font-size: 1.8em;
      z-index: 10;
    }
    .idle p {
      margin: 0;
    }
    .idle button {
      font-size: 1em;
      min-height: 64px;
      padding-inline: 2rem;
    }
  `,
];
