import { css } from 'lit';
import { formStyles } from '../../styles/form.styles.js';
import { baseStyles, chipStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  formStyles,
  chipStyles,
  css`
    h2 {
      font-size: 1.5rem;
      margin: 0 0 0.75rem;
    }
    h3 {
      font-size: 1.1rem;
      margin: 0 0 0.5rem;
    }
    h4 {
      font-size: 1rem;
      margin: 0.75rem 0 0.25rem;
    }
    .tags {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      margin: 0 0 0.5rem;
      font-size: 0.85rem;
    }
    .chip.cancelled {
      background: var(--bh-danger);
      color: #fff;
    }
    .cancelled-notice {
      margin: 0 0 1rem;
      padding: 0.6rem 0.85rem;
      border-inline-start: 4px solid var(--bh-danger);
      background: var(--bh-danger-soft);
      font-weight: 600;
    }
    .cancelled-notice p {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .owner-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin: 0 0 1rem;
    }
    button.danger {
      color: var(--bh-danger);
      border-color: var(--bh-danger);
    }
    button.danger-solid {
      background: var(--bh-danger);
      color: #fff;
    }
    .chip.public {
      background: #e5eefb;
      color: #1d4a85;
    }
    .edited {
      color: var(--bh-muted);
    }
    .facts {
      display: grid;
      gap: 0.5rem;
      margin: 0 0 1rem;
    }
    .facts div {
      display: grid;
      grid-template-columns: minmax(7rem, auto) 1fr;
      gap: 0.75rem;
    }
    /* Large text on a narrow screen: each fact under its label, or the date would get a
       column a few letters wide. */
    @media (max-width: 22em) {
      .facts div {
        grid-template-columns: 1fr;
        gap: 0;
      }
    }
    dt {
      font-weight: 700;
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    dd.full {
      color: var(--bh-danger);
      font-weight: 700;
    }
    .photo {
      margin: 0 0 1rem;
      border-radius: var(--bh-radius-s);
      overflow: hidden;
    }
    .body {
      margin: 0 0 1rem;
      line-height: 1.55;
      overflow-wrap: anywhere;
    }
    .body p {
      white-space: pre-line;
    }
    .body a {
      color: var(--bh-primary);
    }
    .rsvp,
    .attendees,
    .calendar-actions {
      border-block-start: 1px solid var(--bh-border);
      padding-block-start: 1rem;
      margin-block-start: 1rem;
    }
    /* Three in a row while their words fit ("Misschien" broke mid-word in a third of a
       phone's card), else each on a row of its own. */
    .rsvp-buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .rsvp-button {
      flex: 1 1 6rem;
      overflow-wrap: normal;
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 0.1rem;
      background: var(--bh-surface);
      color: var(--bh-primary);
      border-color: var(--bh-primary);
      padding-inline: 0.5rem;
    }
    .rsvp-button:not([aria-pressed='true']):hover:not(:disabled) {
      background: var(--bh-primary-soft);
    }
    .rsvp-button[aria-pressed='true'] {
      background: var(--bh-primary);
      color: var(--bh-on-primary);
    }
    .rsvp-button[aria-pressed='true']::before {
      content: '✓';
    }
    .count {
      font-size: 1.3rem;
      font-weight: 800;
    }
    .rsvp-status {
      margin: 0.5rem 0 0;
      color: var(--bh-muted);
    }
    .attendees ul {
      margin: 0;
      padding-inline-start: 1.25rem;
    }
    .calendar-actions .hint {
      margin-block-start: 0.5rem;
    }
  `,
];
