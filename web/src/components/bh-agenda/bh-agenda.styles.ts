import { css } from 'lit';
import { eventItemStyles } from '../../agenda/event-item.js';
import { baseStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  eventItemStyles,
  css`
    :host {
      display: block;
    }
    h2 {
      font-size: 1.4rem;
      margin: 0 0 0.75rem;
      line-height: 1.25;
    }
    h2:focus {
      outline: none;
    }
    h2:focus-visible {
      outline: 3px solid var(--bh-focus);
    }
    .subnav {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin: 0 0 1rem;
    }
    .subnav a {
      display: inline-flex;
      align-items: center;
      min-height: 44px;
      padding: 0.4rem 1rem;
      border: 2px solid var(--bh-primary);
      border-radius: 999px;
      color: var(--bh-primary);
      font-weight: 600;
      text-decoration: none;
    }
    .subnav a[aria-current='page'] {
      background: var(--bh-primary);
      color: var(--bh-on-primary);
    }
    .subnav a.new {
      margin-inline-start: auto;
      background: var(--bh-primary);
      color: var(--bh-on-primary);
    }
    .subnav a.new:hover {
      background: var(--bh-primary-hover);
    }
    .list-heading {
      font-size: 1.15rem;
      margin: 0 0 0.75rem;
    }
    .empty {
      background: var(--bh-surface);
      border: 1px dashed var(--bh-border-strong);
      border-radius: var(--bh-radius);
      padding: 1.25rem 1rem;
      color: var(--bh-muted);
      margin: 0;
    }
    bh-calendar-link {
      margin-block-start: 2rem;
    }
  `,
];
