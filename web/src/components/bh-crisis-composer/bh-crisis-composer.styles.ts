import { css } from 'lit';
import { crisisStyles } from '../../crisis/present.js';
import { baseStyles, cardStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  cardStyles,
  crisisStyles,
  css`
    :host {
      display: block;
    }
    .preview {
      border-block-start: 8px solid var(--sev);
    }
    h2 {
      margin: 0 0 0.75rem;
      font-size: 1.35rem;
    }
    .headline {
      font-size: 1.3rem;
      margin: 0 0 0.5rem;
    }
    .row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
      gap: 0 1rem;
    }
    fieldset {
      border: 1px solid var(--bh-border);
      border-radius: var(--bh-radius-s);
      padding: 0.5rem 0.9rem 0.75rem;
    }
    legend {
      font-weight: 600;
      padding: 0 0.25rem;
    }
    .check {
      display: inline-flex;
      align-items: center;
      gap: 0.4rem;
      min-height: 44px;
      margin-inline-end: 1rem;
      font-weight: 400;
      /* a village's name wraps between words, never inside one: the label is not allowed
         to shrink below its longest word (at 200 % text it takes its own line instead) */
      overflow-wrap: break-word;
    }
    .check input {
      width: 1.3rem;
      min-height: 0;
      height: 1.3rem;
    }
    .photo-list {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .photo-list li {
      display: grid;
      grid-template-columns: 6rem 1fr;
      gap: 0.75rem;
      margin-block-end: 0.75rem;
    }
    .photo-list img {
      width: 6rem;
      height: auto;
      border-radius: var(--bh-radius-s);
    }
    .file-button span {
      display: inline-flex;
      align-items: center;
      min-height: 44px;
      padding: 0.5rem 1.1rem;
      border: 2px solid var(--bh-primary);
      border-radius: var(--bh-radius-s);
      color: var(--bh-primary);
      font-weight: 600;
      cursor: pointer;
    }
    .file-button:focus-within span {
      outline: 3px solid var(--bh-focus);
      outline-offset: 2px;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      margin-block: 0.5rem 1rem;
    }
  `,
];
