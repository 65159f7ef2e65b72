import { css } from 'lit';
import { boardPageStyles } from '../../boards/page.styles.js';
import { boardContentStyles } from '../../boards/render-content.js';
import { baseStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  boardContentStyles,
  boardPageStyles,
  css`
    .versions {
      list-style: none;
      margin: 0 0 1rem;
      padding: 0;
      display: grid;
      gap: 0.4rem;
    }
    .version {
      width: 100%;
      text-align: start;
      display: flex;
      flex-wrap: wrap;
      gap: 0.2rem 0.6rem;
      background: var(--bh-surface);
      color: var(--bh-text);
      border: 2px solid var(--bh-border);
      font-weight: 400;
    }
    .version .when {
      font-weight: 700;
      color: var(--bh-primary);
    }
    .version .kind {
      color: var(--bh-muted);
    }
    .version.selected {
      border-color: var(--bh-primary);
      background: var(--bh-primary-soft);
    }
    .hint:empty {
      display: none;
    }
    .restored {
      padding: 0.6rem 1rem;
      border-radius: var(--bh-radius-s);
      background: var(--bh-primary-soft);
      border-inline-start: 5px solid var(--bh-primary);
      font-weight: 600;
    }
    .compare {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
      gap: 1rem;
      align-items: start;
    }
    .compare h3 {
      margin: 0 0 0.75rem;
      font-size: 1.1rem;
    }
    .compare .old {
      border-color: var(--bh-primary);
    }
    .restore {
      margin: 0 0 1rem;
    }
  `,
];
