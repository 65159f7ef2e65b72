import { css } from 'lit';
import { formStyles } from '../../styles/form.styles.js';
import { baseStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  formStyles,
  css`
    a.new {
      display: inline-flex;
      align-items: center;
      min-height: 44px;
      padding: 0.4rem 1rem;
      border-radius: 999px;
      background: var(--bh-primary);
      color: var(--bh-on-primary);
      font-weight: 600;
      text-decoration: none;
    }
    a.new:hover {
      background: var(--bh-primary-hover);
    }
    .rounds {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .rounds h3 {
      font-size: 1.15rem;
      margin: 0 0 0.35rem;
      overflow-wrap: anywhere;
    }
    .rounds h3 a {
      color: var(--bh-primary);
    }
    .phase {
      margin: 0 0 0.25rem;
      font-weight: 600;
    }
    .meta {
      color: var(--bh-muted);
      font-size: 0.9rem;
      margin: 0;
    }
    .empty {
      background: var(--bh-surface);
      border: 1px dashed var(--bh-border-strong);
      border-radius: var(--bh-radius);
      padding: 1.25rem 1rem;
      color: var(--bh-muted);
    }
  `,
];
