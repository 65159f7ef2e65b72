import { css } from 'lit';
import { baseStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  css`
    dialog {
      width: min(28rem, calc(100vw - 2rem));
      border: 0;
      border-radius: var(--bh-radius);
      padding: 1.25rem;
      color: var(--bh-text);
      background: var(--bh-surface);
      box-shadow: 0 10px 40px rgb(0 0 0 / 0.25);
    }
    dialog::backdrop {
      background: rgb(23 33 28 / 0.55);
    }
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
