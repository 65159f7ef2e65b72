import { css } from 'lit';
import { formStyles } from '../../styles/form.styles.js';
import { baseStyles, subnavStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  subnavStyles,
  formStyles,
  css`
    h3 {
      font-size: 1.1rem;
      margin: 0 0 0.35rem;
      overflow-wrap: anywhere;
    }
    .suggestions ul,
    .profiles {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    button.link {
      background: none;
      border: 0;
      padding: 0.25rem 0;
      color: var(--bh-primary);
      text-decoration: underline;
      text-align: start;
      font-weight: 600;
    }
    .filters select {
      width: 100%;
    }
    .count {
      font-weight: 600;
    }
    .area {
      margin: 0 0 0.5rem;
      color: var(--bh-muted);
    }
    dl {
      margin: 0 0 0.5rem;
    }
    dl div {
      margin-block-end: 0.35rem;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .about {
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .self {
      color: var(--bh-muted);
      font-style: italic;
    }
    /* What a member shows moderators only: set apart, so a moderator never mistakes it for
       something the whole neighbourhood can read. */
    .for-moderators {
      margin-block: 0.5rem;
      padding: 0.5rem 0.75rem;
      border-inline-start: 4px solid var(--bh-primary);
      background: var(--bh-primary-soft);
      border-radius: var(--bh-radius-s);
    }
    .for-moderators h4 {
      font-size: 1rem;
      margin: 0 0 0.35rem;
    }
    .status:empty {
      display: none;
    }
    .status {
      font-weight: 600;
      color: var(--bh-danger);
    }
  `,
];
