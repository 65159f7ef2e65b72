import { css } from 'lit';
import { formStyles } from '../../styles/form.styles.js';
import { baseStyles, cardStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  cardStyles,
  formStyles,
  css`
    :host {
      display: block;
    }
    .card {
      padding: 1.25rem 1.1rem 1.35rem;
      margin-block-end: 1rem;
    }
    h2 {
      font-size: 1.4rem;
      margin: 0 0 0.4rem;
    }
    h2:focus {
      outline: none;
    }
    h3 {
      font-size: 1.15rem;
      margin: 0 0 0.4rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-block-start: 0.75rem;
    }
    button {
      min-height: 44px;
    }
    /* Large text on a phone (media em follow the browser's text size): "verwijderen…" is
       wider than the button's inside with its usual side padding and would break mid-word */
    @media (max-width: 22em) {
      .actions button {
        padding-inline: 0.5rem;
      }
    }
    .check {
      display: flex;
      gap: 0.5rem;
      align-items: flex-start;
      margin-block: 0.75rem;
    }
    .check input {
      width: 1.4rem;
      height: 1.4rem;
      flex: none;
    }
    .steps {
      list-style: none;
      padding: 0;
      margin: 0.75rem 0 0;
    }
    .steps li {
      padding: 0.35rem 0;
      border-top: 1px solid var(--bh-border);
    }
    .steps .state {
      font-weight: 600;
    }
    .error {
      color: var(--bh-danger);
      font-weight: 600;
    }
    .status:empty {
      display: none;
    }
  `,
];
