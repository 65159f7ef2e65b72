import { css } from 'lit';
import { formStyles } from '../../styles/form.styles.js';
import { baseStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  formStyles,
  css`
    h3 {
      font-size: 1.1rem;
      margin: 1.25rem 0 0.5rem;
    }
    h4 {
      font-size: 1rem;
      margin: 0 0 0.25rem;
    }
    h5 {
      font-size: 0.95rem;
      margin: 0.5rem 0 0.25rem;
    }
    .requests {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .request {
      border-top: 1px solid var(--bh-border);
      padding: 0.75rem 0;
    }
    .meta {
      color: var(--bh-muted);
      font-size: 0.9rem;
      margin: 0 0 0.35rem;
    }
    .message {
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .details {
      padding: 0.25rem 0.75rem;
      border-inline-start: 4px solid var(--bh-primary);
      background: var(--bh-primary-soft);
      border-radius: var(--bh-radius-s);
      margin-block-end: 0.5rem;
    }
    dl {
      margin: 0 0 0.5rem;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0 0 0.25rem;
      overflow-wrap: anywhere;
    }
    .status:empty {
      display: none;
    }
    .status {
      font-weight: 600;
    }
    .empty {
      color: var(--bh-muted);
    }
  `,
];
