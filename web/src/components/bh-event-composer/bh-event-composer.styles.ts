import { css } from 'lit';
import { baseStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  css`
    :host {
      display: block;
    }
    .back {
      display: inline-flex;
      align-items: center;
      min-height: 44px;
      margin-block-end: 0.5rem;
      color: var(--bh-primary);
      font-weight: 600;
    }
    .back::before {
      content: '← ';
      white-space: pre;
    }
    .card {
      background: var(--bh-surface);
      border: 1px solid var(--bh-border);
      border-radius: var(--bh-radius);
      box-shadow: var(--bh-shadow);
      padding: 1.1rem 1.1rem 1.25rem;
    }
    h2 {
      font-size: 1.4rem;
      margin: 0 0 0.25rem;
      line-height: 1.25;
    }
    h2:focus {
      outline: none;
    }
    h2:focus-visible {
      outline: 3px solid var(--bh-focus);
    }
    .intro {
      margin: 0 0 1rem;
      color: var(--bh-muted);
    }
    .restored,
    .readonly {
      margin: 0 0 1rem;
      padding: 0.5rem 0.75rem;
      border-radius: var(--bh-radius-s);
      background: var(--bh-primary-soft);
      border-inline-start: 4px solid var(--bh-primary);
    }
    .readonly {
      background: var(--bh-warning-soft);
      border-inline-start-color: var(--bh-warning);
    }
    fieldset {
      border: 0;
      margin: 0;
      padding: 0;
      min-width: 0;
    }
    legend {
      font-weight: 600;
      padding: 0;
      margin-block-end: 0.35rem;
    }
    .row {
      display: grid;
      gap: 0 1rem;
      grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
    }
    .check,
    .radio {
      display: flex;
      align-items: flex-start;
      gap: 0.6rem;
    }
    .check input,
    .radio input {
      width: 1.4rem;
      min-height: 1.4rem;
      height: 1.4rem;
      margin: 0.1rem 0 0;
      flex: none;
      accent-color: var(--bh-primary);
    }
    .radio {
      margin-block-end: 0.5rem;
    }
    .radio .hint {
      display: block;
      font-weight: 400;
    }
    .tz {
      margin: -0.6rem 0 1.1rem;
    }
    .picked {
      display: grid;
      grid-template-columns: 7rem minmax(0, 1fr);
      gap: 0.85rem;
      align-items: start;
      margin-block-start: 0.5rem;
    }
    .picked img {
      inline-size: 7rem;
      block-size: 7rem;
      object-fit: cover;
      border-radius: var(--bh-radius-s);
    }
    button.small {
      margin-block-start: 0.5rem;
      padding: 0.35rem 0.8rem;
    }
    .file-button {
      display: inline-flex;
      align-items: center;
      min-height: 44px;
      margin: 0.5rem 0 0;
      padding: 0.5rem 1.1rem;
      border: 2px solid var(--bh-primary);
      border-radius: var(--bh-radius-s);
      color: var(--bh-primary);
      background: var(--bh-surface);
      cursor: pointer;
    }
    .file-button:hover {
      background: var(--bh-primary-soft);
    }
    .file-button:focus-within {
      outline: 3px solid var(--bh-focus);
      outline-offset: 2px;
    }
    .photo [role='status']:empty {
      display: none;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
    }
    .actions button {
      min-width: 9rem;
    }
    @media (max-width: 30rem) {
      .actions button {
        width: 100%;
      }
    }
  `,
];
