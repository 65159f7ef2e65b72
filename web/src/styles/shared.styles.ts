/**
 * Styles every component shares: box model, focus ring, 44px touch targets, buttons and
 * form controls. Colours come from the design tokens in index.html (custom properties
 * inherit into shadow roots), chosen for WCAG 2.1 AA contrast.
 */
import { css } from 'lit';

export const baseStyles = css`
  :host {
    box-sizing: border-box;
    /* A word longer than its line (a long Dutch compound at 200 % text on a phone) is
       hyphenated in the page's language where the browser has a dictionary (Firefox,
       Safari, Chrome once it has fetched one; Chromium offline has none), only words of 10
       letters or more. As a
       last resort (a long link, a word without a dictionary) it breaks anywhere rather than
       pushing the page sideways; "anywhere" (not "break-word") also lets flex and grid
       items shrink below the word's width. Both inherit into nested components. */
    hyphens: auto;
    hyphenate-limit-chars: 10 4 4;
    overflow-wrap: anywhere;
  }
  /* Large text on a narrow screen (a phone at more than about 120 % text; media em follow
     the browser's text size): a view's heading shrinks with the column (cqi: bh-app's
     column is the container, else the screen) so that its longest word fits on a line,
     from its own size down to 90 % of the body text (it is bold), and a little more inside
     a card, whose edges take room too. !important because each view sets its own size. */
  @media (max-width: 22em) {
    h1,
    h2 {
      font-size: clamp(0.9rem, 9cqi, 1.4rem) !important;
    }
    .card h2 {
      font-size: clamp(0.9rem, 8.5cqi, 1.4rem) !important;
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--bh-focus);
    outline-offset: 2px;
  }
  /* A link on its own (not inside a sentence) is a 44 px touch target, like a button. */
  a.block-link {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  button {
    font: inherit;
    font-weight: 600;
    min-height: 44px;
    min-width: 44px;
    padding: 0.5rem 1.1rem;
    border-radius: var(--bh-radius-s);
    border: 2px solid transparent;
    cursor: pointer;
    line-height: 1.2;
  }
  button.primary {
    background: var(--bh-primary);
    color: var(--bh-on-primary);
  }
  button.primary:hover {
    background: var(--bh-primary-hover);
  }
  button.secondary {
    background: var(--bh-surface);
    color: var(--bh-primary);
    border-color: var(--bh-primary);
  }
  button.secondary:hover {
    background: var(--bh-primary-soft);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  label {
    display: block;
    font-weight: 600;
    margin-block-end: 0.35rem;
  }
  input,
  textarea,
  select {
    font: inherit;
    color: var(--bh-text);
    background: var(--bh-surface);
    width: 100%;
    /* no minimum from the field's default size (a textarea's 20 columns), which at 200 %
       text would push a row wider than a phone */
    min-width: 0;
    min-height: 44px;
    /* what someone types is shown as typed, never with a hyphen that is not in it */
    hyphens: manual;
    padding: 0.55rem 0.75rem;
    border: 1px solid var(--bh-border-strong);
    border-radius: var(--bh-radius-s);
  }
  textarea {
    resize: vertical;
    line-height: 1.5;
  }
  [aria-invalid='true'] {
    border: 2px solid var(--bh-danger);
  }
  .field {
    margin-block-end: 1.1rem;
  }
  .field-error {
    color: var(--bh-danger);
    font-weight: 600;
    margin: 0.35rem 0 0;
  }
  .hint {
    color: var(--bh-muted);
    margin: 0.25rem 0 0;
    font-size: 0.9em;
  }
  /* More contrast asked for: the design tokens darken (index.html); controls get thicker edges. */
  @media (prefers-contrast: more) {
    input,
    textarea,
    select {
      border-width: 2px;
    }
    :focus-visible {
      outline-width: 4px;
    }
    a {
      text-decoration-thickness: 2px;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
`;

/** The raised card that holds a form, an alert or a panel. */
export const cardStyles = css`
  .card {
    background: var(--bh-surface);
    border: 1px solid var(--bh-border);
    border-radius: var(--bh-radius);
    box-shadow: var(--bh-shadow);
    padding: 1rem 1.1rem;
    margin-block-end: 1rem;
  }
  /* Large text on a narrow screen: a narrower edge leaves a long word room on its line.
     ":host" outranks the padding a view gives its own cards. */
  @media (max-width: 22em) {
    :host .card {
      padding-inline: 0.6rem;
    }
  }
`;

/** A view's own sub-navigation: a row of pill links, the current one filled. */
export const subnavStyles = css`
  .subnav {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin: 0 0 1rem;
  }
  .subnav a {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    padding: 0.4rem 1rem;
    border: 2px solid var(--bh-primary);
    border-radius: 999px;
    color: var(--bh-primary);
    font-weight: 600;
    text-decoration: none;
  }
  .subnav a[aria-current='page'] {
    background: var(--bh-primary);
    color: var(--bh-on-primary);
  }
`;

/**
 * A small rounded label (a post's category, an event's state); variants set their own
 * colours after it.
 */
export const chipStyles = css`
  .chip {
    display: inline-block;
    padding: 0.15rem 0.65rem;
    border-radius: 999px;
    font-weight: 700;
    background: var(--bh-primary-soft);
    color: #1a5a42;
  }
`;
