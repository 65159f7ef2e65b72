import { css } from 'lit';
import { taskCardStyles } from '../../styles/form.styles.js';
import { baseStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  ...taskCardStyles,
  css`
    /* The page is one short form: keep it a readable column, centred on wide screens. */
    :host([variant='page']) {
      max-width: 34rem;
      margin-inline: auto;
    }
    .card {
      margin-block-end: 0;
    }
    /* The guest panel says "you are welcome here", not "access denied". */
    .card.panel {
      border-block-start: 6px solid var(--bh-primary);
    }
    .intro {
      max-width: 38rem;
    }
    .notice {
      margin: 0 0 1rem;
      padding: 0.75rem 1rem;
      border-radius: var(--bh-radius-s);
      background: var(--bh-warning-soft);
      border-inline-start: 5px solid var(--bh-warning);
      font-weight: 600;
    }
    form {
      max-width: 28rem;
    }
    :host([variant='page']) form {
      max-width: none;
    }
    /* Wide screens: the invitation text beside the form, not above a half-empty card. */
    @media (min-width: 60rem) {
      .card.panel {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1.15fr);
        grid-template-rows: auto 1fr;
        column-gap: 2.5rem;
        padding: 1.75rem 1.75rem 1.5rem;
      }
      .card.panel h2,
      .card.panel .intro {
        grid-column: 1;
      }
      .card.panel .notice,
      .card.panel form {
        grid-column: 2;
        grid-row: 1 / span 3;
        max-width: none;
      }
    }
    #join-code {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      letter-spacing: 0.08em;
      text-transform: uppercase;
    }
    .hint {
      margin-block-start: 0.35rem;
    }
    .progress {
      margin: 0;
      color: var(--bh-muted);
    }
    .actions button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: 0.6rem;
      /* never wider than the form, also at 200 % text */
      min-width: min(11rem, 100%);
    }
    button[aria-disabled='true'] {
      cursor: not-allowed;
    }
    .spinner {
      inline-size: 1.1em;
      block-size: 1.1em;
      border: 3px solid rgb(255 255 255 / 0.4);
      border-block-start-color: var(--bh-on-primary);
      border-radius: 50%;
      animation: spin 0.8s linear infinite;
    }
    @keyframes spin {
      to {
        transform: rotate(1turn);
      }
    }
    @media (max-width: 30rem) {
      .actions button {
        width: 100%;
      }
    }
  `,
];
