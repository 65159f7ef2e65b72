import { css } from 'lit';
import { formStyles } from '../../styles/form.styles.js';
import { baseStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  formStyles,
  css`
    h3 {
      font-size: 1.1rem;
      margin: 0 0 0.35rem;
      overflow-wrap: anywhere;
    }
    h4 {
      font-size: 1rem;
      margin: 0.5rem 0 0.25rem;
    }
    h3 a,
    .links a {
      color: var(--bh-primary);
    }
    .hits,
    .links {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .links li {
      min-height: 44px;
      display: flex;
      align-items: center;
    }
    .kind {
      margin: 0 0 0.25rem;
      font-size: 0.85rem;
      font-weight: 700;
      text-transform: uppercase;
      letter-spacing: 0.03em;
      color: var(--bh-muted);
    }
    .lead {
      font-size: 1.05rem;
    }
    .categories {
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem;
      margin: 0 0 0.5rem;
    }
    .chip {
      padding: 0.1rem 0.6rem;
      border-radius: 999px;
      background: var(--bh-primary-soft);
      color: #1a5a42;
      font-size: 0.85rem;
      font-weight: 600;
    }
    dl div {
      margin-block-end: 0.6rem;
    }
    dt {
      font-weight: 700;
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .prose {
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .meta {
      color: var(--bh-muted);
      font-style: italic;
    }
    .story + .story {
      border-top: 1px solid var(--bh-border);
    }
    .writer-actions,
    .entry-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin: 0 0 1rem;
    }
    .writer-actions button.small,
    .entry-actions button.small {
      margin: 0;
    }
    .count {
      font-weight: 600;
    }
    .status:empty {
      display: none;
    }
    .status {
      font-weight: 600;
    }
  `,
];
