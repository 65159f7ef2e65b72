import { css } from 'lit';
import { baseStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  css`
    :host {
      display: block;
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
    .identity {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0 0.5rem;
      margin: -0.5rem 0 0.75rem;
    }
    button.link {
      background: none;
      border: 0;
      padding: 0.25rem 0.25rem;
      color: var(--bh-primary);
      text-decoration: underline;
      text-underline-offset: 0.2em;
    }
    button.link:hover {
      color: var(--bh-primary-hover);
      text-decoration-thickness: 2px;
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
    .row {
      display: grid;
      gap: 0 1rem;
      grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr));
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
