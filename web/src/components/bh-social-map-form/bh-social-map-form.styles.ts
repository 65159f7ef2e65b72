import { css } from 'lit';
import { formStyles } from '../../styles/form.styles.js';
import { baseStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  formStyles,
  css`
    .checks {
      display: grid;
      gap: 0.25rem 1rem;
      grid-template-columns: repeat(auto-fill, minmax(8.5rem, 1fr));
    }
    .check {
      font-weight: 400;
      min-height: 44px;
      align-items: center;
    }
  `,
];
