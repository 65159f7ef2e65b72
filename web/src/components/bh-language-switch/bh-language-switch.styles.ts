import { css } from 'lit';
import { baseStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  css`
    :host {
      display: block;
    }
    .group {
      display: inline-flex;
    }
    button {
      border: 1px solid var(--bh-border-strong);
      border-radius: 0;
      background: var(--bh-surface);
      color: var(--bh-text);
      padding-inline: 0.8rem;
    }
    button:first-child {
      border-start-start-radius: var(--bh-radius-s);
      border-end-start-radius: var(--bh-radius-s);
    }
    button:last-child {
      border-start-end-radius: var(--bh-radius-s);
      border-end-end-radius: var(--bh-radius-s);
      border-inline-start: 0;
    }
    button[aria-pressed='true'] {
      background: var(--bh-primary);
      border-color: var(--bh-primary);
      color: var(--bh-on-primary);
    }
    button:focus-visible {
      position: relative;
      z-index: 1;
    }
  `,
];
