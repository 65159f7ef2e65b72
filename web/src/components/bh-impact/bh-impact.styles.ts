import { css } from 'lit';
import { formStyles } from '../../styles/form.styles.js';
import { baseStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  formStyles,
  css`
    .suppressed-note {
      padding: 0.5rem 0.75rem;
      border-radius: var(--bh-radius-s);
      background: var(--bh-primary-soft);
      border-inline-start: 4px solid var(--bh-primary);
    }
    .controls button {
      margin-top: 0.25rem;
    }
    .charts {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0 1rem;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
      align-items: start;
    }
    figure {
      margin: 0;
    }
    h3 {
      font-size: 1.05rem;
      margin: 0 0 0.5rem;
    }
    .chart svg {
      display: block;
      width: 100%;
      height: auto;
    }
    .chart .axis {
      stroke: var(--bh-border-strong);
      stroke-width: 1;
    }
    .chart .bar {
      fill: var(--bh-primary);
    }
    .chart .suppressed {
      fill: none;
      stroke: var(--bh-primary);
      stroke-width: 1.5;
      stroke-dasharray: 3 2;
    }
    .chart text {
      font-size: 11px;
      fill: var(--bh-muted);
    }
    .chart text.end {
      text-anchor: end;
    }
    figcaption {
      margin: 0.35rem 0;
      font-size: 0.9rem;
    }
    details summary {
      min-height: 44px;
      display: flex;
      align-items: center;
      cursor: pointer;
      color: var(--bh-primary);
      font-weight: 600;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      font-size: 0.9rem;
    }
    th,
    td {
      text-align: start;
      padding: 0.2rem 0.4rem;
      border-bottom: 1px solid var(--bh-border);
    }
    td {
      text-align: end;
    }
    /* Large text on a phone (media em follow the browser's text size): the column headers
       ("Nieuwe contacten via contactverzoeken") no longer fit in two columns and would break
       mid-word, so they are read by screen readers only; the table is then a list of weeks
       and their figure under the chart's heading, which names the figure. */
    @media (max-width: 22em) {
      thead th {
        padding: 0;
        border: 0;
      }
      thead th span {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
        white-space: nowrap;
      }
    }
  `,
];
