import { css } from 'lit';
import { formStyles } from '../../styles/form.styles.js';
import { baseStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  formStyles,
  css`
    h3 {
      font-size: 1.15rem;
      margin: 1rem 0 0.5rem;
    }
    h4 {
      font-size: 1.05rem;
      margin: 0.5rem 0 0.25rem;
      overflow-wrap: anywhere;
    }
    h5 {
      font-size: 0.95rem;
      margin: 0.75rem 0 0.25rem;
    }
    .meta {
      color: var(--bh-muted);
      font-size: 0.9rem;
      margin: 0 0 0.5rem;
    }
    .prose {
      white-space: pre-line;
      overflow-wrap: anywhere;
      margin: 0 0 0.75rem;
    }
    /* A column of steps on a phone, a row of five where the words fit. */
    .stepper {
      list-style: none;
      display: grid;
      grid-template-columns: 1fr;
      gap: 0.25rem;
      margin: 0.75rem 0 0.5rem;
      padding: 0;
      counter-reset: none;
    }
    .stepper li {
      display: flex;
      align-items: center;
      gap: 0.6rem;
    }
    @media (min-width: 40rem) {
      .stepper {
        grid-template-columns: repeat(5, minmax(0, 1fr));
      }
      .stepper li {
        flex-direction: column;
        text-align: center;
        gap: 0.15rem;
        font-size: 0.85rem;
      }
    }
    .stepper .number {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      flex: none;
      width: 2rem;
      height: 2rem;
      border-radius: 50%;
      border: 2px solid var(--bh-border-strong);
      background: var(--bh-surface);
      font-weight: 700;
    }
    .stepper .done .number {
      background: var(--bh-primary-soft);
      border-color: var(--bh-primary);
    }
    .stepper .current .number {
      background: var(--bh-primary);
      border-color: var(--bh-primary);
      color: var(--bh-on-primary);
    }
    .stepper .current .label {
      font-weight: 700;
    }
    .stepper .label {
      overflow-wrap: anywhere;
    }
    .stepper .since {
      color: var(--bh-muted);
      font-size: 0.75rem;
    }
    .phase-help {
      margin: 0 0 1rem;
      padding: 0.5rem 0.75rem;
      border-radius: var(--bh-radius-s);
      background: var(--bh-primary-soft);
    }
    .frame {
      display: grid;
      gap: 0 1rem;
      grid-template-columns: repeat(auto-fit, minmax(min(14rem, 100%), 1fr));
    }
    .frame > div {
      border-inline-start: 4px solid var(--bh-border-strong);
      padding-inline-start: 0.75rem;
    }
    .deadlines {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1.5rem;
      margin: 0;
    }
    .deadlines dt {
      font-weight: 600;
    }
    .deadlines dd {
      margin: 0;
    }
    .statements {
      margin: 0 0 1rem;
    }
    .statement {
      border-inline-start: 4px solid var(--bh-primary);
      background: var(--bh-primary-soft);
      padding: 0.25rem 0.85rem 0.25rem;
      margin-block-end: 0.75rem;
      border-radius: var(--bh-radius-s);
    }
    .statement h3 {
      margin-top: 0.5rem;
    }
    .official {
      border-top: 1px solid var(--bh-border);
      margin-top: 1rem;
    }
    .statement-form {
      margin-top: 1rem;
    }
    .card > h3:first-child {
      margin-top: 0;
    }
    .list-heading {
      margin: 1.25rem 0 0.5rem;
    }
    .ideas,
    .responses ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .tags {
      display: flex;
      gap: 0.5rem;
      margin: 0;
      font-size: 0.85rem;
    }
    .tags:empty {
      display: none;
    }
    .chip {
      display: inline-block;
      padding: 0.15rem 0.65rem;
      border-radius: 999px;
      font-weight: 700;
    }
    .chip.late {
      background: var(--bh-warning-soft);
      border: 1px solid var(--bh-warning);
    }
    .chip.waiting {
      background: var(--bh-surface);
      border: 1px dashed var(--bh-border-strong);
    }
    .support {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 0.75rem;
    }
    .support button.small {
      margin: 0;
    }
    button[aria-pressed='true'] {
      background: var(--bh-primary);
      color: var(--bh-on-primary);
    }
    .outcome {
      border-inline-start: 4px solid var(--bh-primary);
      padding: 0.25rem 0.75rem;
      margin: 0 0 0.75rem;
      background: var(--bh-primary-soft);
      border-radius: var(--bh-radius-s);
    }
    .outcome p {
      margin: 0.25rem 0;
    }
    .responses li {
      border-top: 1px solid var(--bh-border);
      padding-top: 0.5rem;
    }
    .response-form,
    .outcome-form {
      margin-top: 0.75rem;
    }
    .outcome-form {
      border-top: 1px solid var(--bh-border);
      padding-top: 0.75rem;
    }
    .empty {
      color: var(--bh-muted);
    }
  `,
];
