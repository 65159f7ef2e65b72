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
    .photos legend {
      font-weight: 600;
      padding: 0;
      margin-block-end: 0.1rem;
    }
    .photo-list {
      list-style: none;
      margin: 0.75rem 0 0;
      padding: 0;
      display: grid;
      gap: 1rem;
    }
    .photo {
      display: grid;
      grid-template-columns: 7rem minmax(0, 1fr);
      gap: 0.85rem;
      align-items: start;
    }
    .photo img {
      inline-size: 7rem;
      block-size: 7rem;
      object-fit: cover;
      border-radius: var(--bh-radius-s);
    }
    .photo-fields .field-error {
      margin-block-end: 0.35rem;
    }
    button.small {
      margin-block-start: 0.5rem;
      min-height: 44px;
      padding: 0.35rem 0.8rem;
    }
    .photo-buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-block-start: 0.75rem;
    }
    .photo-buttons[hidden] {
      display: none;
    }
    .file-button {
      display: inline-flex;
      align-items: center;
      min-height: 44px;
      margin: 0;
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
    .photos [role='status']:empty {
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
