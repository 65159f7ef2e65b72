import { css } from 'lit';
import { eventItemStyles } from '../../agenda/event-item.js';
import { baseStyles, subnavStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  subnavStyles,
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
