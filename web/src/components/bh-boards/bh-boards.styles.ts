import { css } from 'lit';
import { boardContentStyles } from '../../boards/render-content.js';
import { baseStyles } from '../../styles/shared.styles.js';
import { boardPageStyles } from '../../boards/page.styles.js';

export const styles = [
  baseStyles,
  boardContentStyles,
  boardPageStyles,
  css`
    .intro {
      margin: 0 0 1rem;
      color: var(--bh-muted);
    }
    .boards {
      list-style: none;
      margin: 0 0 1.5rem;
      padding: 0;
      display: grid;
      /* Never wider than the column, also at 200 % text. */
      grid-template-columns: minmax(0, 1fr);
      gap: 0.75rem;
    }
    .boards li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
    }
    .board-link {
      flex: 1 1 min(12rem, 100%);
      min-width: 0;
      font-size: 1.2rem;
      font-weight: 700;
      color: var(--bh-primary);
      min-height: 44px;
      display: inline-flex;
      align-items: center;
    }
    .editing {
      flex-basis: 100%;
      order: 3;
      margin: 0;
      color: var(--bh-muted);
      font-size: 0.95rem;
    }
    .order {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
    }
    .new .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .new input {
      flex: 1 1 14rem;
      width: auto;
    }
    .board h2 {
      font-size: 1.8rem;
    }
    .updated {
      margin: 1rem 0 0;
      color: var(--bh-muted);
      font-size: 0.9rem;
    }
    .error {
      color: var(--bh-danger);
      font-weight: 600;
    }
  `,
];
