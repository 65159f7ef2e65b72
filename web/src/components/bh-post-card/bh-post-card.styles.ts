import { css } from 'lit';
import { dangerButtonStyles } from '../../styles/form.styles.js';
import { baseStyles, chipStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  chipStyles,
  css`
    :host {
      display: block;
    }
    .card {
      background: var(--bh-surface);
      border: 1px solid var(--bh-border);
      border-radius: var(--bh-radius);
      box-shadow: var(--bh-shadow);
      padding: 1rem 1.1rem 1.1rem;
    }
    .tags {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      margin-block-end: 0.5rem;
      font-size: 0.85rem;
    }
    .chip.nieuws {
      background: #e5eefb;
      color: #1d4a85;
    }
    .chip.vraag-aanbod {
      background: #fcf0d8;
      color: #714400;
    }
    .chip.activiteit {
      background: #efe8fa;
      color: #55298a;
    }
    .chip.verhaal {
      background: #fbe8ee;
      color: #861d45;
    }
    .chip.gemeente {
      background: #e6ebf1;
      color: #2a3a4c;
    }
    .village {
      color: var(--bh-muted);
      font-weight: 600;
    }
    h3 {
      margin: 0 0 0.25rem;
      font-size: 1.25rem;
      line-height: 1.3;
      overflow-wrap: anywhere;
    }
    .meta {
      margin: 0 0 0.75rem;
      color: var(--bh-muted);
      font-size: 0.9rem;
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem;
    }
    .body {
      overflow-wrap: anywhere;
    }
    .body p {
      margin: 0 0 0.75rem;
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .comments {
      border-block-start: 1px solid var(--bh-border);
      margin-block-start: 0.5rem;
      padding-block-start: 0.75rem;
    }
    h4 {
      margin: 0 0 0.5rem;
      font-size: 0.95rem;
      color: var(--bh-muted);
    }
    .comments ul {
      list-style: none;
      margin: 0 0 0.75rem;
      padding: 0;
      display: grid;
      gap: 0.5rem;
    }
    .comments li {
      background: var(--bh-bg);
      border-radius: var(--bh-radius-s);
      padding: 0.5rem 0.75rem;
    }
    .comment-meta {
      margin: 0;
      font-size: 0.85rem;
      color: var(--bh-muted);
    }
    .comment-meta strong {
      color: var(--bh-text);
    }
    .comment-body {
      margin: 0.15rem 0 0;
      overflow-wrap: anywhere;
    }
    .comment-body p {
      margin: 0 0 0.35rem;
      white-space: pre-line;
    }
    .comment-body.removed {
      font-style: italic;
      color: var(--bh-muted);
    }
    .body ul,
    .body ol,
    .comment-body ul,
    .comment-body ol {
      margin: 0 0 0.75rem;
      padding-inline-start: 1.4rem;
    }
    .body a,
    .comment-body a {
      color: var(--bh-primary);
      text-underline-offset: 0.2em;
      overflow-wrap: anywhere;
    }
    .comments ul.answers {
      margin: 0.5rem 0 0.25rem;
      padding-inline-start: 0.9rem;
      border-inline-start: 3px solid var(--bh-border);
    }
    .comments ul.answers li {
      background: var(--bh-surface);
    }
    .comment-form.reply {
      margin-block-start: 0.5rem;
    }
    button.link {
      background: none;
      border: 0;
      padding: 0.25rem;
      min-height: 44px;
      color: var(--bh-primary);
      text-decoration: underline;
      text-underline-offset: 0.2em;
      font-size: 0.9rem;
    }
    .photos {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 0.4rem;
      margin: 0 0 0.75rem;
    }
    .photos.single {
      grid-template-columns: minmax(0, 1fr);
    }
    .photos .wide,
    .video-link {
      grid-column: 1 / -1;
      display: flex;
      align-items: center;
      gap: 0.75rem;
      min-height: 44px;
      padding: 0.75rem 0.9rem;
      border: 1px solid var(--bh-border-strong);
      border-radius: var(--bh-radius-s);
      background: var(--bh-bg);
      color: var(--bh-text);
      text-decoration: none;
    }
    .video-link:hover .video-link-host {
      text-decoration: underline;
    }
    .video-link .play {
      flex: none;
      color: var(--bh-primary);
    }
    .video-link-text {
      display: grid;
      min-width: 0;
    }
    .video-link-host {
      font-weight: 700;
      color: var(--bh-primary);
    }
    .video-link-url {
      color: var(--bh-muted);
      overflow-wrap: anywhere;
      font-size: 0.9rem;
    }

    .actions-row {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      align-items: center;
      gap: 0.5rem;
      margin-block-end: 0.5rem;
    }
    .reactions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem;
    }
    button.reaction {
      display: inline-flex;
      align-items: center;
      gap: 0.35rem;
      padding: 0.3rem 0.7rem;
      background: var(--bh-bg);
      color: var(--bh-text);
      border: 1px solid var(--bh-border-strong);
      border-radius: 999px;
      font-weight: 600;
    }
    .reaction-icon {
      flex: none;
    }
    .reactions.small {
      margin-block: 0.25rem;
    }
    .reactions.small button.reaction {
      font-size: 0.85rem;
      padding: 0.2rem 0.55rem;
      gap: 0.25rem;
    }
    .reactions.small .reaction-icon {
      width: 16px;
      height: 16px;
    }
    button.reaction[aria-pressed='true'] {
      background: var(--bh-primary-soft);
      border: 2px solid var(--bh-primary);
      color: var(--bh-primary);
    }
    .share {
      display: flex;
      align-items: center;
      gap: 0.5rem;
    }
    .shared {
      color: var(--bh-primary);
      font-weight: 600;
      font-size: 0.9rem;
    }
    button.small {
      padding: 0.35rem 0.8rem;
    }
    .comment-form label {
      font-size: 0.9rem;
    }
    .comment-row {
      display: flex;
      gap: 0.5rem;
      align-items: flex-start;
    }
    .comment-row textarea {
      flex: 1;
      min-height: 44px;
    }
    .comment-row button {
      flex: none;
    }
    .card:focus {
      outline: none;
    }
    .card:focus-visible {
      outline: 3px solid var(--bh-focus);
      outline-offset: 2px;
    }
    :host {
      scroll-margin-block-start: 8rem;
    }
    .owner-actions,
    .comment-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin: 0 0 0.5rem;
    }
    .comment-actions {
      margin: 0;
      gap: 0.25rem;
    }
    .edit-form {
      margin: 0 0 0.75rem;
    }
    .edit-form textarea {
      margin-block-end: 0.5rem;
    }
    dialog {
      border: 0;
      border-radius: var(--bh-radius);
      padding: 1.25rem;
      max-width: min(28rem, calc(100vw - 2rem));
      box-shadow: 0 8px 32px rgb(0 0 0 / 0.25);
      color: var(--bh-text);
    }
    dialog::backdrop {
      background: rgb(23 33 28 / 0.45);
    }
    dialog h4 {
      color: var(--bh-text);
      font-size: 1.15rem;
      margin: 0 0 0.5rem;
    }
    dialog p {
      margin: 0 0 1rem;
    }
    @media (max-width: 30rem) {
      .comment-row {
        flex-direction: column;
        align-items: stretch;
      }
    }
  `,
  // After the card's own button rules, as before: its delete buttons are red.
  dangerButtonStyles,
];
