import { css } from 'lit';
import { boardPageStyles } from '../../boards/page.styles.js';
import { boardContentStyles } from '../../boards/render-content.js';
import { baseStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  boardContentStyles,
  boardPageStyles,
  css`
    .save-state {
      margin: 0 0 0.75rem;
      padding: 0.5rem 0.75rem;
      border-radius: var(--bh-radius-s);
      font-weight: 600;
    }
    .save-state.pending {
      background: var(--bh-warning-soft);
      border-inline-start: 5px solid var(--bh-warning);
      color: var(--bh-text);
    }
    .save-state.saved {
      background: var(--bh-primary-soft);
      border-inline-start: 5px solid var(--bh-primary);
    }
    .presence {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.75rem;
      margin: 0 0 0.75rem;
      color: var(--bh-muted);
    }
    .presence p {
      margin: 0;
    }
    .presence ul {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      list-style: none;
      margin: 0;
      padding: 0;
      color: var(--bh-text);
      font-weight: 600;
    }
    .presence li {
      display: inline-flex;
      align-items: center;
      gap: 0.35rem;
    }
    .dot {
      width: 0.8rem;
      height: 0.8rem;
      border-radius: 50%;
      display: inline-block;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .row input {
      flex: 1 1 14rem;
      width: auto;
    }
    .title-form,
    .version-form {
      margin: 0 0 1rem;
    }
    .toolbar {
      position: sticky;
      top: 0;
      z-index: 2;
      display: flex;
      flex-wrap: wrap;
      gap: 0.3rem;
      padding: 0.4rem;
      margin: 0 0 0.5rem;
      background: var(--bh-surface);
      border: 1px solid var(--bh-border);
      border-radius: var(--bh-radius-s);
    }
    .tool {
      padding: 0.3rem 0.6rem;
      background: var(--bh-surface);
      color: var(--bh-text);
      border: 2px solid var(--bh-border);
    }
    .tool[aria-pressed='true'] {
      background: var(--bh-primary);
      border-color: var(--bh-primary);
      color: var(--bh-on-primary);
    }
    .message {
      font-weight: 600;
    }
    .editor {
      margin: 0 0 1rem;
      min-height: 12rem;
    }
    /* ProseMirror's own required rules (prosemirror-view/style/prosemirror.css). */
    .ProseMirror {
      position: relative;
      white-space: pre-wrap;
      word-wrap: break-word;
      font-variant-ligatures: none;
      font-feature-settings: 'liga' 0;
      min-height: 10rem;
      outline: none;
    }
    .ProseMirror:focus-visible {
      outline: 3px solid var(--bh-focus);
      outline-offset: 6px;
    }
    .ProseMirror pre {
      white-space: pre-wrap;
    }
    .ProseMirror li {
      position: relative;
    }
    .ProseMirror-hideselection *::selection {
      background: transparent;
    }
    .ProseMirror-selectednode {
      outline: 2px solid var(--bh-focus);
    }
    /* Other editors' cursors and selections (y-prosemirror decorations). */
    .ProseMirror-yjs-cursor {
      position: relative;
      margin-left: -1px;
      margin-right: -1px;
      border-left: 2px solid;
      border-right: 2px solid;
      word-break: normal;
      pointer-events: none;
    }
    .ProseMirror-yjs-cursor > div {
      position: absolute;
      top: -1.3em;
      left: -2px;
      font-size: 0.8rem;
      font-weight: 700;
      line-height: 1.2;
      white-space: nowrap;
      color: #fff;
      padding: 0.05rem 0.3rem;
      border-radius: 3px 3px 3px 0;
      user-select: none;
    }
    .ProseMirror-yjs-selection {
      background-color: rgb(26 86 219 / 0.2);
    }
  `,
];
