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
    .bar {
      max-width: var(--bh-column);
      margin: 0 auto;
      padding: 0.5rem 1rem 0.6rem;
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      /* The name has the whole first row, so it still fits at 200 % text on a phone. */
      grid-template-areas:
        'brand brand'
        'sync lang';
      align-items: center;
      gap: 0.4rem 0.75rem;
    }
    .brand {
      grid-area: brand;
      display: flex;
      align-items: center;
      gap: 0.65rem;
      min-width: 0;
    }
    .lang {
      grid-area: lang;
    }
    .sync {
      grid-area: sync;
    }
    /* Wide screens (laptop, kiosk): everything on one line. */
    @media (min-width: 48rem) {
      .bar {
        grid-template-columns: auto minmax(0, 1fr) auto;
        grid-template-areas: 'brand sync lang';
      }
      .sync {
        justify-self: end;
      }
    }
    .logo {
      width: 2.5rem;
      height: 2.5rem;
      flex: none;
    }
    .titles {
      display: grid;
      /* the name wraps within its column, never under the language switch */
      grid-template-columns: minmax(0, 1fr);
      min-width: 0;
      overflow-wrap: anywhere;
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
      overflow-wrap: anywhere;
    }
  `,
];
