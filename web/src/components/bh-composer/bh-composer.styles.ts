import { css } from 'lit';
import { formStyles } from '../../styles/form.styles.js';
import { baseStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  formStyles,
  css`
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
    .row {
      --row-min: 13rem;
    }
    .photos legend {
      margin-block-end: 0.1rem;
    }
    .file-button {
      margin: 0;
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
    .photo img,
    .photo video {
      inline-size: 7rem;
      block-size: 7rem;
      object-fit: cover;
      border-radius: var(--bh-radius-s);
    }
    .photo-fields .field-error {
      margin-block-end: 0.35rem;
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
  `,
];
