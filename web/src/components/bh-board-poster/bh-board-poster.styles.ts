import { css } from 'lit';
import { boardPageStyles } from '../../boards/page.styles.js';
import { boardContentStyles } from '../../boards/render-content.js';
import { baseStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  boardContentStyles,
  boardPageStyles,
  css`
    .controls {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 1rem;
      margin: 0 0 1rem;
    }
    fieldset {
      border: 1px solid var(--bh-border);
      border-radius: var(--bh-radius-s);
      margin: 0;
      padding: 0.25rem 0.75rem 0.5rem;
      display: flex;
      gap: 1rem;
    }
    legend {
      font-weight: 600;
    }
    .choice {
      display: inline-flex;
      align-items: center;
      gap: 0.4rem;
      font-weight: 400;
      min-height: 44px;
      margin: 0;
    }
    .choice input {
      width: 1.2rem;
      min-height: 0;
    }
    .sheet {
      background: #fff;
      color: #000;
      border: 1px solid var(--bh-border);
      box-shadow: var(--bh-shadow);
      padding: 2rem 2.25rem;
      max-width: 52rem;
      font-size: 1.15rem;
    }
    .sheet-head {
      display: flex;
      justify-content: space-between;
      align-items: baseline;
      gap: 1rem;
      border-bottom: 4px solid var(--bh-primary);
      padding-bottom: 0.5rem;
      margin-bottom: 1.25rem;
    }
    .sheet-head p {
      margin: 0;
    }
    .sheet .board-content {
      font-size: 1em;
    }
    .nb {
      font-size: 1.25em;
      font-weight: 800;
      color: var(--bh-primary);
    }
    .date {
      color: #333;
    }
    .title {
      font-size: 2.2em;
      line-height: 1.15;
      margin: 0 0 1rem;
    }
    .sheet-foot {
      display: flex;
      /* on a phone at 200 % text the link goes under the QR code instead of beside it */
      flex-wrap: wrap;
      align-items: center;
      gap: 1.25rem;
      margin-top: 1.5rem;
      padding-top: 1rem;
      border-top: 2px solid #ccc;
      break-inside: avoid;
    }
    .sheet-foot bh-qr-code {
      width: min(8rem, 100%);
      flex: none;
    }
    /* Beside the QR code, shrinking (the long link breaks); below it only when less than
       12rem is left, so the printed poster's footer stays one row on its page. */
    .sheet-foot > div {
      flex: 1 1 12rem;
      min-width: 0;
    }
    .scan {
      font-weight: 700;
      margin: 0 0 0.25rem;
    }
    .url {
      margin: 0;
      overflow-wrap: anywhere;
      font-size: 0.75em;
    }
    @media print {
      .screen-only {
        display: none;
      }
      .sheet {
        border: none;
        box-shadow: none;
        padding: 0;
        max-width: none;
      }
      .sheet {
        font-size: 1.4rem;
      }
      .sheet.size-A3 {
        font-size: 2rem;
      }
      .sheet .sheet-foot bh-qr-code {
        width: 9rem;
      }
      /* A photo illustrates; it should not push the board onto a second sheet. */
      .sheet .board-image {
        max-height: 6cm;
        width: auto;
      }
      .sheet.size-A3 .sheet-foot bh-qr-code {
        width: 11rem;
      }
    }
  `,
];
