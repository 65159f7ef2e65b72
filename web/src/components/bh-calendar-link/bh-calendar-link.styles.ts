import { css } from 'lit';
import { baseStyles, cardStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  cardStyles,
  css`
    :host {
      display: block;
    }
    .card {
      padding: 1rem 1.1rem 1.1rem;
      margin-block-end: 0;
    }
    h3 {
      margin: 0 0 0.5rem;
      font-size: 1.15rem;
    }
    h4 {
      margin: 1rem 0 0.25rem;
      font-size: 1rem;
    }
    p {
      margin: 0 0 0.75rem;
    }
    .url-row {
      display: flex;
      gap: 0.5rem;
    }
    .url-row input {
      flex: 1;
      min-width: 0;
      font-family: ui-monospace, monospace;
      font-size: 0.9rem;
    }
    .hint {
      margin-block: 0.35rem 0.5rem;
    }
    .status {
      margin: 0.5rem 0 0;
      font-weight: 600;
      color: var(--bh-primary);
    }
    .status:empty {
      display: none;
    }
  `,
];
