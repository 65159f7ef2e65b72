/**
 * Styles of the writing views (post composer, event composer, event detail with its edit
 * and cancel forms, account): the shared card, the back link, the focusable heading, notices,
 * form layout, the file picker that looks like a button, the action row, and the dialog and
 * danger-button styles that other components take on their own. One copy, so the views look
 * and behave alike.
 */
import { css } from 'lit';
import { cardStyles } from './shared.styles.js';

/**
 * A native modal `<dialog>` (asking a name, reporting, confirming a delete): a raised panel
 * that fits a phone with a margin and scrolls inside when the text is large, over a dimmed page.
 */
export const dialogStyles = css`
  dialog {
    width: min(30rem, calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    border: 0;
    border-radius: var(--bh-radius);
    padding: 1.25rem;
    color: var(--bh-text);
    background: var(--bh-surface);
    box-shadow: 0 10px 40px rgb(0 0 0 / 0.25);
  }
  dialog::backdrop {
    background: rgb(23 33 28 / 0.55);
  }
`;

/**
 * Buttons that delete or remove for real: red outline beside the other buttons
 * (`danger`), solid red where the user confirms it (`danger-solid`).
 */
export const dangerButtonStyles = css`
  button.danger {
    color: var(--bh-danger);
    border-color: var(--bh-danger);
  }
  button.danger:hover {
    background: var(--bh-danger-soft);
  }
  button.danger-solid {
    background: var(--bh-danger);
    border-color: var(--bh-danger);
    color: #fff;
  }
  button.danger-solid:hover {
    background: #7f1a14;
  }
`;

export const formStyles = [
  cardStyles,
  dialogStyles,
  dangerButtonStyles,
  css`
    :host {
      display: block;
    }
    .back {
      display: inline-flex;
      align-items: center;
      min-height: 44px;
      margin-block-end: 0.5rem;
      color: var(--bh-primary);
      font-weight: 600;
    }
    .back::before {
      content: '← ';
      white-space: pre;
    }
    h2 {
      font-size: 1.4rem;
      margin: 0 0 0.25rem;
      line-height: 1.25;
      overflow-wrap: anywhere;
    }
    h2:focus {
      outline: none;
    }
    h2:focus-visible {
      outline: 3px solid var(--bh-focus);
    }
    .intro {
      margin: 0 0 1rem;
      color: var(--bh-muted);
    }
    .restored,
    .readonly {
      margin: 0 0 1rem;
      padding: 0.5rem 0.75rem;
      border-radius: var(--bh-radius-s);
      background: var(--bh-primary-soft);
      border-inline-start: 4px solid var(--bh-primary);
    }
    .readonly {
      background: var(--bh-warning-soft);
      border-inline-start-color: var(--bh-warning);
    }
    fieldset {
      border: 0;
      margin: 0;
      padding: 0;
      min-width: 0;
    }
    legend {
      font-weight: 600;
      padding: 0;
      margin-block-end: 0.35rem;
    }
    .row {
      display: grid;
      gap: 0 1rem;
      /* min(…, 100%): one column, never wider than the form, when the text is large */
      grid-template-columns: repeat(auto-fit, minmax(min(var(--row-min, 10rem), 100%), 1fr));
    }
    .check,
    .radio {
      display: flex;
      align-items: flex-start;
      gap: 0.6rem;
    }
    .check input,
    .radio input {
      width: 1.4rem;
      min-height: 1.4rem;
      height: 1.4rem;
      margin: 0.1rem 0 0;
      flex: none;
      accent-color: var(--bh-primary);
    }
    .radio {
      margin-block-end: 0.5rem;
    }
    /* A label beside its box is the box's touch target: 44 px high, the box on its first line. */
    div.check > label,
    div.radio > label {
      min-height: 44px;
      margin: 0;
      padding-block-start: 0.55rem;
    }
    div.check > input,
    div.radio > input {
      margin-block-start: 0.7rem;
    }
    .radio .hint {
      display: block;
      font-weight: 400;
    }
    button.small {
      margin-block-start: 0.5rem;
      padding: 0.35rem 0.8rem;
    }
    .file-button {
      display: inline-flex;
      align-items: center;
      min-height: 44px;
      margin: 0.5rem 0 0;
      padding: 0.5rem 1.1rem;
      border: 2px solid var(--bh-primary);
      border-radius: var(--bh-radius-s);
      color: var(--bh-primary);
      background: var(--bh-surface);
      cursor: pointer;
    }
    .file-button:hover {
      background: var(--bh-primary-soft);
    }
    .file-button:focus-within {
      outline: 3px solid var(--bh-focus);
      outline-offset: 2px;
    }
    /* The picker's "preparing…" line takes no room while empty. */
    .photos [role='status']:empty,
    .photo [role='status']:empty {
      display: none;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: 0.5rem;
    }
    .actions button {
      /* never wider than the form, also at 200 % text */
      min-width: min(9rem, 100%);
    }
    @media (max-width: 30rem) {
      .actions button {
        width: 100%;
      }
    }
    dialog h3 {
      margin: 0 0 0.75rem;
    }
  `,
];

/**
 * A card with one task (make an invite, join, approve a kiosk): its padding, the focusable
 * heading, the intro, the error line above the button and the busy button. The join and
 * invite views share it, so both steps of becoming a member look alike.
 */
export const taskCardStyles = [
  cardStyles,
  css`
    :host {
      display: block;
    }
    .card {
      padding: 1.25rem 1.1rem 1.35rem;
    }
    h2 {
      font-size: 1.4rem;
      margin: 0 0 0.4rem;
      line-height: 1.25;
    }
    h2:focus {
      outline: none;
    }
    h2:focus-visible {
      outline: 3px solid var(--bh-focus);
    }
    .intro {
      margin: 0 0 1.25rem;
      color: var(--bh-muted);
    }
    .messages {
      margin: 0 0 0.75rem;
    }
    .form-error {
      margin: 0;
      padding: 0.65rem 0.85rem;
      border-radius: var(--bh-radius-s);
      background: var(--bh-danger-soft);
      border-inline-start: 5px solid var(--bh-danger);
      color: var(--bh-danger);
      font-weight: 600;
    }
    /* the status line for screen readers takes no room while idle */
    .progress:empty {
      display: none;
    }
    button[aria-disabled='true'] {
      opacity: 0.75;
    }
  `,
];
