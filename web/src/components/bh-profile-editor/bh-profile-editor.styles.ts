import { css } from 'lit';
import { formStyles } from '../../styles/form.styles.js';
import { baseStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  formStyles,
  css`
    .visibility-help {
      margin: 0 0 1rem;
      padding: 0.5rem 0.75rem;
      border-radius: var(--bh-radius-s);
      background: var(--bh-primary-soft);
      border-inline-start: 4px solid var(--bh-primary);
    }
    .name {
      font-weight: 600;
    }
    fieldset.field {
      border-top: 1px solid var(--bh-border);
      padding-top: 0.75rem;
    }
    .checks {
      display: grid;
      gap: 0.35rem 1rem;
      grid-template-columns: repeat(auto-fill, minmax(8.5rem, 1fr));
      margin-block-end: 0.75rem;
    }
    .check {
      font-weight: 400;
      min-height: 44px;
      align-items: center;
    }
    .tags-label {
      margin-top: 0.5rem;
    }
    .shown {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.75rem;
      margin-top: 0.5rem;
    }
    .shown label {
      margin: 0;
      font-weight: 400;
    }
    .shown select {
      width: auto;
    }
    .status:empty {
      display: none;
    }
    .status {
      font-weight: 600;
      margin: 1rem 0 0;
    }
  `,
];
