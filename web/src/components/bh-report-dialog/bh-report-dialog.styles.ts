import { css } from 'lit';
import { dialogStyles } from '../../styles/form.styles.js';
import { baseStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  dialogStyles,
  css`
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.5rem;
    }
    button.trigger {
      background: none;
      border: 0;
      padding: 0.25rem 0.5rem;
      color: var(--bh-muted);
      text-decoration: underline;
      text-underline-offset: 0.2em;
      font-size: 0.9rem;
      font-weight: 600;
    }
    button.trigger:hover {
      color: var(--bh-danger);
    }
    h2 {
      margin: 0 0 0.25rem;
      font-size: 1.35rem;
    }
    .hint {
      margin: 0 0 1rem;
    }
    fieldset {
      border: 0;
      margin: 0 0 1rem;
      padding: 0;
    }
    legend {
      font-weight: 600;
      margin-block-end: 0.35rem;
    }
    .reason {
      display: flex;
      align-items: center;
      gap: 0.6rem;
      min-height: 44px;
      font-weight: 400;
      margin: 0;
    }
    .reason input {
      width: 1.25rem;
      height: 1.25rem;
      min-height: 0;
      margin: 0;
      flex: none;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: 0.5rem;
      flex-wrap: wrap;
    }
  `,
];
