import { css } from 'lit';
import { dialogStyles } from '../../styles/form.styles.js';
import { baseStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  dialogStyles,
  css`
    h2 {
      margin: 0 0 0.25rem;
      font-size: 1.35rem;
    }
    .hint {
      margin: 0 0 1rem;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: 0.5rem;
      flex-wrap: wrap;
    }
  `,
];
