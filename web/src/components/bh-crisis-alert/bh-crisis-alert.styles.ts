import { css } from 'lit';
import { crisisStyles } from '../../crisis/present.js';
import { baseStyles, cardStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  cardStyles,
  crisisStyles,
  css`
    :host {
      display: block;
    }
    article.card {
      border-block-start: 8px solid var(--sev);
    }
    h2 {
      margin: 0 0 0.5rem;
      font-size: 1.35rem;
      line-height: 1.3;
    }
    .headline {
      font-size: 1.5rem;
    }
    h3 {
      font-size: 1.1rem;
    }
    a {
      color: var(--bh-primary);
      font-weight: 600;
    }
    .back {
      margin: 0 0 0.5rem;
    }
    .updated,
    .age,
    .entry-meta,
    .q-meta,
    .changes {
      color: var(--bh-muted);
      font-size: 0.92rem;
    }
    .cancelled {
      background: #eceff1;
      border-inline-start: 6px solid #37474f;
      padding: 0.6rem 0.8rem;
      border-radius: var(--bh-radius-s);
      color: #1d272c;
    }
    .actions,
    .q-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-block-start: 0.75rem;
    }
    ol,
    ul.qa,
    ul.answers {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .entry,
    .question {
      border-block-start: 1px solid var(--bh-border);
      padding-block: 0.75rem;
    }
    .entry.cancel {
      background: #f5f5f5;
    }
    .entry p,
    .question p {
      margin: 0 0 0.35rem;
    }
    ul.answers {
      margin-inline-start: 1rem;
      border-inline-start: 3px solid var(--bh-primary-soft);
      padding-inline-start: 0.75rem;
    }
    .tag {
      display: inline-block;
      margin-inline-start: 0.35rem;
      padding: 0 0.5rem;
      border-radius: 999px;
      background: var(--bh-primary-soft);
      color: #14503a;
      font-weight: 700;
      font-size: 0.85rem;
    }
    .row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(12rem, 100%), 1fr));
      gap: 0 1rem;
    }
    .cancel-form {
      margin-block-start: 1.25rem;
      padding-block-start: 1rem;
      border-block-start: 1px solid var(--bh-border);
    }
    .print-only {
      display: none;
    }
    @media print {
      @page {
        size: A4;
        margin: 15mm;
      }
      .no-print {
        display: none !important;
      }
      .print-only {
        display: block;
      }
      .card {
        box-shadow: none;
        border: 1px solid #000;
        break-inside: avoid;
      }
      .qr {
        display: flex;
        gap: 1rem;
        align-items: center;
      }
      .qr bh-qr-code {
        inline-size: 35mm;
      }
      .qr p {
        word-break: break-all;
      }
    }
  `,
];
