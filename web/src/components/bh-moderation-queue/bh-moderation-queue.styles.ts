import { css } from 'lit';
import { dangerButtonStyles, dialogStyles } from '../../styles/form.styles.js';
import { moderationPageStyles } from '../../moderation/page.js';
import { baseStyles, cardStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  cardStyles,
  moderationPageStyles,
  dialogStyles,
  dangerButtonStyles,
  css`
    .intro,
    .empty {
      margin: 0 0 1rem;
    }
    .notice {
      margin: 0 0 1rem;
      padding: 0.5rem 0.75rem;
      border-radius: var(--bh-radius-s);
      background: var(--bh-warning-soft);
      border-inline-start: 4px solid var(--bh-warning);
    }
    .threshold {
      margin: 0 0 1.25rem;
    }
    .threshold-row {
      display: flex;
      gap: 0.5rem;
    }
    .threshold input {
      width: 6rem;
    }
    ol.queue {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 1rem;
    }
    .card {
      padding: 1rem 1.1rem;
    }
    h3 {
      margin: 0 0 0.5rem;
      font-size: 1.15rem;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.6rem;
      align-items: baseline;
    }
    .state {
      font-size: 0.85rem;
      font-weight: 700;
      padding: 0.1rem 0.6rem;
      border-radius: 999px;
      background: var(--bh-primary-soft);
      color: var(--bh-primary);
    }
    .state.hidden,
    .state.pending-review {
      background: var(--bh-warning-soft);
      color: var(--bh-warning);
    }
    blockquote {
      margin: 0 0 0.75rem;
      padding: 0.5rem 0.75rem;
      border-inline-start: 4px solid var(--bh-border-strong);
      background: var(--bh-bg);
      border-radius: var(--bh-radius-s);
      overflow-wrap: anywhere;
    }
    blockquote p {
      margin: 0;
      white-space: pre-line;
    }
    blockquote p + p {
      margin-block-start: 0.35rem;
    }
    .who {
      color: var(--bh-muted);
      margin: 0 0 0.5rem;
    }
    ul.reports {
      margin: 0 0 0.75rem;
      padding-inline-start: 1.25rem;
    }
    ul.reports li {
      margin-block-end: 0.25rem;
      overflow-wrap: anywhere;
    }
    .decision {
      margin: 0 0 0.75rem;
      font-weight: 600;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-block-end: 0.5rem;
    }
    fieldset {
      border: 0;
      margin: 0 0 0.5rem;
      padding: 0;
      min-width: 0;
    }
    legend {
      font-weight: 600;
      margin-block-end: 0.35rem;
    }
    .result {
      font-weight: 600;
      color: var(--bh-primary);
      margin: 0.25rem 0 0;
    }
    .result.problem {
      color: var(--bh-danger);
    }
    .result:empty {
      display: none;
    }
    dialog h3 {
      font-size: 1.25rem;
    }
  `,
];
