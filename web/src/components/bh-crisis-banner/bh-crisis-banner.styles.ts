import { css } from 'lit';
import { baseStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  css`
    :host {
      display: block;
      background: var(--bh-danger-soft);
      border-block-end: 3px solid var(--bh-danger);
    }
    :host([hidden]) {
      display: none;
    }
    .banner {
      max-width: var(--bh-column);
      margin: 0 auto;
      padding: 0.75rem 1rem 1rem;
    }
    .label {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      margin: 0 0 0.5rem;
      font-size: 0.95rem;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      color: var(--bh-danger);
    }
    .icon {
      display: inline-grid;
      place-items: center;
      width: 1.4rem;
      height: 1.4rem;
      border-radius: 50%;
      background: var(--bh-danger);
      color: #fff;
      font-size: 0.9rem;
    }
    .alert {
      background: var(--bh-surface);
      border: 1px solid #efc3bf;
      border-inline-start: 6px solid var(--bh-danger);
      border-radius: var(--bh-radius-s);
      padding: 0.75rem 1rem;
    }
    .alert + .alert {
      margin-block-start: 0.75rem;
    }
    .alert.moderate,
    .alert.minor {
      border-inline-start-color: var(--bh-warning);
    }
    .severity {
      display: inline-block;
      margin: 0 0 0.35rem;
      padding: 0.1rem 0.6rem;
      border-radius: 999px;
      background: var(--bh-danger);
      color: #fff;
      font-size: 0.85rem;
      font-weight: 700;
    }
    .moderate .severity,
    .minor .severity {
      background: var(--bh-warning);
    }
    h3 {
      margin: 0 0 0.35rem;
      font-size: 1.2rem;
      line-height: 1.3;
    }
    p {
      margin: 0 0 0.5rem;
    }
    .description,
    .update-text {
      white-space: pre-line;
    }
    .villages {
      color: var(--bh-muted);
      font-size: 0.9rem;
    }
    .update {
      border-block-start: 1px solid var(--bh-border);
      padding-block-start: 0.5rem;
      margin-block-start: 0.5rem;
    }
    .update-meta {
      font-weight: 700;
      font-size: 0.9rem;
      margin-block-end: 0.2rem;
      color: var(--bh-danger);
    }
    .update-text {
      margin: 0;
    }
  `,
];
