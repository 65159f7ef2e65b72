import { css } from 'lit';
import { baseStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  css`
    :host {
      display: block;
      background: var(--bh-surface);
      border-block-end: 1px solid var(--bh-border);
      box-shadow: 0 1px 4px rgb(23 33 28 / 0.06);
    }
    /* Flex with wrapping rather than a fixed grid: with large text (200 %) on a phone the
       sync state and the language switch each get a line instead of overlapping. */
    .bar {
      max-width: var(--bh-column);
      margin: 0 auto;
      padding: 0.5rem 1rem 0.6rem;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.4rem 0.75rem;
    }
    /* On a phone the name has the whole first row. */
    .brand {
      flex: 1 0 100%;
      display: flex;
      align-items: center;
      gap: 0.65rem;
      min-width: 0;
    }
    .sync {
      flex: 1 1 12rem;
      min-width: 0;
    }
    .lang {
      flex: none;
      margin-inline-start: auto;
    }
    /* Wide screens (laptop, kiosk): everything on one line. */
    @media (min-width: 48rem) {
      .brand {
        flex: 0 1 auto;
      }
      .sync {
        flex: 0 1 auto;
        margin-inline-start: auto;
      }
      .lang {
        margin-inline-start: 0;
      }
    }
    /* A picture, not text: it keeps its size when the text is made larger. */
    .logo {
      width: 40px;
      height: 40px;
      flex: none;
    }
    .titles {
      display: grid;
      /* the name wraps within its column, never under the language switch */
      grid-template-columns: minmax(0, 1fr);
      min-width: 0;
      overflow-wrap: break-word;
    }
    .app {
      font-size: 0.8rem;
      font-weight: 600;
      letter-spacing: 0.04em;
      text-transform: uppercase;
      color: var(--bh-muted);
    }
    h1 {
      margin: 0;
      font-size: 1.35rem;
      line-height: 1.2;
      color: var(--bh-primary);
      /* Breaks a name only where it cannot fit on a line at all. */
      overflow-wrap: break-word;
    }
  `,
];
