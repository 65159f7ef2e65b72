import { css } from 'lit';
import { formStyles } from '../../styles/form.styles.js';
import { baseStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  formStyles,
  css`
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
  `,
];
