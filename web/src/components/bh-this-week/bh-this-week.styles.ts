import { css } from 'lit';
import { eventItemStyles } from '../../agenda/event-item.js';
import { baseStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  eventItemStyles,
  css`
    :host {
      display: block;
      margin-block-end: 1.5rem;
    }
    .head {
      display: flex;
      align-items: baseline;
      justify-content: space-between;
      gap: 1rem;
      margin-block-end: 0.5rem;
    }
    h2 {
      font-size: 1.2rem;
      margin: 0;
    }
    .head a {
      display: inline-flex;
      align-items: center;
      min-height: 44px;
      color: var(--bh-primary);
      font-weight: 600;
    }
    .empty,
    .more {
      margin: 0;
      color: var(--bh-muted);
    }
    .more {
      margin-block-start: 0.5rem;
    }
  `,
];
