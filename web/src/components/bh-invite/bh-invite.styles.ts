import { css } from 'lit';
import { taskCardStyles } from '../../styles/form.styles.js';
import { baseStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  ...taskCardStyles,
  css`
    fieldset {
      border: 0;
      padding: 0;
      margin-inline: 0;
    }
    legend {
      font-weight: 600;
      padding: 0;
      margin-block-end: 0.35rem;
    }
    .roles {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .choice {
      display: flex;
      align-items: center;
      gap: 0.6rem;
      min-height: 44px;
      margin: 0;
      padding: 0.4rem 1rem 0.4rem 0.75rem;
      border: 1px solid var(--bh-border-strong);
      border-radius: var(--bh-radius-s);
      cursor: pointer;
      font-weight: 600;
    }
    .choice:has(input:checked) {
      border: 2px solid var(--bh-primary);
      background: var(--bh-primary-soft);
    }
    .choice input {
      width: 1.25rem;
      min-height: 1.25rem;
      height: 1.25rem;
      margin: 0;
      accent-color: var(--bh-primary);
    }
    .numbers {
      display: grid;
      gap: 0 1rem;
    }
    @media (min-width: 36rem) {
      .numbers {
        grid-template-columns: 1fr 1fr;
      }
    }
    button[aria-disabled='true'] {
      cursor: progress;
    }
    .result {
      border-block-start: 6px solid var(--bh-primary);
    }
    .summary {
      margin: 0 0 1rem;
    }
    .result-grid {
      display: grid;
      gap: 1.25rem;
      align-items: start;
    }
    @media (min-width: 40rem) {
      .result-grid {
        grid-template-columns: minmax(0, 1fr) 14rem;
      }
    }
    .label {
      font-weight: 600;
      margin: 0;
    }
    .code {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      font-size: 2rem;
      font-weight: 700;
      letter-spacing: 0.12em;
      margin: 0.1rem 0 1rem;
    }
    #invite-link {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      font-size: 0.9rem;
    }
    .copy-row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.75rem;
      margin-block-start: 0.75rem;
    }
    .copied {
      margin: 0;
      color: var(--bh-primary);
      font-weight: 600;
    }
    .qr {
      margin: 0;
      justify-self: center;
      inline-size: min(100%, 14rem);
    }
    figcaption {
      margin-block-start: 0.4rem;
      color: var(--bh-muted);
      font-size: 0.9em;
      text-align: center;
    }
    @media (max-width: 30rem) {
      form > button {
        width: 100%;
      }
    }
  `,
];
