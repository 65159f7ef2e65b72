import { css } from 'lit';
import { baseStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  css`
    :host {
      display: block;
    }
    h2 {
      font-size: 1.4rem;
      margin: 0 0 1rem;
      line-height: 1.25;
    }
    h2:focus {
      outline: none;
    }
    h2:focus-visible {
      outline: 3px solid var(--bh-focus);
    }
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    /* The virtualizer places items itself and measures their margins (no grid gap). */
    .list > li {
      width: 100%;
      margin-block-end: 1rem;
    }
    .empty {
      background: var(--bh-surface);
      border: 1px dashed var(--bh-border-strong);
      border-radius: var(--bh-radius);
      padding: 1.5rem 1rem;
      text-align: center;
    }
    .empty p {
      margin: 0 0 1rem;
      color: var(--bh-muted);
    }
    .loading {
      padding: 1.5rem 1rem;
      text-align: center;
      color: var(--bh-muted);
    }
    .cta {
      display: inline-flex;
      align-items: center;
      min-height: 44px;
      padding: 0.5rem 1.2rem;
      border-radius: var(--bh-radius-s);
      background: var(--bh-primary);
      color: var(--bh-on-primary);
      font-weight: 600;
      text-decoration: none;
    }
    .cta:hover {
      background: var(--bh-primary-hover);
    }
    .filters {
      display: grid;
      gap: 0.5rem 0.75rem;
      grid-template-columns: repeat(auto-fit, minmax(min(12rem, 100%), 1fr));
      margin: 0 0 0.5rem;
    }
    .filter label {
      font-size: 0.9rem;
      margin-block-end: 0.2rem;
    }
    .filter.search {
      grid-column: 1 / -1;
    }
    @media (min-width: 48rem) {
      .filter.search {
        grid-column: auto;
      }
    }
    .count {
      margin: 0 0 0.5rem;
      color: var(--bh-muted);
      font-size: 0.9rem;
    }
    .count:empty {
      display: none;
    }
  `,
];
