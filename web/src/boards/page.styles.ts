/** Layout shared by the notice-board pages: headings, cards, back links and link buttons. */
import { css } from 'lit';

export const boardPageStyles = css`
  :host {
    display: block;
  }
  h2 {
    font-size: 1.4rem;
    margin: 0 0 0.75rem;
    line-height: 1.25;
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 3px solid var(--bh-focus);
  }
  .card {
    background: var(--bh-surface);
    border: 1px solid var(--bh-border);
    border-radius: var(--bh-radius);
    box-shadow: var(--bh-shadow);
    padding: 1rem 1.25rem;
  }
  /* Large text on a narrow screen: a narrower edge leaves a long word room on its line (as
     cardStyles in shared.styles.ts does for the other views' cards). */
  @media (max-width: 22em) {
    .card {
      padding-inline: 0.6rem;
    }
  }
  .back {
    margin: 0 0 0.75rem;
  }
  .back a {
    color: var(--bh-primary);
    font-weight: 600;
    display: inline-flex;
    align-items: center;
    min-height: 44px;
  }
  .back a::before {
    content: '‹ ';
    white-space: pre;
  }
  .actions {
    list-style: none;
    padding: 0;
    margin: 1rem 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  a.button {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    padding: 0.5rem 1.1rem;
    border-radius: var(--bh-radius-s);
    border: 2px solid var(--bh-primary);
    color: var(--bh-primary);
    background: var(--bh-surface);
    font-weight: 600;
    text-decoration: none;
  }
  a.button.primary {
    background: var(--bh-primary);
    color: var(--bh-on-primary);
  }
`;
