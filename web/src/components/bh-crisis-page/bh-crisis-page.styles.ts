import { css } from 'lit';
import { crisisStyles } from '../../crisis/present.js';
import { baseStyles, cardStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  cardStyles,
  crisisStyles,
  css`
    :host {
      display: block;
    }
    h2 {
      margin: 0 0 0.75rem;
      font-size: 1.35rem;
    }
    a {
      color: var(--bh-primary);
      font-weight: 700;
    }
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .list li {
      border-inline-start: 6px solid var(--sev);
      padding: 0.5rem 0.75rem;
      margin-block-end: 0.75rem;
    }
    .list a {
      display: inline-block;
      font-size: 1.1rem;
      padding-block: 0.25rem;
    }
    .meta {
      margin: 0.25rem 0 0;
      color: var(--bh-muted);
      font-size: 0.9rem;
    }
    .tag {
      padding: 0.1rem 0.5rem;
      border-radius: 999px;
      background: #eceff1;
      color: #1d272c;
      font-weight: 700;
      font-size: 0.85rem;
    }
  `,
];
